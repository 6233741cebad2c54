"""Build the training and development corpora (spaCy DocBins) from ../shared/data.

Train: UD English-EWT train (tags, morphology, parse) with Universal NER's train labels merged
on by sent_id; wikigold (all but the held-out documents); re3d (all but the held-out sources).
Dev: EWT dev with UNER dev merged. Never trained on: EWT/UNER test, the held-out re3d sources
and the held-out wikigold documents.

Missing annotation: a corpus that does not label some of our types must not teach that their
tokens are "O". Such tokens get spaCy's missing NER value instead (`Doc.set_ents(missing=...)`);
see `uncertain_pos` and `uncertain_case`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from sitrep.names.words import CALENDAR_WORDS
from sitrep.nlp import conllu, extra_corpora, ner_corpora
from sitrep.nlp.extra_corpora import LabelledDoc
from sitrep.nlp.ner_corpora import IOB_LABELS, IOBSentence, SpanDoc

EWT = "ud-english-ewt/en_ewt-ud-{split}.conllu"
UNER = {
    "train": "uner-english-ewt/en_ewt-ud-train.early.iob2",
    "dev": "uner-english-ewt/en_ewt-ud-dev.iob2",
    "test": "uner-english-ewt/en_ewt-ud-test.iob2",
}
WIKIGOLD = "wikigold/wikigold.conll.txt"
RE3D = "re3d"
HELD_OUT_RE3D = ("us-state-department", "australian-department-of-foreign-affairs")
WIKIGOLD_TRAIN_DOCS = 116  # the first 116 of 145 documents; the last 29 are held out
RE3D_REPEAT = 3  # small in-domain corpus: seen three times per epoch


@dataclass(frozen=True)
class CorpusMix:
    """How the training corpora are weighted and read (the defaults built 0.2.0).

    `uner_repeat`: UNER EWT train seen this many times per epoch (its conventions are the
    held-out targets'). `strict_uner`: a proper noun UNER leaves O is O, not missing
    (`uncertain_in_uner`)."""

    uner_repeat: int = 1
    re3d_repeat: int = RE3D_REPEAT
    strict_uner: bool = False


@dataclass
class CorpusStats:
    docs: Counter[str] = field(default_factory=Counter)
    uner_mismatch: int = 0
    missing_tokens: Counter[str] = field(default_factory=Counter)


def _has_digit_and_letter(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def uncertain_pos(word: str, upos: str) -> bool:
    """An O token of UNER that could be an unlabelled type: a proper noun (UNER's OTH was
    mapped to O in the train file), a capitalised adjective (NORP: "Iranian") or a model
    designation ("T-90")."""
    return upos == "PROPN" or (upos == "ADJ" and word[:1].isupper()) or _has_digit_and_letter(word)


def uncertain_in_uner(word: conllu.UDWord) -> bool:
    """`uncertain_pos` for UNER without its proper-noun clause: UNER tags every PERSON, ORG and
    LOC, so a proper noun it leaves O ("DVD", "Applause", "Dr.") is evidence of none of them.
    Only what could be one of our types UNER does not tag stays missing: a plural proper noun
    or a demonym-shaped one (NORP: "Shiites", "Americans", "Salafi"), a capitalised adjective,
    a designation ("T-90")."""
    if word.upos == "PROPN":
        return (
            word.xpos == "NNPS"
            or bool(extra_corpora.DEMONYM.search(word.form))
            or _has_digit_and_letter(word.form)
        )
    return uncertain_pos(word.form, word.upos)


def uncertain_case(word: str, lower_counts: Counter[str], cap_counts: Counter[str]) -> bool:
    """An O token of a corpus without POS that could be an unlabelled type: capitalised, and
    not an ordinary word that is capitalised only by position ("The"), or a designation."""
    if _has_digit_and_letter(word):
        return True
    if not word[:1].isupper():
        return False
    return lower_counts[word.lower()] < cap_counts[word]


def _set_ents(
    doc: Doc, spans: list[tuple[int, int, str]], unknown: list[tuple[int, int]], stats: CorpusStats
) -> None:
    ents = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in spans if e > s])
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    missing = [
        Span(doc, i, i + 1)
        for s, e in unknown
        for i in range(s, e)
        if i not in taken and i < len(doc) and doc[i].lower_.strip(".") not in CALENDAR_WORDS
    ]
    missing = filter_spans(missing)
    stats.missing_tokens["all"] += len(missing)
    doc.set_ents(ents, missing=missing, default="outside")


def _iob_spans(sent: IOBSentence, offset: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Mapped spans and the token indices of unmapped (MISC) spans."""
    spans: list[tuple[int, int, str]] = []
    unmapped: list[int] = []
    for s, e, label in ner_corpora.iob_spans(sent.tags):
        mapped = IOB_LABELS.get(label)
        if mapped is None:
            unmapped.extend(range(offset + s, offset + e))
        else:
            spans.append((offset + s, offset + e, mapped))
    return spans, unmapped


def ewt_docs(
    vocab: Vocab,
    data: Path,
    split: str,
    stats: CorpusStats,
    with_ner: bool = True,
    strict: bool = False,
) -> list[Doc]:
    """EWT docs with UNER labels merged by sent_id; sentences whose tokens do not align keep
    their parse and get missing NER."""
    sents = list(conllu.read_conllu(data / EWT.format(split=split)))
    uner = {s.sent_id: s for s in ner_corpora.read_iob2(data / UNER[split])} if with_ner else {}
    docs: list[Doc] = []
    for group in conllu.group_sentences(sents):
        doc = conllu.sentences_to_doc(vocab, group)
        spans: list[tuple[int, int, str]] = []
        unknown: list[tuple[int, int]] = []
        offset = 0
        for sent in group:
            n = len(sent.words)
            gold = uner.get(sent.sent_id)
            if gold is None or gold.tokens != [w.form for w in sent.words]:
                stats.uner_mismatch += 1
                unknown.append((offset, offset + n))
            else:
                found, unmapped = _iob_spans(gold, offset)
                spans.extend(found)
                unknown.extend((i, i + 1) for i in unmapped)
                unknown.extend(
                    (offset + i, offset + i + 1)
                    for i, (w, tag) in enumerate(zip(sent.words, gold.tags, strict=True))
                    if tag == "O"
                    and (uncertain_in_uner(w) if strict else uncertain_pos(w.form, w.upos))
                )
            offset += n
        if with_ner:
            _set_ents(doc, spans, unknown, stats)
        docs.append(doc)
    stats.docs[f"ewt-{split}"] += len(docs)
    return docs


def wikigold_docs(vocab: Vocab, docs: list[list[IOBSentence]], stats: CorpusStats) -> list[Doc]:
    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for sent in (s for d in docs for s in d):
        for tok in sent.tokens:
            (cap if tok[:1].isupper() else lower)[tok if tok[:1].isupper() else tok.lower()] += 1
    out: list[Doc] = []
    for sents in docs:
        words = [t for s in sents for t in s.tokens]
        starts: list[bool | int | None] = [i == 0 for s in sents for i in range(len(s.tokens))]
        doc = Doc(vocab, words=words, sent_starts=starts)
        spans: list[tuple[int, int, str]] = []
        unknown: list[tuple[int, int]] = []
        offset = 0
        for sent in sents:
            found, unmapped = _iob_spans(sent, offset)
            spans.extend(found)
            unknown.extend((i, i + 1) for i in unmapped)
            unknown.extend(
                (offset + i, offset + i + 1)
                for i, (tok, tag) in enumerate(zip(sent.tokens, sent.tags, strict=True))
                if tag == "O" and uncertain_case(tok, lower, cap)
            )
            offset += len(sent.tokens)
        _set_ents(doc, spans, unknown, stats)
        out.append(doc)
    stats.docs["wikigold"] += len(out)
    return out


def span_doc(nlp: spacy.language.Language, item: SpanDoc, stats: CorpusStats) -> Doc:
    """A re3d document as a Doc: character spans snapped outwards to token boundaries."""
    doc = nlp.make_doc(item.text)
    spans: list[tuple[int, int, str]] = []
    unknown: list[tuple[int, int]] = []
    for begin, end, label in item.spans:
        span = doc.char_span(begin, end, alignment_mode="expand")
        if span is not None:
            spans.append((span.start, span.end, label))
    for begin, end in item.unknown:
        span = doc.char_span(begin, end, alignment_mode="expand")
        if span is not None:
            unknown.append((span.start, span.end))
    _set_ents(doc, spans, unknown, stats)
    stats.docs[f"re3d:{item.source}"] += 1
    return doc


def labelled_doc(vocab: Vocab, item: LabelledDoc, stats: CorpusStats) -> Doc:
    """A token-level labelled document (BTC, WNUT-17, CrossNER, Re-DocRED) as a Doc."""
    doc = Doc(vocab, words=item.words, sent_starts=list(item.sent_starts))
    _set_ents(doc, item.spans, item.unknown, stats)
    stats.docs[item.source] += 1
    return doc


def gum_training_docs(vocab: Vocab, data: Path, stats: CorpusStats) -> list[Doc]:
    """GUM: gold UD trees (tagger, morphologizer, parser) and its named entities together."""
    out: list[Doc] = []
    for item in extra_corpora.gum_docs(data):
        doc = conllu.sentences_to_doc(vocab, item.sentences)
        _set_ents(doc, item.labelled.spans, item.labelled.unknown, stats)
        out.append(doc)
    stats.docs["gum"] += len(out)
    return out


def second_wave_docs(vocab: Vocab, data: Path, stats: CorpusStats) -> list[Doc]:
    """The NER corpora added for the vectors model (issue 13); a set that is absent is
    skipped and counted, so a partial ../shared/data still trains."""
    docs: list[Doc] = []
    readers = {  # folder under ../shared/data -> reader
        "btc": extra_corpora.btc_docs,
        "wnut17": extra_corpora.wnut_docs,
        "crossner-politics": extra_corpora.crossner_docs,
        "re-docred": extra_corpora.docred_docs,
    }
    for folder, read in readers.items():
        if not (data / folder).exists():
            stats.docs[f"absent:{folder}"] += 1
            continue
        docs += [labelled_doc(vocab, item, stats) for item in read(data)]
    if (data / "gum").exists():
        docs += gum_training_docs(vocab, data, stats)
    else:
        stats.docs["absent:gum"] += 1
    return docs


def re3d_sources(data: Path, held_out: bool) -> list[Path]:
    folders = sorted(p for p in (data / RE3D).iterdir() if (p / "documents.json").is_file())
    return [p for p in folders if (p.name in HELD_OUT_RE3D) == held_out]


def build_corpora(data: Path, out_dir: Path, mix: CorpusMix | None = None) -> CorpusStats:
    """Write train.spacy and dev.spacy into out_dir; return what went in. The dev set is the
    same whatever the mix, so runs with different mixes are selected on the same figures."""
    mix = mix or CorpusMix()
    nlp = spacy.blank("en")
    stats = CorpusStats()
    train: list[Doc] = ewt_docs(nlp.vocab, data, "train", stats, strict=mix.strict_uner)
    train *= mix.uner_repeat
    wiki = ner_corpora.read_wikigold(ner_corpora._need(data / WIKIGOLD))
    train += wikigold_docs(nlp.vocab, wiki[:WIKIGOLD_TRAIN_DOCS], stats)
    re3d = [
        span_doc(nlp, item, stats)
        for folder in re3d_sources(ner_corpora._need(data), held_out=False)
        for item in ner_corpora.read_re3d_source(folder)
    ]
    train += re3d * mix.re3d_repeat
    train += second_wave_docs(nlp.vocab, data, stats)
    dev = ewt_docs(nlp.vocab, data, "dev", stats)
    out_dir.mkdir(parents=True, exist_ok=True)
    _save(train, out_dir / "train.spacy")
    _save(dev, out_dir / "dev.spacy")
    return stats


def _save(docs: Iterable[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
