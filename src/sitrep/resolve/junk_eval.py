"""`sitrep eval junk`: how many stored entity names are not names (issue 13's measure).

Counted over the entities with two or more mentions (one-off names are noise of another kind),
by the rules of `sitrep.names.junk`: digits, counts, headline verbs, function words or lower-case
articles only, a weekday's possessive, and a possessive written without its apostrophe whose
stem the pack or the gazetteer knows. A seeded random sample of entities is returned too, for a
hand check (a second seed draws a second sample, so fixes are not tuned to one).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy import func, select

from sitrep.names.junk import junk_reason
from sitrep.pack import load_pack
from sitrep.resolve.retype import Retyper
from sitrep.store import Store, schema


@dataclass
class JunkReport:
    entities: int = 0  # with two or more mentions
    junk: list[tuple[str, str, str, int]] = field(default_factory=list)  # name, type, why, n
    sample: list[tuple[str, str, int]] = field(default_factory=list)  # name, type, mentions

    @property
    def rate(self) -> float:
        return len(self.junk) / self.entities if self.entities else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "entities": self.entities,
            "junk": len(self.junk),
            "rate": round(self.rate, 4),
            "examples": [
                {"name": n, "type": t, "why": w, "mentions": c} for n, t, w, c in self.junk
            ],
            "sample": [{"name": n, "type": t, "mentions": c} for n, t, c in self.sample],
        }


def junk_report(store: Store, pack_name: str, sample: int = 50, seed: int = 13) -> JunkReport:
    retyper = Retyper(load_pack(pack_name))
    men, ents = schema.mentions, schema.entities
    query = (
        select(ents.c.name, ents.c.type, func.count(men.c.id))
        .join(men, men.c.entity_id == ents.c.id)
        .group_by(ents.c.id, ents.c.name, ents.c.type)
        .having(func.count(men.c.id) >= 2)
        .order_by(ents.c.id)
    )
    report = JunkReport()
    with store.read() as conn:
        rows = [(str(n), str(t), int(c)) for n, t, c in conn.execute(query)]
    report.entities = len(rows)
    for name, entity_type, count in rows:
        is_place = retyper.is_place if entity_type == "place" else None
        why = junk_reason(name, retyper.known, is_place)
        if why:
            report.junk.append((name, entity_type, why, count))
    report.sample = random.Random(seed).sample(rows, min(sample, len(rows)))
    return report
