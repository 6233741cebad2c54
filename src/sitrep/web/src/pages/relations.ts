// The relations list: who commands, belongs to, backs, fights or is present where, per the
// reports and the domain pack, and since when, across the store. The filter lives in the URL
// (a view can be linked and saved); the counts by type, the table and the export links all come
// from one read (`/api/relations`, `sitrep.read.relations.select_relations`); a row's button
// opens its evidence with the helper the network uses, linked to the sentences.
import { get, query, Relation, Schemas } from "../api";
import { docLink, empty, entityLink, h, statusBadge } from "../dom";
import { FAMILIES, familyOf, showRelationEvidence } from "../relations";

const STATUSES = ["single-source", "corroborated", "contested", "denied", "pack"];
const ORIGINS: [string, string][] = [["both", "both"], ["learned", "learned from reports"], ["pack", "the domain pack"]];
const MANY_KEYS = ["type", "family", "status"];
const ONE_KEYS = ["origin", "entity", "since", "until"];

type RelFilter = Record<string, string[]>;

function filterOf(params: URLSearchParams): RelFilter {
  const f: RelFilter = {};
  for (const key of [...MANY_KEYS, ...ONE_KEYS]) {
    const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length) f[key] = ONE_KEYS.includes(key) ? values.slice(0, 1) : values;
  }
  if (f.origin?.[0] === "both") delete f.origin;
  return f;
}

function href(f: RelFilter): string {
  return `#/relations${query(f)}`;
}

// how a relation's date was given, where the word alone would mislead ("unresolved": the text
// bounds it, "former" ends it by its report's day, without naming the day)
const PRECISION: Record<string, string> = { unresolved: "at the latest" };

/** "2012-05 (month) – ", "? – 2024-09-21 (day)", "undated": a relation's span as its dates go. */
function when(r: Relation): string {
  if (!r.time_start && !r.time_end) return r.ended ? "undated, ended" : "undated";
  const precision = r.time_precision ? ` (${PRECISION[r.time_precision] ?? r.time_precision})` : "";
  const start = r.time_start ? `${r.time_start}${precision}` : "?";
  const end = r.time_end ?? (r.ended ? "ended" : "");
  return r.time_start ? `${start} – ${end}` : `? – ${end}${precision}`;
}

function sources(r: Relation): HTMLElement {
  return h("span", { class: "relation-sources" },
    r.sources.includes("pack") ? h("span", { class: "badge source-pack", title: "the domain pack states it" }, "pack") : "",
    r.sources.includes("pack") && r.n_reports ? " " : "",
    r.n_reports ? h("span", { class: "badge source-reports", title: "report documents that state it" }, `${r.n_reports} report${r.n_reports === 1 ? "" : "s"}`) : "");
}

function latest(r: Relation): HTMLElement | string {
  const report = r.latest_report;
  if (!report) return h("span", { class: "muted" }, "none (the pack only)");
  return h("span", {}, docLink(report.document_id, report.title), h("br", {}),
    h("span", { class: "muted" }, [report.published, report.outlet].filter(Boolean).join(", ")));
}

function form(f: RelFilter): HTMLFormElement {
  const check = (name: string, value: string, label: string) =>
    h("label", {}, h("input", { type: "checkbox", name, value, checked: (f[name] ?? []).includes(value) }), ` ${label} `);
  const families = Object.entries(FAMILIES).map(([key, fam]) => check("family", key, fam.label));
  const origin = (f.origin ?? ["both"])[0];
  const origins = ORIGINS.map(([value, label]) =>
    h("label", {}, h("input", { type: "radio", name: "origin", value, checked: value === origin }), ` ${label} `));
  const statuses = STATUSES.map((s) => check("status", s, s));
  const text = (name: string, label: string, placeholder: string, size: number) =>
    h("label", {}, `${label} `, h("input", { type: "text", name, value: f[name]?.[0] ?? "", placeholder, size, "aria-label": label }));
  const el = h("form", { class: "filters relation-filters card" },
    h("fieldset", {}, h("legend", {}, "Family"), ...families),
    h("fieldset", {}, h("legend", {}, "Stated by"), ...origins),
    h("fieldset", {}, h("legend", {}, "Status"), ...statuses),
    h("fieldset", {}, h("legend", {}, "Who and when"),
      text("entity", "Entity (either end)", "a name or id", 22),
      text("since", "From", "YYYY(-MM(-DD))", 14), text("until", "to", "YYYY(-MM(-DD))", 14)),
    h("button", { type: "submit" }, "Apply"), " ", h("a", { href: "#/relations", id: "relations-clear" }, "clear"));
  el.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(el);
    const next: RelFilter = {};
    // the types chosen by a count's link stay until the analyst clears them
    if (f.type) next.type = f.type;
    for (const key of [...MANY_KEYS, ...ONE_KEYS]) {
      const values = data.getAll(key).map((v) => String(v).trim()).filter(Boolean);
      if (values.length) next[key] = values;
    }
    if (next.origin?.[0] === "both") delete next.origin;
    location.hash = href(next);
  });
  return el;
}

/** The counts by type (every filter but type and family): each links to the view of that type
 * alone, its count the total that view lists. */
function counts(f: RelFilter, page: Schemas["RelationPage"]): HTMLElement {
  const base: RelFilter = { ...f };
  delete base.type; delete base.family;
  const chosen = new Set(f.type ?? []);
  const items = Object.entries(page.by_type).map(([type, n]) => {
    const active = chosen.has(type) || (f.family ?? []).includes(familyOf(type));
    return h("li", { "data-family": familyOf(type) },
      h("a", { href: href(chosen.has(type) ? base : { ...base, type: [type] }), class: active ? "active" : null, "data-type": type }, active ? `✓ ${type}` : type),
      h("span", { class: "muted" }, ` ${n}`));
  });
  return h("ul", { class: "relation-counts", "aria-label": "relations by type" }, ...items);
}

function matchedLine(f: RelFilter, page: Schemas["RelationPage"]): HTMLElement | string {
  if (!f.entity) return "";
  if (!page.matched.length) return h("p", { class: "muted", id: "relations-matched" }, `No entity is named “${f.entity[0]}”.`);
  return h("p", { class: "muted", id: "relations-matched" }, `“${f.entity[0]}” read as: `,
    ...page.matched.flatMap((m, i) => [i ? ", " : "", entityLink(m.id, m.name ?? m.id, m.type)]));
}

function row(r: Relation, detailRow: HTMLTableRowElement, detail: HTMLElement): HTMLTableRowElement {
  const button = h("button", { type: "button", class: "show-relation", "data-relation": r.id, "aria-expanded": "false",
    title: "the claims behind it, each linked to its sentence" }, "Evidence");
  const tr = h("tr", { "data-relation": r.id, "data-type": r.type, "data-family": r.family },
    h("td", {}, entityLink(r.subject.entity_id, r.subject.name ?? r.subject.entity_id)),
    h("td", { class: "rtype" }, r.type),
    h("td", {}, entityLink(r.object.entity_id, r.object.name ?? r.object.entity_id)),
    h("td", {}, r.title ?? ""),
    h("td", { class: "date" }, when(r)),
    h("td", {}, statusBadge(r.status)),
    h("td", { class: "num" }, String(r.n_claims)),
    h("td", {}, sources(r)),
    h("td", {}, latest(r)),
    h("td", {}, button));
  button.addEventListener("click", async () => {
    const open = button.getAttribute("aria-expanded") === "true" && detailRow.previousElementSibling === tr;
    for (const b of document.querySelectorAll("button.show-relation[aria-expanded='true']")) b.setAttribute("aria-expanded", "false");
    if (open) { detailRow.remove(); return; }
    tr.after(detailRow);
    button.setAttribute("aria-expanded", "true");
    await showRelationEvidence(detail, r.id, r.subject.entity_id);
  });
  return tr;
}

export async function renderRelations(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const f = filterOf(params);
  const page = await get<Schemas["RelationPage"]>("/relations", f);
  const learned = page.relations.filter((r) => r.sources.includes("reports")).length;
  const detail = h("div", { id: "relation-detail", "aria-live": "polite" });
  const detailRow = h("tr", { class: "relation-detail-row" }, h("td", { colspan: 10 }, detail));
  const table = page.relations.length
    ? h("table", { class: "grid relations-list" },
      h("thead", {}, h("tr", {}, ...["subject", "type", "object", "title", "when", "status", "claims", "sources", "latest report", ""].map((c) => h("th", {}, c)))),
      h("tbody", {}, ...page.relations.map((r) => row(r, detailRow, detail))))
    : empty("No relation fits this filter.");
  const exports = h("p", { class: "exports" }, "Export this list: ",
    h("a", { href: `/api/relations/export/csv${query(f)}`, class: "export", "data-format": "csv", download: "" }, "CSV"), " · ",
    h("a", { href: `/api/relations/export/jsonl${query(f)}`, class: "export", "data-format": "jsonl", download: "" }, "JSON lines (with every claim)"));
  main.append(h("h1", {}, "Relations"),
    h("p", { class: "muted" }, "Who commands, belongs to, backs, fights or is present where, as the reports and the domain pack state it, and since when. ",
      "A dated relation is kept when its span meets the From–to window; an undated one when a report stating it was published in it. Open a row's evidence for its sentences."),
    form(f), matchedLine(f, page), counts(f, page),
    h("p", { id: "relations-total", "data-total": page.total }, `${page.total} relations (${learned} stated by reports, ${page.total - learned} by the pack alone).`),
    exports, table);
}
