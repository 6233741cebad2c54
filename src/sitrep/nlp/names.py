"""The `sitrep_names` component: repair person names the tokenizer or the model cut apart.

spaCy's tokenizer splits "al-Assad" into "al", "-", "Assad", and the model then often tags
"Bashar al" and "Assad" as two persons. Also, the model sometimes stops a PERSON one proper
noun short ("Qassem" in "General Qassem Soleimani").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitrep.nlp.spans import PARTICLES, relabel

NAMES_PIPE = "sitrep_names"
_PARTICLE_NAME = re.compile(
    rf"(?<![\w-])(?:{'|'.join(PARTICLES)})-[A-Z][\w'’]+", re.IGNORECASE
)  # "al-Assad", "Al-Baghdadi"
MAX_EXTENSION = 2  # proper nouns a PERSON may grow by


def _join_particles(doc: Doc, ents: list[Span]) -> list[Span]:
    for found in _PARTICLE_NAME.finditer(doc.text):
        piece = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if piece is None:
            continue
        touching = [
            e
            for e in ents
            if (e.start < piece.end and piece.start < e.end)  # overlaps the particle name
            or (e.end == piece.start and e.label_ == "PERSON")  # the given name right before
        ]
        people = [e for e in touching if e.label_ == "PERSON"]
        if not people:
            continue
        start = min(piece.start, *(e.start for e in touching))
        end = max(piece.end, *(e.end for e in touching))
        ents = [e for e in ents if e not in touching]
        ents.append(relabel(doc, start, end, people[0], "PERSON"))
    return ents


def _extend(doc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON + following capitalised proper nouns outside any entity ("Qassem" + "Soleimani")."""
    if not doc.has_annotation("POS"):
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        end = ent.end
        while (
            ent.label_ == "PERSON"
            and end < len(doc)
            and end - ent.end < MAX_EXTENSION
            and end not in taken
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and doc[end - 1].whitespace_
        ):
            end += 1
        out.append(ent if end == ent.end else relabel(doc, ent.start, end, ent))
    return out


class NameRepair:
    def __call__(self, doc: Doc) -> Doc:
        ents = _extend(doc, _join_particles(doc, list(doc.ents)))
        doc.ents = filter_spans(ents)
        return doc


@Language.factory(NAMES_PIPE)
def make_name_repair(nlp: Language, name: str) -> NameRepair:
    return NameRepair()
