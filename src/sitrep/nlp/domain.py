"""Domain components that run after the statistical NER, driven by data passed in.

* `sitrep_names` (names.py): repairs person names the tokenizer or model cut apart.
* `sitrep_aliases`: known aliases from the domain pack are recognised even where the model
  misses them, override a wrong model label, and carry the pack id (`Span.id_`). An alias
  inside a longer entity is left alone ("Kata'ib Hezbollah" is not "Hezbollah"). Patterns
  with an empty pack id are known place names: matched case-sensitively, they add a missed
  place or relabel a place the model called a person; a model place label is kept.
* `sitrep_titles` (titles.py): titles and ranks right before a PERSON are attached to it
  (`Span._.title`), a title swallowed into an entity is split off, and a capitalised name
  right after a capitalised title that the model missed becomes a PERSON.
* `sitrep_types` (types.py): a model entity whose head word says it is an organisation or a
  place ("Interior Ministry", "Raqqa Province") takes that label.

Every entity's origin is kept in `Span._.mention_source` ("model", "alias", "title-rule",
"type-rule").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import NORM, ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitrep.names.phonetic import assimilated_forms
from sitrep.nlp import names, titles, toponyms, types
from sitrep.nlp.breaks import BREAKS_PIPE
from sitrep.nlp.spans import mark, source_of

ALIAS_PIPE = "sitrep_aliases"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TITLE_PIPE = titles.TITLE_PIPE
TYPES_PIPE = types.TYPES_PIPE
TOPONYMS_PIPE = toponyms.TOPONYMS_PIPE
NAMES_PIPE = names.NAMES_PIPE
DEFAULT_TITLES = titles.DEFAULT_TITLES
__all__ = ["DEFAULT_TITLES", "AliasPattern", "add_domain_components", "source_of"]


@dataclass(frozen=True)
class AliasPattern:
    """One known name of a domain-pack actor: "Quds Force" is an ORG, pack id "quds-force"."""

    text: str
    label: str
    pack_id: str  # "" for a known place name outside the pack's actors


def add_domain_components(
    nlp: Language,
    titles: Sequence[str],
    aliases: Sequence[AliasPattern],
    short_forms: Sequence[tuple[str, str]] = (),
    countries: Sequence[str] = (),
) -> None:
    """Add (or replace) the name-repair, alias, title and typing components after the NER;
    `countries` are the theatre's (the pack's regions'), whose towns the toponym rule knows."""
    for name in (TOPONYMS_PIPE, TYPES_PIPE, TITLE_PIPE, ALIAS_PIPE, NAMES_PIPE, BREAKS_PIPE):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(BREAKS_PIPE, before="parser")  # sentence breaks the copy lost
    read_acronyms_as_names(nlp, aliases)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(NAMES_PIPE, after="ner")
    else:
        nlp.add_pipe(NAMES_PIPE)
    matcher = cast(AliasMatcher, nlp.add_pipe(ALIAS_PIPE, after=NAMES_PIPE))
    # Given after creation, not as config: spaCy type-checks a config item by item, which for
    # a pack's thousands of aliases costs a worker a good part of a second at start-up.
    matcher.add([asdict(a) for a in aliases])
    nlp.add_pipe(TITLE_PIPE, config={"titles": list(titles)}, after=ALIAS_PIPE)
    heads = types.pack_heads(asdict(a) for a in aliases)
    config = {
        "person_heads": heads,
        "titles": list(titles),
        "short_forms": types.short_form_labels(short_forms),
        "demonyms": sorted({a.text for a in aliases if a.label == "NORP"}),
        "group_words": types.group_words(asdict(a) for a in aliases),
    }
    nlp.add_pipe(TYPES_PIPE, config=config, after=TITLE_PIPE)
    nlp.add_pipe(TOPONYMS_PIPE, config=_toponym_config(titles, aliases, short_forms, countries))


def read_acronyms_as_names(nlp: Language, aliases: Sequence[AliasPattern]) -> None:
    """A pack actor's acronym that spells an English function word ("IS", "US") is read by the
    model as that word: its embedding rows are the word's (spaCy embeds a token's norm, and
    the norm of "IS" is "is"), so "IS fighters executed two" parses with "IS" as an auxiliary
    and "fighters" as nothing. The tokenizer gives such an acronym the norm of another acronym
    of the same actor that is no function word ("ISIS"), which the model knows as a name.
    Organisations only: a state's ("US") is common in the newswire the model learned from,
    which taught it the name (given "USA"'s norm, "a US counter-terrorism operation" lost its
    doer and toll on the events gold).
    """
    stop_words = nlp.Defaults.stop_words
    acronyms: dict[str, list[str]] = {}
    for alias in aliases:
        organisation = alias.label == "ORG" and alias.pack_id
        if organisation and _is_acronym(alias.text) and alias.text.isalpha():
            acronyms.setdefault(alias.pack_id, []).append(alias.text)
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own norms
    for forms in acronyms.values():
        sibling = next((f for f in forms if f.lower() not in stop_words), None)
        for form in forms:
            if sibling is not None and form.lower() in stop_words:
                tokenizer.add_special_case(form, [{ORTH: form, NORM: sibling.lower()}])


def _toponym_config(
    titles: Sequence[str],
    aliases: Sequence[AliasPattern],
    short_forms: Sequence[tuple[str, str]],
    countries: Sequence[str],
) -> dict[str, list[str]]:
    """The toponym rule's data: the theatre, the first words of the pack's people's names
    and every word of a title (no evidence of a place), and every name of a pack actor."""
    people = [a.text for a in aliases if a.label == "PERSON"]
    people += [text for text, label in short_forms if label == "PERSON"]
    words = {name.split()[0] for name in people if name.split()}
    words |= {word for title in (*titles, *DEFAULT_TITLES) for word in title.split()}
    actors = {a.text for a in aliases if a.pack_id} | {text for text, _ in short_forms}
    return {
        "countries": sorted(countries),
        "person_words": sorted(words),
        "actor_names": sorted(actors),
    }


# aliases -------------------------------------------------------------------------------------


def _is_acronym(text: str) -> bool:
    # Short all-caps names ("IS", "SAA") must match case-sensitively, or "is" would match.
    return len(text) <= 5 and text.isupper()


class AliasMatcher:
    def __init__(self, nlp: Language, aliases: Sequence[dict[str, str]]) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.targets: dict[str, tuple[str, str]] = {}  # match key -> (label, pack id)
        self.make_doc = nlp.make_doc
        self.add(aliases)

    def add(self, aliases: Sequence[dict[str, str]]) -> None:
        """Recognise these aliases too (text, label, pack id)."""
        for alias in aliases:
            key = f"alias{len(self.targets)}"
            self.targets[key] = (alias["label"], alias["pack_id"])
            exact = _is_acronym(alias["text"]) or not alias["pack_id"]
            matcher = self.exact if exact else self.folded
            forms = [alias["text"], *assimilated_forms(alias["text"])]
            matcher.add(key, [self.make_doc(form) for form in forms])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for matcher in (self.exact, self.folded):
            for key, start, end in matcher(doc):
                label, pack_id = self.targets[doc.vocab.strings[key]]
                found.append(Span(doc, start, end, label=label, span_id=pack_id))
        # Pack actors first: on equal spans filter_spans keeps the first ("Qods" the force).
        found.sort(key=lambda span: not span.id_)
        # The entities by the tokens they cover, so each match finds the ones it overlaps
        # without reading them all (a long text has thousands of both: that was quadratic).
        ents = _Entities(doc.ents)
        for match in filter_spans(found):
            overlapping = ents.overlapping(match)
            replacement = _apply_alias(overlapping, match)
            if replacement is not None:
                ents.replace(overlapping, replacement)
        doc.ents = filter_spans(ents.spans())
        return doc


class _Entities:
    """Non-overlapping entities, indexed by the tokens they cover."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self._at: dict[int, Span] = {}
        self._order: dict[tuple[int, int], Span] = {}
        for span in spans:
            self._put(span)

    def _put(self, span: Span) -> None:
        self._order[(span.start, span.end)] = span
        for i in range(span.start, span.end):
            self._at[i] = span

    def overlapping(self, match: Span) -> list[Span]:
        seen: dict[tuple[int, int], Span] = {}
        for i in range(match.start, match.end):
            span = self._at.get(i)
            if span is not None:
                seen[(span.start, span.end)] = span
        return list(seen.values())

    def replace(self, old: Sequence[Span], new: Span) -> None:
        for span in old:
            del self._order[(span.start, span.end)]
            for i in range(span.start, span.end):
                del self._at[i]
        self._put(new)

    def spans(self) -> list[Span]:
        return list(self._order.values())


def _apply_alias(overlapping: list[Span], match: Span) -> Span | None:
    """The entity the alias `match` makes of the entities it overlaps, or None where they stay
    as they are."""
    for ent in overlapping:
        inside = match.start >= ent.start and match.end <= ent.end
        if inside and (ent.start, ent.end) != (match.start, match.end):
            return None  # part of a longer name: leave the model's entity alone
        if not inside and not (ent.start >= match.start and ent.end <= match.end):
            return None  # crossing boundaries: not ours to decide
    exact = [e for e in overlapping if (e.start, e.end) == (match.start, match.end)]
    if not match.id_ and exact and exact[0].label_ in PLACE_LABELS:
        return None  # a known place the model already tagged as a place
    if not match.id_ and len(overlapping) > len(exact):
        return None  # a place name over several model entities: not ours to decide
    agrees = bool(exact) and exact[0].label_ == match.label_
    source = source_of(exact[0]) if agrees else "alias"
    title = exact[0]._.title if exact else None
    return mark(match, source, title)


@Language.factory(ALIAS_PIPE, default_config={"aliases": []})
def make_alias_component(nlp: Language, name: str, aliases: list[dict[str, str]]) -> AliasMatcher:
    return AliasMatcher(nlp, aliases)
