"""Readers for the NER corpora: Universal NER (IOB2), wikigold (IO CoNLL) and re3d (JSON spans).

Each reader yields plain tokens and labels mapped onto sitrep's label set; turning them into
spaCy Docs (with missing annotation for what a corpus does not label) is `corpora.py`'s job.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import DataMissingError

# Corpus label -> sitrep label. A label mapped to None is one we do not predict: its spans
# become missing annotation (not "O"), since they may overlap our types.
IOB_LABELS: dict[str, str | None] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": None}
RE3D_LABELS: dict[str, str | None] = {
    "Person": "PERSON",
    "Organisation": "ORG",
    "Location": "LOC",
    "Nationality": "NORP",
    "Weapon": "WEAPON",
    "MilitaryPlatform": "VEHICLE",
    "Vehicle": None,  # civilian vehicles: not our VEHICLE, but may look like one
}
MIN_CONFIDENCE = 0.5


@dataclass
class IOBSentence:
    sent_id: str
    tokens: list[str]
    tags: list[str]  # IOB2 over corpus labels, "O" outside


@dataclass
class SpanDoc:
    """A text with character spans: `spans` to learn, `unknown` to mark missing, the rest O."""

    doc_id: str
    source: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    unknown: list[tuple[int, int]] = field(default_factory=list)


def _need(path: Path) -> Path:
    if not path.exists():
        raise DataMissingError(
            f"training/evaluation data not found: {path}",
            hint="sitrep reads third-party corpora from ../shared/data (settings.shared_data)",
        )
    return path


def read_iob2(path: Path) -> Iterator[IOBSentence]:
    """Universal NER files: `# sent_id = ...`, then `index<TAB>token<TAB>tag...` lines."""
    sent = IOBSentence("", [], [])
    with _need(path).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line.strip():
                if sent.tokens:
                    yield sent
                sent = IOBSentence("", [], [])
            elif line.startswith("#"):
                if line.startswith("# sent_id"):
                    sent.sent_id = line.split("=", 1)[1].strip()
            else:
                cols = line.split("\t")
                sent.tokens.append(cols[1])
                tag = cols[2] if len(cols) > 2 else "O"
                sent.tags.append("O" if tag in ("B-O", "I-O", "") else tag)
    if sent.tokens:
        yield sent


def io_to_iob2(tags: list[str]) -> list[str]:
    """wikigold uses IOB1/IO (`I-ORG` starts an entity); rewrite as IOB2."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O":
            out.append("O")
        elif tag.startswith("B-") or prev[2:] != tag[2:]:
            out.append("B-" + tag[2:])
        else:
            out.append("I-" + tag[2:])
        prev = tag
    return out


def read_wikigold(path: Path) -> list[list[IOBSentence]]:
    """wikigold documents (split at -DOCSTART-), each a list of sentences."""
    docs: list[list[IOBSentence]] = []
    sent = IOBSentence("", [], [])

    def close() -> None:
        nonlocal sent
        if sent.tokens:
            sent.tags = io_to_iob2(sent.tags)
            docs[-1].append(sent)
        sent = IOBSentence("", [], [])

    with _need(path).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.strip()
            if line.startswith("-DOCSTART-"):
                close()
                docs.append([])
            elif not line:
                close()
            else:
                token, _, tag = line.rpartition(" ")
                if not docs:
                    docs.append([])
                sent.tokens.append(token)
                sent.tags.append(tag)
    close()
    return [doc for doc in docs if doc]


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, corpus label) of an IOB2 tag sequence."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.append((start, i, label))
            start = -1
        if tag != "O" and start < 0:
            start, label = i, tag[2:]
    return spans


# re3d ---------------------------------------------------------------------------------------

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these"}
_PRONOUNS = {
    "he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "who", "which", "that",
    "this", "these", "those", "his", "her", "its", "their", "our", "there", "here",
}  # fmt: skip
# Lower-case words that may sit inside a name ("Islamic State of Iraq and the Levant").
_NAME_GLUE = {"of", "the", "and", "for", "in", "on", "al", "el", "bin", "ibn", "de", "&", "-", "'s"}


def _name_like(word: str) -> bool:
    return word[:1].isupper() or any(ch.isdigit() for ch in word)


def clean_re3d_span(text: str, begin: int, end: int) -> tuple[int, int] | str | None:
    """Trim a re3d span to the name it holds.

    Returns the trimmed (begin, end); "noise" for pronoun/determiner-only spans (they are O);
    None for descriptive spans ("the northern part of the country") that are not names but
    may contain one (they become missing annotation).
    """
    words = text[begin:end].split()
    if not words or all(w.lower().strip(".,") in _PRONOUNS | _DETERMINERS for w in words):
        return "noise"
    while words and words[0].lower() in _DETERMINERS:
        begin = text.index(words[0], begin) + len(words[0])
        words = words[1:]
    while begin < end and text[begin].isspace():
        begin += 1
    if not words or not _name_like(words[0]) or not _name_like(words[-1].strip(".,")):
        return None
    if not all(_name_like(w) or w.lower() in _NAME_GLUE for w in words):
        return None
    return begin, end


def _best_labels(entities: list[dict[str, object]]) -> dict[tuple[int, int], tuple[str, float]]:
    """The most confident type per exact (begin, end) span."""
    best: dict[tuple[int, int], tuple[str, float]] = {}
    for ent in entities:
        key = (int(str(ent["begin"])), int(str(ent["end"])))
        conf = float(str(ent.get("confidence", 0)))
        if key not in best or conf > best[key][1]:
            best[key] = (str(ent["type"]), conf)
    return best


def read_re3d_source(folder: Path) -> Iterator[SpanDoc]:
    """One re3d source folder: documents with cleaned, mapped spans."""
    docs = [json.loads(line) for line in _need(folder / "documents.json").open(encoding="utf-8")]
    by_doc: dict[str, list[dict[str, object]]] = {}
    for line in (folder / "entities.json").open(encoding="utf-8"):
        ent = json.loads(line)
        by_doc.setdefault(ent["documentId"], []).append(ent)
    for doc in docs:
        out = SpanDoc(doc_id=doc["_id"], source=folder.name, text=doc["text"])
        for (begin, end), (kind, conf) in _best_labels(by_doc.get(doc["_id"], [])).items():
            if kind not in RE3D_LABELS:
                continue  # other types (Temporal, Money ...) are genuinely not our entities
            label = RE3D_LABELS[kind]
            cleaned = clean_re3d_span(out.text, begin, end)
            if cleaned == "noise":
                continue
            # Below-threshold spans are the crowd disagreeing: neither learnt nor denied.
            unsure = conf < MIN_CONFIDENCE
            if label is None or unsure or cleaned is None or isinstance(cleaned, str):
                out.unknown.append((begin, end))
            else:
                out.spans.append((cleaned[0], cleaned[1], label))
        yield out
