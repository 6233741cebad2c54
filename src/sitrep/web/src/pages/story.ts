// A story: every report on one incident as one page, in the order they were published: the
// first and the last report, each source with its stance and its sentence, how the status was
// reached (origins, rules, analyst decisions), and other events at the same place and days.
import { Claim, EventDetail, ExplorerEvent, ExplorerPage, get } from "../api";
import { count, docLink, empty, eventLink, eventTitle, h, section, spanLink, statusBadge } from "../dom";

const SUPPORT = new Set(["asserts", "reports", "confirms"]);

function shiftDay(day: string, days: number): string {
  const t = Date.parse(day.length === 10 ? day : `${day.slice(0, 7)}-01`);
  return new Date(t + days * 864e5).toISOString().slice(0, 10);
}

function reportRow(c: Claim, position: string): HTMLElement {
  const who = (c.chain ?? []).map((l) => l.name).join(" ← ") || c.outlet || c.site || "the article itself";
  return h("li", { class: `report stance-row-${SUPPORT.has(c.stance) ? "for" : "against"}`, "data-claim": c.id },
    h("span", { class: "date" }, c.published ?? "undated"), " ",
    position ? h("span", { class: "badge report-position" }, position) : "",
    h("span", { class: `badge stance-${c.stance}` }, c.stance), c.hedged ? h("span", { class: "badge" }, "hedged") : "", " ",
    h("strong", {}, who), " — ", docLink(c.document_id, c.document_title),
    c.duplicate_of ? h("span", { class: "badge" }, "copy") : "",
    h("div", { class: "muted" }, spanLink(c.document_id, c.start, c.end, `${c.stance} (${who})`,
      h("q", {}, (c.quote ?? c.sentence_text ?? "").trim()))));
}

export async function renderStory(main: HTMLElement, id: string) {
  const e = await get<EventDetail>(`/events/${encodeURIComponent(id)}`);
  // one report per document and stance, in publication order (undated last)
  const seen = new Set<string>();
  const reports = [...e.claims].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999"))
    .filter((c) => { const k = `${c.document_id}|${c.stance}`; if (seen.has(k)) return false; seen.add(k); return true; });
  const outlets = new Map<string, Set<string>>();
  for (const c of reports) {
    const name = c.outlet ?? c.site ?? `“${c.document_title ?? c.document_id}”`;
    outlets.set(name, new Set([...(outlets.get(name) ?? []), c.stance]));
  }
  const place = e.place_entity;
  let nearby: ExplorerEvent[] = [];
  if (place && e.time_start) {
    const found = await get<ExplorerPage>("/explore/events", { place: place.id, since: shiftDay(e.time_start, -3), until: shiftDay(e.time_end ?? e.time_start, 3), limit: 50 });
    nearby = found.items.filter((x) => x.id !== e.id);
  }
  main.append(
    h("h1", {}, "Story: ", eventTitle(e.type, e.summary), " ", statusBadge(e.status)),
    h("p", { class: "muted" }, `${count(reports.length, "report")} from ${count(outlets.size, "source")}, `,
      reports.length ? `first ${reports[0].published ?? "undated"}, last ${reports[reports.length - 1].published ?? "undated"}. ` : "",
      eventLink(e.id, "The event and its claims"), " · ", h("a", { href: `#/events?place=${encodeURIComponent(place?.id ?? "")}` }, "events at this place")),
    section("How the status was reached", h("p", { id: "status-reason" }, e.status_reason),
      h("p", {}, `${e.n_origins} independent ${e.n_origins === 1 ? "origin" : "origins"} among ${count(e.n_claims, "claim")}: `, (e.origins ?? []).join(", ")),
      e.judgements.length ? h("ul", {}, ...e.judgements.map((j) => h("li", {}, `${j.by}${j.actor ? ` (${j.actor})` : ""}: ${j.subject} ${j.action} — ${j.reason}`))) : ""),
    section("Sources and their stance", h("table", { class: "grid sources" }, h("tr", {}, h("th", {}, "source"), h("th", {}, "stance")),
      ...[...outlets].map(([name, stances]) => h("tr", {}, h("td", {}, name), h("td", {}, ...[...stances].map((s) => h("span", { class: `badge stance-${s}` }, s))))))),
    section("The reports, in the order they were published", reports.length ? h("ol", { class: "reports" },
      ...reports.map((c, i) => reportRow(c, i === 0 ? "first report" : i === reports.length - 1 ? "last report" : ""))) : empty("No report stored.")),
    section("Other events at this place within three days", nearby.length ? h("ul", {}, ...nearby.map((x) => h("li", {},
      h("span", { class: "date" }, x.time_start ?? ""), " ", h("a", { href: `#/story/${encodeURIComponent(x.id)}` }, eventTitle(x.type, x.summary)), " ", statusBadge(x.status))))
      : empty(place && e.time_start ? "None." : "The event has no place or no date: nothing to compare.")),
  );
}
