"""`sitrep_types`: a name's head word says what kind of thing it names.

"Interior Ministry" is not a person and "Dubai Police" is not a place, whatever the statistical
model read from the words before. The head lexicon (`data/type_heads.tsv`) is generated from the
gold NER corpora by `scripts/build-type-lexicon`: common nouns that end ORG or LOC names in at
least 90% of the spans they end. The domain pack adds the head words of its own organisations'
names ("Force", "Corps", "Ministry") when the word is a common noun (`names/data/
common_nouns.txt`, from the treebanks) or ends two or more of its names, and is neither a place
the gazetteer knows ("Iraq" in "Islamic Resistance in Iraq") nor the end of a pack person's name.
Pack heads only turn a PERSON into an ORG: that is the model's error they are evidence for.

Only the model's own entities are relabelled (the pack's aliases and the title rule already
know their type), and only between PERSON, ORG and LOC. The span's source becomes "type-rule",
so the reason stays visible with the mention.

Before typing, the model's spans are given a name's shape: punctuation and a trailing direction
at either edge are cut ("Radiofarda –", "Rityan north"), a leading possessive of a notable place
whose apostrophe was lost is the owner, not the name ("Syrias Idlib province"), a one-word
adjective is a nationality (NORP, "Russian"), a span that runs over an opening quote keeps
what follows it ("Iranian «al-Quds" -> "al-Quds"), a source line's outlet before a dash at
the start of a sentence is a dateline, not a name ("Radiofarda – Syrian President ..."), and a
PERSON that ends with a title or rank is an office without its holder ("Chief of General
Staff of the ... Forces Maj.").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.nlp.spans import mark, relabel, source_of

TYPES_PIPE = "sitrep_types"
RETYPED_LABELS = frozenset({"PERSON", "ORG", "LOC"})
# Kinds of settlement or territory that a name right before them names ("Salah Eddin
# neighbourhood", "the Jobar district", "Kafr Nabl village"): the name is a place, whatever
# the model read. (Not "camp", "base" or "area": "the Hezbollah camp" is the group's.)
SETTLEMENT_NOUNS = frozenset(
    {
        "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "village",
        "town", "suburb", "quarter", "province", "governorate", "countryside", "municipality",
    }
)  # fmt: skip


@cache
def shipped_heads() -> dict[str, str]:
    """Head word (lower case) -> label, from the generated lexicon."""
    text = resources.files("sitrep.nlp").joinpath("data/type_heads.tsv").read_text("utf-8")
    heads: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, label, *_ = line.split("\t")
            heads[word] = label
    return heads


@cache
def common_nouns() -> frozenset[str]:
    text = resources.files("sitrep.names").joinpath("data/common_nouns.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def pack_heads(aliases: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Head words of the pack's multi-word organisation names (see the module's docstring)."""
    from collections import Counter

    from sitrep.resolve.places import resolve_place

    org: Counter[str] = Counter()
    person: set[str] = set()
    for alias in aliases:
        words = alias["text"].split()
        if len(words) < 2 or not words[-1].isalpha():
            continue
        if alias["label"] == "ORG":
            org[words[-1].lower()] += 1
        elif alias["label"] == "PERSON":
            person.add(words[-1].lower())
    nouns = common_nouns() | {w for w, label in shipped_heads().items() if label == "ORG"}
    return {
        word: "ORG"
        for word, count in org.items()
        if (word in nouns or count >= 2)
        and word not in person
        and resolve_place(word.title()) is None
    }


DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northern", "southern", "eastern", "western",
    }
)  # fmt: skip


def _possessive_place(word: str) -> bool:
    """ "Syrias": a notable place's name with a possessive "s" whose apostrophe was lost."""
    if len(word) < 5 or not word.endswith("s") or not word[:1].isupper():
        return False
    from sitrep.resolve.places import is_notable_place

    return is_notable_place(word[:-1])


EDGE_PUNCT = frozenset("–—-:;,«»\"“”‘’'()[]")
OPENING_QUOTES = frozenset('«“"')
DASHES = frozenset("–—-")
DATELINE_TOKENS = 8  # a dateline ends within this many tokens of its sentence's start


def _shaped(
    doc: Doc, ent: Span, title_words: frozenset[str], heads: Mapping[str, str]
) -> Span | None:
    """`ent` cut to a name's shape, or None when what is left is no name. A PERSON ending
    with an organisation's head word ("... Armed Forces") is left for the head rule."""
    start, end = ent.start, ent.end
    for i in range(end - 1, start, -1):
        if doc[i].text in OPENING_QUOTES:
            start = i + 1
            break
    while start < end and doc[start].text in EDGE_PUNCT:
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].text in DIRECTIONS):
        end -= 1  # "Rityan north": a lower-case direction says where, it is not the name
    if end - start > 1 and _possessive_place(doc[start].text):
        start += 1  # "Syrias Idlib province" (an apostrophe stripped): the owner, then the name
    if start >= end:
        return None
    if _in_dateline(doc, start, end):
        return None  # "Radiofarda – ...", "ERBIL, Kurdistan Region — ...": not a participant
    last = doc[end - 1].lower_
    if last == "." and end - start > 1:  # "Maj." split as "Maj" "." at a sentence's end
        last = doc[end - 2].lower_ + "."
    is_title = last in title_words or last.rstrip(".") in title_words
    if ent.label_ == "PERSON" and is_title and last not in heads:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return relabel(doc, start, end, ent)


def _in_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether [start, end) lies in a dateline: capitalised words, commas and a parenthesis
    ("BAGHDAD, Iraq (Reuters)") from the start of the sentence to a dash within its first
    DATELINE_TOKENS tokens."""
    first = start
    while first > 0 and not doc[first].is_sent_start and start - first <= DATELINE_TOKENS:
        first -= 1
    if not doc[first].is_sent_start:
        return False
    for i in range(first, min(first + DATELINE_TOKENS + 1, len(doc))):
        token = doc[i]
        if token.text in DASHES:
            return i >= end
        if token.is_alpha and not token.text[:1].isupper():
            return False  # a lower-case word: running text, not a dateline
    return False


def _names_a_settlement(doc: Doc, ent: Span) -> bool:
    """The word right after the name is a kind of settlement, in lower case ("Salah Eddin
    neighborhood"; "Hama Province" may be a name's own word, which the head lexicon reads)."""
    return ent.end < len(doc) and doc[ent.end].text in SETTLEMENT_NOUNS


def title_words(titles: Iterable[str]) -> frozenset[str]:
    """The last words of the titles and ranks that no name ends with: abbreviations ("Maj.")
    and common nouns ("minister", "commander"); not "Major" or "General", which are surnames
    too."""
    from sitrep.nlp.titles import DEFAULT_TITLES  # generic English titles and ranks, always

    words = {t.split()[-1].lower() for t in (*titles, *DEFAULT_TITLES) if t.split()}
    return frozenset(w for w in words if w.endswith(".") or w in common_nouns())


def short_form_labels(short_forms: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Short form (lower case) -> label, for the pack's short forms ("Soleimani") that name
    actors of one label only. They are left out of the alias matcher (a short form names its
    actor only where the document already did), but they do tell what kind of thing it is."""
    labels: dict[str, set[str]] = {}
    for text, label in short_forms:
        labels.setdefault(text.lower(), set()).add(label)
    return {text: next(iter(found)) for text, found in labels.items() if len(found) == 1}


class TypeByHead:
    def __init__(
        self,
        heads: Mapping[str, str],
        person_heads: Mapping[str, str],
        titles: Iterable[str] = (),
        short_forms: Mapping[str, str] | None = None,
    ) -> None:
        self.heads = dict(heads)
        self.person_heads = dict(person_heads)  # apply to the model's PERSON entities only
        self.title_words = title_words(titles)
        self.short_forms = dict(short_forms or {})

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        changed = False
        for original in doc.ents:
            ent = (
                _shaped(doc, original, self.title_words, {**self.heads, **self.person_heads})
                if source_of(original) == "model"
                else original
            )
            if ent is not original:
                changed = True
            if ent is None:
                continue
            if (
                len(ent) == 1
                and ent.label_ in RETYPED_LABELS
                and ent[0].tag_ in ("JJ", "JJR", "JJS")
                and source_of(ent) == "model"
                and ent.text.lower() not in self.short_forms
            ):  # "Russian", "Syrian": a nationality word is no name of a place or group
                ents.append(mark(relabel(doc, ent.start, ent.end, ent, "NORP"), "type-rule"))
                changed = True
                continue
            head = ent[-1].lower_
            label = self.short_forms.get(ent.text.lower()) or self.heads.get(head)
            if label is None and len(ent) == 1:
                label = self._possessive_of_actor(ent.text)
            if label is None and _names_a_settlement(doc, ent):
                label = "LOC"
            if label is None and ent.label_ == "PERSON":
                label = self.person_heads.get(head)
            if (
                label
                and label != ent.label_
                and ent.label_ in RETYPED_LABELS
                and source_of(ent) == "model"
            ):
                ent = mark(relabel(doc, ent.start, ent.end, ent, label), "type-rule")
                changed = True
            ents.append(ent)
        if changed:
            doc.ents = ents
        return doc

    def _possessive_of_actor(self, word: str) -> str | None:
        """ "Assads" in "one of Assads most vocal opponents": a known actor's short name with
        a possessive "s" whose apostrophe was lost is that actor, of its label (the model read
        a place or a group)."""
        if len(word) < 5 or not word.endswith("s") or not word[:1].isupper():
            return None
        return self.short_forms.get(word[:-1].lower())


@Language.factory(TYPES_PIPE, default_config={"person_heads": {}, "titles": [], "short_forms": {}})
def make_types_component(
    nlp: Language,
    name: str,
    person_heads: dict[str, str],
    titles: list[str],
    short_forms: dict[str, str],
) -> TypeByHead:
    return TypeByHead(shipped_heads(), person_heads, titles, short_forms)
