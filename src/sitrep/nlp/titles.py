"""The `sitrep_titles` component: titles and ranks attached to the PERSON they precede.

* "Maj. Gen. Qassem Soleimani": the PERSON stays "Qassem Soleimani", `Span._.title` is
  "Maj. Gen." (titles chain: "Supreme Leader Ayatollah Ali Khamenei").
* A title the model swallowed into an entity is split off, whatever label the model gave the
  whole ("Brigadier General Esmail Ghaani" as ORG becomes PERSON "Esmail Ghaani").
* A capitalised name right after a capitalised title, missed by the model, becomes a PERSON
  (source "title-rule").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.nlp.names import trim_dates
from sitrep.nlp.spans import PARTICLES, mark, source_of

TITLE_PIPE = "sitrep_titles"
# Generic English titles, used where no domain pack supplies its own (e.g. `sitrep annotate`).
DEFAULT_TITLES = (
    "President", "Prime Minister", "Minister", "Foreign Minister", "Defence Minister",
    "Defense Minister", "Supreme Leader", "Ayatollah", "Sheikh", "Gen.", "General",
    "Brig. Gen.", "Brigadier General", "Brigadier", "Maj. Gen.", "Major General", "Lt. Gen.",
    "Lt. General", "Lieutenant General", "Col.", "Colonel", "Lt. Col.", "Lieutenant Colonel",
    "Maj.", "Major", "Capt.", "Captain", "Adm.", "Admiral", "Commander", "Chief of Staff",
    "Chief of General Staff", "Secretary of State", "Secretary", "Mr.", "Mrs.", "Ms.", "Dr.",
)  # fmt: skip

_WORD = r"[A-Z][\w'’]*"
_NAME = rf"{_WORD}(?:(?:\s+|-)(?:(?:{'|'.join(PARTICLES)})(?:\s+|-))?{_WORD}){{0,3}}"


def _alternatives(titles: Sequence[str]) -> str:
    parts = sorted({t.strip() for t in titles if t.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in parts)


def _clean(title: str) -> str:
    return " ".join(title.split())


class TitleAttacher:
    def __init__(self, titles: Sequence[str]) -> None:
        alts = _alternatives(titles)
        self.active = bool(alts)
        chain = rf"(?:(?:{alts})\s+)+"
        # Titles match in any case; names only capitalised; a new PERSON needs a capital title.
        self.before = re.compile(rf"(?<![\w.])({chain})$", re.IGNORECASE)
        self.only = re.compile(rf"{chain}", re.IGNORECASE)
        self.inside = re.compile(rf"(?<![\w.])({chain})(?-i:({_NAME}))$", re.IGNORECASE)
        self.with_name = re.compile(
            rf"(?<![\w.])(?-i:(?=[A-Z]))({chain})(?-i:({_NAME}))", re.IGNORECASE
        )

    def __call__(self, doc: Doc) -> Doc:
        if not self.active:
            return doc
        # An entity that is only a title ("Maj." tagged PERSON) is no entity.
        kept = [e for e in doc.ents if not self.only.fullmatch(e.text + " ")]
        text = doc.text  # built from every token on each call: once, not once per entity
        ents = [self._split(doc, e, text) for e in kept]
        ents = trim_dates(doc, self._add_missed(doc, ents, text))  # a name may run into a date
        taken = {i for e in ents for i in range(e.start, e.end)}
        for ent in ents:
            if ent.label_ == "PERSON" and ent._.title is None:
                self._attach(doc, ent, taken, text)
        doc.ents = ents
        return doc

    def _split(self, doc: Doc, ent: Span, text: str) -> Span:
        """Title + name at the end of an entity: the name becomes the PERSON."""
        found = self.inside.search(ent.text)
        if not found:
            return ent
        name = doc.char_span(ent.start_char + found.start(2), ent.end_char)
        if name is None:
            return ent
        kept = ent.label_ == "PERSON" and found.start(1) == 0
        source = source_of(ent) if kept else "title-rule"
        new = Span(doc, name.start, name.end, label="PERSON", span_id=ent.id if kept else 0)
        title = _clean(found.group(1))
        if found.start(1) == 0:  # more titles may sit outside the entity ("Maj." + "Gen. X")
            window = text[max(0, ent.start_char - 120) : ent.start_char]
            before = self.before.search(window)
            title = f"{_clean(before.group(1))} {title}" if before else title
        return mark(new, source, title)

    def _attach(self, doc: Doc, ent: Span, taken: set[int], text: str) -> None:
        window = text[max(0, ent.start_char - 120) : ent.start_char]
        found = self.before.search(window)
        if not found:
            return
        start = ent.start_char - len(window) + found.start(1)
        title = doc.char_span(start, ent.start_char, alignment_mode="expand")
        if title is not None and not any(i in taken for i in range(title.start, title.end)):
            ent._.title = _clean(found.group(1))

    def _add_missed(self, doc: Doc, ents: list[Span], text: str) -> list[Span]:
        for found in self.with_name.finditer(text):
            name = doc.char_span(found.start(2), found.end(2), alignment_mode="contract")
            title = doc.char_span(found.start(1), found.end(1), alignment_mode="contract")
            if name is None or title is None:
                continue
            inside = [e for e in ents if e.start < name.end and name.start < e.end]
            if any((e.start, e.end) == (name.start, name.end) for e in inside):
                continue  # already the model's PERSON
            if not all(_part_of(e, name) for e in inside):
                continue  # the model has something else there: _split and _attach decide
            ents = [e for e in ents if e not in inside]  # a name the model cut short
            # An entity that ran into the title (e.g. "... Armed Forces Maj.") is cut short.
            cut = (_cut_before(doc, e, title) for e in ents)
            ents = [e for e in cut if e is not None]
            person = Span(doc, name.start, name.end, label="PERSON")
            ents.append(mark(person, "title-rule", _clean(found.group(1))))
        return ents


def _part_of(ent: Span, name: Span) -> bool:
    return ent.label_ == "PERSON" and name.start <= ent.start and ent.end <= name.end


def _cut_before(doc: Doc, ent: Span, title: Span) -> Span | None:
    """`ent` without the part that overlaps `title`; None if it starts inside the title."""
    if ent.end <= title.start or ent.start >= title.end:
        return ent
    if ent.start >= title.start:
        return None
    cut = Span(doc, ent.start, title.start, label=ent.label, span_id=ent.id)
    return mark(cut, source_of(ent), ent._.title)


@Language.factory(TITLE_PIPE, default_config={"titles": []})
def make_title_component(nlp: Language, name: str, titles: list[str]) -> TitleAttacher:
    return TitleAttacher(titles)
