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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.spans import mark, relabel, source_of

TYPES_PIPE = "sitrep_types"
RETYPED_LABELS = frozenset({"PERSON", "ORG", "LOC"})


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


class TypeByHead:
    def __init__(self, heads: Mapping[str, str], person_heads: Mapping[str, str]) -> None:
        self.heads = dict(heads)
        self.person_heads = dict(person_heads)  # apply to the model's PERSON entities only

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        changed = False
        for ent in doc.ents:
            head = ent[-1].lower_
            label = self.heads.get(head)
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


@Language.factory(TYPES_PIPE, default_config={"person_heads": {}})
def make_types_component(nlp: Language, name: str, person_heads: dict[str, str]) -> TypeByHead:
    return TypeByHead(shipped_heads(), person_heads)
