"""`sitrep eval corroboration --read-out`: every event that joins documents, written with each
document and each of its sentences in the event, for a person to judge; an event told by one
document is left out."""

from __future__ import annotations

from pathlib import Path

from sitrep.corroborate.readout import write_readout
from sitrep.store import Store
from storefixtures import ARTICLES, EVENTS, build_store


def test_the_readout_holds_each_joined_event_with_its_documents_sentences(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "store.db"))
    build_store(store, tmp_path)
    out = tmp_path / "readout.md"
    joined = [e for e in EVENTS if len({key for key, *_ in e["claims"]}) > 1]
    assert write_readout(store, out) == len(joined) == 2
    store.close()
    text = out.read_text(encoding="utf-8")
    for event in joined:
        for key, index, *_ in event["claims"]:
            article = ARTICLES[key]
            assert article["title"] in text and article["source"] in text
            assert " ".join(article["sentences"][index].split()) in text
    # the IRGC's silence is told by one document only: not a join to judge
    assert "did not comment on the visit" not in text
