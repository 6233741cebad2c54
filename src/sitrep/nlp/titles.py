"""The `sitrep_titles` component: titles and ranks attached to the PERSON they precede.

* "Maj. Gen. Qassem Soleimani": the PERSON stays "Qassem Soleimani", `Span._.title` is
  "Maj. Gen." (titles chain: "Supreme Leader Ayatollah Ali Khamenei").
* A title the model swallowed into an entity is split off, whatever label the model gave the
  whole ("Brigadier General Esmail Ghaani" as ORG becomes PERSON "Esmail Ghaani").
* A capitalised name right after a capitalised title, missed by the model, becomes a PERSON
  (source "title-rule"). Not where the title follows an Arabic article and its hyphen: there
  it is a word of a longer name ("al-Sheikh Maqsoud", "al-Sayyed Ali"), which a settlement
  noun after it says is a place ("al-Sheikh Maqsoud neighbourhood", a GPE, source
  "type-rule" with its reason); nor where the name is followed by such a noun ("Sheikh Ali
  village" is a village).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.names.phonetic import ARTICLES
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
# An Arabic article and its hyphen right before a title: the title is a word of the name
# ("al-Sheikh Maqsoud"), not a person's title.
_ARTICLE_BEFORE = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(ARTICLES))})[- ]$", re.IGNORECASE)
# Kinds of settlement after a name: what the name names is a place, not a person ("Sheikh
# Maqsoud neighbourhood"). The same nouns as `types.SETTLEMENT_NOUNS` (not imported: types
# imports this module's titles).
_PLACE_NOUNS = frozenset(
    {
        "neighbourhood", "neighborhood", "district", "village", "town", "suburb", "quarter",
        "area", "street", "square", "road", "crossing", "crossings",
    }
)  # fmt: skip
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
        doc.ents = [self._titled_place(doc, ent, text) for ent in ents]
        return doc

    def _titled_place(self, doc: Doc, ent: Span, text: str) -> Span:
        """ "the Sheikh Maqsoud district": a titled name before a settlement noun names the
        place, title and all (an article before the title too), not a person."""
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if ent.label_ != "PERSON" or not ent._.title or ent.id_ or after not in _PLACE_NOUNS:
            return ent
        window = text[max(0, ent.start_char - 120) : ent.start_char]
        found = self.before.search(window)
        if found is None:
            return ent
        title = doc.char_span(
            ent.start_char - len(window) + found.start(1), ent.start_char, alignment_mode="expand"
        )
        if title is None:
            return ent
        start = _with_article(doc, title.start)
        place = mark(Span(doc, start, ent.end, label="GPE"), "type-rule")
        place._.type_reason = f"{place.text!r}: a titled name before {after!r}: a place"
        return place

    def _split(self, doc: Doc, ent: Span, text: str) -> Span:
        """Title + name at the end of an entity: the name becomes the PERSON."""
        found = self.inside.search(ent.text)
        if not found:
            return ent
        at = ent.start_char + found.start(1)
        if _ARTICLE_BEFORE.search(text[max(0, at - 5) : at]):
            # "al-Sheikh Maqsoud" (the article in the span or before it): a word of a longer
            # name, not a title; a place when a settlement noun follows
            after = doc[ent.end].lower_ if ent.end < len(doc) else ""
            start = ent.start if found.start(1) else _with_article(doc, ent.start)
            return _place(doc, [ent], [ent], start, ent.end, after)[0]
        name = doc.char_span(ent.start_char + found.start(2), ent.end_char)
        if name is None or (ent.label_ != "PERSON" and name[-1].lower_ in _heads()):
            return ent  # "General Command" read as a group: the name's head says it is one
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
            if not inside and name[-1].lower_ in _heads():
                continue  # "the General Command": a name's head word, no person's name
            after = doc[name.end].lower_ if name.end < len(doc) else ""
            article = _ARTICLE_BEFORE.search(text[max(0, found.start(1) - 5) : found.start(1)])
            if article is not None or after in _PLACE_NOUNS:
                ents = _place(doc, ents, inside, _with_article(doc, title.start), name.end, after)
                continue
            ents = [e for e in ents if e not in inside]  # a name the model cut short
            # An entity that ran into the title (e.g. "... Armed Forces Maj.") is cut short.
            cut = (_cut_before(doc, e, title) for e in ents)
            ents = [e for e in cut if e is not None]
            person = Span(doc, name.start, name.end, label="PERSON")
            ents.append(mark(person, "title-rule", _clean(found.group(1))))
        return ents


def _place(
    doc: Doc,
    ents: list[Span],
    inside: list[Span],
    start: int,
    end: int,
    after: str,
) -> list[Span]:
    """`ents` with the name of a place that a title word begins ("al-Sheikh Maqsoud
    neighbourhood"): the article, the title and the name, when a settlement noun follows
    and nothing else claims the words; else unchanged (no PERSON is made)."""
    if after not in _PLACE_NOUNS:
        return ents  # the model's own PERSON stays ("al-Sayyed Hassan Nasrallah")
    rest = [e for e in ents if e not in inside]  # the model's PERSON parts of the name go
    if any(e.start < end and start < e.end for e in rest):
        return ents
    place = mark(Span(doc, start, end, label="GPE"), "type-rule")
    place._.type_reason = (
        f"{place.text!r}: a title word in a name before {after!r}: a place, not a person"
    )
    return [*rest, place]


def _heads() -> Mapping[str, str]:
    """The head words of organisation and place names (`types.shipped_heads`)."""
    from sitrep.nlp.types import shipped_heads  # types reads this module's titles

    return shipped_heads()


def _with_article(doc: Doc, start: int) -> int:
    """Where a name whose title word begins at `start` begins: at the Arabic article before
    the title ("al-Sheikh": "al" and "-" are tokens of their own; "al Sheikh"), if any."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ARTICLES:
        return start - 2
    if start >= 1 and doc[start - 1].lower_ in ARTICLES:
        return start - 1
    return start


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
