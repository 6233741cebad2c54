"""The situation report (`sitrep.read.brief`) written out as Markdown or HTML: the analyst's
product for a period. Nothing is counted or chosen here; every statement about an event or a
claim carries numbered citations of the documents it rests on, listed under "Sources" with
their title, outlet, date and address (or document id, where a file had none)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from html import escape
from urllib.parse import quote

from sitrep.read.brief import DISPUTED, Brief, BriefEvent, Change, Count, Day

STANCE_WORDS = {
    "asserts": "asserts",
    "reports": "reports",
    "confirms": "confirms",
    "denies": "denies",
    "retracts": "retracts",
}


class Citations:
    """Numbers for the documents in the order the report first cites them."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def number(self, document: str) -> int:
        if document not in self.order:
            self.order.append(document)
        return self.order.index(document) + 1


def _period(brief: Brief) -> str:
    if brief["since"] and brief["until"]:
        return f"{brief['since']} to {brief['until']}"
    return "no dated events"


def _toll(low: int, high: int) -> str:
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def _counts(values: Iterable[Count], none: str) -> str:
    return " · ".join(f"{c['value'] or none} {c['count']}" for c in values) or "none"


def _changes(values: Iterable[Change], none: str) -> str:
    return " · ".join(f"{c['value'] or none} {c['now']} ({c['before']})" for c in values) or "none"


def _title(e: BriefEvent) -> str:
    summary = e["summary"] or ""
    return summary if summary.upper().startswith(e["type"]) else f"{e['type']}: {summary}"


# the time span the pipeline writes into a summary ("X in Y (2016-10-01..2016-10-01, day)")
_SUMMARY_SPAN = re.compile(r" \(\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}, \w+\)")


def _day_title(e: BriefEvent) -> str:
    """An event's title in the day-by-day list, less the span its day or its dates say."""
    return _SUMMARY_SPAN.sub("", _title(e))


def _when(e: BriefEvent) -> str:
    start, end = e["time_start"], e["time_end"]
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} to {end}"


def _more(listed: int, total: int, cap: int) -> str | None:
    """What a capped list says after its events: how many it leaves out and why (the caller
    adds where they all are: the explorer's address with `base`, else the filter to type)."""
    if total <= listed:
        return None
    return (
        f"{total - listed:,} more in the explorer (this report lists at most {cap} events "
        f"a section, those told by the most documents)"
    )


def _day_heading(d: Day) -> str:
    """A day's heading: the day and its weekday, how many events, their killed."""
    events = _many(len(d["events"]), "event")
    killed = f", killed {_toll(d['killed_low'], d['killed_high'])}" if d["killed_high"] else ""
    if d["day"] is None:
        return f"Over several days, or undated ({events}{killed})"
    return f"{d['day']}, {date.fromisoformat(d['day']):%A} ({events}{killed})"


def _who_took_part(e: BriefEvent) -> str:
    """Who took part and how ("Russia (actor), 39 civilians (target)"), as plain text."""
    parties = ", ".join(f"{p['name']} ({p['role']})" for p in e["who"])
    return f"Who: {parties}." if parties else "Who: not named."


def _days_left_out(brief: Brief) -> int:
    return brief["events"] - sum(len(d["events"]) for d in brief["days"])


def _workbench(base: str | None, path: str) -> str | None:
    return f"{base.rstrip('/')}/#/{path}" if base else None


def _headline(brief: Brief) -> list[str]:
    """The headline's statements, as plain text (each renderer escapes them)."""
    undated = f", {brief['undated']} of them undated" if brief["undated"] else ""
    differ = (
        f"; the reports of {brief['tolls_differ']} events give different tolls, so the total"
        " is a range"
        if brief["tolls_differ"]
        else ""
    )
    killed = _toll(brief["killed_low"], brief["killed_high"])
    return [
        f"{_many(brief['events'], 'event')}{undated}.",
        f"Killed: {killed} (the fewest to the most each event's reports state{differ}).",
        f"By type: {_counts(brief['by_type'], 'none')}.",
        f"By status: {_counts(brief['by_status'], 'none')}.",
        f"By governorate: {_counts(brief['by_admin1'], 'no governorate')}.",
    ]


def _since_previous(brief: Brief) -> tuple[str, list[str]] | None:
    """The previous period's heading and statements, as plain text."""
    previous = brief["previous"]
    if previous is None:
        return None
    change = brief["events"] - previous["events"]
    now = _toll(brief["killed_low"], brief["killed_high"])
    before = _toll(previous["killed_low"], previous["killed_high"])
    new = ", ".join(f"{a['name']} ({a['events']})" for a in previous["new_actors"]) or "none"
    return f"Since the previous period ({previous['since']} to {previous['until']})", [
        f"Events: {brief['events']} ({previous['events']} before, {change:+d}).",
        f"Killed: {now} ({before} before).",
        f"By type, now (before): {_changes(previous['by_type'], 'none')}.",
        f"By governorate, now (before): {_changes(previous['by_admin1'], 'no governorate')}.",
        f"Taking part now, in none of the previous period's events: {new}.",
    ]


def _many(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _documents(n: int) -> str:
    return _many(n, "document")


def _said(stance: str, hedged: bool) -> str:
    return STANCE_WORDS.get(stance, stance) + (" (hedged)" if hedged else "")


def _address(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


# -- Markdown ---------------------------------------------------------------------------------


def _md(text: object) -> str:
    """Report text as Markdown shows it, not as markup: no emphasis, links or HTML from a
    page's words."""
    out = str(text)
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def markdown(brief: Brief, base: str | None = None) -> str:
    """The report as Markdown; `base` (the workbench's address) links events and documents."""
    cite = Citations()

    def refs(documents: Iterable[str]) -> str:
        return "".join(f"[{cite.number(d)}]" for d in documents)

    explorer = _workbench(base, f"events?{brief['filter']}")
    there = f" ([in the workbench]({explorer}))" if explorer else ""
    lines = [f"# Situation report, {_period(brief)}", ""]
    lines += [f"Events the explorer's filter `{brief['filter'] or 'all events'}` keeps{there}.", ""]
    lines += ["## Headline", "", *(f"- {_md(x)}" for x in _headline(brief)), ""]
    previous = _since_previous(brief)
    if previous:
        lines += [f"## {previous[0]}", "", *(f"- {_md(x)}" for x in previous[1]), ""]
    lines += [f"## Corroborated events ({brief['corroborated_total']})", ""]
    lines += [f"- {_event_md(e, refs, base)}" for e in brief["corroborated"]] or ["None."]
    corroborated = (
        len(brief["corroborated"]),
        brief["corroborated_total"],
        brief["corroborated_filter"],
    )
    lines += _more_md(brief, *corroborated, base)
    lines += ["", f"## Contested and denied ({brief['disputed_total']})", ""]
    for d in brief["disputed"]:
        ev = d["event"]
        lines += [f"### {_md(_title(ev))} ({ev['status']})", "", _event_md(ev, refs, base), ""]
        for c in d["claims"]:
            quoted = f"“{_md(c['sentence'])}” {refs([c['document']])}"
            lines += [f"- *{_md(c['who'])}* {_said(c['stance'], c['hedged'])}: {quoted}"]
        lines += [""]
    if not brief["disputed"]:
        lines += ["None.", ""]
    if more := _more_md(
        brief, len(brief["disputed"]), brief["disputed_total"], brief["disputed_filter"], base
    ):
        lines += [more[-1], ""]
    lines += _days_md(brief, refs, base)
    lines += ["## Most active actors", ""]
    lines += [f"- {_md(a['name'])}: {_many(a['events'], 'event')}" for a in brief["actors"]] or [
        "None."
    ]
    lines += ["", "## Sources", ""]
    lines += [f"{n}. {_source_md(brief, doc, base)}" for n, doc in enumerate(cite.order, 1)]
    return "\n".join(lines).rstrip() + "\n"


Refs = Callable[[Iterable[str]], str]


def _days_md(brief: Brief, refs: Refs, base: str | None) -> list[str]:
    lines = [f"## Day by day ({brief['events']})", ""]
    for d in brief["days"]:
        lines += [f"### {_day_heading(d)}", ""]
        lines += [f"- {_day_event_md(e, refs, base, d['day'] is None)}" for e in d["events"]]
        lines += [""]
    if not brief["days"]:
        lines += ["None.", ""]
    left = _days_left_out(brief)
    if left:
        link = _workbench(base, f"events?{brief['filter']}")
        where = f"[`{brief['filter']}`]({link})" if link else f"`{brief['filter']}`"
        lines += [
            f"{left:,} more in the explorer (this list names at most {brief['days_listed']} "
            f"events, those told by the most documents): {where}.",
            "",
        ]
    return lines


def _day_event_md(e: BriefEvent, refs: Refs, base: str | None, dated: bool) -> str:
    """One event of the day-by-day list: its span when it is not its day's, what and where,
    who took part, its toll, its status (a dispute in bold) and its sources."""
    when = f"{_when(e)}: " if dated else ""
    where = f" — {_md(e['place_name'])}" if e["place_name"] else ""
    toll, told = _toll_and_reports(e, refs, _md)
    status = f"**{e['status']}**" if e["status"] in DISPUTED else e["status"]
    link = _workbench(base, f"story/{quote(e['id'])}")
    story = f" ([story]({link}))" if link else ""
    who = _md(_who_took_part(e))
    return f"{when}{_md(_day_title(e))}{where}. {who}{toll} Status: {status}.{told}{story}."


def _more_md(brief: Brief, listed: int, total: int, query: str, base: str | None) -> list[str]:
    more = _more(listed, total, brief["listed"])
    if more is None:
        return []
    link = _workbench(base, f"events?{query}")
    where = f"[`{query}`]({link})" if link else f"`{query}`"
    return ["", f"{_md(more)}: {where}."]


def _event_md(e: BriefEvent, refs: Refs, base: str | None) -> str:
    where = f" — {_md(e['place_name'])}" if e["place_name"] else ""
    toll, told = _toll_and_reports(e, refs, _md)
    link = _workbench(base, f"story/{quote(e['id'])}")
    story = f" ([story]({link}))" if link else ""
    return f"{_when(e)}: {_md(_title(e))}{where}.{toll}{told}{story}."


def _toll_and_reports(e: BriefEvent, refs: Refs, text: Callable[[str], str]) -> tuple[str, str]:
    """An event's toll with its citations, and who first reported it, in which outlets and how
    many documents: the words both renderings print, `text` escaping them for one."""
    killed = e["killed"]
    toll = (
        f" Killed: {_toll(killed['low'], killed['high'])} {refs(killed['documents'])}."
        if killed
        else ""
    )
    first = f" First reported in {refs([e['first_report']])}" if e["first_report"] else ""
    outlets = f"; outlets: {text(', '.join(e['outlets']))}" if e["outlets"] else ""
    return toll, f"{first}{outlets} ({_documents(e['n_documents'])})"


def _source_md(brief: Brief, doc: str, base: str | None) -> str:
    d = brief["documents"].get(doc)
    title = _md(d["title"] or "untitled") if d else "a document"
    about = ", ".join(_md(x) for x in (d["site"], d["published"]) if x) if d else ""
    url = _address(d["url"]) if d else None
    where = f"<{url}>" if url else f"document `{doc}`"
    link = _workbench(base, f"doc/{quote(doc)}")
    there = f" ([in the workbench]({link}))" if link else ""
    return f"“{title}”" + (f", {about}" if about else "") + f": {where}{there}"


# -- HTML ---------------------------------------------------------------------------------------

_STYLE = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem}h3{font-size:1rem}"
    ".muted{color:#57606a}sup a{text-decoration:none}li{margin:.25rem 0}"
    ".disputed{color:#b42318;text-transform:uppercase;font-size:.85em}"
)


def _items(texts: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in texts) + "</ul>"


def html(brief: Brief, base: str | None = None) -> str:
    """The report as one HTML page (inline style, no script); every page text escaped."""
    cite = Citations()

    def refs(documents: Iterable[str]) -> str:
        return "".join(
            f'<sup><a href="#src-{cite.number(d)}">[{cite.number(d)}]</a></sup>' for d in documents
        )

    period = escape(_period(brief))
    out = [
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
        f"<title>Situation report, {period}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Situation report, {period}</h1>",
    ]
    explorer = _workbench(base, f"events?{brief['filter']}")
    there = f' (<a href="{escape(explorer)}">in the workbench</a>)' if explorer else ""
    said = f"<code>{escape(brief['filter'] or 'all events')}</code>"
    out += [f'<p class="muted">Events the explorer\'s filter {said} keeps{there}.</p>']
    out += ["<h2>Headline</h2>", _items(_headline(brief))]
    previous = _since_previous(brief)
    if previous:
        out += [f"<h2>{escape(previous[0])}</h2>", _items(previous[1])]
    out += [f"<h2>Corroborated events ({brief['corroborated_total']})</h2>"]
    listed = [
        f'<li data-event="{escape(e["id"])}">{_event_html(e, refs, base)}</li>'
        for e in brief["corroborated"]
    ]
    out += ["<ul>" + "".join(listed) + "</ul>" if listed else "<p>None.</p>"]
    corroborated = (
        len(brief["corroborated"]),
        brief["corroborated_total"],
        brief["corroborated_filter"],
    )
    out += _more_html(brief, *corroborated, base)
    out += [f"<h2>Contested and denied ({brief['disputed_total']})</h2>"]
    for d in brief["disputed"]:
        ev = d["event"]
        heading = f"{escape(_title(ev))} ({escape(ev['status'])})"
        out += [f'<h3 data-event="{escape(ev["id"])}">{heading}</h3>']
        out += [f"<p>{_event_html(ev, refs, base)}</p><ul>"]
        for c in d["claims"]:
            who = f"<em>{escape(c['who'])}</em> {escape(_said(c['stance'], c['hedged']))}"
            out += [f"<li>{who}: “{escape(c['sentence'])}” {refs([c['document']])}</li>"]
        out += ["</ul>"]
    if not brief["disputed"]:
        out += ["<p>None.</p>"]
    out += _more_html(
        brief, len(brief["disputed"]), brief["disputed_total"], brief["disputed_filter"], base
    )
    out += _days_html(brief, refs, base)
    out += ["<h2>Most active actors</h2>"]
    out += [_items(f"{a['name']}: {_many(a['events'], 'event')}" for a in brief["actors"])]
    out += ["<h2>Sources</h2><ol>"]
    for n, doc in enumerate(cite.order, 1):
        out += [f'<li id="src-{n}">{_source_html(brief, doc, base)}</li>']
    out += ["</ol></body></html>"]
    return "\n".join(out) + "\n"


def _more_html(brief: Brief, listed: int, total: int, query: str, base: str | None) -> list[str]:
    more = _more(listed, total, brief["listed"])
    if more is None:
        return []
    link = _workbench(base, f"events?{query}")
    code = f"<code>{escape(query)}</code>"
    where = f'<a href="{escape(link)}">{code}</a>' if link else code
    return [f'<p class="more" data-more="{total - listed}">{escape(more)}: {where}.</p>']


def _days_html(brief: Brief, refs: Refs, base: str | None) -> list[str]:
    out = [f'<h2 id="days">Day by day ({brief["events"]})</h2>']
    for d in brief["days"]:
        out += [f'<h3 data-day="{escape(d["day"] or "")}">{escape(_day_heading(d))}</h3><ul>']
        for e in d["events"]:
            item = _day_event_html(e, refs, base, d["day"] is None)
            marks = f'data-event="{escape(e["id"])}" data-status="{escape(e["status"])}"'
            out += [f"<li {marks}>{item}</li>"]
        out += ["</ul>"]
    if not brief["days"]:
        out += ["<p>None.</p>"]
    left = _days_left_out(brief)
    if left:
        link = _workbench(base, f"events?{brief['filter']}")
        code = f"<code>{escape(brief['filter'])}</code>"
        where = f'<a href="{escape(link)}">{code}</a>' if link else code
        said = (
            f"{left:,} more in the explorer (this list names at most {brief['days_listed']} "
            "events, those told by the most documents)"
        )
        out += [f'<p class="more" data-more="{left}">{escape(said)}: {where}.</p>']
    return out


def _day_event_html(e: BriefEvent, refs: Refs, base: str | None, dated: bool) -> str:
    when = f"{escape(_when(e))}: " if dated else ""
    link = _workbench(base, f"story/{quote(e['id'])}")
    title = escape(_day_title(e))
    head = f'<a href="{escape(link)}">{title}</a>' if link else title
    where = f" — {escape(e['place_name'])}" if e["place_name"] else ""
    toll, told = _toll_and_reports(e, refs, escape)
    status = escape(e["status"])
    if e["status"] in DISPUTED:
        status = f'<strong class="disputed">{status}</strong>'
    return f"{when}{head}{where}. {escape(_who_took_part(e))}{toll} Status: {status}.{told}."


def _event_html(e: BriefEvent, refs: Refs, base: str | None) -> str:
    link = _workbench(base, f"story/{quote(e['id'])}")
    title = escape(_title(e))
    head = f'<a href="{escape(link)}">{title}</a>' if link else title
    where = f" — {escape(e['place_name'])}" if e["place_name"] else ""
    toll, told = _toll_and_reports(e, refs, escape)
    return f"{escape(_when(e))}: {head}{where}.{toll}{told}."


def _source_html(brief: Brief, doc: str, base: str | None) -> str:
    d = brief["documents"].get(doc)
    title = escape(d["title"] or "untitled") if d else "a document"
    about = ", ".join(escape(x) for x in (d["site"], d["published"]) if x) if d else ""
    url = _address(d["url"]) if d else None
    code = f"document <code>{escape(doc)}</code>"
    where = f'<a href="{escape(url)}">{escape(url)}</a>' if url else code
    link = _workbench(base, f"doc/{quote(doc)}")
    there = f' (<a href="{escape(link)}">in the workbench</a>)' if link else ""
    return f"“{title}”" + (f", {about}" if about else "") + f": {where}{there}"
