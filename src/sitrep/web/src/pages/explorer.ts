// The events explorer (ACLED's explorer as a model): facets with counts, a filter form, a
// trend by day, week or month, a sortable paged table, and "export this view". The filter lives in the URL.
import { empty, entityLink, eventTitle, h, section, statusBadge } from "../dom";
import { watchForm } from "./watch";
import { dateField, describe, explore, Explored, Filter, filterFrom, filterQuery, hasFilter, MANY, ONE } from "../filters";

const PAGE = 25;
const COLUMNS: [string, string][] = [
  ["time", "date"], ["type", "type"], ["", "event"], ["", "who"], ["place", "place"],
  ["country", "country"], ["status", "status"], ["fatalities", "fatalities"], ["origins", "origins"],
  ["outlets", "outlets"],
];
// what a header's numbers mean where its word alone does not say
const COLUMN_TITLES: Record<string, string> = {
  origins: "independent origins / claims: how many sources told it apart from each other, among all its claims",
};
const FACET_TITLES: [string, string][] = [
  ["type", "Type"], ["mode", "Mode"], ["status", "Status"], ["country", "Country"],
  ["admin1", "Governorate"], ["actor", "Actor (who did it)"], ["target", "Target or other side"],
  ["outlet", "Outlet"], ["dating", "Dated by"],
];
// what a facet counts where its title alone may mislead: a victim is no actor
const FACET_HINTS: Record<string, string> = {
  actor: "the doers of the events (ACLED's actor 1 side): a clicked name keeps the events it did",
  dating: "how each event's date was worked out: a date the text gives, a weekday or 'yesterday' counted from the publication date, or none in the text (bounded by its report)",
  target: "who the events were done to or with (target, counterpart, recipient): a clicked name keeps the events it suffered or received",
};
const SVG = "http://www.w3.org/2000/svg";

/** The explorer's URL for a filter and view settings (sort, order, offset). */
function href(f: Filter, view: Record<string, unknown>): string {
  return `#/events${filterQuery(f, view)}`;
}

function toggled(f: Filter, key: string, value: string): Filter {
  const next: Filter = { ...f };
  const now = f[key] ?? [];
  const single = !(MANY as readonly string[]).includes(key);
  const on = now.includes(value);
  const values = on ? now.filter((v) => v !== value) : single ? [value] : [...now, value];
  if (values.length) next[key] = values; else delete next[key];
  return next;
}

// the narrowest window with the facets beside the table (the media query in style.css)
const FACETS_BESIDE = 1220;

function facetList(f: Filter, data: Explored, view: Record<string, unknown>): HTMLElement {
  // where the facets are above the table (narrower than FACETS_BESIDE) they start folded, so
  // the table is not pushed a screen down
  const wide = window.innerWidth >= FACETS_BESIDE;
  const boxes = FACET_TITLES.filter(([key]) => data.facets[key]?.length).map(([key, title]) =>
    h("details", { class: "facet", "data-facet": key, open: wide || Boolean(f[key]) }, h("summary", { title: FACET_HINTS[key] ?? null }, h("h3", {}, title)),
      h("ul", {}, ...data.facets[key].slice(0, 12).map((v) => {
        const active = (f[key] ?? []).includes(v.value);
        return h("li", {}, h("a", { href: href(toggled(f, key, v.value), { ...view, offset: 0 }),
          class: active ? "active" : null, "data-value": v.value }, active ? `✓ ${v.label}` : v.label),
          h("span", { class: "muted" }, ` ${v.count}`));
      }))));
  return h("aside", { class: "facets card" }, h("h2", {}, "Facets"), ...boxes);
}

function filterForm(f: Filter, view: Record<string, unknown>): HTMLFormElement {
  const field = (name: string, label: string, type = "text", attrs: Record<string, string> = {}) =>
    h("label", {}, `${label} `, h("input", { name, type, value: (f[name] ?? [])[0] ?? "", ...attrs }));
  const form = h("form", { class: "filters explorer-form" },
    field("words", "words", "search", { placeholder: "in reports", size: "12" }),
    field("actor", "done by", "text", { placeholder: "actor, any spelling", size: "12", title: "a doer of the event (any spelling)" }),
    field("target", "done to", "text", { placeholder: "target", size: "10", title: "on the event's other side: target, counterpart, recipient" }),
    field("place", "place", "text", { placeholder: "name", size: "10" }),
    field("outlet", "outlet", "text", { size: "10" }),
    dateField("since", "from", (f.since ?? [])[0] ?? ""), dateField("until", "to", (f.until ?? [])[0] ?? ""),
    field("min_fatalities", "fatalities ≥", "number", { min: "0" }),
    h("button", { type: "submit" }, "Filter"), " ",
    h("a", { href: "#/events" }, "clear all"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next: Filter = {};
    for (const key of MANY) if (f[key]) next[key] = f[key];
    const data = new FormData(form);
    for (const key of ONE) {
      // a key with no field here (the governorate, set from its facet) carries over as it is
      if (!data.has(key)) { if (f[key]) next[key] = f[key]; continue; }
      const v = (data.get(key) ?? "").toString().trim();
      if (v) next[key] = [v];
    }
    location.hash = href(next, { sort: view.sort, order: view.order });
  });
  return form;
}

// A trend of a few bars keeps them this many bars' slots wide at most (it drew three weeks as
// three bars a third of the page wide each).
const MIN_SLOTS = 26;
type Trend = Explored["trend"];
type Bar = Trend["bars"][number];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** What a bar is, in words: "Mon 2016-09-19", "week of 2016-09-19", "2016-10" (a bar cut by
 * the view's period says its days). */
function barName(size: Trend["bin"], b: Bar): string {
  if (size === "day") return `${WEEKDAYS[new Date(`${b.start}T00:00:00Z`).getUTCDay()]} ${b.start}`;
  const name = size === "week" ? "week" : b.start.slice(0, 7);
  return `${name} ${b.start} to ${b.end}`;
}

/** Events over time as bars (SVG) over an axis in HTML, so its labels keep their size at any
 * width. The API bins them by day, week or month as the span shown asks (a week's view is seven
 * days, not the three weeks its events overlap); each bar is a period within the view's and
 * links to the view narrowed to it (its `start` to its `end`), which lists as many events as
 * the bar counts: an event counts in every bar its dates overlap, the date filter's rule. */
function trend(f: Filter, view: Record<string, unknown>, t: Trend): HTMLElement {
  const bars = t.bars;
  if (!bars.length) return empty("No dated events in this view.");
  const width = 1000, height = 90, max = Math.max(...bars.map((b) => b.count));
  // a week's seven days may each take a seventh: they are the view, not a sliver of it
  const bar = width / Math.max(bars.length, t.bin === "day" ? 7 : MIN_SLOTS);
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("preserveAspectRatio", "none");
  root.setAttribute("class", "trend");
  root.setAttribute("role", "img");
  root.setAttribute("aria-label", `events per ${t.bin}`);
  bars.forEach((b, i) => {
    if (!b.count) return;
    const link = document.createElementNS(SVG, "a");
    link.setAttribute("href", href({ ...f, since: [b.start], until: [b.end] }, { sort: view.sort, order: view.order, offset: 0 }));
    link.setAttribute("class", "trend-link");
    link.setAttribute("data-start", b.start);
    link.setAttribute("data-end", b.end);
    link.setAttribute("data-count", String(b.count));
    const r = document.createElementNS(SVG, "rect");
    const tall = Math.max(2, (b.count / max) * height);
    // the bar's full slot takes the click (a bar of one event is 2 units tall of 90)
    const slot = document.createElementNS(SVG, "rect");
    for (const [k, v] of Object.entries({ x: i * bar, y: 0, width: bar, height, class: "trend-slot" })) slot.setAttribute(k, String(v));
    for (const [k, v] of Object.entries({ x: i * bar, y: height - tall, width: Math.max(1, bar * 0.85), height: tall, class: "trend-bar" })) r.setAttribute(k, String(v));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${barName(t.bin, b)}: ${b.count} ${b.count === 1 ? "event" : "events"} (click for them)`;
    link.append(title, slot, r);
    root.appendChild(link);
  });
  const box = h("div", { class: "trend-box", "data-bin": t.bin, "data-bars": bars.length }, root, trendAxis(t, bar / width));
  const unit = `${t.bin}s`;
  box.append(h("p", { class: "muted trend-span" }, `Events per ${t.bin}, ${bars[0].start} to ${bars[bars.length - 1].end}; the highest, ${max} ${max === 1 ? "event" : "events"}. `,
    `An event counts in every ${t.bin} its dates overlap (a month's event in each of its ${unit}); a bar opens its events.`));
  return box;
}

/** The ticks under the bars: where each year, month or (for day bars) week starts, as a share
 * of the width, the labels at least 7% apart so that they never overlap (the first bar, part of
 * a period the chart barely shows, gives way to the next period's start). */
function trendAxis(t: Trend, share: number): HTMLElement {
  const bars = t.bars;
  const ticks: { at: number; label: string }[] = [];
  const key = (b: Bar, i: number): string => {
    if (t.bin === "day") {
      // two weeks or less: every day, with its weekday; else a tick at each Monday and the first
      const weekday = new Date(`${b.start}T00:00:00Z`).getUTCDay();
      if (bars.length <= 14) return `${WEEKDAYS[weekday]} ${b.start.slice(8)}`;
      return weekday === 1 || i === 0 ? b.start.slice(5) : "";
    }
    const monthly = t.bin === "week" && bars.length <= 53;
    return monthly ? b.start.slice(0, 7) : b.start.slice(0, 4);
  };
  bars.forEach((b, i) => {
    const label = key(b, i);
    if (!label || (t.bin !== "day" && i > 0 && label === key(bars[i - 1], i - 1))) return;
    const at = i * share * 100;
    const previous = ticks[ticks.length - 1];
    if (previous && at - previous.at < 7) {
      if (previous.at > 0) return;
      ticks.pop();
    }
    ticks.push({ at, label });
  });
  const axis = h("div", { class: "trend-axis" });
  for (const { at, label } of ticks) {
    const tick = h("span", { class: "trend-tick", "data-at": at.toFixed(2) }, label);
    tick.style.left = `${at}%`;
    axis.append(tick);
  }
  return axis;
}

/** An event's summary less what the row's own columns show: its type/mode prefix and its time
 * span, as the pipeline writes them ("ASSAULT/shelling: X in Y (2016-10-01..2016-10-01, day)"). */
/** The event's first day, and under it how precise that is when it is not a day ("month",
 * "range"), its span in the title: the summary's "(2016-10-01..2016-10-31, month)" is left out
 * of the row, and a month's event read as its first day. */
function dateCell(e: Explored["items"][number]): HTMLElement {
  if (!e.time_start) return h("td", { class: "date" }, "undated");
  const loose = e.time_precision && e.time_precision !== "day";
  const span = e.time_end && e.time_end !== e.time_start ? `${e.time_start} to ${e.time_end}` : e.time_start;
  // how the date was worked out, in the title; an event the text does not date says so under
  // it: a range its report bounds read like one the text gave
  const how = e.dating ? `; dated: ${e.dating.words}` : "";
  return h("td", { class: "date", title: `${span}${e.time_precision ? ` (${e.time_precision})` : ""}${how}`, "data-dating": e.dating?.kind ?? "" },
    e.time_start, loose ? h("div", { class: "muted date-precision" }, e.time_precision) : null,
    e.dating?.kind === "report" ? h("div", { class: "muted date-method" }, "by its report") : null);
}

/** Who took part, those acting first (the read layer's order), the others under their role
 * ("Russia; target: 39 civilians, a hospital"): the column listed a strike's victims as its
 * actors. A role is named once for the participants in it that follow each other. */
function whoCell(e: Explored["items"][number]): HTMLElement {
  const shown = e.actors.slice(0, 4);
  const group = (a: (typeof shown)[number]) => (a.acting ? "acting" : a.role ?? "");
  return h("td", { class: "who", title: "those acting first, then each other participant with its role (target, counterpart, recipient, item)" },
    ...shown.flatMap((a, i) => {
      const opens = i === 0 || group(a) !== group(shown[i - 1]);
      return [i ? (opens ? "; " : ", ") : "",
        h("span", { class: a.acting ? "acting" : "party", "data-role": a.role ?? "" },
          opens && !a.acting && a.role ? h("span", { class: "muted role" }, `${a.role}: `) : "",
          entityLink(a.entity_id, a.name, a.entity_type))];
    }),
    e.actors.length > shown.length ? h("span", { class: "muted" }, ` +${e.actors.length - shown.length}`) : "");
}

function shortSummary(e: Explored["items"][number]): string {
  let text = e.summary ?? "";
  const prefix = `${e.type}${e.mode ? `/${e.mode}` : ""}: `;
  if (text.startsWith(prefix)) text = text.slice(prefix.length);
  if (e.time_start) text = text.replace(` (${e.time_start}..${e.time_end}, ${e.time_precision})`, "");
  return text.trim() || eventTitle(e.type, e.summary);
}

/** How many independent origins among how many claims; a single-source event counting several
 * origins says "one report" under them (its sources are all quoted in one report: "4/6" read as
 * four sources telling it apart), with corroboration's own words in the title. */
function originsCell(e: Explored["items"][number]): HTMLElement {
  const counted = `${e.n_origins} independent ${e.n_origins === 1 ? "origin" : "origins"} among ${e.n_claims} ${e.n_claims === 1 ? "claim" : "claims"}`;
  const inOne = e.status === "single-source" && e.n_origins > 1;
  return h("td", { class: "num", title: e.status_reason ? `${counted}; ${e.status}: ${e.status_reason}` : counted },
    `${e.n_origins}/${e.n_claims}`, inOne ? h("div", { class: "muted one-report" }, "one report") : null);
}

/** What the outlets cell's title says of the event's sources: its first report and how many
 * documents report it (as the view's CSV cites them). */
function sourcesSaid(e: Explored["items"][number]): string {
  const first = e.first_report;
  const documents = `${e.n_documents} ${e.n_documents === 1 ? "document" : "documents"}`;
  return first ? `first reported in “${first.title ?? first.document_id}”; ${documents}` : documents;
}

function table(f: Filter, data: Explored, view: { sort: string; order: string; offset: number }): HTMLElement {
  if (!data.items.length) return empty("No events match this filter.");
  const head = h("tr", {}, ...COLUMNS.map(([key, label]) => {
    if (!key) return h("th", {}, label);
    const current = view.sort === key;
    const order = current && view.order === "asc" ? "desc" : "asc";
    return h("th", { "aria-sort": current ? (view.order === "asc" ? "ascending" : "descending") : null, title: COLUMN_TITLES[key] ?? null },
      h("a", { href: href(f, { sort: key, order, offset: 0 }), "data-sort": key },
        label, current ? (view.order === "asc" ? " ▲" : " ▼") : ""));
  }));
  const rows = data.items.map((e) => h("tr", { "data-event": e.id },
    dateCell(e),
    h("td", {}, e.type, e.mode ? h("div", { class: "muted" }, e.mode) : null),
    h("td", { class: "event" }, h("a", { href: `#/event/${encodeURIComponent(e.id)}`, title: e.summary ?? "" }, shortSummary(e)),
      " ", h("a", { href: `#/story/${encodeURIComponent(e.id)}`, class: "story-link", title: "every report on it, in order" }, "story")),
    whoCell(e),
    h("td", {}, e.place_entity_id ? entityLink(e.place_entity_id, e.place_name ?? "?") : e.place_name ?? h("span", { class: "muted" }, "unknown"),
      e.precision ? h("div", { class: "muted" }, e.precision) : null),
    h("td", {}, e.country_name ?? ""),
    h("td", {}, statusBadge(e.status)),
    h("td", { class: "num" }, e.fatalities || ""),
    originsCell(e),
    h("td", { title: sourcesSaid(e) }, e.outlets.slice(0, 3).join(", "), e.outlets.length > 3 ? ` +${e.outlets.length - 3}` : "")));
  return h("table", { class: "grid explorer", "data-total": data.total }, head, ...rows);
}

function pager(f: Filter, data: Explored, view: { sort: string; order: string; offset: number }): HTMLElement {
  const { offset } = view;
  const prev = offset > 0 ? h("a", { href: href(f, { ...view, offset: Math.max(0, offset - PAGE) }), rel: "prev" }, "← previous") : null;
  const next = offset + PAGE < data.total ? h("a", { href: href(f, { ...view, offset: offset + PAGE }), rel: "next" }, "next →") : null;
  const shown = data.total ? `${offset + 1}–${Math.min(data.total, offset + PAGE)} of ${data.total}` : "0";
  return h("p", { class: "pager" }, prev, ` ${shown} `, next);
}

function exportLinks(f: Filter): HTMLElement {
  const link = (format: string, label: string) =>
    h("a", { href: `/api/explore/export/${format}${filterQuery(f)}`, class: "export", "data-format": format, download: "" }, label);
  return h("p", { class: "exports" }, "Export this view: ", link("csv", "CSV (ACLED columns)"), " · ", link("acled", "ACLED-coded CSV"), " · ",
    link("geojson", "GeoJSON"), " · ", link("jsonl", "JSON lines (events, documents, entities)"), " · ",
    link("gexf", "GEXF network"), " · ", link("graphml", "GraphML network"), " · ", h("a", { href: `#/map${filterQuery(f)}` }, "on the map"), " · ",
    h("a", { href: `#/timeline${filterQuery(f)}` }, "on the timeline"), h("br"),
    briefLinks(f));
}

/** The situation report of this view (`sitrep brief`): its period is the view's from/to, or
 * its first to its last dated event. The HTML opens in a tab of its own, to read and print
 * (the server sends it inline, under a file name for "save as"); the Markdown downloads. */
function briefLinks(f: Filter): HTMLElement {
  const href = (format: string) => `/api/brief/${format}${filterQuery(f)}`;
  return h("span", { class: "brief-links", title: "headline counts, fatalities, corroborated events with their sources, contested and denied claims, every event day by day (who, toll, status, sources), most active actors, change since the previous period; every statement cited" },
    "Brief of this view (situation report): ",
    h("a", { href: href("html"), class: "brief", "data-brief": "html", target: "_blank", rel: "noopener" }, "read it (HTML, new tab)"), " · ",
    h("a", { href: href("md"), class: "brief", "data-brief": "md", download: "" }, "Markdown (download)"));
}

const MATCHED_WORDS: Record<string, string> = { actor: "done by", target: "done to", entity: "involving" };

function matchedNames(data: Explored): HTMLElement | null {
  const parts = Object.entries(data.matched).map(([key, ents]) =>
    h("span", {}, `${MATCHED_WORDS[key] ?? key} read as `, ...ents.flatMap((e, i) => [i ? ", " : "", entityLink(e.id, e.name, e.type)])));
  return parts.length ? h("p", { class: "matched muted" }, ...parts.flatMap((p, i) => [i ? " · " : "", p])) : null;
}

export async function renderExplorer(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const f = filterFrom(params);
  const view = {
    sort: params.get("sort") ?? "time", order: params.get("order") === "desc" ? "desc" : "asc",
    offset: Math.max(0, Number(params.get("offset") ?? 0) || 0),
  };
  const data = await explore(f, { sort: view.sort, order: view.order, limit: PAGE, offset: view.offset });
  const left = data.left_out;
  main.append(
    h("h1", {}, `Events (${data.total})`),
    h("p", { class: "muted", id: "view-says" }, hasFilter(f) ? `Filtered: ${describe(f)}. ` : "All events. ",
      `${left.undated} without a date (listed last, not in the trend), ${left.unlocated} without coordinates (not on the map).`),
    matchedNames(data) ?? "",
    filterForm(f, view),
    exportLinks(f),
    watchForm(filterQuery(f).replace(/^\?/, ""), data.total),
    h("div", { class: "explorer-layout" }, facetList(f, data, view),
      h("div", { class: "explorer-main" },
        section(`Events per ${data.trend.bin}`, trend(f, view, data.trend)),
        h("section", { class: "card" }, table(f, data, view), pager(f, data, view)))),
  );
}
