"""The `sitrep_names` component: repair person names the tokenizer or the model cut apart.

spaCy's tokenizer splits "al-Assad" into "al", "-", "Assad", and the model then often tags
"Bashar al" and "Assad" as two persons. Also, the model sometimes stops a PERSON one proper
noun short ("Qassem" in "General Qassem Soleimani"), or runs a name into a date
("... Al-Ghanimi March 18").
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
# Words of a date the model sometimes runs a name into ("... Al-Ghanimi March 18"). Not "May":
# a surname too ("Theresa May").
_DATE_WORDS = frozenset(
    {
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday",
    }
)  # fmt: skip
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _is_date_token(text: str) -> bool:
    return text.lower().rstrip(".") in _DATE_WORDS or text.rstrip("thndrs,.").isdigit()


def trim_dates(doc: Doc, ents: list[Span]) -> list[Span]:
    """Cut trailing date words and numbers off a name; a name that is only a date goes."""
    out: list[Span] = []
    for ent in ents:
        if ent.label_ in _NOT_NAMES:
            out.append(ent)
            continue
        end, cut = ent.end, False
        while end > ent.start:
            if _is_date_token(doc[end - 1].text):
                cut = True
            elif not (cut and doc[end - 1].is_punct):  # "Maj." keeps its full stop
                break
            end -= 1
        if end == ent.end:
            out.append(ent)
        elif end > ent.start and any(t.is_alpha for t in doc[ent.start : end]):
            out.append(relabel(doc, ent.start, end, ent))
    return out


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
            and not _is_date_token(doc[end].text)
            and doc[end - 1].whitespace_
        ):
            end += 1
        out.append(ent if end == ent.end else relabel(doc, ent.start, end, ent))
    return out


class NameRepair:
    def __call__(self, doc: Doc) -> Doc:
        ents = _extend(doc, _join_particles(doc, trim_dates(doc, list(doc.ents))))
        doc.ents = filter_spans(ents)
        return doc


@Language.factory(NAMES_PIPE)
def make_name_repair(nlp: Language, name: str) -> NameRepair:
    return NameRepair()
