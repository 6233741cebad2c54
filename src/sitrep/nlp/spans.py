"""Span extensions shared by the domain components: where an entity came from, its title."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

for _name in ("title", "mention_source", "type_reason"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

# Name particles that join the parts of Arabic and Persian names ("Bashar al-Assad").
PARTICLES = ("al", "el", "bin", "ibn", "abu", "bint", "de")


_TEXT_KEY = "sitrep.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, built once per Doc.

    spaCy joins every token again on each `doc.text`, so code that reads it once per event or
    quote costs length x events: on a 300k-character article that was most of the extract
    stage. A Doc's text never changes (retokenizing keeps it), so it is kept in `user_data`."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def ents_before(doc: Doc, char: int, label: str | None = None) -> tuple[Span, ...]:
    """The entities (of `label`, if given) that end by `char`, in order.

    spaCy walks every token on each `doc.ents`; the extract stage asks this once per event or
    pronoun, which on a long text made it quadratic. The entities are listed once per Doc and
    label (the extract stage never changes them) and cut at `char` by bisection."""
    key = f"sitrep.ents.{label or '*'}"
    cached = doc.user_data.get(key)
    if cached is None:
        ents = tuple(e for e in doc.ents if label is None or e.label_ == label)
        cached = doc.user_data[key] = (ents, [e.end_char for e in ents])
    ents, ends = cached
    return ents[: bisect_right(ends, char)]


def source_of(span: Span) -> str:
    """Where an entity came from ("model", "alias", "title-rule"); unmarked ones are the model's."""
    value = span._.mention_source
    return str(value) if value else "model"


def mark(span: Span, source: str, title: str | None = None) -> Span:
    span._.mention_source = source
    if title is not None:
        span._.title = title
    return span


def relabel(doc: Doc, start: int, end: int, like: Span, label: str | None = None) -> Span:
    """A new span over [start, end) that keeps `like`'s label, id, source and title."""
    new = Span(doc, start, end, label=label or like.label_, span_id=like.id)
    return mark(new, source_of(like), like._.title)
