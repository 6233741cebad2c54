"""The read model's records (`sitrep.read.records`) against what the queries really give, and
against what the API documents.

- Each query's columns are its record's keys (no store needed): a column added to a query and
  not to its record, or the other way round, fails here.
- Every answer of the read model, on a built store, has exactly its record's keys, with values
  of the declared types, recursively (a nested record, a list of them, None where allowed).
- The API serves the records as they are: a route's documented shape is the record's, and no
  response schema has an untyped object except the JSON fields named below.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NotRequired, Union, get_args, get_origin, get_type_hints

import pytest
from sqlalchemy import Connection, Select
from typing_extensions import is_typeddict

from sitrep import ledger
from sitrep.api import create_app
from sitrep.read import (
    claims,
    documents,
    dossier,
    entities,
    events,
    judgements,
    map,
    network,
    relations,
    search,
)
from sitrep.read import records as r
from sitrep.read.columns import claims_query
from sitrep.store import schema
from test_api_store_builder import build_store

# JSON a pipeline stage wrote, typed as an open object on purpose (see sitrep.read.records)
OPEN_OBJECTS = {"attributes", "targets", "place", "time", "casualties", "participants", "args"}


def keys(record: Any) -> set[str]:
    return set(record.__required_keys__) | set(record.__optional_keys__)


def columns(query: Select[Any]) -> set[str]:
    return {c.key for c in query.selected_columns}


@pytest.mark.parametrize(
    ("query", "record", "added"),
    [
        (documents.documents_query(), r.DocumentItem, set()),
        (entities.entities_query(), r.EntityListItem, set()),
        (claims_query(), r.ClaimRecord, set()),
        (judgements.judgements_query(), r.JudgementRow, set()),
        (
            documents.select(*documents.DOCUMENT_MENTION_COLUMNS),
            r.DocumentMention,
            set(),
        ),
        (documents.select(*documents.EVENT_MENTION_COLUMNS), r.DocumentEventMention, set()),
        (documents.select(*documents.DOCUMENT_CLAIM_COLUMNS), r.DocumentClaim, set()),
        (documents.select(schema.entities), r.EntityRow, set()),
        (documents.select(schema.event_mentions), r.EventMentionRow, set()),
        (documents.select(schema.events), r.EventRow, set()),
        (
            documents.select(schema.relations),
            r.Relation,
            # the ends' names, the claims, and what `relations._worked_out` reads from them
            {"subject", "object", "claims", "family", "time_precision", "n_reports"}
            | {"latest_report"},
        ),
    ],
    ids=lambda x: getattr(x, "__name__", ""),
)
def test_each_query_selects_its_records_keys(query: Any, record: Any, added: set[str]) -> None:
    assert columns(query) | added == keys(record)


# -- the records a built store gives ---------------------------------------------------------


def conforms(value: Any, hint: Any, where: str = "") -> list[str]:
    """Where `value` is not of the type `hint` says (a TypedDict exactly: no key missing, none
    more), as a list of paths; empty when it conforms."""
    origin = get_origin(hint)
    if hint is Any:
        return []
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if value is None and type(None) in options:
            return []
        found = [conforms(value, o, where) for o in options if o is not type(None)]
        return [] if any(not f for f in found) else found[0]
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a {hint.__name__}"]
        hints = get_type_hints(hint)
        problems = [f"{where}.{k}: missing" for k in hint.__required_keys__ if k not in value]
        problems += [f"{where}.{k}: not in {hint.__name__}" for k in value if k not in hints]
        for k, v in value.items():
            if k in hints:
                wanted = hints[k]
                if get_origin(wanted) is NotRequired:
                    wanted = get_args(wanted)[0]
                problems += conforms(v, wanted, f"{where}.{k}")
        return problems
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        (item,) = get_args(hint)
        return [p for i, v in enumerate(value) for p in conforms(v, item, f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        _, item = get_args(hint)
        return [p for k, v in value.items() for p in conforms(v, item, f"{where}[{k!r}]")]
    if hint is float:
        return [] if isinstance(value, int | float) and not isinstance(value, bool) else [where]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r}, not None"]
    return [] if isinstance(value, hint) else [f"{where}: {value!r}, not a {hint.__name__}"]


def test_the_checker_finds_a_missing_an_extra_and_a_mistyped_key() -> None:
    good: r.RelationEnd = {"entity_id": "ent_a", "name": None}
    assert conforms(good, r.RelationEnd) == []
    assert conforms({"entity_id": "ent_a"}, r.RelationEnd) == [".name: missing"]
    assert conforms({**good, "more": 1}, r.RelationEnd) == [".more: not in RelationEnd"]
    assert conforms({**good, "name": 3}, r.RelationEnd) == [".name: 3, not a str"]
    assert conforms([good, {**good, "entity_id": None}], list[r.RelationEnd]) == [
        "[1].entity_id: None, not a str"
    ]


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    built = build_store(tmp_path_factory.mktemp("records") / "store.db")
    with built.store.read() as connection:
        claim = claims.list_claims(connection)[0]["id"]
    # a decision on record, so the judgements of an event and of the log are read too
    ledger.decide(built.store, "analyst", "checked the wire", ledger.mark_claim, claim, "verified")
    with built.store.read() as connection:
        yield connection


def every_answer(conn: Connection) -> Iterator[tuple[str, Any, Any]]:
    """(what, answer, its record type) for every question the read model answers."""
    for entity in entities.list_entities(conn):
        yield "dossier", dossier.dossier(conn, entity["id"]), r.Dossier
        yield "dossier_named", dossier.dossier_named(conn, entity["id"]), r.DossierNamed
        yield "find_entity", entities.find_entity(conn, entity["id"]), r.EntityRow
    yield "list_entities", entities.list_entities(conn), list[r.EntitySummary]
    for event in events.list_events(conn):
        yield "event_with_claims", claims.event_with_claims(conn, event["id"]), r.EventDetail
    yield "list_events", events.list_events(conn), list[r.EventRow]
    every_event = events.events_query(conn).with_only_columns(schema.events.c.id)
    sources = claims.claim_sources_by_event(conn, every_event)
    yield "claim_sources_by_event", sources, dict[str, list[r.ClaimSource]]
    named = [e["id"] for e in entities.list_entities(conn)]
    yield "entities_by_id", entities.entities_by_id(conn, named), dict[str, r.EntityRow]
    yield "list_claims", claims.list_claims(conn), list[r.ListedClaim]
    yield "list_judgements", judgements.list_judgements(conn), list[r.JudgementRow]
    for (doc,) in conn.execute(documents.select(schema.documents.c.id)):
        yield "findings", documents.findings(conn, doc), r.Findings
    yield "search", search.search_documents(conn, "Soleimani", 50, 0)[1], list[r.SearchHit]
    kinds = {"events", "sentences", "relations"}
    yield "network", network.network(conn, set(), 1, 300, kinds), r.Network
    located = map.located_events(conn)
    yield "located_events", located, list[r.LocatedEvent]
    yield "features", [map.feature(e) for e in located], list[r.EventFeature]
    yield "relations_of", relations.relations_of(conn), list[r.Relation]
    pairs = relations.relation_pairs(conn)
    yield "relation_pairs", list(pairs.values()), list[list[r.PairRelation]]


def test_every_answer_has_exactly_its_records_keys_and_types(conn: Connection) -> None:
    problems, seen = [], set()
    for what, answer, record in every_answer(conn):
        seen.add(what)
        problems += [f"{what}{p}" for p in conforms(answer, record)]
    assert not problems, "\n".join(problems[:20])
    assert len(seen) >= 15


def test_the_built_store_fills_the_records_it_is_checked_with(conn: Connection) -> None:
    """The check above means something only where the store has rows of each kind."""
    assert events.list_events(conn) and claims.list_claims(conn)
    assert judgements.list_judgements(conn)
    assert any(d["events"] and d["mentions"] for d in map_dossiers(conn))
    assert search.search_documents(conn, "Soleimani", 50, 0)[0] > 0
    assert map.located_events(conn)


def map_dossiers(conn: Connection) -> list[r.Dossier]:
    return [dossier.dossier(conn, e["id"]) for e in entities.list_entities(conn)]


# -- the API documents the records as they are ----------------------------------------------


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from sitrep.store import Store

    folder: Path = tmp_path_factory.mktemp("openapi")
    store = Store(str(folder / "empty.db"))
    try:
        return create_app(store).openapi()
    finally:
        store.close()


def success_schema(openapi: dict[str, Any], path: str) -> dict[str, Any]:
    body = openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    return resolve(openapi, body["schema"])


def resolve(openapi: dict[str, Any], schema_: dict[str, Any]) -> dict[str, Any]:
    ref = schema_.get("$ref")
    if ref is None:
        return schema_
    found: dict[str, Any] = openapi["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return found


@pytest.mark.parametrize(
    ("path", "field", "record"),
    [
        ("/api/events/{event_id}", None, r.EventDetail),
        ("/api/entities/{entity_id}", None, r.Dossier),
        ("/api/network", None, r.Network),
        ("/api/map", None, r.EventFeatures),
        ("/api/events", "items", r.EventRow),
        ("/api/timeline", "items", r.EventRow),
        ("/api/claims", "items", r.ClaimRecord),
        ("/api/judgements", "items", r.JudgementRow),
        ("/api/documents", "items", r.DocumentItem),
        ("/api/entities", "items", r.EntityListItem),
        ("/api/search", "items", r.SearchHit),
        ("/api/relations", "relations", r.Relation),
    ],
)
def test_a_route_documents_the_read_record_it_serves(
    openapi: dict[str, Any], path: str, field: str | None, record: Any
) -> None:
    documented = success_schema(openapi, path)
    if field is not None:
        documented = resolve(openapi, documented["properties"][field]["items"])
    assert documented["title"] == record.__name__
    assert set(documented["properties"]) == keys(record)
    assert set(documented.get("required", [])) == set(record.__required_keys__)


def test_no_response_has_an_untyped_object_but_the_written_json(
    openapi: dict[str, Any],
) -> None:
    """A `dict[str, Any]` (or a list of them) in a response model is an untyped object in
    the OpenAPI document, `unknown` in the web UI's types: only JSON a stage wrote may be one."""
    loose = []
    for name, component in openapi["components"]["schemas"].items():
        for prop, spec in component.get("properties", {}).items():
            for option in spec.get("anyOf", [spec]):
                inner = option.get("items", option)
                if inner.get("type") == "object" and "properties" not in inner:
                    typed_values = isinstance(inner.get("additionalProperties"), dict) and (
                        inner["additionalProperties"] != {}
                    )
                    if not typed_values and prop not in OPEN_OBJECTS:
                        loose.append(f"{name}.{prop}")
    assert not loose, loose
