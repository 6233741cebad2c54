// The timeline: dated events on a time axis, one row per status, coloured by status.
import { describe, ExplorerPoint, explorePoints, Filter, filterFrom, filterQuery, hasFilter, periodForm } from "../filters";
import { empty, eventTitle, h, STATUSES } from "../dom";

const SVG = "http://www.w3.org/2000/svg";
const COLOURS: Record<string, string> = {
  "single-source": "#8a8f98", corroborated: "#2e7d32", contested: "#e65100", denied: "#c62828",
};

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

type Dated = ExplorerPoint & { time_start: string };

// Past this many, the list under the chart stops (a 600-article store has 2,000 dated events:
// one list item each made a page 50,000 pixels long); the rest is one link to the explorer.
const LISTED = 200;

const toTime = (iso: string) => Date.parse(iso.length === 4 ? `${iso}-07-01` : iso.length === 7 ? `${iso}-15` : iso);

export async function renderTimeline(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const entity = params.get("entity");
  const f: Filter = filterFrom(params);
  if (entity) f.entity = [entity];
  const data = await explorePoints(f);
  const dated = data.items.filter((e): e is Dated => !!e.time_start);
  const undated = data.items.length - dated.length;
  const byStatus: Record<string, number> = {};
  for (const e of dated) byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
  main.append(h("h1", {}, "Timeline"), h("p", { class: "muted", id: "view-says" }, entity ? h("span", {}, "Events involving ", h("a", { href: `#/entity/${encodeURIComponent(entity)}` }, "this entity"), ". ") : "",
    hasFilter(f) && !entity ? `Filtered: ${describe(f)}. ` : "",
    `${dated.length} dated events, each a dot on its row by corroboration status; `,
    undated ? h("span", { class: "left-out" }, `${undated} undated ${undated === 1 ? "event is" : "events are"} not drawn (`,
      h("a", { href: `#/events${filterQuery(f, { sort: "time", order: "desc" })}` }, "listed in the explorer"), "). ") : "none is undated. ",
    "Click a dot for its claims."),
    h("p", { class: "legend" }, "Dated events by status: ", ...STATUSES.map((s) => h("span", { class: `badge status-${s}` }, `${s} (${byStatus[s] ?? 0})`))));
  main.append(periodForm("timeline", entity ? { ...f, entity: [] } : f, entity ? { entity } : {}));
  if (!dated.length) { main.append(empty("No dated events.")); return; }
  main.append(chart(dated, f), list(dated, f));
}

/** The first and the last moment of a whole or partial date (2016, 2016-10, 2016-10-31). */
function bounds(iso: string): [number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1) - 1];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - 1];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1];
}

/** The events on a time axis spanning the view's period when it has one (its from/to; a week's
 * view drew its events in an eighth of the width, the axis padded to two months), else its
 * events' first to last day; an event starting before the period sits at its start. */
function chart(items: Dated[], f: Filter): HTMLElement {
  const width = 1000, rowH = 50, left = 120, height = rowH * STATUSES.length + 40;
  const times = items.map((e) => toTime(e.time_start));
  const since = (f.since ?? [])[0], until = (f.until ?? [])[0];
  let [lo, hi] = [since ? bounds(since)[0] : Math.min(...times), until ? bounds(until)[1] : Math.max(...times)];
  if (!since && !until && hi - lo < DAY * 30) { lo -= DAY * 30; hi += DAY * 30; }
  if (hi - lo < DAY) { lo -= DAY; hi += DAY; }
  const x = (t: number) => left + ((Math.min(Math.max(t, lo), hi) - lo) / (hi - lo)) * (width - left - 20);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img", "aria-label": "events over time" });
  STATUSES.forEach((s, i) => {
    root.appendChild(svg("text", { x: 4, y: i * rowH + 30, class: "row-label" }, s));
    root.appendChild(svg("line", { x1: left, x2: width - 10, y1: i * rowH + 26, y2: i * rowH + 26, class: "row-line" }));
  });
  for (const [t, label] of ticks(lo, hi)) root.appendChild(svg("text", { x: x(t), y: height - 6, class: "tick" }, label));
  items.forEach((e, i) => {
    const row = Math.max(0, (STATUSES as readonly string[]).indexOf(e.status));
    const a = svg("a", { href: `#/event/${encodeURIComponent(e.id)}` });
    const dot = svg("circle", { cx: x(times[i]), cy: row * rowH + 26, r: e.time_precision === "day" ? 6 : 9,
      fill: COLOURS[e.status] ?? "#555", class: `tl-event tl-${e.time_precision}`, "data-status": e.status });
    dot.appendChild(svg("title", {}, `${e.time_start} ${eventTitle(e.type, e.summary)} (${e.status})`));
    a.appendChild(dot);
    root.appendChild(a);
  });
  const box = h("div", { class: "card", id: "timeline", "data-events": items.length });
  box.appendChild(root);
  return box;
}

const DAY = 864e5;

/** Axis labels that fit the span: years over three years, else months (at most about twelve),
 * else days a week apart, so a month's or a year's view has a labelled axis too. */
function ticks(lo: number, hi: number): [number, string][] {
  const out: [number, string][] = [];
  const start = new Date(lo);
  if (hi - lo > 3 * 365 * DAY) {
    for (let y = start.getUTCFullYear(); y <= new Date(hi).getUTCFullYear(); y++) out.push([Date.UTC(y, 0, 1), String(y)]);
  } else if (hi - lo > 62 * DAY) {
    const step = Math.max(1, Math.ceil((hi - lo) / (30.4 * DAY) / 12));
    for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); Date.UTC(y, m, 1) <= hi; m += step) {
      const t = Date.UTC(y, m, 1);
      out.push([t, new Date(t).toISOString().slice(0, 7)]);
    }
  } else if (hi - lo <= 15 * DAY) {
    // two weeks or less: each day, with its weekday
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= hi; t += DAY) {
      const day = new Date(t);
      out.push([t, `${["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][day.getUTCDay()]} ${day.toISOString().slice(5, 10)}`]);
    }
  } else {
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1); t <= hi; t += 7 * DAY) {
      out.push([t, new Date(t).toISOString().slice(0, 10)]);
    }
  }
  return out.filter(([t]) => t >= lo && t <= hi);
}

function list(items: Dated[], f: Filter): HTMLElement {
  const more = items.length - LISTED;
  return h("div", {}, h("ol", { class: "timeline-list" }, ...items.slice(0, LISTED).map((e) => h("li", {}, h("span", { class: "date" }, e.time_start),
    " ", h("a", { href: `#/event/${encodeURIComponent(e.id)}` }, eventTitle(e.type, e.summary)), " ",
    h("span", { class: `badge status-${e.status}` }, e.status)))),
    more > 0 ? h("p", { class: "muted list-more" }, `The first ${LISTED} are listed; ${more} more `,
      h("a", { href: `#/events${filterQuery(f)}` }, "in the explorer"), " (or narrow the dates above).") : "");
}
