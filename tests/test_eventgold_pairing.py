"""The event-gold scorer pairs gold and system events one to one by best overlap; the judge's
first-match pairing is reported beside it. Events and sentences are our own."""

from __future__ import annotations

from typing import Any

from sitrep.extract.eventgold import best_pairs, first_pairs, max_weight_assignment, score


def _event(key: str, sentence: str, killed: int) -> list[dict[str, Any]]:
    return [
        {
            "kind": "event",
            "id": key,
            "type": "ASSAULT",
            "participants": [],
            "casualties": {"killed": killed},
            "claims": [{"document_id": "d1", "sentence_text": sentence, "stance": "asserts"}],
        }
    ]


def _gold(evidence: str, killed: int) -> dict[str, Any]:
    return {
        "type": "ASSAULT", "actors": [], "targets": [], "place": None, "admin1": None,
        "date": None, "killed": killed, "sources": [], "evidence": evidence, "notes": "",
    }  # fmt: skip


# Two bombings told in like words: the first gold event's words are half in either sentence.
NORTH = "The agency said twelve people died when a car bomb went off in the northern town"
SOUTH = "The agency said four people died when a car bomb went off at a southern checkpoint"
GOLD_NORTH = "twelve people died when a car bomb went off in the northern town"
GOLD_SOUTH = "four people died when a car bomb went off at a southern checkpoint"


def _records() -> list[dict[str, Any]]:
    document = {"kind": "document", "id": "d1", "fields": {"doc_key": "k1"}}
    return [document, *_event("south", SOUTH, 4), *_event("north", NORTH, 12)]


def test_first_match_pairs_like_sentences_crosswise_and_best_overlap_does_not() -> None:
    gold = [{"doc_key": "k1", "events": [_gold(GOLD_NORTH, 12), _gold(GOLD_SOUTH, 4)]}]
    scores = score(gold, _records())
    assert scores["matched"] == 2 and scores["killed"] == 1.0
    assert scores["first_match"]["matched"] == 2 and scores["first_match"]["killed"] == 0.0


def test_pairing_makes_as_many_pairs_as_it_can() -> None:
    # the first gold event may pair with either system event, the second only with the first:
    # first-match strands the second, best pairing does not
    worth = [[1000.9, 1000.5], [1000.6, 0.0]]
    assert sorted(max_weight_assignment(worth)) == [(0, 1), (1, 0)]
    assert max_weight_assignment([]) == [] and max_weight_assignment([[5.0]]) == [(0, 0)]
    assert sorted(max_weight_assignment([[1.0], [3.0]])) == [(1, 0)]


def test_pairs_are_one_to_one() -> None:
    system = [(e, e["claims"][0]) for e in _records()[1:]]
    golds = [_gold(GOLD_NORTH, 12), _gold(GOLD_SOUTH, 4), _gold(GOLD_SOUTH, 4)]
    for pairs in (best_pairs(system, golds), first_pairs(system, golds)):
        assert len({g for g, _ in pairs}) == len(pairs) == len({s for _, s in pairs}) == 2
