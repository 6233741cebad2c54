"""Which of a document's clusters a full name could join: the few worth comparing.

A long document (an encyclopedia page, a 1.5 MB scrape) holds thousands of names, and comparing
each with every cluster before it grows with the square of its mentions (7.9 million name
comparisons for the 23,751 mentions of one 1.3-million-character article). `match_names` says
"same" only on evidence that leaves a key behind:

- the same folded name, or the same consonant skeleton (the only test when a side is in
  Arabic or Persian script);
- people: surnames within spelling distance (a score of 0.85 needs a surname similarity of 0.8,
  which needs a phonetic ratio of at least 0.7);
- organisations: every distinctive word matched by a word within spelling distance (one
  unmatched distinctive word caps the score at 0.65), or the same letters glued differently
  ("Radiofarda" / "Radio Farda"), or one side the other's acronym.

Clusters are indexed by those keys, and a name is compared only with the clusters that share
one. The candidates are a superset of the clusters that match, in document order, so the result
is the one every-cluster comparison gives (tests/test_resolve_cluster_index.py checks both ways).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from sitrep.names.match import _STOP, GENERIC_ORG_WORDS, NameKind
from sitrep.names.phonetic import fold, name_tokens, phonetic_token, skeleton_token
from sitrep.names.titles import strip_titles

# Just under match.py's own bounds (a token ratio of 0.7, glued names at 0.9): a candidate more
# costs one comparison, a candidate missed would change a result.
_TOKEN_CUTOFF = 0.69
_JOINED_CUTOFF = 0.89


@dataclass(frozen=True)
class NameKeys:
    """What one name offers the index, and what it looks up."""

    fold: str
    skeleton: str
    tokens: tuple[str, ...]  # phonetic forms indexed: a person's surname, an organisation's words
    query: tuple[str, ...]  # phonetic forms looked up among the indexed ones
    joined: str = ""  # an organisation's words glued together
    acronym: str = ""  # an organisation of several words: their initials
    single: str = ""  # an organisation named in one word (which may be an acronym)


@lru_cache(maxsize=1 << 16)
def name_keys(name: str, kind: NameKind) -> NameKeys:
    if kind == "person":
        name = strip_titles(name)[0]  # match_names compares people without their titles
    raw = name_tokens(name)
    skeleton = "".join(skeleton_token(t) for t in raw)
    if kind == "person":
        surname = (phonetic_token(raw[-1]),) if raw else ()
        return NameKeys(fold(name), skeleton, surname, surname)
    words = [t for t in raw if t not in _STOP]
    distinct = [t for t in words if t not in GENERIC_ORG_WORDS]
    # Every distinctive word must be matched, so one of them is enough to look up: the longest,
    # which is the rarest. A name of generic words alone may match on any of them.
    query = [max(distinct, key=len)] if distinct else words
    return NameKeys(
        fold=fold(name),
        skeleton=skeleton,
        tokens=tuple(phonetic_token(t) for t in words),
        query=tuple(phonetic_token(t) for t in query),
        joined="".join(phonetic_token(t) for t in words),
        acronym="".join(t[0] for t in raw if t not in _STOP) if len(raw) >= 2 else "",
        single=raw[0] if len(raw) == 1 else "",
    )


@dataclass
class _Near:
    """Strings within a ratio of a query, among a list that only grows: each query's answer is
    kept with how much of the list it has seen, so a repeated query reads only what is new."""

    cutoff: float
    strings: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    answers: dict[str, tuple[int, set[str]]] = field(default_factory=dict)

    def add(self, text: str) -> None:
        if text and text not in self.seen:
            self.seen.add(text)
            self.strings.append(text)

    def near(self, query: str) -> set[str]:
        read, found = self.answers.get(query, (0, set()))
        if read < len(self.strings):
            found = found | {
                match
                for match, _score, _index in process.extract(
                    query,
                    self.strings[read:],
                    scorer=Levenshtein.normalized_similarity,
                    score_cutoff=self.cutoff,
                    limit=None,
                )
            }
            self.answers[query] = (len(self.strings), found)
        return found


@dataclass
class _KindIndex:
    """The clusters of one kind of name (people, or organisations and places)."""

    by_key: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    tokens: _Near = field(default_factory=lambda: _Near(_TOKEN_CUTOFF))
    joined: _Near = field(default_factory=lambda: _Near(_JOINED_CUTOFF))

    def add(self, position: int, keys: NameKeys, pack_id: str | None) -> None:
        for key in self._own_keys(keys, pack_id):
            self.by_key[key].append(position)
        for token in keys.tokens:
            self.tokens.add(token)
        self.joined.add(keys.joined)

    def set_pack(self, position: int, pack_id: str) -> None:
        self.by_key["p:" + pack_id].append(position)

    def candidates(self, keys: NameKeys, pack_id: str | None) -> list[int]:
        looked_up = [f"f:{keys.fold}", f"s:{keys.skeleton}" if keys.skeleton else ""]
        if pack_id:
            looked_up.append("p:" + pack_id)
        for query in keys.query:
            looked_up.extend("t:" + token for token in self.tokens.near(query))
        if keys.joined:
            looked_up.extend("j:" + glued for glued in self.joined.near(keys.joined))
        if keys.single:
            looked_up.append("a:" + keys.single)  # this word may be their acronym
        if keys.acronym:
            looked_up.append("1:" + keys.acronym)  # they may be named by this acronym
        found: set[int] = set()
        for key in looked_up:
            found.update(self.by_key.get(key, ()))
        return sorted(found)

    @staticmethod
    def _own_keys(keys: NameKeys, pack_id: str | None) -> list[str]:
        own = [f"f:{keys.fold}", *("t:" + token for token in keys.tokens)]
        if keys.skeleton:
            own.append("s:" + keys.skeleton)
        if keys.joined:
            own.append("j:" + keys.joined)
        if keys.acronym:
            own.append("a:" + keys.acronym)
        if keys.single:
            own.append("1:" + keys.single)
        if pack_id:
            own.append("p:" + pack_id)
        return own


@dataclass
class ClusterIndex:
    """Positions of a document's clusters (in the order they were made) by the keys above."""

    kinds: defaultdict[NameKind, _KindIndex] = field(
        default_factory=lambda: defaultdict(_KindIndex)
    )

    def add(self, position: int, name: str, kind: NameKind, pack_id: str | None) -> None:
        self.kinds[kind].add(position, name_keys(name, kind), pack_id)

    def set_pack(self, position: int, kind: NameKind, pack_id: str) -> None:
        """A cluster learnt its pack actor after it was made."""
        self.kinds[kind].set_pack(position, pack_id)

    def candidates(self, name: str, kind: NameKind, pack_id: str | None) -> list[int]:
        """Positions of the clusters of this kind that the name could join, in order."""
        return self.kinds[kind].candidates(name_keys(name, kind), pack_id)


@dataclass
class ShortFormIndex:
    """The clusters a short form ("Soleimani", "the Guards") could be the short form of.

    `cluster._fits` holds when the pack says the short form is one of the cluster's actor's, or
    when a one-word person's name is the cluster's surname within spelling distance (a token
    similarity of 0.85, so a phonetic ratio of at least 0.7): the clusters are indexed by pack
    actor and by surname, and by their whole name for "the same short form seen before"."""

    surnames: _Near = field(default_factory=lambda: _Near(_TOKEN_CUTOFF))
    by_key: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, position: int, name: str, kind: NameKind, pack_id: str | None) -> None:
        self.by_key[f"n:{kind}:{name}"].append(position)
        if pack_id:
            self.by_key["p:" + pack_id].append(position)
        tokens = name_tokens(name)
        if kind == "person" and tokens:
            surname = phonetic_token(tokens[-1])
            self.surnames.add(surname)
            self.by_key["s:" + surname].append(position)

    def add_acronym(self, position: int, acronym: str) -> None:
        """An acronym the document gives the cluster's name ("the Tellian Union (TU)")."""
        self.by_key["a:" + acronym].append(position)

    def fitting_candidates(self, name: str, kind: NameKind, pack_ids: set[str]) -> list[int]:
        """Positions, in order, of the clusters the short form might fit (a superset)."""
        keys = ["p:" + pack_id for pack_id in pack_ids] + ["a:" + name]
        tokens = name_tokens(name)
        if kind == "person" and len(tokens) == 1:
            keys.extend("s:" + near for near in self.surnames.near(phonetic_token(tokens[0])))
        found: set[int] = set()
        for key in keys:
            found.update(self.by_key.get(key, ()))
        return sorted(found)

    def same_name(self, name: str, kind: NameKind) -> list[int]:
        """Positions, in order, of the clusters of this kind named exactly so."""
        return self.by_key.get(f"n:{kind}:{name}", [])
