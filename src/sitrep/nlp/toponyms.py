"""`sitrep_toponyms`: a village or small town that the model read as a person or a group.

The theatre's villages and small towns are often tagged PERSON or ORG ("rebels captured Tal
Abyad", "killed in Khan Tuman", "the village of Kafr Nabl"); extraction reads the labels, so
such a name gives no captured place and no place of the event. Resolution's retyper only knows
the larger towns, and runs after extraction. Three kinds of evidence are weighed here:

* **shape**: the name begins with a word that begins many of the theatre's place names in the
  gazetteer ("Tall", "Tell", "Kafr", "Khan", "Deir", "Ain" ...: the generic words of Arabic and
  Persian toponyms, "hill", "village", "inn", "monastery", "spring"), counted from GeoNames'
  towns of the pack's countries, main and ASCII alternate names, not listed by hand. A word
  that also begins a pack person's name or is a title ("Abu", "Sheikh", "Imam"), an article
  or an English function word is no evidence;
* **context**: the name is the object of a locative preposition ("in", "near", "outside") or
  of a verb of taking ground ("captured", "besieged"): where a person is seldom named;
* **knowledge**: the gazetteer knows the exact name (no spelling variant) as a theatre town of
  any size, and the pack knows no actor by it.

No one of them alone is enough: a person may be named like a village ("Jassem", "Khalil"), may
be "in" a sentence's prepositional phrase, and a person's name may begin with "Khan". Two of
them together make the name a place (GPE). After a settlement noun and "of" ("the town of X",
"the countryside of X") the name is a place by that alone, as it is before one ("X village",
`sitrep_types`). So is a one-word name listed after such a plural and "of" ("the villages of
Rahoum and al-Mshairfeh"), and a name that lies a direction "of" somewhere ("Mouadamiya
southwest of the capital"). Only the model's own PERSON and ORG entities are retyped; the
reason is kept on the span (`Span._.type_reason`) and goes with the mention to resolution's
log.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.names.phonetic import ARTICLES, fold
from sitrep.nlp.spans import mark, relabel, source_of
from sitrep.nlp.types import DIRECTIONS, PLURAL_PLACES, SETTLEMENT_NOUNS

TOPONYMS_PIPE = "sitrep_toponyms"
RETYPED = frozenset({"PERSON", "ORG"})
MIN_TOWNS = 5  # a first word of at least this many theatre towns' names is a toponym's word

# Prepositions whose object is where something is or happens ("killed in X", "near X").
LOCATIVE = frozenset(
    {"in", "near", "outside", "inside", "around", "into", "toward", "towards", "across", "nearby"}
)
# Nouns whose "of" names a place and nothing else ("the town of X", "the outskirts of X", "the
# capital of X"): one table for the tagger's retyping here and the events' places
# (`extract.merge`: a violent mention's place from "the city of X"), which read two that
# differed (region, capital, area there; quarter, environs and the plurals here).
PLACE_OF = SETTLEMENT_NOUNS | frozenset(
    {"city", "outskirts", "environs", "countryside", "region", "capital", "area"} | PLURAL_PLACES
)
# Verbs of taking or holding ground: their object is a place more often than anyone.
TAKING_GROUND = frozenset(
    {
        "captured", "capture", "captures", "capturing", "recaptured", "recapture", "seized",
        "seize", "seizing", "besieged", "besiege", "besieging", "stormed", "storm", "storming",
        "retook", "retake", "retaking", "overran", "overrun", "liberated", "liberate",
        "encircled", "encircle", "shelled", "shelling", "entered", "enter",
    }
)  # fmt: skip
# Nouns of taking ground whose "of" names the ground ("the capture of X", "the siege of X").
TAKING_OF = frozenset({"capture", "recapture", "siege", "seizure", "shelling", "liberation"})
# Nouns of fighting whose "for" names the ground fought over ("the battle for X").
FIGHTS_FOR = frozenset({"battle", "fight", "fighting", "struggle", "race", "offensive"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})


_MARKS = "`'’‘ʿʾ"  # an ayn or hamza written before a name's first letter ("`Ayn")


def first_word_key(word: str) -> str:
    """How a name's first word is compared: folded, apostrophes dropped ("`Ayn" -> "ayn")."""
    return fold(word).replace(" ", "")


@lru_cache(maxsize=4)
def toponym_words(countries: frozenset[str], min_towns: int = MIN_TOWNS) -> frozenset[str]:
    """The folded words that begin the names of at least `min_towns` gazetteer towns of these
    countries (main and ASCII alternate names of two or more words)."""
    from sitrep.resolve.centroids import geonames
    from sitrep.resolve.towns import theatre_towns

    if not countries:
        return frozenset()
    towns = [*theatre_towns(countries)]
    towns += [c for c in geonames().get_cities().values() if c["countrycode"] in countries]
    begun: dict[str, set[int]] = {}
    for town in towns:
        for name in {town["name"], *(town["alternatenames"] or [])}:
            words = name.replace("-", " ").split()
            if len(words) > 1 and name.isascii() and words[0].lstrip(_MARKS)[:1].isupper():
                begun.setdefault(first_word_key(words[0]), set()).add(int(town["geonameid"]))
    return frozenset(word for word, ids in begun.items() if len(ids) >= min_towns)


def not_evidence(person_words: Iterable[str]) -> frozenset[str]:
    """First words that say nothing of a place: articles ("Al Tabqah" is shaped like "Al
    Assad"), English function words, and the words that begin the pack's people's names and
    titles ("Abu", "Sheikh", "Sayyed")."""
    words = {first_word_key(w) for w in person_words}
    return frozenset(words | ARTICLES | STOP_WORDS)


class ToponymTyper:
    def __init__(
        self, countries: Iterable[str], person_words: Iterable[str], actor_names: Iterable[str]
    ) -> None:
        self.countries = frozenset(c.upper() for c in countries)
        self.words = toponym_words(self.countries) - not_evidence(person_words)
        self.actor_names = frozenset(fold(n) for n in actor_names)

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        changed = False
        for ent in doc.ents:
            reason = self.reason(doc, ent) if self._eligible(ent) else None
            if reason is not None:
                ent = mark(relabel(doc, ent.start, ent.end, ent, "GPE"), "type-rule")
                ent._.type_reason = reason
                changed = True
            ents.append(ent)
        if changed:
            doc.ents = ents
        return doc

    def _eligible(self, ent: Span) -> bool:
        return (
            ent.label_ in RETYPED
            and source_of(ent) == "model"
            and not ent.id_
            and not (ent.label_ == "PERSON" and ent._.title)  # "Director X": a person
            and fold(ent.text) not in self.actor_names
        )

    def reason(self, doc: Doc, ent: Span) -> str | None:
        """Why `ent` names a place (None: it may not)."""
        name = ent.text
        one_word = len(name.split()) == 1  # "al-Mshairfeh" is one word of three tokens
        one_name = one_word or _joined_by_articles(name)
        if _after_place_of(doc, ent) and (
            doc[ent.start - 2].lower_ not in PLURAL_PLACES
            or one_name
            or self.knowledge(name) is not None
        ):
            return f"{name!r} follows {doc[ent.start - 2].text!r} of: a place"
        listed = _listed_after_places_of(doc, ent)
        if listed is not None and (one_name or self.knowledge(name) is not None):
            return f"{name!r} is listed after {listed!r} of: a place"
        # (one name only: "al-Neel Street and al-Hamadaniyeh neighborhoods" names a street, whose
        # events the grouping then joined across days by the street alone; a word and one word
        # after its article are one name: "Sulaiman al-Halabi and al-Midan neighborhoods")
        before = _listed_before_places(doc, ent) if one_name else None
        if before is not None:
            return f"{name!r} is listed before {before!r}: a place"
        along = _listed_with_a_place(doc, ent)
        if along is not None and one_word:
            return f"{name!r} is listed with the place {along!r}: a place"
        direction = _direction_of(doc, ent)
        if direction is not None:
            return f"{name!r} lies {direction!r} of somewhere: a place"
        part = _part_of(doc, ent)
        if part is not None:
            return f"{name!r} has {part!r}: a place"
        evidence = [why for why in (self.shape(ent), _context(doc, ent)) if why is not None]
        if not evidence:
            return None  # two of three are needed: the gazetteer is not asked for nothing
        known = self.knowledge(name)
        evidence += [known] if known is not None else []
        if len(evidence) < 2:
            return None
        return f"{name!r} is a place: " + "; ".join(evidence)

    def shape(self, ent: Span) -> str | None:
        words = ent.text.replace("-", " ").split()
        if len(words) < 2 or first_word_key(words[0]) not in self.words:
            return None
        return f"{words[0]!r} begins many of the theatre's place names"

    def knowledge(self, name: str) -> str | None:
        from sitrep.resolve.places import resolve_place

        if not self.countries:
            return None
        place = resolve_place(name, tuple(self.countries), small_towns=True)
        if place is None or "spelling variant" in place.reason:
            return None
        if place.country_code.upper() not in self.countries or place.precision == "country":
            return None
        return f"the gazetteer knows it as a town in {place.country_code}"


def _after_place_of(doc: Doc, ent: Span) -> bool:
    """ "the town of X", "the countryside of X": a settlement noun and "of" right before."""
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in PLACE_OF
    )


LIST_ITEM_TOKENS = 6  # the longest name skipped over in a list ("Kafr Zita", "al-Qajar")
LIST_NAMES = 4  # names before this one, each up to LIST_ITEM_TOKENS tokens


def _list_opener(doc: Doc, ent: Span) -> int | None:
    """Where the list that `ent` ends (after "and", "or" or a comma) opens: the index of the
    word right before its first name, or None when `ent` ends no list. Names are capitalised
    words with their articles and hyphens; a text that lost its commas runs several of them
    together ("in Kafr Zita Jub al-Rayan and Kafr Nabudah"), so the walk back goes over up to
    LIST_NAMES names' tokens with or without commas between them; anything else ends it."""
    i = ent.start - 1
    if i < 0 or doc[i].lower_ not in ("and", "or", ","):
        return None
    names = 0
    while names < LIST_NAMES:
        i -= 1
        skipped = 0
        while i >= 0 and skipped < LIST_ITEM_TOKENS * (LIST_NAMES - names) and _in_a_name(doc[i]):
            i -= 1
            skipped += 1
        if skipped == 0 or i < 0:
            return None
        names += max(1, -(-skipped // LIST_ITEM_TOKENS))  # names run together count as many
        if doc[i].lower_ not in ("and", ","):
            return i
    return None


def _listed_after_places_of(doc: Doc, ent: Span) -> str | None:
    """ "the villages of Rahoum and al-Mshairfeh": the plural settlement noun whose "of" opens
    the list `ent` ends, or None."""
    i = _list_opener(doc, ent)
    if i is None or i < 1:
        return None
    if doc[i].lower_ == "of" and doc[i - 1].lower_ in PLURAL_PLACES:
        return doc[i - 1].text
    return None


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _joined_by_articles(name: str) -> bool:
    """ "Seif al-Dawla", "Seif al Dawla", "Bab al-Nasr": a word and one word after its
    article are one name. Two names run together begin a word without one ("Qurbat
    Zawiyan"), and more words than that may be several names of which each has an article
    ("Bab al-Nasr al-Midan al-Kallaseh")."""
    words = name.split()
    if len(words) == 3 and words[1].lower() in ARTICLES:
        return True  # the article written apart
    return len(words) == 2 and "-" in words[1] and words[1].split("-")[0].lower() in ARTICLES


def _an_item(doc: Doc, ent: Span) -> bool:
    """Whether "and", "or" or a comma follows the name: it is an item of a list that goes
    on."""
    return ent.end < len(doc) and doc[ent.end].lower_ in ("and", "or", ",")


def _listed_before_places(doc: Doc, ent: Span) -> str | None:
    """ "the al-Waha and al-Nour neighborhoods", "in Binnish and Maaret Masrin towns": a
    name in a list that a plural kind of settlement ends is a place; the noun, or None. The
    walk forward goes over the list's names (capitalised words, articles and hyphens) and its
    "and", "or" and commas, up to LIST_NAMES names; anything else ends it."""
    if not _an_item(doc, ent):
        return None
    i = ent.end
    limit = min(len(doc), ent.end + LIST_ITEM_TOKENS * LIST_NAMES)
    while i < limit and (_in_a_name(doc[i]) or doc[i].lower_ in ("and", "or", ",")):
        i += 1
    if i < len(doc) and doc[i].text in PLURAL_PLACES and _in_a_name(doc[i - 1]):
        return doc[i].text
    return None


def _listed_with_a_place(doc: Doc, ent: Span) -> str | None:
    """ "in Foua and Kafyra": a name listed after a locative preposition with a name already
    read as a place is a place too (a list joins like with like), or None. Not where a verb
    follows it: "... in Damascus and Lavrov said" joins two clauses, not two names."""
    opener = _list_opener(doc, ent)
    if opener is None or doc[opener].lower_ not in LOCATIVE:
        return None
    if ent.end < len(doc) and doc[ent.end].tag_.startswith(("VB", "MD")):
        return None
    for other in doc.ents:
        if opener < other.start and other.end <= ent.start and other.label_ in PLACE_LABELS:
            return other.text
    return None


def _in_a_name(token: Token) -> bool:
    return token.text[:1].isupper() or token.text == "-" or token.lower_ in ARTICLES


def _direction_of(doc: Doc, ent: Span) -> str | None:
    """ "Mouadamiya southwest of the capital", "X, north of Y": what lies a direction of
    somewhere is a place (a person is not placed so)."""
    i = ent.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in DIRECTIONS and doc[i + 1].lower_ == "of":
        return doc[i].text
    return None


# Nouns for a part of some ground: "the western parts of X", "the southern edge of X".
_PARTS = frozenset({"part", "parts", "side", "sides", "edge", "edges", "end", "corner", "half"})


def _part_of(doc: Doc, ent: Span) -> str | None:
    """ "the Western parts of X", "the northeastern edge of X": what has a compass part is a
    place (a group has parts, but no western ones)."""
    if ent.start < 3 or doc[ent.start - 1].lower_ != "of":
        return None
    part, direction = doc[ent.start - 2], doc[ent.start - 3]
    compass = direction.lower_ in DIRECTIONS or direction.lower_.removesuffix("ern") in DIRECTIONS
    if part.lower_ in _PARTS and compass:
        return f"{direction.text} {part.text} of"
    return None


def _context(doc: Doc, ent: Span) -> str | None:
    """Whether the name stands where places stand: after a locative preposition, before
    "where", or as what a verb or noun of taking ground takes."""
    root = ent.root
    # (read first: a name opening the text has no word before it, yet "Palmyra was captured"
    # uses it as ground all the same)
    if root.dep_ in OBJECT_DEPS and root.head.lower_ in TAKING_GROUND:
        return f"object of {root.head.text!r}"
    if _fell_to(root):
        return f"what {root.head.text!r} to someone"
    after = ent.end + 1 if ent.end < len(doc) and doc[ent.end].text == "," else ent.end
    if after < len(doc) and doc[after].lower_ == "where":
        return "followed by 'where'"  # (a person is followed by "who")
    if ent.start == 0:
        return None
    before = doc[ent.start - 1]
    if before.lower_ in LOCATIVE:
        return f"object of {before.text!r}"
    opener = _list_opener(doc, ent)  # "in Kafr Zita and X": listed after a place's word
    if opener is not None and doc[opener].lower_ in LOCATIVE:
        return f"listed after {doc[opener].text!r}"
    if before.lower_ == "of" and ent.start >= 2 and doc[ent.start - 2].lower_ in TAKING_OF:
        return f"what {doc[ent.start - 2].text!r} takes"
    if before.lower_ == "for" and ent.start >= 2 and doc[ent.start - 2].lower_ in FIGHTS_FOR:
        return f"what the {doc[ent.start - 2].text!r} is for"
    return None


# Verbs of ground passing to a side: "X fell to the rebels" (a person falls, but not "to" a side).
FALLING = frozenset({"fell", "fall", "falls", "falling", "fallen"})


def _fell_to(root: Token) -> bool:
    """ "Deir Ezzor fell to the jihadists": the subject of a fall "to" someone is ground."""
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass", "nsubj:pass") or verb.lower_ not in FALLING:
        return False
    return any(
        case.dep_ == "case" and case.lower_ == "to"
        for child in verb.children
        if child.dep_ in ("obl", "nmod")
        for case in child.children
    )


@Language.factory(
    TOPONYMS_PIPE, default_config={"countries": [], "person_words": [], "actor_names": []}
)
def make_toponyms_component(
    nlp: Language,
    name: str,
    countries: list[str],
    person_words: list[str],
    actor_names: list[str],
) -> ToponymTyper:
    return ToponymTyper(countries, person_words, actor_names)
