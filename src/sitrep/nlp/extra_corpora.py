"""Readers for the second wave of NER training data: GUM, BTC, WNUT-17, CrossNER politics and
Re-DocRED (see ../shared/data/README.md for each set's licence and label mapping).

Each reader yields `LabelledDoc`s: tokens, sentence starts, mapped entity spans, and the token
spans whose type we cannot know (missing annotation, not "O"). `corpora.py` turns them into
spaCy Docs with the same missing-annotation rule as the first-wave corpora.

Every corpus is mapped onto PERSON / ORG / LOC; labels we do not predict (events, products,
elections, MISC) become missing, since they may overlap our NORP/WEAPON/VEHICLE types. Leading
determiners are trimmed, as UNER writes names ("the Pentagon" -> "Pentagon").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.nlp import conllu, ner_corpora

Span = tuple[int, int, str]

# Corpus label -> sitrep label; None means "not ours, but may overlap ours": missing.
BTC_LABELS: dict[str, str | None] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
WNUT_LABELS: dict[str, str | None] = {
    "person": "PERSON",
    "location": "LOC",
    "group": "ORG",
    "corporation": "ORG",
    "product": None,
    "creative-work": None,
}
CROSSNER_LABELS: dict[str, str | None] = {
    "politician": "PERSON",
    "person": "PERSON",
    "politicalparty": "ORG",
    "organisation": "ORG",
    "country": "LOC",
    "location": "LOC",
    "election": None,
    "event": None,
    "misc": None,
}
DOCRED_LABELS: dict[str, str | None] = {
    "PER": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "MISC": None,
    "TIME": "",  # "" = genuinely not an entity of ours: stays O
    "NUM": "",
}
GUM_LABELS: dict[str, str | None] = {"person": "PERSON", "place": "LOC", "organization": "ORG"}

_LEADING = {"the", "a", "an", "The", "A", "An"}
# Re-DocRED tags demonyms as LOC ("the Canadian province"); ours are NORP, so an adjectival
# single-token LOC (a demonym suffix followed by a lower-case word) becomes missing.
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|i|an|ch|ss|ern)$")
# Twitter handles, hashtags and links: BTC labels some of them, UNER never does.
_HANDLE = re.compile(r"^(?:[@#]|https?:)")


@dataclass
class LabelledDoc:
    source: str
    words: list[str]
    sent_starts: list[bool]
    spans: list[Span] = field(default_factory=list)
    unknown: list[tuple[int, int]] = field(default_factory=list)


def _trim_leading(words: list[str], start: int, end: int) -> int:
    while start < end - 1 and words[start] in _LEADING:
        start += 1
    return start


def _map_spans(
    words: list[str], found: Iterable[Span], labels: dict[str, str | None], out: LabelledDoc
) -> None:
    offset = len(out.words) - len(words)
    for start, end, label in found:
        mapped = labels.get(label)
        span = words[start:end]
        odd = any(_HANDLE.match(w) for w in span) or not any(w[:1].isupper() for w in span)
        if mapped is None or (mapped and odd):
            out.unknown.append((offset + start, offset + end))
        elif mapped:
            start = _trim_leading(words, start, end)
            out.spans.append((offset + start, offset + end, mapped))


def _uncertain_tokens(docs: list[LabelledDoc]) -> None:
    """Capitalised O tokens that may be an unlabelled type of ours (NORP: "Iranian") become
    missing, with the same rule as wikigold (`corpora.uncertain_case`)."""
    from sitrep.nlp.corpora import uncertain_case

    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for doc in docs:
        for word in doc.words:
            if word[:1].isupper():
                cap[word] += 1
            else:
                lower[word.lower()] += 1
    for doc in docs:
        covered = {i for s, e, _ in doc.spans for i in range(s, e)}
        covered |= {i for s, e in doc.unknown for i in range(s, e)}
        for i, word in enumerate(doc.words):
            if i not in covered and not doc.sent_starts[i] and uncertain_case(word, lower, cap):
                doc.unknown.append((i, i + 1))


# Token-per-line CoNLL (BTC, WNUT-17, CrossNER) ----------------------------------------------


def read_token_tag(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a `token<TAB or space>tag` file, blank-line separated; tags as IOB2."""
    words: list[str] = []
    tags: list[str] = []
    with ner_corpora._need(path).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip():
                if words:
                    yield words, ner_corpora.io_to_iob2(tags)
                words, tags = [], []
                continue
            token, _, tag = line.replace("\t", " ").rpartition(" ")
            if not token:
                continue
            words.append(token)
            tags.append(tag if tag[:2] in ("B-", "I-") else "O")
    if words:
        yield words, ner_corpora.io_to_iob2(tags)


def token_tag_docs(
    paths: list[Path], labels: dict[str, str | None], source: str, per_doc: int = 10
) -> list[LabelledDoc]:
    """Group sentences into small documents (the parser-free corpora still teach the NER
    across sentence starts)."""
    docs: list[LabelledDoc] = []
    current = LabelledDoc(source, [], [])
    count = 0
    for path in paths:
        for words, tags in read_token_tag(path):
            current.words.extend(words)
            current.sent_starts.extend(i == 0 for i in range(len(words)))
            _map_spans(words, ner_corpora.iob_spans(tags), labels, current)
            count += 1
            if count % per_doc == 0:
                docs.append(current)
                current = LabelledDoc(source, [], [])
    if current.words:
        docs.append(current)
    _uncertain_tokens(docs)
    return docs


def btc_docs(data: Path) -> list[LabelledDoc]:
    folder = ner_corpora._need(data / "btc" / "CONLL-format" / "data")
    return token_tag_docs(sorted(folder.glob("*.conll")), BTC_LABELS, "btc")


def wnut_docs(data: Path) -> list[LabelledDoc]:
    base = ner_corpora._need(data / "wnut17" / "CONLL-format" / "data")
    paths = [
        base / "train" / "wnut17train.conll",
        base / "dev" / "emerging.dev.conll",
        base / "test" / "emerging.test.annotated",
    ]
    return token_tag_docs([p for p in paths if p.is_file()], WNUT_LABELS, "wnut17")


def crossner_docs(data: Path) -> list[LabelledDoc]:
    base = ner_corpora._need(data / "crossner-politics")
    paths = [base / f"{split}.txt" for split in ("train", "dev", "test")]
    return token_tag_docs([p for p in paths if p.is_file()], CROSSNER_LABELS, "crossner")


# Re-DocRED ------------------------------------------------------------------------------------


def docred_docs(data: Path) -> list[LabelledDoc]:
    docs: list[LabelledDoc] = []
    for name in ("dev_revised.json", "test_revised.json"):
        path = data / "re-docred" / name
        if not path.is_file():
            continue
        for item in json.loads(path.read_text(encoding="utf-8")):
            docs.append(_docred_doc(item))
    if not docs:
        ner_corpora._need(data / "re-docred" / "dev_revised.json")
    _uncertain_tokens(docs)
    return docs


def _docred_doc(item: dict[str, object]) -> LabelledDoc:
    sents: list[list[str]] = item["sents"]  # type: ignore[assignment]
    out = LabelledDoc("re-docred", [], [])
    offsets: list[int] = []
    for sent in sents:
        offsets.append(len(out.words))
        out.words.extend(sent)
        out.sent_starts.extend(i == 0 for i in range(len(sent)))
    seen: set[tuple[int, int]] = set()
    vertex_set: list[list[dict[str, object]]] = item["vertexSet"]  # type: ignore[assignment]
    for mention in (m for vertex in vertex_set for m in vertex):
        sent_id = int(str(mention["sent_id"]))
        pos: list[int] = mention["pos"]  # type: ignore[assignment]
        start, end = offsets[sent_id] + pos[0], offsets[sent_id] + pos[1]
        if (start, end) in seen or end <= start:
            continue
        seen.add((start, end))
        mapped = DOCRED_LABELS.get(str(mention["type"]))
        if mapped is None or (mapped == "LOC" and _adjectival(out.words, start, end)):
            out.unknown.append((start, end))
        elif mapped:
            out.spans.append((_trim_leading(out.words, start, end), end, mapped))
    return out


def _adjectival(words: list[str], start: int, end: int) -> bool:
    return end - start == 1 and bool(DEMONYM.search(words[start]))


# GUM ------------------------------------------------------------------------------------------

_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_CLOSE = re.compile(r"(\d+)\)")


@dataclass
class GumDoc:
    """A GUM document: its sentences (for tagger and parser) and its named-entity layer."""

    sentences: list[conllu.UDSentence]
    labelled: LabelledDoc


def gum_docs(data: Path) -> list[GumDoc]:
    """GUM in chunks of at most ten sentences, like EWT's training documents."""
    folder = ner_corpora._need(data / "gum" / "dep")
    return [
        _gum_doc(group)
        for path in sorted(folder.glob("*.conllu"))
        for group in conllu.group_sentences(list(conllu.read_conllu(path)))
    ]


def _entity_mentions(words: list[conllu.UDWord]) -> list[tuple[int, int, str]]:
    """(start, end, GUM type) of every bracketed mention in the MISC `Entity=` layer."""
    open_at: dict[str, list[tuple[int, str]]] = {}
    mentions: list[tuple[int, int, str]] = []
    for i, word in enumerate(words):
        entity = next((p[7:] for p in word.misc.split("|") if p.startswith("Entity=")), "")
        if not entity:
            continue
        # Walk the annotation left to right: openings push, closings pop the same id.
        pos = 0
        while pos < len(entity):
            opening = _OPEN.match(entity, pos)
            closing = _CLOSE.match(entity, pos)
            if opening:
                open_at.setdefault(opening.group(1), []).append((i, opening.group(2)))
                pos = opening.end()
                # Skip the rest of this mention's attributes up to the next bracket.
                while pos < len(entity) and entity[pos] not in "()":
                    pos += 1
                if pos < len(entity) and entity[pos] == ")":
                    start, kind = open_at[opening.group(1)].pop()
                    mentions.append((start, i + 1, kind))
                    pos += 1
            elif closing and open_at.get(closing.group(1)):
                start, kind = open_at[closing.group(1)].pop()
                mentions.append((start, i + 1, kind))
                pos = closing.end()
            else:
                pos += 1
    return mentions


def _name_in_mention(words: list[conllu.UDWord], start: int, end: int) -> tuple[int, int] | None:
    """The proper-noun name inside a mention: the PROPN run around the mention's syntactic
    head ("the Afghan Girls Robotics Team" -> "Afghan Girls Robotics Team"); None when the head
    is not a proper noun (a description, not a name)."""
    head = next((i for i in range(start, end) if not start <= words[i].head - 1 < end), start)
    if words[head].upos != "PROPN":
        return None
    left = head
    while left > start and (
        words[left - 1].upos == "PROPN"
        or (
            words[left - 1].form in ner_corpora._NAME_GLUE
            and left - 2 >= start
            and words[left - 2].upos == "PROPN"
        )
    ):
        left -= 1
    right = head + 1
    while right < end and (
        words[right].upos == "PROPN"
        or (
            words[right].form in ner_corpora._NAME_GLUE
            and right + 1 < end
            and words[right + 1].upos == "PROPN"
        )
    ):
        right += 1
    return left, right


def _gum_doc(sentences: list[conllu.UDSentence]) -> GumDoc:
    from sitrep.nlp.corpora import uncertain_pos

    out = LabelledDoc("gum", [], [])
    for sent in sentences:
        offset = len(out.words)
        out.words.extend(w.form for w in sent.words)
        out.sent_starts.extend(i == 0 for i in range(len(sent.words)))
        named: set[int] = set()
        for start, end, kind in _entity_mentions(sent.words):
            label = GUM_LABELS.get(kind)
            name = _name_in_mention(sent.words, start, end)
            if name is None:
                continue
            if label is None:
                out.unknown.append((offset + name[0], offset + name[1]))
            else:
                out.spans.append((offset + name[0], offset + name[1], label))
            named.update(range(name[0], name[1]))
        out.unknown.extend(
            (offset + i, offset + i + 1)
            for i, w in enumerate(sent.words)
            if i not in named and uncertain_pos(w.form, w.upos)
        )
    return GumDoc(sentences, out)
