"""The line model's parts (issue 17): boosted trees, the chrome vocabulary, layout features.
Data are made up here; the shipped model is checked on fixtures written for sitrep."""

from __future__ import annotations

import json

import numpy as np

from sitrep.clean.textscrape import clean_scrape, read_page
from sitrep.clean.textscrape.boost import Boosting, fit_ensemble, predict
from sitrep.clean.textscrape.layout import main_block, run_lengths
from sitrep.clean.textscrape.lines import split_lines
from sitrep.clean.textscrape.train import FitPage, reshuffled
from sitrep.clean.textscrape.trees import Ensemble
from sitrep.clean.textscrape.vocabulary import MIN_PAGES, LabelledLine, fit_vocabulary


def test_trees_learn_an_interaction_a_linear_score_cannot() -> None:
    # The label is "exactly one of the two features is set": no weighted sum separates it.
    # (Uneven counts, so that the first split already gains something.)
    counts = {(0.0, 0.0): 50, (0.0, 1.0): 30, (1.0, 0.0): 50, (1.0, 1.0): 20}
    grid = np.array([list(cell) for cell, n in counts.items() for _ in range(n)])
    labels = (grid[:, 0] != grid[:, 1]).astype(float)
    settings = Boosting(trees=40, depth=2, rate=0.3, min_leaf=5.0)
    ensemble = fit_ensemble(grid, labels, np.ones(len(grid)), settings)
    for (a, b), _ in counts.items():
        assert (ensemble.score([a, b]) > 0.5) == (a != b)


def test_ensemble_reads_back_from_json_with_the_same_scores() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(300, 3))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(float)
    ensemble = fit_ensemble(x, y, np.ones(len(x)), Boosting(trees=20))
    again = Ensemble.from_json(json.loads(json.dumps(ensemble.to_json())))
    many = predict(ensemble, x)
    for n in range(0, 300, 37):
        assert abs(again.score(list(x[n])) - ensemble.score(list(x[n]))) < 1e-5
        assert abs(many[n] - ensemble.score(list(x[n]))) < 1e-9


def test_vocabulary_keeps_only_words_shared_across_pages() -> None:
    lines = []
    for page in range(MIN_PAGES):
        lines.append(LabelledLine(f"p{page}", "Subscribe to our newsletter today", 0.0, 1.0))
        lines.append(LabelledLine(f"p{page}", "The minister said the talks went well", 1.0, 1.0))
    lines.append(LabelledLine("p0", "Zanzibar cloves newsletter", 0.0, 1.0))
    vocabulary = fit_vocabulary(lines)
    assert vocabulary.weights["newsletter"] < 0 < vocabulary.weights["minister"]
    assert "zanzibar" not in vocabulary.weights  # on one page only: a topic word, not chrome's
    assert vocabulary.features("nothing known here") == [0.0, 0.0, 0.0, 0.0]


def test_main_block_is_the_longest_stretch_of_paragraphs() -> None:
    prose = "This sentence is long enough to be read as a paragraph of running prose."
    text = "\n".join(["Menu", prose, "Home", "News", "Sport", "Weather"] + [prose] * 3 + ["Footer"])
    assert main_block(split_lines(text)) == (6, 8)
    assert run_lengths([True, True, False, True]) == [2, 2, 0, 1]


def test_second_partition_groups_the_same_pages_otherwise() -> None:
    read = read_page("A short page with one line of text on it, for the fitting's sake.")
    pages = [FitPage(f"site{n}.example.html", read, [None], [0.0]) for n in range(12)]
    other = reshuffled(pages)
    assert sorted(p.name for p in other) == sorted(p.name for p in pages)
    assert [p.name for p in other] != [p.name for p in pages]
    assert [p.name for p in reshuffled(list(reversed(pages)))] == [p.name for p in other]
    # every fourth page in each order: the folds hold different pages
    assert {p.name for p in other[::4]} != {p.name for p in pages[::4]}


ARTICLE = [
    "Officials from both governments met on Sunday to discuss the security of the border "
    "crossings, according to a statement released by the ministry after the talks ended.",
    "The delegation included senior customs officers, who asked that trucks carrying food be "
    "allowed through without the long queues seen last winter.",
    "Residents of the two towns on either side of the river have waited months for a decision, "
    "and many of them said they would believe it when the gates actually opened.",
    "Traders said that the closure had doubled the price of fuel in the border towns, because "
    "every tanker now had to take the long road through the mountains to the north.",
]
SUBSCRIBE = (
    "Subscribe to our newsletter and get the latest news and analysis delivered to your inbox "
    "every morning, and follow us on social media for breaking news updates."
)


def test_shipped_model_drops_a_newsletter_pitch_after_the_article() -> None:
    page = "Home\nWorld\nPolitics\n\nTalks on the border crossings resume\n\n"
    page += "\n\n".join([*ARTICLE, SUBSCRIBE]) + "\n\nContact us\nPrivacy\n"
    result = clean_scrape(page)
    assert result.text.split("\n\n") == ARTICLE
