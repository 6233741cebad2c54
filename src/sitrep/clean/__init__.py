"""The clean stage: RawDocument → CleanDocument.

HTML goes through trafilatura; plain-text scrapes (and PDF text layers) through our own line
classifier in `textscrape`; rows and feed items through their fields. Encoding repair, language
id and near-duplicate detection (`dedupe`) are shared by all.
"""

from sitrep.clean.document import clean_document

__all__ = ["clean_document"]
