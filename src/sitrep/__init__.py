"""sitrep: from noisy open-web reports to a sourced picture of a conflict."""

__version__ = "0.1.0"
