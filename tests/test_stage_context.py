"""SITREP_PACK reaches every stage: with a second, tiny pack (invented names, its own title),
the map's alias ruler, resolution, and title stripping all use it, and nothing of the shipped
pack leaks in. The pack and the page are fixtures written for this test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sitrep.names import strip_titles
from sitrep.pack import load_pack
from sitrep.pack.active import activate
from sitrep.pipeline import Ingest
from sitrep.settings import Settings, get_settings
from sitrep.store import Store, schema

FIXTURES = Path(__file__).parent / "fixtures" / "packs"
pytestmark = pytest.mark.slow


@pytest.fixture(params=["SITREP_PACK", "Settings(pack=...)"])
def tiny_pack(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The tiny pack, named in the environment or only in the settings a run is handed."""
    path = str(FIXTURES / "tiny")
    if request.param == "SITREP_PACK":
        monkeypatch.setenv("SITREP_PACK", path)
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()
    activate(load_pack(get_settings().pack))  # the next test's pack is the shipped one again


def test_a_second_pack_reaches_the_map_the_reduce_and_the_name_keys(
    tiny_pack: str, tmp_path: Path
) -> None:
    settings = Settings(pack=tiny_pack)
    store = Store(str(tmp_path / "store.db"))
    summary = Ingest(store, settings, use_nlp=True).run([str(FIXTURES / "tiny-docs")])
    assert summary.stored == 1, summary.as_dict()
    with store.read() as conn:
        found = conn.execute(
            select(schema.mentions.c.text, schema.mentions.c.entity_id, schema.mentions.c.source)
        ).all()
        rel = schema.relations
        relations = conn.execute(
            select(rel.c.type, rel.c.subject_entity_id, rel.c.object_entity_id, rel.c.title)
        ).all()
        pack_entities = dict(
            conn.execute(
                select(schema.entities.c.id, schema.entities.c.attributes).where(
                    schema.entities.c.pack_id.is_not(None)
                )
            ).all()
        )
    store.close()
    owners = {text: entity for text, entity, _ in found}
    # the map's alias ruler and resolution both know the tiny pack's people and groups
    assert owners.get("Zorvan Quellet") == "pk_zorvan-quellet", found
    assert owners.get("Tidewatch Brigade") == "pk_tidewatch", found
    # the shipped pack is not there: a name it knows is just a name here
    assert not any(str(entity).startswith("pk_qassem") for _, entity, _ in found), found
    # the reduce's pack entities and the relations it states are the tiny pack's, with its source
    assert set(pack_entities) == {"pk_zorvan-quellet", "pk_tidewatch"}, pack_entities
    [position] = pack_entities["pk_zorvan-quellet"]["positions"]
    assert position["source"] == "tiny test pack (invented)"
    # (learned relations may join it; none may name an entity of the shipped pack)
    assert ("holds-position", "pk_zorvan-quellet", "pk_tidewatch", "Harbour Warden") in relations
    ends = {end for _, subject, obj, _ in relations for end in (subject, obj)}
    assert {e for e in ends if str(e).startswith("pk_")} <= set(pack_entities), relations
    # title stripping (name keys) uses the tiny pack's titles
    assert strip_titles("Harbour Warden Zorvan Quellet") == ("Zorvan Quellet", ("Harbour Warden",))


def test_the_active_pack_decides_the_titles_stripped(tiny_pack: str) -> None:
    activate(load_pack(tiny_pack))
    assert strip_titles("Hbr. Warden Someone Else")[0] == "Someone Else"
    activate(load_pack("syria-iraq"))
    assert strip_titles("Hbr. Warden Someone Else")[0] == "Hbr. Warden Someone Else"
