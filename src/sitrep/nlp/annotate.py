"""The annotate stage: text -> sentences and entity mentions (character offsets)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.nlp.pipeline import model_name
from sitrep.nlp.spans import source_of
from sitrep.records import Annotation, Mention, MentionSource, Sentence


def _sentences(doc: Doc) -> list[Sentence]:
    # A pipeline without a parser or senter has no boundaries: the text is one sentence.
    if not doc.has_annotation("SENT_START"):
        return [Sentence(0, 0, len(doc.text), doc.text)] if len(doc) else []
    # Whitespace-only "sentences" (trailing newlines) are not sentences.
    sents = [s for s in doc.sents if s.text.strip()]
    return [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(sents)]


def _mention(ent: Span, starts: list[int]) -> Mention:
    found = source_of(ent)
    source: MentionSource = "model"
    if found == "alias":
        source = "alias"
    elif found == "title-rule":
        source = "title-rule"
    elif found == "type-rule":
        source = "type-rule"
    title = ent._.title
    return Mention(
        start=ent.start_char,
        end=ent.end_char,
        text=ent.text,
        label=ent.label_,
        sentence=max(0, bisect_right(starts, ent.start_char) - 1),
        title=str(title) if title else None,
        source=source,
        pack_id=ent.id_ or None,
        type_reason=ent._.type_reason,
    )


def to_annotation(doc_id: str, doc: Doc, model: str) -> Annotation:
    """The record for an annotated Doc."""
    sentences = _sentences(doc)
    starts = [s.start for s in sentences]
    mentions = tuple(_mention(ent, starts) for ent in doc.ents)
    return Annotation(doc_id=doc_id, sentences=tuple(sentences), mentions=mentions, model=model)


# Long texts are annotated in pieces of at most this many characters, then joined into one Doc
# whose offsets are the whole text's. spaCy refuses texts over `nlp.max_length` (1,000,000
# characters, E088), and the pipeline's cost grows faster than the length within one Doc (the
# domain title and alias components scan back over the whole Doc: 20k characters 0.5 s, 100k
# 4.9 s); pieces keep a long text's cost linear. Parses never cross a paragraph, so a cut at a
# paragraph break changes nothing; 10k characters is a few paragraphs of news copy.
CHUNK_CHARS = 10_000

# Where a piece may end, best first: after a blank line, after a line break, after a sentence's
# final punctuation, after any whitespace. A text with none of these is cut at the limit.
_CUTS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"))
_SPACE = re.compile(r"\s+")


def pieces(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `limit` characters, joined they are `text`.

    Each cut is the last good boundary in the second half of the window, so no piece is tiny."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        out.append(text[start : (end := _cut(text, start, limit))])
        start = end
    out.append(text[start:])
    return out


def _cut(text: str, start: int, limit: int) -> int:
    low, high = start + limit // 2, start + limit
    for pattern in (*_CUTS, _SPACE):
        ends = [match.end() for match in pattern.finditer(text, low, high)]
        if ends:
            return ends[-1]
    return high


def annotate(doc_id: str, text: str, nlp: Language) -> tuple[Annotation, Doc]:
    """Run the pipeline over one text."""
    return next(annotate_many([(doc_id, text)], nlp))


# A batch through the pipeline holds at most this many characters (and `batch_size` texts).
# Memory grows with a batch's volume, not its count: 32 pieces of a long text (320k characters)
# peaked at 1,022 MB, 4 pieces at 397 MB, on a process of 227 MB. With sitrep_en 0.2.0 (the
# NER's second tok2vec and the vectors) the hostile corpus peaked at 942 MB with 100k-character
# batches and 786 MB with 40k, at the same CPU time.
BATCH_CHARS = 40_000

Piece = tuple[str, tuple[str, int]]  # (text, (doc id, pieces of that document))


def annotate_many(
    items: Iterable[tuple[str, str]],
    nlp: Language,
    batch_size: int = 32,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[tuple[Annotation, Doc]]:
    """Run the pipeline over (doc_id, text) pairs with nlp.pipe, in input order.

    A text longer than `chunk_chars` goes through in pieces (see `pieces`) and comes back as
    one Doc over the whole text: character offsets, sentences and entities are the text's."""
    model = model_name(nlp)

    def split() -> Iterator[Piece]:
        for doc_id, text in items:
            parts = pieces(text, chunk_chars)
            for part in parts:
                yield part, (doc_id, len(parts))

    held: list[Doc] = []
    for batch in _batches(split(), batch_size, BATCH_CHARS):
        for doc, (doc_id, count) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            held.append(doc)
            if len(held) < count:
                continue
            whole = held[0] if count == 1 else _joined(held)
            held = []
            yield to_annotation(doc_id, whole, model), whole


def _batches(items: Iterator[Piece], most: int, most_chars: int) -> Iterator[list[Piece]]:
    batch: list[Piece] = []
    size = 0
    for item in items:
        if batch and (len(batch) >= most or size + len(item[0]) > most_chars):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[0])
    if batch:
        yield batch


def _joined(parts: list[Doc]) -> Doc:
    # The tok2vec tensor is not carried over: nothing after annotation reads it, and on a long
    # text it is the largest part of the Doc (96 floats a token).
    for part in parts:  # an empty tensor per piece: freed now, and not copied into the join
        part.tensor = numpy.zeros((len(part), 0), dtype="float32")
    return Doc.from_docs(parts, ensure_whitespace=False)
