"""The web UI's TypeScript types are generated from the API's OpenAPI document and committed
(`scripts/gen-api-types` writes `src/sitrep/web/src/generated/api-types.ts`, so `npm run build`
needs no Python). These tests fail while the committed file is stale: after a change to a
response model or a read record, run `scripts/gen-api-types` and commit the file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.api import openapi

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "sitrep" / "web" / "src"
GENERATED = WEB / "generated" / "api-types.ts"
GENERATOR = ROOT / "node_modules" / ".bin" / "openapi-typescript"
STALE = "the web UI's API types are stale: run scripts/gen-api-types and commit the file"


def test_the_generated_types_name_the_current_openapi_document() -> None:
    """Pure Python: the digest in the file's first line is the current document's."""
    first = GENERATED.read_text(encoding="utf-8").splitlines()[0]
    found = re.fullmatch(r"// openapi sha256: ([0-9a-f]{64})", first)
    assert found, f"{GENERATED.name} does not start with the digest line"
    assert found.group(1) == openapi.digest(openapi.text()), STALE


@pytest.mark.skipif(
    not GENERATOR.exists(), reason="openapi-typescript is not installed (run scripts/build-web)"
)
def test_the_generated_types_are_what_the_generator_writes(tmp_path: Path) -> None:
    """With the npm tools installed: generating again gives the committed file, byte for byte
    (so the file is neither stale nor edited by hand)."""
    out = tmp_path / "api-types.ts"
    env = {**os.environ, "PYTHON": sys.executable}
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "gen-api-types"), str(out)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=300,
    )
    assert out.read_text(encoding="utf-8") == GENERATED.read_text(encoding="utf-8"), STALE


def test_the_ui_reads_the_api_through_the_generated_types() -> None:
    """No hand-written `any` for API data: every page and helper, the map's included, uses the
    generated types."""
    loose = re.compile(r"(:\s*any\b|\bas any\b|<any>|\bany\[\]|Record<string,\s*any>)")
    found = []
    for path in sorted(WEB.rglob("*.ts")):
        if "generated" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if loose.search(line):
                found.append(f"{path.relative_to(WEB)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
    assert 'from "./generated/api-types"' in (WEB / "api.ts").read_text(encoding="utf-8")
