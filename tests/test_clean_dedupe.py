"""Near-duplicate detection: syndicated copies found, different stories not, signatures stable."""

from __future__ import annotations

from sitrep.clean.dedupe import NearDuplicateIndex, minhash_signature

STORY = (
    "A senior commander of the Revolutionary Guards visited positions held by allied militias "
    "near Albu Kamal on Thursday, according to a statement carried by a news agency close to the "
    "Guards. The statement said he inspected defensive lines along the Euphrates and met local "
    "commanders to discuss supplies, and that the visit lasted two days before he returned to "
    "Tehran by way of Baghdad."
)
COPY = "Syndicated: " + STORY.replace("Thursday", "Thursday morning")
OTHER = (
    "The parliament in Baghdad voted on Sunday to ask the government to end the presence of "
    "foreign troops, in a session boycotted by most Kurdish and Sunni members."
)


def test_copy_is_found_and_original_kept() -> None:
    index = NearDuplicateIndex()
    assert index.add("a", STORY) is None
    assert index.add("b", OTHER) is None
    match = index.add("c", COPY)
    assert match is not None and match[0] == "a" and match[1] >= 0.8
    assert len(index) == 2  # the copy itself is not added


def test_signatures_are_deterministic_and_rebuild_the_index() -> None:
    assert minhash_signature(STORY) == minhash_signature(STORY)
    assert len(minhash_signature(STORY)) == 128 * 4
    index = NearDuplicateIndex()
    index.add_signature("a", minhash_signature(STORY))
    index.add_signature("b", minhash_signature(OTHER))
    match = index.add("later", COPY)
    assert match is not None and match[0] == "a"


def test_empty_and_repeated_ids_are_ignored() -> None:
    index = NearDuplicateIndex(threshold=0.5, num_perm=64)
    assert index.add("x", "") is None
    assert index.add("a", STORY) is None
    assert index.add("a", STORY) is None
    assert len(index) == 1
