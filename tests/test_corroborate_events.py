"""Corroboration on a real SQLite store, fed by extraction from hand-built parses."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sitrep.corroborate import (
    ClaimView,
    event_status,
    origin_key,
    record_judgement,
    run_corroboration,
)
from sitrep.corroborate.origins import copy_key
from sitrep.extract import extract_events
from sitrep.records import UNNAMED_SOURCE, CleanDocument, DocResult, FoundDate
from sitrep.store import Store
from sitrep.store import schema as s
from sitrep.store.writer import DuplicateInfo, write_batch
from test_extract_events import PARSED, build_doc


def _result(
    name: str, doc_id: str, site: str | None = None, published: str | None = None
) -> DocResult:
    doc, meta = build_doc(PARSED / f"{name}.txt")
    outlet = site or meta.get("outlet")
    published = published or meta.get("published")
    found = FoundDate(published, "dateline") if published else None
    clean = CleanDocument(
        id=doc_id, origin=f"{name}.txt", format="text", text=doc.text, site=outlet,
        published=found,
    )  # fmt: skip
    return DocResult(clean, extraction=extract_events(doc_id, doc, published, outlet))


def _store(
    tmp_path: Path,
    docs: list[tuple[str, str, str | None]],
    dups: dict[str, str],
    published: str | None = None,
) -> Store:
    store = Store(str(tmp_path / "sitrep.db"))
    run_id = store.start_run("test", {})
    results = [_result(name, doc_id, site, published) for name, doc_id, site in docs]
    duplicates = {d: DuplicateInfo(orig, 0.95, None) for d, orig in dups.items()}
    with store.transaction() as conn:
        write_batch(conn, results, run_id, duplicates)
    return store


def _events(store: Store) -> list[dict[str, object]]:
    with store.read() as conn:
        return [dict(r._mapping) for r in conn.execute(select(s.events))]


def test_moscow_visit_is_contested(tmp_path: Path) -> None:
    # Four sentences of one forum page, stored as four reports published the same day: none
    # dates the visit, so they join on the day they were told, Soleimani and Moscow.
    store = _store(
        tmp_path,
        [("fox_citing", "d1", None), ("denial_was_not", "d2", None), ("denial_reports", "d3", None),
         ("trailing_this_writes", "d4", None)],
        {},
        published="2015-10-13",
    )  # fmt: skip
    stats = run_corroboration(store)
    assert stats.mentions >= 5
    moscow = [e for e in _events(store) if e["type"] == "CONSULT"]
    assert len(moscow) == 1, [e["summary"] for e in moscow]
    event = moscow[0]
    assert event["status"] == "contested"
    assert "western intelligence" in str(event["status_reason"]).lower()
    assert "russian foreign ministry" in str(event["status_reason"]).lower()
    assert event["time_start"] is None  # "In August" dates the report, not the visit
    with store.read() as conn:
        logged = list(conn.execute(select(s.judgements).where(s.judgements.c.by == "rule")))
        keys = {r.origin_key for r in conn.execute(select(s.claims))}
    assert logged and all("shared participants" in r.reason for r in logged)
    assert "source:western intelligence" in keys


def test_syndicated_copy_is_not_a_second_origin(tmp_path: Path) -> None:
    store = _store(
        tmp_path,
        [("visit_hedged", "a1", "AMN"), ("visit_hedged", "a2", "Copycat"),
         ("visit_hedged", "a3", "Other Outlet")],
        {"a2": "a1"},
    )  # fmt: skip
    run_corroboration(store)
    (event,) = [e for e in _events(store) if e["type"] == "CONSULT"]
    # the linked copy is its first copy's voice; the unlinked one tells the same sentences
    # word for word under another outlet's name, a wire text it ran: one origin too
    assert event["n_claims"] == 3 and event["n_origins"] == 1
    assert event["status"] == "single-source"
    assert event["origins"] == ["outlet:amn"]


def test_rerun_is_stable_and_analyst_split_survives(tmp_path: Path) -> None:
    store = _store(tmp_path, [("visit_hedged", "a1", "AMN"), ("visit_hedged", "a3", "Other")], {})
    run_corroboration(store)
    first = _events(store)
    run_corroboration(store)
    assert [e["id"] for e in _events(store)] == [e["id"] for e in first]
    with store.read() as conn:
        mention = conn.execute(
            select(s.event_mentions.c.id).where(s.event_mentions.c.document_id == "a3")
        ).scalar_one()
    record_judgement(store, "split", [mention], "different trip", "analyst-1")
    run_corroboration(store)
    run_corroboration(store)
    consults = [e for e in _events(store) if e["type"] == "CONSULT"]
    assert len(consults) == 2 and all(e["status"] == "single-source" for e in consults)


def test_modal_mentions_never_become_events(tmp_path: Path) -> None:
    store = _store(tmp_path, [("modal_troops", "m1", None)], {})
    stats = run_corroboration(store)
    assert stats.mentions == 0 and _events(store) == []


def test_origin_and_status_rules() -> None:
    def claim(cid: str, chain: list[dict[str, object]], stance: str, doc: str = "d") -> ClaimView:
        return ClaimView(cid, doc, doc, "Outlet", tuple(chain), stance)

    outlet = {"name": "Outlet", "kind": "outlet"}
    citing = claim("c1", [outlet, {"name": "Reuters", "kind": "agency"}], "reports")
    assert origin_key(citing) == "source:reuters"
    assert origin_key(claim("c2", [outlet], "asserts")) == "outlet:outlet"
    only_denied = event_status([claim("c3", [outlet, {"name": "Kremlin"}], "denies")])
    assert only_denied.status == "denied"
    same_origin = event_status([citing, claim("c4", [{"name": "Reuters"}], "reports", "e")])
    assert same_origin.status == "single-source" and same_origin.n_origins == 1


def test_a_source_the_text_does_not_name_is_no_origin() -> None:
    # "It was reported that ...": the claim speaks in its outlet's voice, so the same outlet's
    # unnamed report and its own words are one origin, and unnamed reports in two outlets are
    # the outlets' two voices, never one "unnamed source" nor a third origin beside them
    unnamed = {"name": UNNAMED_SOURCE, "kind": "anonymous", "verb": "reported"}
    reported = ClaimView("c1", "d1", "d1", "Outlet", (unnamed,), "reports")
    assert origin_key(reported) == "outlet:outlet"
    cited = ClaimView("c2", "d1", "d1", "Outlet", ({"name": "SANA", "kind": "agency"}, unnamed),
                      "reports")  # fmt: skip
    assert origin_key(cited) == "source:sana"
    own = ClaimView("c3", "d2", "d2", "Outlet", (), "asserts")
    assert event_status([reported, own]).n_origins == 1


def _cites(cid: str, doc: str, outlet: str, *sources: tuple[str, str]) -> ClaimView:
    chain = ({"name": outlet, "kind": "outlet"}, *({"name": n, "kind": k} for n, k in sources))
    return ClaimView(cid, doc, doc, outlet, chain, "reports")


def test_one_outlets_described_sources_are_one_origin() -> None:
    # one outlet's two reports, "a military source said" and "local media reported": nothing
    # tells they are two witnesses, so the outlet is not corroborated by itself
    first = _cites("c1", "d1", "Sputnik", ("a military source", "anonymous"))
    second = _cites("c2", "d2", "Sputnik", ("local media", "agency"))
    found = event_status([first, second])
    assert found.status == "single-source" and found.n_origins == 1
    assert "a military source (via Sputnik) / local media (via Sputnik)" in found.reason
    # named sources in the same outlet's two reports stay two origins
    named = event_status(
        [
            _cites("c3", "d1", "Sputnik", ("Talal Barazi", "person")),
            _cites("c4", "d2", "Sputnik", ("the Russian Defence Ministry", "official")),
        ]
    )
    assert named.status == "corroborated" and named.n_origins == 2


def test_a_described_source_in_two_outlets_stays_one_origin() -> None:
    # "a source told SANA" republished by another outlet: the same words are still one
    # origin across outlets, and pooling joins each outlet's other described sources to it
    sana = _cites("c1", "d1", "SANA", ("a source", "anonymous"))
    copy = _cites(
        "c2", "d2", "Al-Alam", ("the correspondent", "unknown"), ("a source", "anonymous")
    )
    other = _cites("c3", "d3", "Al-Alam", ("residents", "anonymous"))
    found = event_status([sana, copy, other])
    assert found.status == "single-source" and found.n_origins == 1
    # a source an entity names inside the description is named ("Syrian activists")
    marked = {"name": "Syrian activists", "kind": "anonymous", "named": True}
    named = ClaimView(
        "c4", "d4", "d4", "AFP", ({"name": "AFP", "kind": "outlet"}, marked), "reports"
    )
    assert event_status([sana, named]).status == "corroborated"


def test_a_description_names_no_one_unless_an_entity_or_a_capital_says_so() -> None:
    from sitrep.corroborate.origins import names_someone

    described = ["a military source", "local media", "State media", "the monitoring group"]
    assert not any(names_someone({"name": n, "kind": "unknown"}) for n in described)
    named = ["SANA", "the Syrian Observatory", "Rami Abdel Rahman", "Observatory"]
    assert all(names_someone({"name": n, "kind": "official"}) for n in named)
    assert not names_someone({"name": "Activists", "kind": "anonymous"})
    assert names_someone({"name": "Turkish military", "kind": "official", "named": True})


def test_a_link_with_an_entity_inside_is_marked_named() -> None:
    from sitrep.corroborate.views import _with_names

    link = {"name": "Syrian activists", "kind": "anonymous", "start": 10, "end": 26}
    assert _with_names(link, [(10, 16, "NORP", None)])["named"] is True
    assert "named" not in _with_names(link, [(30, 36, "GPE", "place")])


def test_one_sentence_in_two_outlets_is_one_origin() -> None:
    # a wire story two outlets ran: the same sentence word for word, whatever each chain reads
    told = "Five civilians including two children were killed by shells that landed on the town"
    first = ClaimView("c1", "d1", "d1", "Ahram", (), "asserts", copied=copy_key(told))
    second = ClaimView(
        "c2", "d2", "d2", "Jordan Times", ({"name": "the Observatory", "kind": "unknown"},),
        "reports", copied=copy_key(told.replace("town", "Town") + "."),
    )  # fmt: skip
    found = event_status([first, second])
    assert found.status == "single-source" and found.n_origins == 1
    # the same happening told in other words by each outlet is two origins
    retold = "Shells that landed on the town killed five civilians among them two children"
    other = ClaimView("c3", "d3", "d3", "Jordan Times", (), "asserts", copied=copy_key(retold))
    assert event_status([first, other]).status == "corroborated"
    # a short sentence may be written apart: no copy
    assert copy_key("Five people were killed on Monday.") is None
