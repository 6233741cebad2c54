// The explorer's filter, shared by the events explorer, the map and the timeline: it lives in
// the URL (#/events?type=ASSAULT&actor=Suleimani), so a view can be linked, reloaded and
// exported with the same rows.
import { ExplorerPage, get, query, Schemas } from "./api";
import { h } from "./dom";

/** Filter keys /api/explore/events understands; the repeatable ones may appear several times. */
export const MANY = ["type", "mode", "status", "country", "dating"] as const;
// actor: a doer; target: on the other side (target, counterpart, recipient); entity: taking a part or
// being the place (a dossier's events)
export const ONE = ["words", "actor", "target", "entity", "place", "admin1", "outlet", "since", "until", "min_fatalities"] as const;
export type Filter = Record<string, string[]>;

export function filterFrom(params: URLSearchParams): Filter {
  const f: Filter = {};
  for (const key of [...MANY, ...ONE]) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length) f[key] = values;
  }
  return f;
}

export function hasFilter(f: Filter): boolean {
  return Object.keys(f).length > 0;
}

/** "?type=A&type=B&actor=x" (empty string for no filter), plus any extra parameters. */
export function filterQuery(f: Filter, extra: Record<string, unknown> = {}): string {
  return query({ ...f, ...extra });
}

/** A page of the explorer: the generated type of /api/explore/events. */
export type Explored = ExplorerPage;

export function explore(f: Filter, extra: Record<string, unknown> = {}): Promise<Explored> {
  return get<Explored>("/explore/events", { ...f, ...extra });
}

/** What the map and the timeline draw of an event: the fields of /api/explore/points. */
export type PointColumns = Schemas["PointColumns"];
export type ExplorerPoint = { [K in keyof PointColumns]: PointColumns[K][number] };
export interface Points { total: number; items: ExplorerPoint[] }

// the most /api/explore/points gives in one answer (POINTS_MAX_LIMIT in sitrep.api.explore_points)
const POINTS_PAGE = 20000;

/** Every event the filter keeps, in time order (undated last), as points: for the map and the
 * timeline, which draw all of them but need few of their fields (the answer has one list per
 * field, a third of the explorer's rows' size). */
export async function explorePoints(f: Filter): Promise<Points> {
  const items: ExplorerPoint[] = [];
  let total = 0;
  do {
    const page = await get<Schemas["ExplorerPoints"]>("/explore/points", { ...f, limit: POINTS_PAGE, offset: items.length });
    total = page.total;
    const columns = page.columns;
    const names = Object.keys(columns) as (keyof PointColumns)[];
    if (!columns.id.length) break;
    for (let i = 0; i < columns.id.length; i++) {
      const point: Record<string, unknown> = {};
      for (const name of names) point[name] = columns[name][i];
      items.push(point as ExplorerPoint);
    }
  } while (items.length < total);
  return { total, items };
}

// The filter's keys in the words the filter form and the facets use (the API's `admin1` is the
// facet "governorate"; `min_fatalities` the field "fatalities ≥").
const FILTER_WORDS: Record<string, string> = {
  admin1: "governorate", since: "from", until: "to", min_fatalities: "fatalities ≥",
  actor: "done by", target: "done to", entity: "involving", dating: "dated by",
};

/** Words for the filter ("type ASSAULT · actor Suleimani"), to say what a view shows. */
export function describe(f: Filter): string {
  return Object.entries(f).map(([k, v]) => `${FILTER_WORDS[k] ?? k} ${v.join(" or ")}`).join(" · ");
}

/** A from/to field for a whole or partial date (2016, 2016-10, 2016-10-31: what the API's
 * since/until take). A text field, not a date picker: a picker cannot hold "2016-10", so a view
 * linked or typed by month showed empty fields and the next submit dropped its period. */
export function dateField(name: "since" | "until", label: string, value: string): HTMLLabelElement {
  return h("label", {}, `${label} `, h("input", {
    type: "text", name, value, size: "10", placeholder: "YYYY-MM-DD", inputmode: "numeric",
    pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", class: "date-field",
    title: "a year, a month or a day: 2016, 2016-10 or 2016-10-31",
  }));
}

/** From/to fields that narrow a view of the filter to a period (the filter's since/until),
 * keeping its other keys and `extra` (an entity, say): how the timeline and the map zoom in
 * time when one axis holds years of events. */
export function periodForm(route: string, f: Filter, extra: Record<string, string> = {}): HTMLFormElement {
  const field = (name: "since" | "until", label: string) => dateField(name, label, (f[name] ?? [])[0] ?? "");
  const form = h("form", { class: "filters period-form" }, field("since", "from"), " ", field("until", "to"), " ",
    h("button", { type: "submit" }, "Show"), f.since || f.until ? [" ", h("a", {
      href: `#/${route}${filterQuery({ ...f, since: [], until: [] }, extra)}`, class: "all-dates" }, "all dates")] : "");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const period = (name: string) => { const v = String(data.get(name) ?? ""); return v ? [v] : []; };
    location.hash = `#/${route}${filterQuery({ ...f, since: period("since"), until: period("until") }, extra)}`;
  });
  return form;
}
