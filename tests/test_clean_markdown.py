"""Markdown files: the YAML front matter is metadata, not sentences, and the markup is taken off.

The page below is written for this test in the shape of an exported reference article.
"""

from __future__ import annotations

from sitrep.clean.document import clean_document
from sitrep.clean.markdown import read_markdown
from sitrep.clean.textscrape import clean_scrape
from sitrep.records import RawDocument

PAGE = """---
subject: Battle of Qasr Fendi
shortDescription: A battle in an imagined governorate
description: The Battle of Qasr Fendi was fought in the spring of 2015
  between government forces and a rebel coalition.
author: Wikipedia
pubDate: 2023-07-02 11:40
tags:
  - Battles of an imagined war
date:
  - 3 March – 9 April 2015
---

The **Battle of Qasr Fendi** was fought between the [Syrian Army](https://example.org/army) and a
rebel coalition for control of the town of Qasr Fendi.[3]

## Background
![A map](https://example.org/map.png)
Rebels had besieged the town since *late 2014*.

## The battle
### First week
On 3 March 2015, rebel fighters attacked the army's checkpoints around the town, killing 12
soldiers.

| Side | Strength |
|---|---|
| Army | 2,000 |

## See also
 * Siege of another town

## References
[object Object]
"""


def test_front_matter_gives_title_and_date_and_is_not_text() -> None:
    doc = clean_document(RawDocument(PAGE.encode(), "pages/qasr_fendi.md", "text"))
    assert doc.title == "Battle of Qasr Fendi"
    assert doc.published is not None
    assert (doc.published.value, doc.published.source) == ("2023-07-02", "front-matter")
    for leak in ("shortDescription", "pubDate", "imagined war", "3 March – 9 April"):
        assert leak not in doc.text


def test_markup_headings_tables_and_closing_sections_are_off_the_prose() -> None:
    text = read_markdown(PAGE).text
    assert "The Battle of Qasr Fendi was fought between the Syrian Army and a" in text
    assert "town of Qasr Fendi." in text and "[3]" not in text
    assert "Rebels had besieged the town since late 2014." in text
    for leak in ("**", "](", "![", "#", "First week", "Strength", "See also", "Siege of", "object"):
        assert leak not in text
    # A heading is its own break: the sentence after it starts a paragraph of its own.
    assert "\n\nOn 3 March 2015, rebel fighters attacked" in text


def test_a_plain_text_file_without_a_header_is_left_to_the_scrape_cleaner() -> None:
    text = "--- not a header\nThe army shelled the town on Monday, **residents** said.\n"
    doc = clean_document(RawDocument(text.encode(), "a.txt", "text"))
    scraped = clean_scrape(text)
    assert (doc.text, doc.title) == (scraped.text, scraped.title)
