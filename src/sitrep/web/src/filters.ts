// The explorer's filter, shared by the events explorer, the map and the timeline: it lives in
// the URL (#/events?type=ASSAULT&actor=Suleimani), so a view can be linked, reloaded and
// exported with the same rows.
import { ExplorerPage, get, query } from "./api";
import { h } from "./dom";

/** Filter keys /api/explore/events understands; the repeatable ones may appear several times. */
export const MANY = ["type", "mode", "status", "country"] as const;
export const ONE = ["words", "actor", "place", "admin1", "outlet", "since", "until", "min_fatalities"] as const;
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

// the most /api/explore/events gives in one answer (EXPLORE_MAX_LIMIT in sitrep.api.explore):
// each request reads the whole store, so few large pages rather than many small ones
const ALL_PAGE = 5000;

/** Every event the filter keeps (pages of ALL_PAGE), for the map and the timeline. */
export async function exploreAll(f: Filter): Promise<Explored> {
  const first = await explore(f, { limit: ALL_PAGE });
  while (first.items.length < first.total) {
    const next = await explore(f, { limit: ALL_PAGE, offset: first.items.length });
    if (!next.items.length) break;
    first.items.push(...next.items);
  }
  return first;
}

/** Words for the filter ("type ASSAULT · actor Suleimani"), to say what a view shows. */
export function describe(f: Filter): string {
  return Object.entries(f).map(([k, v]) => `${k.replace("_", " ")} ${v.join(" or ")}`).join(" · ");
}

/** From/to fields that narrow a view of the filter to a period (the filter's since/until),
 * keeping its other keys and `extra` (an entity, say): how the timeline and the map zoom in
 * time when one axis holds years of events. */
export function periodForm(route: string, f: Filter, extra: Record<string, string> = {}): HTMLFormElement {
  const field = (name: "since" | "until", label: string) =>
    h("label", {}, `${label} `, h("input", { type: "date", name, value: (f[name] ?? [])[0] ?? "" }));
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
