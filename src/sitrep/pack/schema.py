"""The domain pack's schema: one pydantic model per YAML record kind, validated at load time.

A pack is data (YAML files in a folder), not code: another theatre is another folder.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ActorType = Literal["person", "group", "state_body", "state", "media"]
NlpLabel = Literal["PERSON", "ORG", "LOC", "NORP"]

# The NER label an alias of each actor type is tagged with by the alias ruler.
LABEL_OF_TYPE: dict[str, NlpLabel] = {
    "person": "PERSON",
    "group": "ORG",
    "state_body": "ORG",
    "state": "LOC",
    "media": "ORG",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Position(_Strict):
    """A role an actor held, with the body it was held in and when (ISO years or dates)."""

    title: str
    org: str | None = None  # a pack id where the body is in the pack, else free text
    start: str | None = None
    end: str | None = None
    source: str | None = None  # where the fact comes from; the pack's default when absent


class Affiliation(_Strict):
    """A link from an actor to another (member of, part of, backed by, funded by ...)."""

    org: str
    relation: str = "member-of"
    start: str | None = None
    end: str | None = None
    source: str | None = None


class Actor(_Strict):
    """One canonical actor: a person, armed group, state body, state or media outlet."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: ActorType
    name: str
    aliases: tuple[str, ...] = ()
    # Short forms ("Ghaani", "Fars", "the Observatory"): never alias-ruler patterns on their
    # own. In a document that names the actor in full they join that mention; alone, they
    # name the actor when no other pack actor has the same short form (`resolve.run`,
    # "short form unique in the pack"): a body's customary short form belongs here.
    short_forms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # NORP forms of a state ("Iranian", "Syrian")
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    description: str | None = None
    affiliation: str | None = None  # media: "state", "IRGC-affiliated", "US-funded" ...
    positions: tuple[Position, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()

    @property
    def label(self) -> NlpLabel:
        return LABEL_OF_TYPE[self.type]

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Title(_Strict):
    """A title, rank or honorific that precedes (or, rarely, follows) a person's name."""

    text: str
    kind: Literal["rank", "office", "religious", "honorific"] = "rank"
    variants: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.text, *self.variants)


class Region(_Strict):
    """An admin area (province, governorate) the offline gazetteer does not cover, or a named
    sub-region (a plain, a valley) `within` one."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    country: str = Field(pattern=r"^[A-Z]{2}$")
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    geonames: int | None = None
    geonames_admin1: str | None = Field(default=None, pattern=r"^[0-9A-Z]{1,3}$")  # its towns' code
    within: str | None = None  # the id of the region this one lies in
    # The admin-1 areas (governorates, provinces) this region is, by the codes the map's
    # boundaries give them (HASC, "SY.ID" for Idlib; "PS:Gaza Strip" where Natural Earth has
    # none): a place known only to this region is drawn as their area. Several for a region
    # made of governorates (Kurdistan Region); none for one that is no admin-1 area (the
    # Golan Heights), drawn as a ring of approximate size.
    admin1_codes: tuple[str, ...] = ()

    @field_validator("admin1_codes")
    @classmethod
    def _admin1_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if not re.fullmatch(r"[A-Z]{2}(?:\.[A-Z0-9]{1,3}|:\S.*)", code):
                raise ValueError(f"not an admin-1 code (HASC as 'SY.ID', or 'PS:Name'): {code!r}")
        return value

    @field_validator("lat")
    @classmethod
    def _lat(cls, value: float) -> float:
        if not -90 <= value <= 90:
            raise ValueError("latitude out of range")
        return value


class PackMeta(_Strict):
    name: str
    description: str = ""
    default_source: str = "pack (public knowledge)"
