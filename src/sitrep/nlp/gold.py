"""Gold NER data as JSON lines, the format `sitrep eval ner` reads.

One object per line: {"text": "...", "entities": [[start, end, "LABEL"], ...]} with character
offsets into text. Optional "ignore": [[start, end], ...] marks regions whose predictions are
not scored (re3d spans the crowd was unsure of, wikigold MISC spans).

Converters for the held-out corpora: UNER test (tokens and spacing from the EWT test CoNLL-U,
matched by sent_id), wikigold's held-out documents and the held-out re3d sources.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import UsageError
from sitrep.nlp import conllu, corpora, ner_corpora
from sitrep.nlp.ner_corpora import IOB_LABELS, IOBSentence


@dataclass
class GoldDoc:
    text: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> str:
        data: dict[str, object] = {"text": self.text, "entities": [list(e) for e in self.entities]}
        if self.ignore:
            data["ignore"] = [list(r) for r in self.ignore]
        return json.dumps(data, ensure_ascii=False)


def _from_tokens(tokens: list[str], spaces: list[bool], sent: IOBSentence) -> GoldDoc:
    offsets: list[tuple[int, int]] = []
    text = ""
    for tok, space in zip(tokens, spaces, strict=True):
        offsets.append((len(text), len(text) + len(tok)))
        text += tok + (" " if space else "")
    return _from_offsets(text.rstrip(), offsets, sent)


def _from_offsets(text: str, offsets: list[tuple[int, int]], sent: IOBSentence) -> GoldDoc:
    gold = GoldDoc(text=text)
    for s, e, label in ner_corpora.iob_spans(sent.tags):
        region = (offsets[s][0], offsets[e - 1][1])
        mapped = IOB_LABELS.get(label)
        if mapped is None:
            gold.ignore.append(region)
        else:
            gold.entities.append((*region, mapped))
    return gold


def uner_gold(data: Path, split: str = "test") -> Iterator[GoldDoc]:
    """UNER sentences with EWT's spacing (so the text reads as written)."""
    ewt = {s.sent_id: s for s in conllu.read_conllu(data / corpora.EWT.format(split=split))}
    for sent in ner_corpora.read_iob2(data / corpora.UNER[split]):
        ud = ewt.get(sent.sent_id)
        if ud is not None and [w.form for w in ud.words] == sent.tokens:
            spaces = [w.space_after for w in ud.words]
        else:
            spaces = [True] * len(sent.tokens)
        yield _from_tokens(sent.tokens, spaces, sent)


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "'s", "n't", "'re", "'ll", "%"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detok_spaces(tokens: list[str]) -> list[bool]:
    """Whether each token is followed by a space, for corpora that lost their spacing."""
    spaces = [True] * len(tokens)
    for i, tok in enumerate(tokens):
        if tok in _NO_SPACE_AFTER:
            spaces[i] = False
        if i and tok in _NO_SPACE_BEFORE:
            spaces[i - 1] = False
    return spaces


def wikigold_gold(data: Path) -> Iterator[GoldDoc]:
    """The held-out wikigold documents, one line per sentence."""
    docs = ner_corpora.read_wikigold(data / corpora.WIKIGOLD)
    for doc in docs[corpora.WIKIGOLD_TRAIN_DOCS :]:
        for sent in doc:
            yield _from_tokens(sent.tokens, detok_spaces(sent.tokens), sent)


PUD = "uner-english-pud/en_pud-ud-test.iob2"


def _sentence_texts(path: Path) -> dict[str, str]:
    """`# text = ...` of each sentence of a UNER file, by sent_id."""
    texts: dict[str, str] = {}
    sent_id = ""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text") and sent_id:
                texts[sent_id] = line.split("=", 1)[1].strip()
    return texts


def _align(text: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    """Character offsets of each token in text, in order; None if a token is not found."""
    offsets: list[tuple[int, int]] = []
    pos = 0
    for tok in tokens:
        found = text.find(tok, pos)
        if found < 0 or text[pos:found].strip():
            return None
        offsets.append((found, found + len(tok)))
        pos = found + len(tok)
    return offsets


def pud_gold(data: Path) -> Iterator[GoldDoc]:
    """UNER PUD (news and Wikipedia, never trained on), with each sentence's own text."""
    path = ner_corpora._need(data / PUD)
    texts = _sentence_texts(path)
    for sent in ner_corpora.read_iob2(path):
        text = texts.get(sent.sent_id, "")
        offsets = _align(text, sent.tokens) if text else None
        if offsets is None:
            yield _from_tokens(sent.tokens, detok_spaces(sent.tokens), sent)
        else:
            yield _from_offsets(text, offsets, sent)


def re3d_gold(data: Path, sources: Iterable[str] = corpora.HELD_OUT_RE3D) -> Iterator[GoldDoc]:
    """Held-out re3d documents with the same span cleaning as training."""
    for name in sources:
        for item in ner_corpora.read_re3d_source(data / corpora.RE3D / name):
            yield GoldDoc(text=item.text, entities=sorted(item.spans), ignore=item.unknown)


CONVERTERS = {
    "uner": uner_gold,
    "pud": pud_gold,
    "wikigold": wikigold_gold,
    "re3d": re3d_gold,
}


def convert(corpus: str, data: Path) -> Iterator[GoldDoc]:
    if corpus not in CONVERTERS:
        raise UsageError(f"unknown corpus {corpus!r}", hint=f"one of {', '.join(CONVERTERS)}")
    return CONVERTERS[corpus](data)


def read_gold(path: Path) -> list[GoldDoc]:
    """Read a gold JSON-lines file."""
    if not path.is_file():
        raise UsageError(f"gold file not found: {path}")
    docs: list[GoldDoc] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            ents = [(int(s), int(e), str(lab)) for s, e, lab in obj.get("entities", [])]
            ignore = [(int(s), int(e)) for s, e in obj.get("ignore", [])]
            docs.append(GoldDoc(text=str(obj["text"]), entities=ents, ignore=ignore))
        except (ValueError, KeyError, TypeError) as error:
            raise UsageError(f"{path}:{number}: not a gold NER line ({error})") from error
    return docs
