"""acquire — inputs → `RawDocument` | `Rejection`.

Call `iter_inputs(specs, settings, stdin=None)`: a lazy stream of documents in spec order, in
which every input that cannot be read is a `Rejection(origin, reason, detail)` and the run goes
on. `count_inputs(specs)` gives the number of files for a progress bar (None with stdin/URLs).
`fetch.fetch_url(url, settings)` fetches one page and raises `FetchError` instead.

Specs: a file; a folder (recursive, sorted, hidden files and folders skipped); a glob
(`demo/**/*.html`); `-` for standard input (format sniffed); an `http(s)://` URL.

Formats, by extension and confirmed by the content (a `.txt` that is really HTML is HTML):

- `.txt` → "text"; `.html` / `.htm` → "html"; `.pdf` → "pdf" (bytes; the cleaner extracts text).
- `.csv` / `.tsv` (with a header row) and `.jsonl` / `.ndjson` (one object per line), `.json`
  (an array of objects) → one "row" document per row; origin `file.csv#row=N` (N counts data
  rows from 1; for JSON lines it is the line number). Row fields, matched case-insensitively:

  | field    | taken from the first non-empty of        |
  |----------|------------------------------------------|
  | `text`   | `text`, `content`, `body`, `article_content` (the body; required) |
  | `title`  | `title`, `article_title`                 |
  | `url`    | `url`, `link`                            |
  | `date`   | `date`, `published`                      |
  | `source` | `source`, `outlet`, `site`               |
  | `author` | `author`                                 |

  Every other column is kept under its own name; empty values are dropped. The document's
  `content` is the UTF-8 of "title\\n\\nbody" (or the body alone), so re-ingesting is
  idempotent. A row without body text is a Rejection "no-text".
- `.warc` / `.warc.gz` → one document per HTTP 200 response (or resource) record that is
  text/html, text/plain or application/pdf; origin `file.warc.gz#record=N`; `url` from
  WARC-Target-URI, `fetched_at` from WARC-Date, `declared_encoding` from Content-Type. Other
  records are skipped; a cut-off crawl yields the records read, then a Rejection "truncated".
- `.xml` / `.rss` / `.atom` or a sniffed feed → one document per item; origin
  `feed.xml#record=N`. An item with full content (content:encoded) is a "feed-item" document
  holding that HTML; otherwise its link is fetched (same rules as URLs) and the page comes back
  with the item's metadata. Feed fields: `title`, `url`, `date` (ISO-8601 UTC when parseable),
  `author`, `feed` (the feed's title), `guid`, and `content_type` for "feed-item" documents.
- `.gz` of any of these: decompressed (size-capped) and read as what is inside.

Limits: a single document over `max_input_bytes` is "too-large" (checked before reading);
tables and crawls are streamed, and each row or record is capped instead. URLs: only http(s),
`fetch_timeout_s`, `fetch_max_bytes`, `fetch_max_redirects`, and no private, loopback,
link-local, multicast, reserved or unspecified addresses unless `allow_private_addresses`.
"""

from sitrep.acquire.fetch import fetch_url
from sitrep.acquire.inputs import count_inputs, iter_inputs

__all__ = ["count_inputs", "fetch_url", "iter_inputs"]
