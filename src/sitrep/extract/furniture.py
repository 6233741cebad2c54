"""Page furniture inside the text: spans that are never part of an event.

Article bodies from tables and scrapes often carry, inside their sentences, the page around the
story: the headline repeated at the top with its date line ("Sun 16 Apr 2017 Death toll from
..."), a filing dateline ("BAGHDAD (Reuters) -", "MOSCOW (Sputnik)"), photo credits
("REUTERS/Stringer", "(AP Archive)", "Photo: AFP"), embedded tweets' links and signatures,
share bars and counters ("Print Tweet Views 371", "Get short URL 0 85"), ids ("News ID:
83620000") and tag lists. The cleaner drops such lines when they stand alone; when they are
glued into a sentence, extraction masks them: no trigger, participant, place or count is read
from a masked span.

The dateline's city and agency are the document's filing place and source, not participants.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.clean.opening import after_title, opening_date_span
from sitrep.extract.nouns import NUMBER_WORDS, QUANTITY_OPENINGS
from sitrep.extract.time import MONTH_FULL, WEEKDAYS

_AGENCY = (
    r"Reuters|AFP|AP|Associated Press|Sputnik|SANA|RIA Novosti|TASS|IRNA|Xinhua|Anadolu|ANA|"
    r"dpa|UPI|NNA|Mehr|Tasnim|Fars|Al[- ]Masdar|Kurdistan24|Rudaw|ISNA|APA|AA"
)
_AGENCY_NAME = re.compile(rf"(?:the\s+)?(?:{_AGENCY})")


# A picture's credit in brackets right after its caption: "(TRT World and Agencies)", "(AFP)",
# "(File photo)". Not a dateline's: "BEIRUT (AFP) -" has its dash after it.
_CREDIT_AFTER = re.compile(
    rf"\s*\((?:(?:{_AGENCY})(?: Photo)?|[A-Z][\w ]{{0,40}}\bAgencies|File [Pp]hoto|Photo)\)"
    r"(?!\s*[-–—:])"
)


def credit_follows(text: str, end: int) -> bool:
    """Whether a picture's credit in brackets stands right after `end` in `text`."""
    return _CREDIT_AFTER.match(text, end) is not None


def is_agency_name(text: str) -> bool:
    """A wire or state news agency's name ("SANA", "the Associated Press"): who files, never a
    place or a participant, whatever a tagger made of it."""
    return _AGENCY_NAME.fullmatch(text.strip()) is not None


# A word as Title Case writes it, capitalised or not (a headline is read word by word).
TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Short function words that stay lower case in Title Case.
TITLE_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "via",
        "with",
        "over",
        "near",
        "after",
    ]
)
# A headline's words that running text keeps in lower case: its verb or its subject ("Nine
# Civilians Killed in ...", "Daesh Attacks Deir ez-Zor With Rockets").
HEADLINE_WORD = re.compile(
    r"(?<=\S )(?:Kills?|Killed|Killing|Dead|Dies?|Died|Attacks?|Strikes?|Bombs?|Bombing|Raids?|"
    r"Clash(?:es)?|Wounded|Injured|Injures?|Hits?|Shelling|Executes?|Executed|Martyred|"
    r"Civilians|People|Troops|Forces|Fighters|Militants|Terrorists|Says|Reports?|Targets?)\b"
)
# Words that open or glue prose and are never a tag: a tag list stops before them.
_FUNCTION_WORDS = (
    r"(?:the|of|on|in|a|an|and|to|with|at|by|for|from|was|were|is|are|has|have|had|that|as)"
)
# The verbs that tell a story's first sentence is running ("were killed", "pounded", "hit"): a
# tag list has none. A lower-case word in "-ed" of five letters or more counts too.
_STORY_VERBS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "said", "says", "say", "struck", "hit",
     "hits", "kill", "kills", "left", "took", "led", "fled", "began", "made", "came", "shot",
     "fought", "told", "met", "will", "would", "could", "can", "may"}
)  # fmt: skip
_STORY_VERB = (
    rf"(?-i:(?:{'|'.join(sorted(_STORY_VERBS, key=len, reverse=True))})\b|[a-z][\w'’-]{{2,}}ed\b)"
)
# A capitalised name with one or two lower-case function words inside ("War on Terror", "Islamic
# State of Iraq and the Levant"); case-sensitive inside the tag-list pattern, which ignores case.
_NAME_WITH_FUNCTION_WORDS = (
    r"(?-i:[A-Z][\w'’-]*(?:(?:[ \t]+(?:on|of|for|and|the|in|at|to)){1,2}[ \t]+[A-Z][\w'’-]*)+)"
)
# "REUTERS/Stringer", "AFP/Getty Images", "REUTERS/Omar Sanadiki/File Photo"
# (a credit names a role such as "Stringer" or a photographer: one or two words)
_SLASH_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|SANA|Anadolu Agency|Sputnik)"
    r"(?:\s*/\s*(?:(?:Stringer|Handout|File(?: Photo)?|Pool)\b"
    r"|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)){1,3}"
)
# "AP Photo Pavel Golovkin", "AFP Photo / Delil Souleiman": a credit, its slash lost or kept,
# and the photographer's name (two words at most)
_PHOTO_CREDIT = re.compile(
    r"\b(?:AP|AFP|EPA|REUTERS|Reuters|Sputnik|SANA)\s+Photo\b(?:\s*/\s*|\s+)"
    r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?"
)
# (A caption's leading "[^.\n]{0,400}" is bounded: unbounded, each position of a text without
# full stops would read to its end, and such a page took minutes.)
_PATTERNS = (
    # "BAGHDAD (Reuters) -", "MOSCOW (Sputnik)", "Beirut, Lebanon (AP) —", "DAMASCUS, (SANA)-",
    # "BEIRUT August 21 (The Associated Press)" (with the filing day)
    re.compile(
        rf"(?<![\w,])(?:[A-Z][A-Za-z'’.-]+(?:[ ,]+[A-Z][A-Za-z'’.-]+){{0,3}}\s*,?\s*)?"
        rf"(?:{MONTH_FULL}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d{{2}})?\s*,?\s*)?"
        rf"\((?:The\s+)?(?:{_AGENCY})\)\s*[-–—:]?",
    ),
    _SLASH_CREDIT,
    _PHOTO_CREDIT,
    re.compile(r"\((?:AP|AFP|Reuters|SANA|File|Photo)(?: Archive| Photo| file photo)?\)"),
    re.compile(r"\b(?:Photo|Image|Picture|File photo)(?: credit)?\s*:\s*\S+(?: \S+){0,3}", re.I),
    # A photo's caption in brackets, credit and all: "(Photo Smoke is seen following a US
    # airstrike on western Raqqah on July 17 2017. by AFP)" tells a picture's day and place,
    # never the story's.
    re.compile(r"\((?:Photo|Picture|Image|File photo)\b[^()\n]{0,300}\)"),
    # A wire photo's caption run into the text: "A general view shows the damage at the site
    # of an explosion in Homs in this handout picture provided by SANA on September 5." tells
    # what a picture shows, the story's sentences tell it again; the whole sentence is masked.
    re.compile(
        r"[^.\n]{0,400}\bin this (?:handout |file |undated )?(?:picture|photo|photograph|image)"
        r"(?: (?:provided|released|taken|distributed|obtained) by\b)[^.\n]*\.?"
    ),
    # A wire photo's caption ends with where and when the picture was taken, then its credit:
    # "A boy ... sits inside a tent near the border Syria April 18 2017 (File photo)", "People
    # inspect a site hit by air strikes in Idlib province Syria June 12 2016. (TRT World and
    # Agencies)". A story's sentence gives no full date right before a credit; the whole
    # caption is masked.
    re.compile(
        rf"[^.\n]{{0,400}}\b{MONTH_FULL}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\.?\s*"
        rf"\((?:{_AGENCY}|TRT World and Agencies|File [Pp]hoto|Photo)\)"
    ),
    # An embedded tweet's furniture: its picture link, a shortened link, and its signature
    # "Hassan Ridha (@sayedridha) September 5, 2016" (the "@" and commas often stripped), whose
    # date is the tweet's, never the date of the sentence the page runs on into.
    re.compile(r"\bpic\.twitter\.com/?\S*"),
    re.compile(r"\bhttps?:?/{0,2}t\.co/?\S*"),
    # ... and its words, from the sentence break (or the signature of the tweet before it) to
    # its link, a tweet's length at most: "2m people in Aleppo left with no access to water as
    # fighting intensifies https://t.co/..." is what someone tweeted, not the story's sentence
    # (and the story tells what matters of it in its own words).
    re.compile(
        r"(?:(?<=[.!?] )|(?<=(?:19|20)\d\d )|^)[^.!?\n]{1,280}?"
        r"(?=\s*(?:\bhttps?:?/{0,2}t\.co|\bpic\.twitter\.com))",
        re.M,
    ),
    re.compile(
        rf"(?:[A-Z][\w'’.-]*\s+){{0,3}}\((?:@\w{{1,15}}|(?=\w*[a-z])\w{{1,15}})\)\s+"
        rf"{MONTH_FULL}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}"
    ),
    # (glued to the date before it, "21.08.2013Get short URL 0 0 0", where \b finds no edge).
    # Its counters are one figure, or a zero and a figure, or three zeros: in "Get short URL
    # 0 85 12 Daesh terrorists were killed" the 12 is the story's toll.
    re.compile(r"(?<![^\W\d])Get short URL(?:\s+0\s+0\s+0\b|\s+0\s+\d+|\s+\d+)?", re.I),
    re.compile(r"\b(?:Print\s+)?(?:Tweet\s+)?(?:Share\s+)?Views\s+\d+", re.I),
    re.compile(r"\bNews ID\s*:?\s*\d+", re.I),
    # "... a monitor said Tags Syria air strike SOHR ISIS Ramadan.": a tag list, of any case,
    # that runs to the end of its line or to the full stop a cleaner put after it, with no
    # function word in it but inside a name ("War on Terror", "Observatory for Human Rights",
    # "State of Iraq and the Levant") and with a name's abbreviation in brackets ("Syrian
    # Democratic Forces (SDF)"), and no story verb ("Tags Idlib Russian jets pounded Saraqeb on
    # Monday" is a sentence, "on Monday" no name's words). Where the text runs on from the tags
    # into the story's first sentence ("Tags Raqqa airstrikes IS Overnight airstrikes on the
    # ..."), nothing is masked here.
    re.compile(
        rf"\bTags\b(?=[ \t]+[A-Z])(?:[ \t]+(?:{_NAME_WITH_FUNCTION_WORDS}|\((?-i:[A-Z]{{2,}})\)"
        rf"|(?!{_FUNCTION_WORDS}\b|{_STORY_VERB})[\w'’-]+)){{1,30}}"
        r"(?=\s*(?:[\n.]|\Z))",
        re.I,
    ),
    # "Simultaneous attacks In central Homs city regime media said ...", "Hasaka In a relevant
    # context ...", "Deir Ezzor On Sunday ...": a section heading run into its section's first
    # sentence where the line breaks were lost; prose never capitalises "In", "On" or "At"
    # inside a sentence.
    re.compile(
        r"(?:^|(?<=[.!?]\s))[A-Z][a-z]+(?:[ \t]+[A-Za-z][a-z'’-]*){0,3}(?=[ \t]+(?:In|On|At)[ \t])",
        re.M,
    ),
    # "... and agencies Related News Turkish warplanes hit ...": a block of other stories' headlines
    # that runs, without full stops, to the end of its line (or to a full stop: prose may follow).
    re.compile(
        r"\bRelated (?:News|Articles?|Stories|Posts|Content|Coverage|Reading)\b"
        r"(?:[^\n.]|\.(?!\s))*"
    ),
    re.compile(r"\(updated\s+\d{3,4}\s+\d{1,2}\.\d{1,2}\.\d{4}\)", re.I),
    # An embedded video's title, from the sentence break to the site's name: "Death in
    # Damascus - Rocket attack shakes the capital - YouTube".
    re.compile(r"(?:^|(?<=[.!?]\s))[^.!?\n]*?\s[-–—|]\s*YouTube\b", re.M),
)


def furniture_spans(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Character spans of `text` that are furniture, sorted and merged."""
    spans = [(m.start(), m.end()) for pattern in _PATTERNS for m in pattern.finditer(text)]
    spans.extend(_related_blocks(text, title))
    spans.extend(_uncredited_captions(text))
    spans.extend(_headlines_after_credits(text))
    head = headline_span(text, title)
    if head is not None:
        spans.append(head)
    spans.extend(_bare_datelines(text, title))
    spans.extend(_subheadings(text))
    spans.extend(_tags_run_into_a_sentence(text))
    return _merged(spans)


# A page's tag list run into the story's first sentence where the line break was lost: "Tags
# Syria Idlib gas attack Observatory Assad Warplanes carried out a suspected toxic gas attack",
# "Tags Waer war crimes Syrian conflict Two children were killed". The story starts at the
# last word that opens a sentence before its first verb ("At least", "Two", "The"); without
# one, at its first verb's subject, read back from the verb over prose (lower-case words, and
# names after a function word: "by a Syrian warplane") to the first capitalised word.
_TAGS = re.compile(r"\bTags\b(?=[ \t]+[A-Z])")
_TAG_WORD = re.compile(r"[\w'’-]+")
TAGS_LONGEST = 40  # words read after "Tags" for the story's first verb
_STORY_OPENERS = frozenset(
    {"a", "an", "the", "some", "several", "dozens", "hundreds", "thousands", "scores", "many",
     "almost", "nearly", "around", "about", "over"}
    | (frozenset(NUMBER_WORDS) - {"a", "an", "one"})
)  # fmt: skip
_BEFORE_A_NAME_IN_PROSE = frozenset(
    {"the", "of", "on", "in", "a", "an", "and", "to", "with", "at", "by", "for", "from", "near",
     "into", "or", "northern", "southern", "eastern", "western", "central", "north", "south",
     "east", "west", "northwest", "northeast", "southwest", "southeast", "northwestern",
     "northeastern", "southwestern", "southeastern", "rebel-held", "government-held",
     "regime-held", "capital", "city", "town", "province", "village"}
)  # fmt: skip


def _tags_run_into_a_sentence(text: str) -> list[tuple[int, int]]:
    spans = []
    for tags in _TAGS.finditer(text):
        words: list[re.Match[str]] = []
        capped = False
        for word in _TAG_WORD.finditer(text, tags.end(), len(text)):
            between = text[words[-1].end() if words else tags.end() : word.start()]
            if "\n" in between or "." in between:
                break  # (a tag list ending at its line's end is `_PATTERNS`' to mask)
            if len(words) > TAGS_LONGEST:
                capped = True
                break
            words.append(word)
        texts = [w.group(0) for w in words]
        verb = next((i for i, w in enumerate(texts) if _story_verb(w)), None)
        if verb is None and words and not capped:
            # tags and nothing of a story to the line's end (a long run with no verb seen may
            # be a story whose verbs the list does not know: left alone)
            spans.append((tags.start(), words[-1].end()))
            continue
        start = min(_story_start(texts, verb), _prose_opening(texts, verb)) if verb else 0
        if start > 0:
            spans.append((tags.start(), words[start].start()))
    return spans


def _story_verb(word: str) -> bool:
    return word.islower() and (word in _STORY_VERBS or (word.endswith("ed") and len(word) > 4))


# Words that join a phrase to the word before it in prose ("airstrikes on the ...", "areas of").
# A tag list has them only inside a name, after a capitalised word ("War on Terror",
# "Observatory for Human Rights").
_PROSE_JOINERS = frozenset(
    {"on", "in", "at", "by", "with", "from", "into", "near", "against", "of", "to", "for", "the",
     "a", "an"}
)  # fmt: skip


def _prose_opening(words: list[str], verb: int) -> int:
    """The capitalised word that opens the lower-case words before the first joiner of prose
    before the verb ("Overnight" of "Raqqa airstrikes IS Overnight raids on the group's main
    stronghold Raqqa killed"): the story starts there at the latest, whatever names come between
    ("Raqqa" follows a lower-case word that is no joiner, so reading back from the verb alone
    would start the story there). `len(words)` where no joiner follows a
    lower-case word."""
    for j in range(2, verb):
        if words[j] in _PROSE_JOINERS and not words[j - 1][:1].isupper():
            i = j - 1
            while i > 0 and not words[i][:1].isupper():
                i -= 1
            if i > 0:
                return i
    return len(words)


def _story_start(words: list[str], verb: int) -> int:
    """The index of the story's first word among the words after "Tags" (see above)."""
    for i in range(verb - 1, 0, -1):
        word = words[i]
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        capital = word[:1].isupper()
        opener = word.lower() in _STORY_OPENERS or word.isdigit()
        if capital and (opener or (word.lower(), nxt) in QUANTITY_OPENINGS):
            return i
    i = verb - 1
    while i > 0:
        if not words[i][:1].isupper():
            i -= 1
            continue
        first = i  # a name's first word ("Eastern" of "Eastern Ghouta")
        while first > 1 and words[first - 1][:1].isupper():
            first -= 1
        if first > 1 and words[first - 1] in _BEFORE_A_NAME_IN_PROSE:
            i = first - 1  # a name inside the prose: "by a Syrian warplane", "northern Aleppo"
            continue
        return i  # (the capitalised word before it is a tag: "Aleppo Russian and ...")
    return 0


# After a photo's credit some sites print another story's headline, a link the text kept:
# "AP Photo A B Over 20 Militants Killed in Army Raids in Hama Province "Over the past two days
# ...". A run of capitalised words (Title Case's short words allowed) with a headline's word,
# up to the story's next sentence, is that headline.
_RUN_WORD = re.compile(r"[ \t]*(?P<word>[\w'’-]+)")
TITLE_RUN_CAPITALS = 5  # capitalised words a headline has at least
TITLE_RUN_WORDS = 30  # the longest run read


def _headlines_after_credits(text: str) -> list[tuple[int, int]]:
    """The spans of other stories' headlines right after a photo's credit (see above)."""
    spans = []
    for pattern in (_SLASH_CREDIT, _PHOTO_CREDIT):
        for credit in pattern.finditer(text):
            end = _title_run_end(text, credit.end())
            if end is not None:
                spans.append((credit.end(), end))
    return spans


def _title_run_end(text: str, at: int) -> int | None:
    """Where a headline in Title Case that starts at `at` ends, or None when none starts."""
    words: list[tuple[str, int]] = []
    pos = at
    while len(words) < TITLE_RUN_WORDS:
        m = _RUN_WORD.match(text, pos)
        if m is None:
            break
        word = m.group("word")
        if not (word[0].isupper() or word[0].isdigit() or word.lower() in TITLE_MINOR_WORDS):
            # a lower-case word: the capitalised one before it opens the next sentence ("...
            # in Hama Province The army said")
            if words and words[-1][0][0].isupper():
                words.pop()
            break
        words.append((word, m.end()))
        pos = m.end()
    while words and words[-1][0].lower() in TITLE_MINOR_WORDS:
        words.pop()
    if sum(1 for word, _ in words if word[0].isupper()) < TITLE_RUN_CAPITALS:
        return None
    end = words[-1][1]
    return end if HEADLINE_WORD.search(text, at, end) else None


# A bulletin's sub-heading glued to the story it heads, which opens with the same words:
# "Two people killed in rocket attack on al-Midan Two people were killed on Friday ...".
_WORDS = re.compile(r"[\w'’-]+")
_SENTENCE_OPENING = re.compile(r"(?:^|(?<=[.!?])\s+)(?=[A-Z0-9])", re.M)
SUBHEADING_REPEAT = 6  # words the story repeats of its heading, at least
SUBHEADING_WORDS = 30  # the longest heading looked for
SUBHEADING_CHARS = 600  # characters read after a sentence's opening
_JOINING = frozenset({"and", "or", "but", "while", "as", "when", "after", "before", "than"})


def _subheadings(text: str) -> list[tuple[int, int]]:
    """Sentence openings whose first words come again within the same sentence: the first
    telling is a heading (it has no full stop of its own), the repeat opens the story."""
    spans = []
    for opening in _SENTENCE_OPENING.finditer(text):
        start = opening.end()
        # (a heading and its repeat are a few hundred characters: a page without full stops
        # must not make each opening read the rest of the text)
        end = min(len(text), start + SUBHEADING_CHARS)
        stop = text.find(".", start, end)
        window = text[start : stop if stop >= 0 else end]
        words = [(m.group(0).lower(), m.start()) for m in _WORDS.finditer(window)]
        words = words[: SUBHEADING_WORDS + SUBHEADING_REPEAT]
        head = [w for w, _ in words[:SUBHEADING_REPEAT]]
        if len(head) < SUBHEADING_REPEAT:
            continue
        for j in range(SUBHEADING_REPEAT, len(words) - SUBHEADING_REPEAT + 1):
            joined = words[j - 1][0] in _JOINING  # "at least 10 ... and at least 10 ..."
            if not joined and [w for w, _ in words[j : j + SUBHEADING_REPEAT]] == head:
                spans.append((start, start + words[j][1]))
                break
    return spans


# A filing place whose dash and agency a table stripped, before the story's first word:
# "BEIRUT A US-led coalition air strike ...", "QAMISHLI Syria A massive bomb ...", "(AFP photo)
# BEIRUT Thirteen civilians ...". News prose never prints a place in capitals.
_CAPS_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]{2,}){0,2})"
    r"(?:,? +(?P<country>[A-Z][a-z]+))? +(?=[A-Z0-9\"“])"
)
# Where a sentence may open: the text's start, a new line, after a full stop or a credit's ")".
_OPENINGS = re.compile(r"(?:^|\n|(?<=[.!?)])\s)\s*", re.M)
# A notable city in title case right after the opening date line, before prose: "Last updated
# at Jan 202015 Beirut Syrian government air strikes ...". Before a headline in title case
# ("Damascus Car Bomb Kills 70") the city is the headline's.
_TITLE_DATELINE = re.compile(r"\s*(?P<city>[A-Z][a-z'’-]+) +(?=[A-Z][\w'’-]* +[a-z])")


def _bare_datelines(text: str, title: str | None) -> list[tuple[int, int]]:
    """Datelines with no dash or agency: a place in capitals opening a sentence or the story
    (a place the gazetteer counts as notable, or any word followed by a country's name), or a
    notable city in title case between the opening date line and prose."""
    from sitrep.resolve.places import is_country_name, is_notable_place

    head = headline_span(text, title)
    openings = {m.end() for m in _OPENINGS.finditer(text)}
    if head is not None:
        openings.add(_skip_space(text, head[1]))
    spans = []
    for at in sorted(openings):
        m = _CAPS_DATELINE.match(text, at)
        if m is None:
            continue
        country = m.group("country")
        named_country = country is not None and is_country_name(country)
        if named_country or is_notable_place(m.group("city").title()):
            # a capitalised word after the city that is no country opens the story ("AMMAN
            # Nearly 50 air strikes ...")
            end = m.end() if named_country or country is None else m.start("country")
            spans.append((m.start(), end))
    dated = opening_date_span(text, title)
    if dated is not None:
        m = _TITLE_DATELINE.match(text, dated[1])
        city = m.group("city") if m else ""
        if m and is_notable_place(city) and not is_country_name(city):
            spans.append((m.start("city"), m.end()))
    return spans


# A wire caption whose credit was lost: "People inspect a site hit by air strikes in Idlib
# province Syria June 12 2016." puts the full date right after the place (or the weekday) the
# picture was taken, and stops there. A story's sentence dates with a preposition ("on
# Wednesday April 5 2017", "since May 21 2016"), even where a table stripped its commas.
_DATED_AFTER_A_NAME = re.compile(
    rf"[^.\n]{{0,400}}?(?P<before>\b[a-z]+\s+)?(?P<name>\b[A-Z][A-Za-z'’-]+)\s+{MONTH_FULL}\s+\d{{1,2}},?\s+"
    r"(?:19|20)\d{2}\.(?!\d)"
)
_DATING_WORDS = frozenset({"on", "since", "until", "till", "from", "to", "by", "before", "after"})


def _uncredited_captions(text: str) -> list[tuple[int, int]]:
    """Sentences that end in a full date right after a name, unless a preposition dates it
    ("on Wednesday April 5 2017"; "Since May 5 2016." opens with one)."""
    spans = []
    for m in _DATED_AFTER_A_NAME.finditer(text):
        name, before = m.group("name"), (m.group("before") or "").strip()
        weekday = name.lower() in WEEKDAYS and name.endswith("day")  # (the full names only)
        if name.lower() in _DATING_WORDS or (weekday and before in _DATING_WORDS):
            continue
        spans.append((m.start(), m.end()))
    return spans


# "Views 458 Related Lebanon charges 43 Syrians ...", "... Rises (1881) Related Explosion in
# ...": a related-links block after a counter.
_RELATED = re.compile(r"(?<=[\d)] )Related\b[^.]*")
# The dash of a dateline whose place and agency were lost: "... state TV -A double bomb ..."
_DATELINE_DASH = re.compile(r"\s*[-–—]+\s*(?=[A-Z])")


def _related_blocks(text: str, title: str | None) -> list[tuple[int, int]]:
    """Related-links blocks, each to its full stop, or to the story's own headline where the
    page prints it again after the links ("Related IS group claims responsibility for attack on
    Syrian town Double bomb attack kills 31 in Syrian Kurdish city state TV -A double bomb
    attack killed 31 ..."): the headline, and a dateline's dash after it, open the story, whose
    first sentence follows."""
    blocks = []
    headline = (title or "").strip()
    for m in _RELATED.finditer(text):
        at = text.find(headline, m.start(), m.end()) if len(headline) >= 20 else -1
        if at < 0:
            blocks.append((m.start(), m.end()))
            continue
        end = at + len(headline)
        dash = _DATELINE_DASH.match(text, end)
        blocks.append((m.start(), dash.end() if dash else end))
    return blocks


def headline_span(text: str, title: str | None) -> tuple[int, int] | None:
    """The headline repeated at the top, with the date line before or after it, a byline
    between the two ("April 5 2017 by A B and C D <headline>") and a filing dateline after it
    ("<headline> Beirut London- Warplanes ...")."""
    end = after_title(text, title)
    dated = opening_date_span(text, title)
    if dated is not None:
        at = _skip_space(text, dated[1])
        end = max(end, dated[1], after_title(text, title, at), _after_byline(text, title, at))
        # a clock time's zone or city may be the headline's first word ("19:11 Syrian
        # Coalition Demands ..."): the repeat may start there too
        last_word = re.search(r"[A-Z][\w'’-]*$", text[dated[0] : dated[1]])
        if last_word is not None:
            end = max(end, after_title(text, title, dated[0] + last_word.start()))
    if end and end > (dated[1] if dated else 0):
        dateline = _PLACE_DATELINE.match(text, end)
        end = dateline.end() if dateline else end
    return (0, end) if end else None


# "by Youssef Diab Paula Astih and Najla Habriri", "by Asharq Al-Awsat English": a byline names
# people or an outlet, capitalised words joined by spaces, commas and "and".
_BYLINE = re.compile(
    r"[Bb]y\s+[A-Z][\w'’.-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w'’.-]*){0,11}[\s\"'“”‘’]*"
)
# A filing place with its dash and no agency, right after the headline: "Beirut London- ",
# "Beirut - ". The dash stands apart from the next word, unlike a hyphen in "Pro-Assad".
_PLACE_DATELINE = re.compile(
    r"\s+[A-Z][A-Za-z'’.]+(?:[ ,]+[A-Z][A-Za-z'’.]+){0,2}\s*[-–—]+\s+(?=[A-Z])"
)


def _after_byline(text: str, title: str | None, at: int) -> int:
    """Where the text continues after a byline at `at` and the headline right after it; 0
    where no headline follows the byline (the byline's last name cannot be told from the
    story's first word then)."""
    byline = _BYLINE.match(text, at)
    if byline is None or not title:
        return 0
    for word in re.finditer(r"\S+", text[byline.start() : byline.end()]):
        start = byline.start() + word.start()
        if start == at:
            continue
        end = after_title(text, title, start)
        if end and _BYLINE.fullmatch(text, at, start):
            return end
    return 0


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and not text[at].isalnum():
        at += 1
    return at


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a furniture span."""
    return any(s < end and start < e for s, e in spans)


def blank(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> str:
    """`text` (starting at `offset` in the document) with furniture replaced by spaces."""
    chars = list(text)
    for s, e in spans:
        for i in range(max(s - offset, 0), min(e - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)
