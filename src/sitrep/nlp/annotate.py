"""The annotate stage: text -> sentences and entity mentions (character offsets)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

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
    )


def to_annotation(doc_id: str, doc: Doc, model: str) -> Annotation:
    """The record for an annotated Doc."""
    sentences = _sentences(doc)
    starts = [s.start for s in sentences]
    mentions = tuple(_mention(ent, starts) for ent in doc.ents)
    return Annotation(doc_id=doc_id, sentences=tuple(sentences), mentions=mentions, model=model)


def annotate(doc_id: str, text: str, nlp: Language) -> tuple[Annotation, Doc]:
    """Run the pipeline over one text."""
    doc = nlp(text)
    return to_annotation(doc_id, doc, model_name(nlp)), doc


def annotate_many(
    items: Iterable[tuple[str, str]],
    nlp: Language,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[Annotation, Doc]]:
    """Run the pipeline over (doc_id, text) pairs with nlp.pipe, in input order."""
    model = model_name(nlp)
    docs = nlp.pipe(
        ((text, doc_id) for doc_id, text in items),
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
    )
    for doc, doc_id in docs:
        yield to_annotation(doc_id, doc, model), doc
