"""`sitrep_types`: a name's head word says what kind of thing it names.

"Interior Ministry" is not a person and "Dubai Police" is not a place, whatever the statistical
model read from the words before. The head lexicon (`data/type_heads.tsv`) is generated from the
gold NER corpora by `scripts/build-type-lexicon`: common nouns that end ORG or LOC names in at
least 90% of the spans they end. The domain pack adds the head words of its own organisations'
names ("Force", "Corps", "Ministry") when the word is a common noun (`names/data/
common_nouns.txt`, from the treebanks) or ends two or more of its names, and is neither a place
the gazetteer knows ("Iraq" in "Islamic Resistance in Iraq") nor the end of a pack person's name.
Pack heads only turn a PERSON into an ORG: that is the model's error they are evidence for.

Only the model's own entities are relabelled (the pack's aliases and the title rule already
know their type), and only between PERSON, ORG and LOC. The span's source becomes "type-rule",
so the reason stays visible with the mention.

Before typing, the model's spans are given a name's shape: punctuation and a trailing direction
at either edge are cut ("Radiofarda –", "Rityan north"), a leading possessive of a notable place
whose apostrophe was lost is the owner, not the name ("Syrias Idlib province"), a one-word
adjective is a nationality (NORP, "Russian"), a span that runs over an opening quote keeps
what follows it ("Iranian «al-Quds" -> "al-Quds"), a source line's outlet before a dash at
the start of a sentence is a dateline, not a name ("Radiofarda – Syrian President ..."), and a
PERSON that ends with a title or rank is an office without its holder ("Chief of General
Staff of the ... Forces Maj.").

The shape also follows how the theatre's names are written: a name cut at its article before a
hyphen ("Urem al" of "Urem al-Kubra") takes the rest of the word, a lone article or a weekday's
possessive whose apostrophe was lost ("Mondays attack") is no name, a settlement noun at
either end says what
kind of place the rest names ("al-Fouaa town", "District of Douma"), and an aircraft or weapon
designation ("Tu-22M3", "F-16") is a product, not an organisation. A title-case name does not
end in a common lower-case word ("Western parts", "Syrian rebel"), and one capitalised past
participle ("Killed" of "Commander Killed") is a headline's verb.

Then the words around the name: a kind of ground right after it ("the Sahl al-Ghab plain",
"on Khaled Bin al-Walid street") makes it a place, and one plural word the model read as a
group ("Alawites", "Civilians") names people of a kind (NORP). These rules keep their reason
on the span (`Span._.type_reason`), which resolution logs with the mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.names.junk import weekday_possessive
from sitrep.names.lexicons import word_list
from sitrep.names.phonetic import ARTICLES
from sitrep.names.words import FUNCTION_WORDS
from sitrep.nlp.spans import PARTICLES, mark, relabel, source_of

TYPES_PIPE = "sitrep_types"
RETYPED_LABELS = frozenset({"PERSON", "ORG", "LOC"})
# Kinds of settlement or territory that a name right before them names ("Salah Eddin
# neighbourhood", "the Jobar district", "Kafr Nabl village"): the name is a place, whatever
# the model read. (Not "camp", "base" or "area": "the Hezbollah camp" is the group's.)
SETTLEMENT_NOUNS = frozenset(
    {
        "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "village",
        "town", "suburb", "quarter", "province", "governorate", "countryside", "municipality",
    }
)  # fmt: skip
# Kinds of open ground or way that a name right before them names ("the Sahl al-Ghab plain",
# "on Khaled Bin al-Walid street"): a group is not named before them the way it is before
# "camp", "base" or "area" ("the Hezbollah area"; after a person's name the head lexicon's
# "area" does serve). "plain" and "street" end too few gold names to be in that lexicon, so
# they are listed here, in one place.
GROUND_NOUNS = frozenset({"plain", "valley", "street", "road", "square", "highway"})
# Kinds of building or institution that a name right before them, in lower case, is the name
# of ("the Al-Quds hospital", "the Omar bin al-Khattab school"): there the name no longer
# names the body, person or place it was taken from. (Not "camp", "base" or "area": "the
# Hezbollah camp" is the group's own.)
BUILDING_NOUNS = frozenset(
    {
        "hospital", "clinic", "school", "university", "college", "mosque", "church", "bakery",
        "stadium", "prison", "hotel",
    }
)  # fmt: skip
# Plural kinds of settlement that end a list of names ("the al-Waha and al-Nour neighborhoods",
# "in Kafr Lusin and Maaret Tamsrin towns") or open one after "of" ("the villages of A and B").
PLURAL_PLACES = frozenset(
    {"towns", "villages", "neighbourhoods", "neighborhoods", "suburbs", "districts"}
)
# A lower-case "city" after a name says the name is a city's ("Idleb city", "Raqa city"). Not
# a settlement noun of the span's own ("Deir Ezzor city" is Deir Ezzor: the shape rules trim
# it, so the gazetteer reads the name without it).
CITY_NOUN = "city"
# An aircraft, missile or weapon designation: letters, a hyphen, a number ("Tu-22M3", "Su-24",
# "MiG-29", "S-400", "F-16"). The model reads them as organisations; they name products.
DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d[\dA-Za-z]*$")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
JOINED_LABELS = RETYPED_LABELS | {"GPE"}  # names a split at an article's hyphen may join
PAST_TAGS = frozenset({"VBD", "VBN"})


@cache
def shipped_heads() -> dict[str, str]:
    """Head word (lower case) -> label, from the generated lexicon."""
    text = resources.files("sitrep.nlp").joinpath("data/type_heads.tsv").read_text("utf-8")
    heads: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, label, *_ = line.split("\t")
            heads[word] = label
    return heads


@cache
def common_nouns() -> frozenset[str]:
    return word_list("data/common_nouns.txt")


@cache
def proper_adjectives() -> frozenset[str]:
    """Capitalised adjectives of the treebanks ("syrian", "kurdish", "islamic"), lower case:
    generated by `scripts/build-verb-lexicon`."""
    return word_list("data/proper_adjectives.txt")


@cache
def people_words() -> frozenset[str]:
    """Words of a people or a faith ("kurdish", "shia", "druze"), lower case: generated by
    `scripts/build-people-lexicon` from re3d's Nationality spans and the words before
    "community", "minority", "sect" in Wikipedia's articles on the wars."""
    return word_list("data/people_words.txt")


@cache
def person_nouns() -> frozenset[str]:
    """Common nouns that name people ("teachers", "nurses", "fishermen"), lower case, singular
    and plural: generated by `scripts/build-person-nouns` from GUM's entity layer."""
    return word_list("data/person_nouns.txt")


@cache
def invariable_pasts() -> frozenset[str]:
    """Verbs whose past is their base form ("hit", "cut", "spread"): generated by
    `scripts/build-verb-lexicon` from the treebanks' past tenses."""
    return word_list("data/invariable_pasts.txt")


def _people_word(word: str) -> bool:
    """ "Shia", "Alawites", "Kurds": a word of a people or faith, its plural, or the plural
    of a people whose land is named after it (Kurds: Kurdistan; not the surname "Kurdi",
    which "-stan" also makes a land of)."""
    low = word.lower().removesuffix("'s").removesuffix("’s")
    if low in people_words():
        return True
    bare = low.removesuffix("s")
    return bare != low and (bare in people_words() or _land_of(bare.capitalize()))


def names_people(name: str) -> bool:
    """Whether `name` names people of a faith or a people, and nothing else: its last word a
    people's word ("Kurds", "Druze", "Shia Muslims"), the words before it that or a proper
    adjective of the treebanks ("Syrian Kurds", "Iraqi Kurds")."""
    words = name.replace("-", " ").split()
    if not words or not all(w[:1].isupper() for w in words) or not _people_word(words[-1]):
        return False
    return all(_people_word(w) or w.lower() in proper_adjectives() for w in words[:-1])


@cache
def event_plurals() -> frozenset[str]:
    """The plural forms of the event schema's trigger nouns ("attacks", "airstrikes", "talks",
    "clashes"): a headline's "Syria Talks" or "Russia Airstrikes" is a place and an event, and
    no name ends with one."""
    return frozenset(form for form in event_nouns() if form.endswith("s"))


@cache
def event_nouns() -> frozenset[str]:
    """Every form of the event schema's trigger nouns ("offensive", "shelling", "attacks"): a
    group's act, which a headline writes after the group's name ("Nusra Front Shelling")."""
    from sitrep.extract.schema import load_event_schema  # data only; loaded once, when used

    return frozenset(
        form
        for trigger in load_event_schema().triggers
        if trigger.pos == "noun"
        for form in trigger.forms
        if form.isalpha()
    )


@cache
def _land_of(word: str) -> bool:
    """ "Uzbek", "Kurd": the word and "-istan" or "-stan" name a country or region the
    gazetteer knows (Uzbekistan, Kurdistan): a people's word, not a name of its own."""
    from sitrep.resolve.places import resolve_place

    for land in (word + "istan", word + "stan"):
        place = resolve_place(land)
        if place is not None and place.precision in ("country", "region"):
            return True
    return False


# The lower-case last part of a compound modifier ("U.S.-backed", "rebel-held"): a participle
# ends in "-ed" or is one of these irregular ones that the theatre's news writes so.
IRREGULAR_PARTICIPLES = frozenset({"held", "led", "run", "born", "built", "made", "sponsored"})


def _compound_modifier(text: str) -> bool:
    """ "U.S.-backed", "Turkey-led", "rebel-held": a name joined by a hyphen to a lower-case
    participle modifies the noun after it; it names nothing by itself."""
    if "-" not in text[1:]:
        return False
    last = text.rsplit("-", 1)[1]
    return (
        last.isalpha() and last.islower() and (last.endswith("ed") or last in IRREGULAR_PARTICIPLES)
    )


def pack_heads(aliases: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Head words of the pack's multi-word organisation names (see the module's docstring)."""
    from collections import Counter

    from sitrep.resolve.places import resolve_place

    org: Counter[str] = Counter()
    person: set[str] = set()
    for alias in aliases:
        words = alias["text"].split()
        if len(words) < 2 or not words[-1].isalpha():
            continue
        if alias["label"] == "ORG":
            org[words[-1].lower()] += 1
        elif alias["label"] == "PERSON":
            person.add(words[-1].lower())
    nouns = common_nouns() | {w for w, label in shipped_heads().items() if label == "ORG"}
    return {
        word: "ORG"
        for word, count in org.items()
        if (word in nouns or count >= 2)
        and word not in person
        and resolve_place(word.title()) is None
    }


def group_words(aliases: Iterable[Mapping[str, str]]) -> list[str]:
    """The spelling keys of the Arabic and Persian generic words that begin the pack's
    organisations' names ("Jaish", "Liwa", "Harakat", "Kata'ib": army, brigade, movement,
    battalions): words that begin two or more of its multi-word ORG names and are no article,
    English word (function word, common noun, capitalised adjective or demonym), place the
    gazetteer knows ("Kurdistan") nor the first word of a pack person's name ("Badr")."""
    from collections import Counter

    from sitrep.names.phonetic import phonetic_token
    from sitrep.resolve.places import resolve_place

    org: Counter[str] = Counter()
    person: set[str] = set()
    aliases = list(aliases)
    demonyms = {a["text"].lower() for a in aliases if a["label"] == "NORP"}
    for alias in aliases:
        words = alias["text"].replace("-", " ").split()
        if len(words) < 2 or not words[0].isascii() or not words[0][:1].isupper():
            continue
        if alias["label"] == "ORG":
            org[words[0]] += 1
        else:
            person.add(phonetic_token(words[0].lower()))
    english = common_nouns() | proper_adjectives() | FUNCTION_WORDS | ARTICLES | demonyms
    english |= {w for w, label in shipped_heads().items() if label == "ORG"}  # "Ministry"
    keys = {
        phonetic_token(word.lower())
        for word, count in org.items()
        if count >= 2
        and word.lower() not in english
        and not word.endswith(("'s", "’s"))  # "Iran's": a possessive, no generic word
        and resolve_place(word) is None
    }
    return sorted(keys - person)


DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northern", "southern", "eastern", "western",
    }
)  # fmt: skip
# One of these alone is a kind of place or a direction, never a name ("Countryside" cut from
# "Damascus Countryside", "Southwest", "Town").
KIND_WORDS = SETTLEMENT_NOUNS | GROUND_NOUNS | DIRECTIONS


def _possessive_place(word: str) -> bool:
    """ "Syrias": a notable place's name with a possessive "s" whose apostrophe was lost."""
    if len(word) < 5 or not word.endswith("s") or not word[:1].isupper():
        return False
    from sitrep.resolve.places import is_notable_place

    return is_notable_place(word[:-1])


EDGE_PUNCT = frozenset("–—-:;,«»\"“”‘’'()[]")
OPENING_QUOTES = frozenset('«“"')
DASHES = frozenset("–—-")
DATELINE_TOKENS = 8  # a dateline ends within this many tokens of its sentence's start


def _shaped(
    doc: Doc, ent: Span, title_words: frozenset[str], heads: Mapping[str, str]
) -> Span | None:
    """`ent` cut to a name's shape, or None when what is left is no name. A PERSON ending
    with an organisation's head word ("... Armed Forces") is left for the head rule."""
    start, end = ent.start, ent.end
    for i in range(end - 1, start, -1):
        if doc[i].text in OPENING_QUOTES:
            start = i + 1
            break
    while start < end and doc[start].text in EDGE_PUNCT:
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].text in DIRECTIONS):
        end -= 1  # "Rityan north": a lower-case direction says where, it is not the name
    if end - start > 1 and _possessive_place(doc[start].text):
        start += 1  # "Syrias Idlib province" (an apostrophe stripped): the owner, then the name
    end = _article_end(doc, start, end, ent.end)
    if ent.label_ in ("PERSON", "ORG"):
        end = _article_after(doc, end, ent.end)
    end = _of_end(doc, start, end, ent.end)
    if doc[start].text[:1].isupper():  # a name written in title case ("san francisco" is not)
        while end - start > 1 and _common_word(doc[end - 1], heads):
            end -= 1  # "Western parts", "Syrian rebel": a name does not end in a common word
    if end - start > 1 and _headline_event(doc[end - 1], heads):
        end -= 1  # "Syria Talks", "Russia Airstrikes": a headline's event after the name
        one = doc[start]
        if end - start == 1 and one.lower_ not in proper_adjectives() and _common(one):
            return None  # "Terrorist Attacks": no name before the event either
    if start >= end or all(doc[i].text in ARTICLES for i in range(start, end)):
        return None  # nothing left, or an article alone ("al")
    if _compound_modifier(doc[start:end].text):
        return None  # "the U.S.-backed fighters": a modifier, the backer is read elsewhere
    if end - start == 1 and weekday_possessive(doc[start].text):
        return None  # "Mondays attack": a date, its apostrophe lost
    if end - start == 1 and doc[start].lower_ in KIND_WORDS:
        return None  # "Countryside" of "Damascus Countryside", "Southwest": a kind, no name
    if end - start == 1 and doc[start].text.islower() and doc[start].text in common_nouns():
        return None  # "city" of "Damascus city": a common noun in lower case names nothing
    if _in_dateline(doc, start, end):
        return None  # "Radiofarda – ...", "ERBIL, Kurdistan Region — ...": not a participant
    last = doc[end - 1].lower_
    if last == "." and end - start > 1:  # "Maj." split as "Maj" "." at a sentence's end
        last = doc[end - 2].lower_ + "."
    is_title = last in title_words or last.rstrip(".") in title_words
    if ent.label_ == "PERSON" and is_title and last not in heads:
        return None
    if (
        DESIGNATION.match(doc[end - 1].text)
        and ent.label_ in RETYPED_LABELS
        and all(doc[i].text[:1].isupper() for i in range(start, end))
    ):  # "Tu-22M3", "Belgian F-16": a maker's or a nation's word before it changes nothing
        why = f"{doc[end - 1].text!r} is a designation: a weapon or aircraft, not an organisation"
        return _typed(relabel(doc, start, end, ent, "PRODUCT"), why)
    operation = _operation_cue(doc, start)
    if operation is not None and ent.label_ in RETYPED_LABELS:
        why = f"{doc[start:end].text!r} follows {operation!r}: an operation's name"
        return _typed(relabel(doc, start, end, ent, "EVENT"), why)
    kind = _settlement_edge(doc, start, end)
    if kind is not None and ent.label_ in ("PERSON", "ORG"):  # a place's span keeps its noun
        span = relabel(doc, kind[0], kind[1], ent, "LOC")
        return _typed(span, f"{ent.text!r}: a settlement noun says {span.text!r} is a place")
    if (start, end) == (ent.start, ent.end):
        return ent
    return relabel(doc, start, end, ent)


def _headline_event(token: Token, heads: Mapping[str, str]) -> bool:
    """A capitalised plural of an event noun ("Attacks", "Talks") that no name ends with (the
    head lexicons' words stay: "Forces")."""
    text = token.text
    return (
        text[:1].isupper()
        and text[1:].islower()
        and token.lower_ in event_plurals()
        and token.lower_ not in heads
    )


def _common(token: Token) -> bool:
    """A capitalised word that is a common noun or adjective, no name ("Terrorist"): the
    treebanks' common nouns (itself or its plural: they write "terrorist" as an adjective),
    or an adjective by the tagger."""
    nouns = common_nouns()
    word = token.lower_
    return word in nouns or word + "s" in nouns or token.tag_ in ("JJ", "JJR", "JJS")


def _singulars(plural: str) -> tuple[str, ...]:
    """The forms a lower-case English plural may have in the singular ("groups" -> "group",
    "militias" -> "militia", "brigades", "villages", "authorities" -> "authority"), most
    likely first: the pipeline has no lemmatiser."""
    forms = [plural]
    if plural.endswith("ies"):
        forms.append(plural[:-3] + "y")
    if plural.endswith("es"):
        forms.append(plural[:-2])
    if plural.endswith("s"):
        forms.append(plural[:-1])
    return tuple(reversed(forms))


def _typed(span: Span, why: str) -> Span:
    """`span` marked as typed by this rule, with the reason resolution logs."""
    span._.type_reason = why
    return mark(span, "type-rule")


def _past_verb(token: Token) -> bool:
    """A capitalised past tense or participle ("Killed", "Wounded"): the tagger says so and
    the word is spelt so (the tagger alone also says it of "Harvey" or "KENNEDY")."""
    text = token.text
    return (
        token.tag_ in PAST_TAGS
        and text.endswith("ed")
        and text[:1].isupper()
        and text[1:].islower()
    )


def _common_word(token: Token, heads: Mapping[str, str]) -> bool:
    """A lower-case word that is neither an article nor a particle nor a settlement noun or
    a head the lexicon knows ("Idlib province", "Mandovi river" keep theirs), nor a function
    word (the resolver trims those and "Bank of" may go on)."""
    text = token.text
    return (
        token.is_alpha
        and text.islower()
        and not _article_of_a_name(token)
        and text not in PARTICLES
        and text not in SETTLEMENT_NOUNS
        and text not in heads
        and text not in FUNCTION_WORDS
    )


def _article_of_a_name(token: Token) -> bool:
    """An article that belongs to the name: a transliterated one ("al", "as"), or a short
    lower-case word before a hyphen ("ez" of "Deir ez-Zor"). Not any short lower-case word:
    "air" of "Thursdays air" is a common word after a weekday's possessive."""
    doc = token.doc
    before_hyphen = token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    return token.text in ARTICLES or (before_hyphen and _is_article(token))


def _is_article(token: Token) -> bool:
    """A transliterated Arabic article written in lower case before a hyphen ("al", "ez",
    "ed"): short, alphabetic, lower case; in a name span nothing else is."""
    return token.is_alpha and token.text.islower() and len(token.text) <= 3


def _article_end(doc: Doc, start: int, end: int, ent_end: int) -> int:
    """Where a name that ends with an article ends: the article's word after the hyphen belongs
    to it ("Urem al" + "-Kubra"), and so does the capitalised word after an article written
    apart ("Bashar al" + "Assads"), when no other entity holds that word; else the name ends
    before the article ("al-Khulafaa al"). `ent_end`: where the model's span ended."""
    if not _is_article(doc[end - 1]):  # not "Al" or "Az": see "Tried" in docs/quality.md
        return end

    def free(i: int) -> bool:  # in this entity, or in none
        return i < ent_end or doc[i].ent_iob_ == "O"

    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].is_alpha
        and free(end)
        and free(end + 1)
    ):
        return end + 2
    if (
        doc[end - 1].text in ARTICLES
        and end < len(doc)
        and doc[end].is_alpha
        and doc[end].text[:1].isupper()
        and free(end)
    ):
        return end + 1  # "Bashar al" + "Assads": the article written apart, its word after it
    while end - start > 1 and doc[end - 1].text in ARTICLES:  # lower case: "Al" may be a name
        end -= 1
    return end


def _article_after(doc: Doc, end: int, ent_end: int) -> int:
    """Where a person's or group's name that the model ended before an article ends: "Bashar"
    of "Bashar al Assads forces" takes "al Assads" (the article and the capitalised word after
    it, with or without a hyphen), when no entity holds them: an Arabic name goes on over its
    article. `ent_end`: where the model's span ended."""
    if end != ent_end or end + 1 >= len(doc) or doc[end].text not in ARTICLES:
        return end
    word = end + 2 if doc[end + 1].text == "-" else end + 1
    if word >= len(doc) or not (doc[word].is_alpha and doc[word].text[:1].isupper()):
        return end
    if any(doc[i].ent_iob_ != "O" for i in range(end, word + 1)):
        return end
    return word + 1


def _joined_at_articles(doc: Doc, ents: list[Span]) -> list[Span]:
    """The model's names split at an article's hyphen joined: "Deir ez" + "-Zor province" and
    "Deir" + "al-" + "Zor province" are "Deir ez-Zor province" (the model reads the word after
    the hyphen as a new name). The first part's label stays; the shape rules then read it."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and source_of(prev) == "model" and source_of(ent) == "model":
            hyphen = ent.start - 1  # the article and its hyphen in the first span or between
            split = (
                hyphen - 1 > prev.start
                and prev.end >= hyphen - 1
                and doc[hyphen].text == "-"
                and _is_article(doc[hyphen - 1])
            )
            if split and prev.label_ in JOINED_LABELS and ent[0].text[:1].isupper():
                out[-1] = relabel(doc, prev.start, ent.end, prev)
                continue
        out.append(ent)
    return out


OF_WORDS = frozenset({"of", "for"})  # "Syrian Network for Human Rights", "Ministry of Defence"
OF_NAME_TOKENS = 5  # the most capitalised words taken after them


def _of_end(doc: Doc, start: int, end: int, ent_end: int) -> int:
    """Where a name that the model cut after "of" or "for" ends ("Syrian Network for" of
    "Syrian Network for Human Rights"): over the capitalised words right after it that no
    other entity holds. Unchanged when none follow (the resolver trims the word)."""
    if end - start < 2 or doc[end - 1].lower_ not in OF_WORDS or end != ent_end:
        return end
    stop = end
    while (
        stop < min(len(doc), end + OF_NAME_TOKENS)
        and doc[stop].is_alpha
        and doc[stop].text[:1].isupper()
        and doc[stop].ent_iob_ == "O"
        and not doc[stop].is_sent_start
    ):
        stop += 1
    return stop


# The words that say the capitalised name after them is a military operation's ("Operation
# Euphrates Shield", "an operation dubbed Olive Branch"); the model reads such names as people
# or groups.
OPERATION_WORDS = frozenset({"operation", "offensive", "campaign"})
NAMING_VERBS = frozenset({"dubbed", "named", "called", "codenamed", "code-named"})
_LIST_JOINERS = frozenset({",", "and", "or"})  # between the names of a list


def _operation_cue(doc: Doc, start: int) -> str | None:
    """The words before `start` that make the name there an operation's, or None: "Operation"
    capitalised right before it, or an operation word and a naming verb (and a quote)."""
    i = start - 1
    while i >= 0 and doc[i].text in OPENING_QUOTES:
        i -= 1
    if i < 0:
        return None
    if doc[i].text == "Operation" and i == start - 1:
        return doc[i].text
    if doc[i].lower_ in NAMING_VERBS and i > 0 and doc[i - 1].lower_ in OPERATION_WORDS:
        return doc[i - 1 : i + 1].text
    return None


def _settlement_edge(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The place's own name when a lower-case settlement noun ends the span ("al-Fouaa town")
    or begins it before "of" ("District of Douma", whatever its case): None when neither."""
    if end - start >= 2 and doc[end - 1].text in SETTLEMENT_NOUNS:
        return start, end - 1
    if (
        end - start >= 3
        and doc[start].lower_ in SETTLEMENT_NOUNS
        and doc[start + 1].lower_ == "of"
        and doc[start + 2].text[:1].isupper()
    ):
        return start + 2, end
    return None


def _in_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether [start, end) lies in a dateline: capitalised words, commas and a parenthesis
    ("BAGHDAD, Iraq (Reuters)") from the start of the sentence to a dash within its first
    DATELINE_TOKENS tokens."""
    first = start
    while first > 0 and not doc[first].is_sent_start and start - first <= DATELINE_TOKENS:
        first -= 1
    if not doc[first].is_sent_start:
        return False
    for i in range(first, min(first + DATELINE_TOKENS + 1, len(doc))):
        token = doc[i]
        if token.text in DASHES:
            return i >= end
        if token.is_alpha and not token.text[:1].isupper():
            return False  # a lower-case word: running text, not a dateline
    return False


def _names_a_settlement(doc: Doc, ent: Span, heads: Mapping[str, str]) -> bool:
    """The word right after the name is a kind of settlement or ground, in lower case ("Salah
    Eddin neighborhood", "the Bab Sharqi area"; "Hama Province" may be a name's own word, which
    the head lexicon reads), or "city", or a plural kind after the last name of a list (after
    one name a plural says whose: "Assyrian Christian villages"). After a person's name any
    noun that heads place names in the lexicon will do: a person is not named before "mosque"
    or "airport", the place named after them is ("Khaled Bin al-Walid mosque")."""
    if ent.end >= len(doc):
        return False
    after = doc[ent.end]
    if after.text in SETTLEMENT_NOUNS or after.text in GROUND_NOUNS:
        return True
    if after.text == CITY_NOUN:
        return True  # "Raqa city"
    if after.text in PLURAL_PLACES:  # the last of a list: "in Binnish and Maaret Masrin towns"
        return ent.start > 0 and doc[ent.start - 1].lower_ in ("and", "or", ",")
    return (
        ent.label_ == "PERSON"
        and after.text.islower()
        and after.tag_ in ("NN", "NNS")
        and heads.get(after.text) == "LOC"
    )


def _titled_person(ent: Span) -> bool:
    """A PERSON that a title or office comes right before ("UNICEF Executive Director Anthony
    Lake"): the title says it is a person, whatever its last word heads elsewhere ("Lake")."""
    return ent.label_ == "PERSON" and bool(ent._.title)


def title_words(titles: Iterable[str]) -> frozenset[str]:
    """The last words of the titles and ranks that no name ends with: abbreviations ("Maj.")
    and common nouns ("minister", "commander"); not "Major" or "General", which are surnames
    too."""
    from sitrep.nlp.titles import DEFAULT_TITLES  # generic English titles and ranks, always

    words = {t.split()[-1].lower() for t in (*titles, *DEFAULT_TITLES) if t.split()}
    return frozenset(w for w in words if w.endswith(".") or w in common_nouns())


def short_form_labels(short_forms: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Short form (lower case) -> label, for the pack's short forms ("Soleimani") that name
    actors of one label only. They are left out of the alias matcher (a short form names its
    actor only where the document already did), but they do tell what kind of thing it is."""
    labels: dict[str, set[str]] = {}
    for text, label in short_forms:
        labels.setdefault(text.lower(), set()).add(label)
    return {text: next(iter(found)) for text, found in labels.items() if len(found) == 1}


class TypeByHead:
    def __init__(
        self,
        heads: Mapping[str, str],
        person_heads: Mapping[str, str],
        titles: Iterable[str] = (),
        short_forms: Mapping[str, str] | None = None,
        demonyms: Iterable[str] = (),
        group_words: Iterable[str] = (),
    ) -> None:
        self.demonyms = frozenset(d.lower() for d in demonyms)
        self.group_words = frozenset(group_words)
        self.heads = dict(heads)
        self.person_heads = dict(person_heads)  # apply to the model's PERSON entities only
        self.title_words = title_words(titles)
        self.short_forms = dict(short_forms or {})

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        joined = _joined_at_articles(doc, list(doc.ents))
        changed = len(joined) != len(doc.ents)
        for original in joined:
            if len(original) == 1 and _past_verb(original[0]) and not original.id_:
                changed = True  # "Commander Killed": the title rule's name is a headline verb
                continue
            ent = (
                _shaped(doc, original, self.title_words, {**self.heads, **self.person_heads})
                if source_of(original) == "model"
                else original
            )
            if ent is not original:
                changed = True
            if ent is None:
                continue
            if (
                len(ent) == 1
                and ent.label_ in RETYPED_LABELS
                and ent[0].tag_ in ("JJ", "JJR", "JJS")
                and source_of(ent) == "model"
                and ent.text.lower() not in self.short_forms
            ):  # "Russian", "Syrian": a nationality word is no name of a place or group
                ents.append(mark(relabel(doc, ent.start, ent.end, ent, "NORP"), "type-rule"))
                changed = True
                continue
            named = self._named_as_kind(ent)
            if named is not None:
                kind, given = named
                ents.append(_typed(relabel(doc, ent.start, ent.end, ent, kind), given))
                changed = True
                continue
            generic = self._group_word(ent)
            if generic is not None:
                group = f"{ent.text!r} begins with {generic!r}, a generic word of groups' names"
                ents.append(_typed(relabel(doc, ent.start, ent.end, ent, "ORG"), group))
                changed = True
                continue
            if self._people_words(ent):
                words = f"{ent.text!r}: adjectives of a people, faith or kind, no noun: no name"
                ents.append(_typed(relabel(doc, ent.start, ent.end, ent, "NORP"), words))
                changed = True
                continue
            if self._people_of_a_kind(ent):
                kind = f"{ent.text!r}: one plural word names people of a kind, not a group"
                ents.append(_typed(relabel(doc, ent.start, ent.end, ent, "NORP"), kind))
                changed = True
                continue
            head = ent[-1].lower_
            label = self.short_forms.get(ent.text.lower()) or self.heads.get(head)
            if label is None and len(ent) == 1:
                label = self._possessive_of_actor(ent.text)
            why = None
            if label is None and _names_a_settlement(doc, ent, self.heads):
                label = "LOC"
                why = f"{ent.text!r} names the {doc[ent.end].text!r} after it: a place"
            if label is None and ent.label_ == "PERSON":
                label = self.person_heads.get(head)
            if (
                label
                and label != ent.label_
                and ent.label_ in RETYPED_LABELS
                and source_of(ent) == "model"
                and not _titled_person(ent)
            ):
                ent = mark(relabel(doc, ent.start, ent.end, ent, label), "type-rule")
                if why is not None:
                    ent._.type_reason = why
                changed = True
            ents.append(ent)
        if changed:
            doc.ents = ents
        return doc

    def _people_of_a_kind(self, ent: Span) -> bool:
        """ "Alawites", "Civilians", "Rebels": one plural word the model read as a group or a
        place names people by faith, people or kind (NORP), not an organisation. The tagger's
        plural is not enough ("Madonna" NNS): the word must be spelt as one, in mixed case
        ("REUTERS" is a byline), without "the" (a team, a band or a party is "the Falcons";
        a range or a region "the Alps") or "the town of" (a place the text names: "Meles"), and
        be no place the gazetteer knows ("Versailles") nor
        a known actor's possessive ("Assads"). A person's name is left alone ("Hans")."""
        if len(ent) != 1 or ent.label_ not in ("ORG", "LOC") or source_of(ent) != "model":
            return False
        word = ent[0]
        text = word.text
        if word.tag_ not in PLURAL_TAGS or not (text[:1].isupper() and text[1:].islower()):
            return False
        if not text.endswith("s") or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"):
            return False
        before = ent.doc[max(0, ent.start - 2) : ent.start]
        if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in SETTLEMENT_NOUNS:
            return False  # "the town of Meles": the text says it is a place
        if word.lower_ in self.short_forms or self._possessive_of_actor(text):
            return False
        from sitrep.resolve.places import resolve_place

        if resolve_place(text) is not None:
            return False
        # "Syrians", "Iraqis": a nation's people are the pack's demonyms (NORP pointing at the
        # state), and the gold corpora at times tag them as the state's organisation ("the
        # Syrians fought ..."): the model's label stands.
        stems = (text[:-1], text[:-2], text[:-3])
        return not any(
            (place := resolve_place(stem)) is not None and place.precision == "country"
            for stem in stems
            if len(stem) >= 4
        )

    def _named_as_kind(self, ent: Span) -> tuple[str, str] | None:
        """ "the groups known as Liwa X and Liwa Y", "a village called Tell Z": a name the text
        gives to a kind of thing is of that kind: the label the head lexicon (or a settlement
        or ground noun) gives the common noun before "known as" or a naming verb, for each name
        of the list that follows it; the label and the reason, or None. The model's PERSON,
        ORG or LOC only, and no name the pack knows."""
        if ent.label_ not in RETYPED_LABELS or source_of(ent) != "model" or ent.id_:
            return None
        doc = ent.doc
        i = ent.start - 1
        # back over the names listed before this one ("X, Y and Z") and quotes
        while i >= 0 and (
            doc[i].ent_type_ or doc[i].lower_ in _LIST_JOINERS or doc[i].text in OPENING_QUOTES
        ):
            if doc[i].is_sent_start:
                return None
            i -= 1
        if i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "known":
            verb = i - 1
        elif i >= 0 and doc[i].lower_ in NAMING_VERBS:
            verb = i
        else:
            return None
        # a naming verb must be the parse's clause on a noun ("the group called X"), not a
        # verb with an object ("the ministry called Smith to testify"; the tagger's VBN/VBD
        # is less sure); "known as" is always one, whatever noun the parse hangs it on
        if verb < 1 or (doc[verb].lower_ != "known" and doc[verb].dep_ != "acl"):
            return None
        if doc[verb - 1].tag_ not in ("NN", "NNS"):
            return None
        noun = doc[verb - 1]
        label = None
        for form in _singulars(noun.lower_) if noun.tag_ == "NNS" else (noun.lower_,):
            label = self.heads.get(form) or (
                "LOC" if form in SETTLEMENT_NOUNS | GROUND_NOUNS else None
            )
            if label is not None:
                break
        if label is None or label == ent.label_:
            return None
        naming = doc[noun.i : i + 1].text
        return label, f"{ent.text!r} is the name given in {naming!r}: a {label}"

    def _group_word(self, ent: Span) -> str | None:
        """ "Jaish al-Fateh", "Jaysh al-Islam", "Liwa al-Quds" read as a person or a place: a
        generic word of groups' names (`group_words`) followed by an article's name is a
        group's name; the word, or None."""
        if ent.label_ not in ("PERSON", "LOC", "GPE") or source_of(ent) != "model" or ent.id_:
            return None
        if len(ent) < 2 or not self.group_words:
            return None
        from sitrep.names.phonetic import phonetic_token

        first, second = ent[0], ent[1]
        if phonetic_token(first.lower_) not in self.group_words:
            return None
        article = second.lower_ in ARTICLES or second.lower_.split("-")[0] in ARTICLES
        return first.text if article else None

    def _people_words(self, ent: Span) -> bool:
        """ "Syrian Russian", "Kurdish-Arab", "Islamic", "Uzbek": every word of the model's
        span is a capitalised adjective of the treebanks, a demonym of the pack or a people
        whose land is named after it (Uzbekistan): nationalities, faiths or kinds (NORP), no
        name, which has a noun in it. One word read as a person is left alone ("Young",
        "Grand" are surnames too)."""
        if ent.label_ not in RETYPED_LABELS or source_of(ent) != "model" or ent.id_:
            return False
        words = ent.text.replace("-", " ").split()
        if not words or (ent.label_ == "PERSON" and len(words) == 1):
            return False
        if ent.text.lower() in self.short_forms:
            return False
        adjectives = proper_adjectives()
        return all(
            w[:1].isupper()
            and w[1:].islower()
            and (w.lower() in adjectives or w.lower() in self.demonyms or _land_of(w))
            for w in words
        )

    def _possessive_of_actor(self, word: str) -> str | None:
        """ "Assads" in "one of Assads most vocal opponents": a known actor's short name with
        a possessive "s" whose apostrophe was lost is that actor, of its label (the model read
        a place or a group)."""
        if len(word) < 5 or not word.endswith("s") or not word[:1].isupper():
            return None
        return self.short_forms.get(word[:-1].lower())


@Language.factory(
    TYPES_PIPE,
    default_config={
        "person_heads": {},
        "titles": [],
        "short_forms": {},
        "demonyms": [],
        "group_words": [],
    },
)
def make_types_component(
    nlp: Language,
    name: str,
    person_heads: dict[str, str],
    titles: list[str],
    short_forms: dict[str, str],
    demonyms: list[str],
    group_words: list[str],
) -> TypeByHead:
    return TypeByHead(shipped_heads(), person_heads, titles, short_forms, demonyms, group_words)
