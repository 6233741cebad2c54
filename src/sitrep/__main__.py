"""`python -m sitrep`: the same as the `sitrep` command."""

from sitrep.cli.app import main

main()
