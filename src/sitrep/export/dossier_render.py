"""`dossier-md` and `dossier-html`: one entity's dossier (option `entity`: a name or an id).

Everything quoted from a page is untrusted: the HTML is rendered by Jinja2 with autoescaping
and links are only made from http(s) URLs, and the Markdown escapes HTML and link syntax, so a
`<script>` in a scraped sentence comes out as inert text in both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, BinaryIO
from urllib.parse import quote

from jinja2 import Environment

from sitrep.errors import UsageError
from sitrep.export.dossier import Citation, Dossier, build_dossier
from sitrep.store import Store

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|#])")


def md(value: object) -> str:
    """Text safe inside Markdown: no raw HTML, links, emphasis or table breaks from sources."""
    text = " ".join(str(value if value is not None else "").split())
    return (
        _MD_SPECIAL.sub(lambda m: "\\" + m.group(1), text)
        .replace("\\<", "&lt;")
        .replace("\\>", "&gt;")
        .replace("\\&", "&amp;")
    )


def safe_url(url: str | None) -> str | None:
    """Only http(s) links, percent-encoded: no `javascript:` and nothing that ends the link."""
    if not url or not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&'()*+,;=%-._~")


def when(start: str | None, end: str | None, precision: str | None) -> str:
    if not start:
        return "date unknown"
    span = f"{start} – {end}" if end and end != start else start
    return f"{span} ({precision})" if precision else span


def _period(item: Mapping[str, Any], escape: Callable[[object], str] = md) -> str:
    """' (start–end)', Markdown-escaped (the HTML passes `str`: Jinja2 escapes it there)."""
    years = "–".join(escape(item[k]) for k in ("start", "end") if item.get(k))
    return f" ({years})" if years else ""


def _of(position: Mapping[str, Any], d: Dossier) -> str:
    org = position.get("org")
    return f", {md(d.names.get(org, org))}" if org else ""


def _cite_md(c: Citation) -> list[str]:
    title = md(c.title or c.document_id)
    url = safe_url(c.url)
    where = f"[{title}](<{url}>)" if url else title
    stance = f"{c.stance}{', hedged' if c.hedged else ''}; " if c.stance else ""
    head = (
        f"- {where}, {md(c.outlet or c.site or 'unknown outlet')}, {md(c.published or 'undated')} "
    )
    return [
        head + f"({stance}document `{c.document_id}`, characters {c.start}–{c.end}):",
        f"  > {md(c.sentence)}",
    ]


def relation_line(rel: Mapping[str, Any]) -> str:
    """ "commands Radwan Force (commander), 2023–2024-09-21, ended: corroborated, 2 origins"."""
    arrow = "" if rel["direction"] == "outgoing" else "← "
    title = f" ({rel['title']})" if rel.get("title") else ""
    period = f"{rel.get('time_start') or '?'}–{rel.get('time_end') or ''}"
    ended = ", ended" if rel.get("ended") else ""
    pack = "; the domain pack says so too" if rel.get("from_pack") else ""
    return (
        f"{arrow}{rel['type']} {rel['other']['name']}{title}, {period}{ended}: "
        f"{rel['status']}, {rel['n_origins']} origins{pack}"
    )


def _relations_md(d: Dossier) -> list[str]:
    learned = [(k, r) for k, rels in d.relations.items() for r in rels if r["learned"]]
    lines = ["", f"## What the reports say ({len(learned)} relations)", ""]
    for _section, rel in learned:
        lines.append(f"- {md(relation_line(rel))}")
        for c in rel["claims"]:
            if c["source"] != "report":
                continue
            hedged = ", hedged" if c["hedged"] else ""
            lines += [
                f"  - {md(c['outlet'] or 'unknown outlet')}, {md(c['published'] or 'undated')} "
                f"({md(c['stance'])}{hedged}; document `{c['document_id']}`):",
                f"    > {md(c['sentence'])}",
            ]
    return lines if learned else [*lines, "- (none found)"]


def render_markdown(d: Dossier) -> str:
    e = d.entity
    lines = [f"# {md(e['name'])}", "", f"- id: `{e['id']}`", f"- type: {md(e['type'])}"]
    lines += [f"- {k}: {md(e[k])}" for k in ("country", "wikidata") if e.get(k)]
    lines += ["", "## Names and aliases", ""]
    lines += [f"- {md(a)}" for a in d.aliases] or ["- (none recorded)"]
    lines += ["", "## Positions", ""]
    lines += [f"- {md(p.get('title'))}{_of(p, d)}{_period(p)}" for p in d.positions] or [
        "- (none recorded)"
    ]
    lines += ["", "## Affiliations", ""]
    lines += [
        f"- {md(a.get('relation', 'linked to'))} {md(d.names.get(a.get('org', ''), a.get('org')))}"
        f"{_period(a)}"
        for a in d.affiliations
    ] or ["- (none recorded)"]
    lines += _relations_md(d)
    lines += ["", f"## Timeline ({len(d.timeline)} events)", ""]
    for t in d.timeline:
        lines += [
            f"### {md(when(t.time_start, t.time_end, t.time_precision))} — {md(t.type)}"
            f"{' / ' + md(t.mode) if t.mode else ''}",
            "",
            md(t.summary),
            "",
            f"- role: {md(', '.join(t.roles))}; place: {md(t.place or 'unknown')}"
            f"{' (' + md(t.place_precision) + ')' if t.place_precision else ''}",
            f"- status: **{md(t.status)}** ({t.n_origins} independent origins)"
            f" — {md(t.status_reason)}",
            f"- event `{t.event_id}`; sources:",
            "",
        ]
        for c in t.citations:
            lines += _cite_md(c)
        lines.append("")
    lines += [f"## Mentions ({len(d.mentions)})", ""]
    for c in d.mentions:
        lines += _cite_md(c)
    return "\n".join(lines).rstrip() + "\n"


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="generator" content="sitrep">
<title>{{ e.name }} — sitrep dossier</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
blockquote{margin:.3rem 0 .8rem 1rem;padding-left:.8rem;border-left:3px solid #bbb;color:#333}
.status{font-weight:bold}.meta{color:#555;font-size:90%}</style></head>
<body>
<h1>{{ e.name }}</h1>
<p class="meta">id <code>{{ e.id }}</code> · type {{ e.type }}
{%- if e.country %} · country {{ e.country }}{% endif %}
{%- if e.wikidata %} · wikidata {{ e.wikidata }}{% endif %}</p>
<h2>Names and aliases</h2>
<ul>{% for a in d.aliases %}<li>{{ a }}</li>{% else %}<li>(none recorded)</li>{% endfor %}</ul>
<h2>Positions</h2>
<ul>{% for p in d.positions %}
<li>{{ p.title }}{% if p.org %}, {{ d.names.get(p.org, p.org) }}{% endif %}{{ period(p) }}</li>
{% else %}<li>(none recorded)</li>{% endfor %}</ul>
<h2>Affiliations</h2>
<ul>{% for a in d.affiliations %}
<li>{{ a.relation or "linked to" }} {{ d.names.get(a.org, a.org) }}{{ period(a) }}</li>
{% else %}<li>(none recorded)</li>{% endfor %}</ul>
<h2>What the reports say</h2>
<ul>{% for section, rels in d.relations.items() %}{% for r in rels if r.learned %}
<li>{{ relation_line(r) }}<ul>{% for c in r.claims if c.source == "report" %}
<li>{{ c.outlet or "unknown outlet" }}, {{ c.published or "undated" }} <span class="meta">(
{{- c.stance }}{% if c.hedged %}, hedged{% endif %};
document <code>{{ c.document_id }}</code>)</span>
<blockquote>{{ c.sentence }}</blockquote></li>{% endfor %}</ul></li>
{% endfor %}{% endfor %}</ul>
<h2>Timeline ({{ d.timeline|length }} events)</h2>
{% for t in d.timeline %}<section id="{{ t.event_id }}">
<h3>{{ when(t.time_start, t.time_end, t.time_precision) }} — {{ t.type }}
{%- if t.mode %} / {{ t.mode }}{% endif %}</h3>
<p>{{ t.summary }}</p>
<p class="meta">role: {{ t.roles|join(", ") }} · place: {{ t.place or "unknown" }}
{%- if t.place_precision %} ({{ t.place_precision }}){% endif %}
· event <code>{{ t.event_id }}</code></p>
<p>status: <span class="status">{{ t.status }}</span>
({{ t.n_origins }} independent origins) — {{ t.status_reason }}</p>
<ul>{% for c in t.citations %}{{ cite(c) }}{% endfor %}</ul>
</section>
{% endfor %}
<h2>Mentions ({{ d.mentions|length }})</h2>
<ul>{% for c in d.mentions %}{{ cite(c) }}{% endfor %}</ul>
</body></html>
"""

_CITE = """<li>{% if url %}
<a href="{{ url }}" rel="noopener noreferrer">{{ c.title or c.document_id }}</a>
{%- else %}{{ c.title or c.document_id }}{% endif %}, {{ c.outlet or c.site or "unknown outlet" }},
{{ c.published or "undated" }} <span class="meta">(
{%- if c.stance %}{{ c.stance }}{% if c.hedged %}, hedged{% endif %}; {% endif -%}
document <code>{{ c.document_id }}</code>, characters {{ c.start }}–{{ c.end }})</span>
<blockquote>{{ c.sentence }}</blockquote></li>
"""


def render_html(d: Dossier) -> str:
    env = Environment(autoescape=True, keep_trailing_newline=True)
    cite_template = env.from_string(_CITE)

    def cite(c: Citation) -> Any:
        from markupsafe import Markup

        # The citation template escapes on its own; its output is then already safe HTML.
        return Markup(cite_template.render(c=c, url=safe_url(c.url)))

    page = env.from_string(_HTML)
    return page.render(
        e=d.entity,
        d=d,
        when=when,
        period=lambda item: _period(item, str),
        cite=cite,
        relation_line=relation_line,
    )


class _DossierExporter:
    name = ""
    media_type = ""
    suffix = ""

    def write(self, store: Store, out: BinaryIO, options: Mapping[str, Any]) -> int:
        entity = options.get("entity")
        if not entity:
            raise UsageError(f"the {self.name} export is about one entity", hint="give --entity")
        dossier = build_dossier(store, str(entity))
        out.write(self.render(dossier).encode("utf-8"))
        return 1 + len(dossier.timeline)

    def render(self, dossier: Dossier) -> str:
        raise NotImplementedError


class DossierMarkdownExporter(_DossierExporter):
    name = "dossier-md"
    media_type = "text/markdown; charset=utf-8"
    suffix = ".md"

    def render(self, dossier: Dossier) -> str:
        return render_markdown(dossier)


class DossierHtmlExporter(_DossierExporter):
    name = "dossier-html"
    media_type = "text/html; charset=utf-8"
    suffix = ".html"

    def render(self, dossier: Dossier) -> str:
        return render_html(dossier)
