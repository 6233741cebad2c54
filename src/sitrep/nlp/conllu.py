"""Read CoNLL-U (Universal Dependencies) files into plain sentences and spaCy Docs.

Multiword-token lines (`1-2`) are skipped: spaCy's tokens are the syntactic words, which is
what the UD heads point at. Empty nodes (`8.1`, enhanced dependencies only) are skipped too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitrep.errors import DataMissingError


@dataclass
class UDWord:
    form: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based, 0 = root
    deprel: str
    space_after: bool
    misc: str = ""  # the MISC column (GUM keeps its entity layer there)


@dataclass
class UDSentence:
    sent_id: str
    newdoc: bool
    words: list[UDWord] = field(default_factory=list)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def _parse_word(cols: list[str], mwt_end: int, index: int) -> UDWord:
    # Inside a multiword token the surface has no spaces between the parts; the last part
    # inherits the token's SpaceAfter (handled by the caller).
    space = _space_after(cols[9]) if index > mwt_end else False
    return UDWord(
        form=cols[1],
        upos=cols[3],
        xpos=cols[4] if cols[4] != "_" else "",
        feats=cols[5] if cols[5] != "_" else "",
        head=int(cols[6]),
        deprel=cols[7],
        space_after=space,
        misc=cols[9] if cols[9] != "_" else "",
    )


def read_conllu(path: Path) -> Iterator[UDSentence]:
    """Yield the sentences of a CoNLL-U file."""
    if not path.is_file():
        raise DataMissingError(f"CoNLL-U file not found: {path}")
    sent = UDSentence(sent_id="", newdoc=False)
    mwt_end, mwt_space = 0, True
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if sent.words:
                    yield sent
                sent = UDSentence(sent_id="", newdoc=False)
                mwt_end, mwt_space = 0, True
            elif line.startswith("#"):
                if line.startswith("# sent_id"):
                    sent.sent_id = line.split("=", 1)[1].strip()
                elif line.startswith("# newdoc"):
                    sent.newdoc = True
            else:
                cols = line.split("\t")
                if "." in cols[0]:
                    continue
                if "-" in cols[0]:
                    mwt_end = int(cols[0].split("-")[1])
                    mwt_space = _space_after(cols[9])
                    continue
                index = int(cols[0])
                word = _parse_word(cols, mwt_end, index)
                if index == mwt_end:
                    word.space_after = mwt_space
                sent.words.append(word)
    if sent.words:
        yield sent


def sentences_to_doc(vocab: Vocab, sents: list[UDSentence]) -> Doc:
    """One Doc holding several sentences, with tags, morphology, heads and labels."""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    for sent in sents:
        offset = len(words)
        for i, word in enumerate(sent.words):
            words.append(word.form)
            spaces.append(word.space_after)
            tags.append(word.xpos)
            pos.append(word.upos)
            morphs.append(word.feats)
            heads.append(offset + i if word.head == 0 else offset + word.head - 1)
            deps.append("ROOT" if word.head == 0 else word.deprel)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        heads=heads,
        deps=deps,
    )


def group_sentences(sents: list[UDSentence], max_sents: int = 10) -> Iterator[list[UDSentence]]:
    """Group sentences into documents (at newdoc marks, at most max_sents each) so the parser
    learns sentence boundaries."""
    group: list[UDSentence] = []
    for sent in sents:
        if group and (sent.newdoc or len(group) >= max_sents):
            yield group
            group = []
        group.append(sent)
    if group:
        yield group
