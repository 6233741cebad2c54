"""Event, argument and claim extraction on hand-built parses (no trained model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from sitrep.extract import extract_events
from sitrep.records import EventMention, Extraction

PARSED = Path(__file__).parent / "fixtures" / "events" / "parsed"
NLP = spacy.blank("en")


def build_doc(path: Path) -> tuple[Doc, dict[str, str]]:
    """A Doc from our one-token-per-line fixture format (see the folder's README)."""
    meta: dict[str, str] = {}
    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    ents: list[str] = []
    starts: list[bool] = []
    offset, new_sentence = 0, True
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# meta:"):
            meta.update(kv.split("=", 1) for kv in line[7:].split(" ") if "=" in kv)
            meta = {k: v.replace("_", " ") for k, v in meta.items()}
            continue
        if not line.strip():
            offset, new_sentence = len(words), True
            if spaces:
                spaces[-1] = True
            continue
        word, tag, head, dep, ent, *rest = line.split()
        words.append(word)
        spaces.append("nospace" not in rest)
        heads.append(offset + int(head) - 1 if int(head) else len(words) - 1)
        deps.append(dep)
        pos.append(tag)
        ents.append(ent)
        starts.append(new_sentence)
        new_sentence = False
    doc = Doc(NLP.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents,
              sent_starts=starts)  # fmt: skip
    return doc, meta


def run(name: str) -> Extraction:
    doc, meta = build_doc(PARSED / f"{name}.txt")
    return extract_events(f"doc-{name}", doc, meta.get("published"), meta.get("outlet"))


def only(extraction: Extraction, type_name: str) -> EventMention:
    found = [m for m in extraction.events if m.type == type_name]
    assert len(found) == 1, [(m.type, m.trigger) for m in extraction.events]
    return found[0]


def roles(mention: EventMention) -> set[tuple[str, str]]:
    return {(p.role, p.text) for p in mention.participants}


def test_hedged_visit_with_place_and_time() -> None:
    visit = only(run("visit_hedged"), "CONSULT")
    assert visit.mode == "visit"
    assert roles(visit) == {("actor", "Esmail Ghaani")}
    assert visit.place is not None and visit.place.text == "Aleppo"
    assert visit.time is not None and visit.time.start == "2020-01-03"
    assert visit.time.precision == "day"
    assert visit.claim.hedged and visit.claim.hedges == ("reportedly",)
    assert visit.claim.stance == "asserts"
    assert [link.name for link in visit.claim.chain] == ["AMN"]


def test_copular_denial_becomes_a_denied_visit() -> None:
    visit = only(run("denial_was_not"), "CONSULT")
    assert visit.mode == "visit" and visit.negated
    assert roles(visit) == {("actor", "Soleimani")}
    assert visit.place is not None and visit.place.text == "Moscow"
    assert visit.claim.stance == "denies"
    assert visit.claim.chain[-1].name == "Russian Foreign Ministry"
    assert visit.claim.chain[-1].kind == "official"


def test_denied_reports_of_travel() -> None:
    visit = only(run("denial_reports"), "CONSULT")
    assert roles(visit) == {("actor", "Soleimani")}
    assert visit.place is not None and visit.place.text == "Moscow"
    assert visit.claim.stance == "denies" and not visit.negated
    assert visit.claim.chain[-1].name == "The Russian authorities"


def test_told_the_associated_press_chain_and_range_time() -> None:
    arrival = only(run("told_ap"), "MOBILIZE")
    assert roles(arrival) == {("actor", "some 1,500 Iranian elite guards")}
    assert arrival.place is not None and arrival.place.text == "Syria"
    assert arrival.time is not None and arrival.time.precision == "range"
    assert (arrival.time.start, arrival.time.end) == ("2015-09-17", "2015-10-01")
    chain = [(link.name, link.kind) for link in arrival.claim.chain]
    assert chain == [
        ("Fox News", "outlet"),
        ("The Associated Press", "agency"),
        ("A senior official", "anonymous"),
    ]
    assert arrival.claim.stance == "reports"


def test_confirmed_presence_is_a_confirmed_visit() -> None:
    visit = only(run("confirmed_presence"), "CONSULT")
    assert roles(visit) == {("actor", "Soleimani")}
    assert visit.place is not None and visit.place.text == "Latakia"
    assert visit.claim.stance == "confirms"
    assert visit.claim.chain[-1].name == "Reuters"
    assert visit.time is not None and visit.time.start == "2015-10-01"


def test_modal_deployment_is_marked_not_asserted() -> None:
    troops = only(run("modal_troops"), "MOBILIZE")
    assert troops.modality == "consider"
    assert ("actor", "Tehran") in roles(troops)


def test_quoted_as_saying_chain() -> None:
    deploy = only(run("quoted_as_saying"), "MOBILIZE")
    names = [link.name for link in deploy.claim.chain]
    assert names == ["Radiofarda", "Tasnim news agency", "Baqeri"]
    assert deploy.claim.stance == "reports"


def test_casualties_attach_to_the_killing() -> None:
    death = only(run("casualties"), "DIE")
    assert death.casualties is not None
    assert (death.casualties.killed, death.casualties.children) == (12, 4)
    assert death.place is not None and death.place.text == "Damascus"
    assert death.time is not None and death.time.start == "2019-03-17"
    assert ("by", "Russian") in roles(death)


def test_fox_news_citing_western_intelligence() -> None:
    visit = only(run("fox_citing"), "CONSULT")
    assert roles(visit) == {("actor", "Qassem Soleimani")}
    assert [link.name for link in visit.claim.chain] == [
        "Forum",
        "Fox News",
        "Western intelligence",
    ]
    assert visit.claim.hedged and "alleged" in visit.claim.hedges
    # "In August" dates the report; the visit it reports happened before and stays undated.
    assert visit.time is None


def test_trailing_this_writes_attributes_the_previous_sentence() -> None:
    extraction = run("trailing_this_writes")
    visit = next(m for m in extraction.events if m.sentence == 1)
    assert visit.type == "CONSULT" and roles(visit) == {("actor", "Soleimani")}
    assert visit.claim.stance == "reports"
    assert [link.name for link in visit.claim.chain][-2:] == ["Reuters", "informed sources"]
    meeting = next(m for m in extraction.events if m.sentence == 0)
    assert ("counterpart", "Lavrov") in roles(meeting) and meeting.claim.stance == "asserts"


def test_quote_speaker_found_across_the_closing_mark() -> None:
    visit = only(run("quote_he_said"), "CONSULT")
    assert roles(visit) == {("actor", "Ghaani")}
    assert visit.claim.quote is not None and "visit of Ghaani" in visit.claim.quote
    assert visit.claim.chain[-1].name == "Omar Rahmon"
    assert visit.claim.stance == "reports"


@pytest.mark.parametrize("name", sorted(p.stem for p in PARSED.glob("*.txt")))
def test_ids_are_deterministic_and_spans_point_into_the_text(name: str) -> None:
    first, second = run(name), run(name)
    assert [m.id for m in first.events] == [m.id for m in second.events]
    doc, _ = build_doc(PARSED / f"{name}.txt")
    for mention in first.events:
        assert doc.text[mention.trigger_start : mention.trigger_end] == mention.trigger
        assert mention.claim.event_mention_id == mention.id
        for part in mention.participants:
            assert doc.text[part.start : part.end] == part.text


def test_ud_copula_denial() -> None:
    """Our pipeline parses in Universal Dependencies: the copula hangs off "Moscow"."""
    visit = only(run("ud_copula_denial"), "CONSULT")
    assert roles(visit) == {("actor", "Soleimani")}
    assert visit.place is not None and visit.place.text == "Moscow"
    assert visit.negated and visit.claim.stance == "denies"
    assert visit.claim.chain[-1].name == "the ministry"


def test_ud_meeting_with_obliques_and_unanchored_date() -> None:
    meeting = only(run("ud_meeting"), "CONSULT")
    assert meeting.mode == "meeting"
    assert roles(meeting) == {
        ("actor", "Assad"),
        ("counterpart", "Baqeri"),
        ("counterpart", "Al-Ghanimi"),
    }
    assert meeting.place is not None and meeting.place.text == "Damascus"
    assert meeting.time is not None and meeting.time.precision == "unresolved"
    assert meeting.time.start is None and "--03-18" in meeting.time.method


def test_denied_parsed_as_a_modifier_of_reports_still_denies() -> None:
    # "Kremlin officials earlier denied reports about the arrival ...", parsed "denied reports".
    arrival = only(run("denied_reports_amod"), "CONSULT")
    assert arrival.claim.stance == "denies"
    assert arrival.claim.chain[-1].name == "Kremlin officials"


def test_of_two_subjects_the_one_naming_a_source_speaks() -> None:
    injured = only(run("two_subjects"), "ASSAULT")
    assert injured.claim.stance == "reports"
    assert [link.name for link in injured.claim.chain] == ["examplenews", "SANA"]


def test_a_source_run_into_the_place_before_it_is_the_source() -> None:
    killed = only(run("run_on_source"), "DIE")
    assert [link.name for link in killed.claim.chain] == ["examplenews", "state-run news agency"]


def test_a_lede_takes_the_source_of_its_retelling_at_a_place_inside_its_own() -> None:
    lede, told = sorted(run("source_inside_place").events, key=lambda m: m.sentence)
    assert told.place is not None and told.place.within == "Aleppo"
    assert [link.name for link in lede.claim.chain] == ["examplenews", "A source"]
