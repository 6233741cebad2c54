"""Text is text: UTF-16 and UTF-32, in either byte order, with or without a byte-order mark,
are read (not rejected as binary), as pages, plain text and tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.acquire import iter_inputs
from sitrep.acquire.sniff import wide_encoding
from sitrep.pipeline import Ingest
from sitrep.records import Rejection
from sitrep.settings import Settings
from sitrep.store import Store

WIDE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
TEXT = (
    "Officials in Baghdad said on Monday that talks with Ankara ended, café owners said.\n\n"
    "A second paragraph follows, with more words about the border crossing at Zakho.\n"
)
PAGE = (
    "<html><head><title>Talks end in Baghdad</title></head><body><article>"
    + "".join(f"<p>{line}</p>" for line in TEXT.split("\n\n"))
    + "<p>More words about the meeting in the capital and what it means for the region.</p>"
    "</article></body></html>"
)
TABLE = "title,text\nTalks end,A row about talks in Baghdad on Monday and their outcome.\n"


@pytest.mark.parametrize("encoding", WIDE)
def test_wide_encodings_are_named(encoding: str) -> None:
    named = wide_encoding(TEXT.encode(encoding))
    assert named == encoding
    assert wide_encoding(TEXT.encode("utf-8")) is None


def test_wide_pages_texts_and_tables_are_stored_with_their_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for encoding in WIDE:
        (folder / f"{encoding}.txt").write_bytes(TEXT.encode(encoding))
        (folder / f"{encoding}.html").write_bytes(PAGE.encode(encoding))
        (folder / f"{encoding}.csv").write_bytes(TABLE.encode(encoding))
    store = Store(str(tmp_path / "s.db"))
    summary = Ingest(store, Settings(), use_nlp=False).run([str(folder)])
    assert summary.rejected_total == 0, store.rejects()
    # Files are identified by their bytes (one document per encoding, linked as near-duplicates);
    # table rows by their text (one row whatever the encoding).
    assert summary.stored == 2 * len(WIDE) + 1
    assert summary.near_duplicates >= 2 * len(WIDE) - 2  # the same words, read alike
    texts = {store.document(d["id"])["text"].strip() for d in store.documents()}
    assert any(t.startswith("Officials in Baghdad") and "café" in t for t in texts)
    assert any("row about talks" in t for t in texts)


def test_a_markup_trap_in_utf16_is_still_measured(tmp_path: Path) -> None:
    trap = "<html><body><div " + " ".join(f"a{n}=1" for n in range(5000)) + ">x</div></body>"
    path = tmp_path / "trap.html"
    path.write_bytes(trap.encode("utf-16-le"))
    (item,) = list(iter_inputs([str(path)], Settings()))
    assert isinstance(item, Rejection) and item.reason == "over-budget"
