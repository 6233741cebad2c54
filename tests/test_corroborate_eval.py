"""`sitrep eval corroboration`: the coded columns never reach the pipeline; the answer's rules."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from sitrep.corroborate.evaluate import (
    Coding,
    _one_chain,
    are_copies,
    read_codings,
    shingles,
    write_hidden,
)

HEADER = (
    "unit_id,article_title,article_content,source,date,location,actor,cause_of_death,"
    "nb_children,nb_civilians,nb_noncivilians,nb_women,label"
)
ROWS = (
    '1,Strike,"Wed 05 Apr 2017 A strike hit the town.",nna,4/4/17,idlib,army,shelling,0,5,0,0,1',
    '2,Blast,"Published July 4 2015 A blast hit.",sana,7/4/15,aleppo,isis,bomb,0,3,0,1,0',
)


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "fakes.csv"
    path.write_text("\n".join((HEADER, *ROWS)) + "\n", encoding="utf-8")
    return path


def test_the_hidden_copy_keeps_only_what_a_pipeline_may_read(tmp_path: Path) -> None:
    hidden = tmp_path / "hidden.csv"
    assert write_hidden(_csv(tmp_path), hidden, datelines=True) == 2
    with hidden.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["unit_id", "article_title", "article_content", "source", "published"]
    # The date is the article's own opening words, never the coded one (4/4/17).
    assert [r["published"] for r in rows] == ["2017-04-05", "2015-07-04"]


def test_the_answer_reads_the_coding(tmp_path: Path) -> None:
    codings = read_codings(_csv(tmp_path))
    assert codings["1"].day == date(2017, 4, 4) and codings["1"].credible
    assert not codings["2"].credible
    near = Coding("3", date(2017, 4, 6), "idlib", ("0", "5", "0", "0"))
    far = Coding("4", date(2017, 4, 9), "idlib", ("0", "5", "0", "0"))
    elsewhere = Coding("5", date(2017, 4, 4), "homs", ("0", "5", "0", "0"))
    assert not codings["1"].contradicts(near)
    assert codings["1"].contradicts(far) and codings["1"].contradicts(elsewhere)
    assert not codings["1"].same_incident(near)


def test_one_chain_is_every_claim_on_one_path_of_sources() -> None:
    assert _one_chain([("fox news",), ("fox news", "western intelligence")])
    assert not _one_chain([("fox news", "western intelligence"), ("reuters",)])


def test_copies_are_one_text_filed_twice() -> None:
    text = (
        "Two civilians were killed and three others were injured in rocket attacks on "
        "neighborhoods of the city, a source at the police command said on Wednesday."
    )
    copy = "Published June 2 2016 " + text.replace("Wednesday", "Tuesday")
    other = (
        "A car bomb killed eight people near the shrine south of the capital on Monday, "
        "state media said, the third such attack on the district this year."
    )
    assert are_copies(shingles(text), shingles(copy))
    assert not are_copies(shingles(text), shingles(other))
    assert not are_copies(shingles(""), shingles(text))


def test_an_incident_coded_after_the_articles_own_date_is_the_codings_error(
    tmp_path: Path,
) -> None:
    codings = read_codings(_csv(tmp_path))
    # Row 1 opens "Wed 05 Apr 2017" and is coded 4/4/17: the day before, a possible coding.
    assert codings["1"].reported == date(2017, 4, 5) and not codings["1"].coded_after_report
    late = Coding("6", date(2017, 4, 9), "idlib", (), reported=date(2017, 4, 5))
    undated = Coding("7", date(2017, 4, 9), "idlib", ())
    assert late.coded_after_report and not undated.coded_after_report
