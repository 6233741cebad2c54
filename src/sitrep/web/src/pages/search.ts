import { canEdit, get, query, Schemas } from "../api";
import { docLink, empty, entityLink, foundAs, h, section } from "../dom";
import { dateField } from "../filters";

const PAGE = 20;

// A document's type: its kind as acquired (`format`), in words.
const DOCUMENT_TYPES: Record<string, string> = {
  html: "web page", text: "plain text", "feed-item": "feed item", row: "table row", pdf: "PDF",
};

function snippet(parts: Schemas["Segment"][]) {
  return h("p", { class: "snippet" }, ...parts.map((p) => (p.match ? h("mark", {}, p.text) : p.text)));
}

function pager(total: number, offset: number, href: (o: number) => string) {
  const prev = offset > 0 ? h("a", { href: href(Math.max(0, offset - PAGE)) }, "← previous") : null;
  const next = offset + PAGE < total ? h("a", { href: href(offset + PAGE) }, "next →") : null;
  return h("p", { class: "pager" }, prev, ` ${offset + 1}–${Math.min(total, offset + PAGE)} of ${total} `, next);
}

export async function renderSearch(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const q = params.get("q") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "Search documents and names… (\"a phrase\" in quotes)",
    "aria-label": "search", id: "search-input" });
  const form = h("form", { class: "search", role: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value)}`;
  });
  main.append(h("h1", {}, "Search"), form);
  if (!q) {
    const docs = await get<Schemas["DocumentPage"]>("/documents", { limit: PAGE, offset });
    main.append(section(`All documents (${docs.total})`, docList(docs.items),
      pager(docs.total, offset, (o) => `#/search?offset=${o}`)));
    return;
  }
  const site = params.get("site") ?? "", year = params.get("year") ?? "", type = params.get("type") ?? "";
  const sort = params.get("sort") ?? "";
  const since = params.get("since") ?? "", until = params.get("until") ?? "";
  const here = (extra: Record<string, string | number>) =>
    `#/search${query({ q, site, year, type, sort, since, until, ...extra })}`;
  const [hits, ents] = await Promise.all([
    get<Schemas["EntitySearchPage"]>("/search/entities", { q, site, year, type, sort, since, until, limit: PAGE, offset }),
    get<Schemas["EntityPage"]>("/entities", { q, limit: 10 }),
  ]);
  if (ents.items.length) {
    main.append(section("Matching entities", h("ul", { class: "chips" },
      ...ents.items.map((e) => h("li", {}, entityLink(e.id, e.name, e.type), foundAs(e.matched_alias), h("span", { class: "muted" }, ` ${e.type} · ${e.mentions}`))))));
  }
  if (hits.entities.length) {
    main.append(h("p", { class: "card expanded", id: "expanded" }, "“", q, "” names ",
      ...hits.entities.flatMap((e, i) => [i ? ", " : "", entityLink(e.id, e.name, e.type)]),
      hits.added ? [`: ${hits.added} more ${hits.added === 1 ? "document" : "documents"} found under other spellings — `,
        ...hits.spellings.flatMap((s, i) => [i ? ", " : "", h("q", { class: "spelling" }, s.text), ` (${s.documents})`])]
        : ": no other spelling adds a document."));
  }
  const facet = (key: "site" | "year" | "type", title: string, label = (v: string) => v) => hits.facets[key]?.length > 1 || params.get(key)
    ? h("p", { class: "facet-line", "data-facet": key }, `${title}: `, ...(hits.facets[key] ?? []).slice(0, 10).flatMap((f, i) => [i ? " · " : "",
      h("a", { href: here({ [key]: params.get(key) === f.value ? "" : f.value }), class: params.get(key) === f.value ? "active" : null,
        "data-value": f.value }, `${label(f.value)} (${f.count})`)]))
    : null;
  const list = hits.items.length
    ? h("ol", { class: "results", "data-count": hits.total },
        ...hits.items.map((d) => h("li", { "data-doc": d.id, "data-via": d.via ? "entity" : "words", "data-type": d.format }, h("div", {}, docLink(d.id, d.title),
          h("span", { class: "muted" }, ` ${d.site ?? ""} ${d.published ?? ""} · ${DOCUMENT_TYPES[d.format] ?? d.format}`),
          d.via ? h("span", { class: "badge" }, `as “${d.via.join("”, “")}”`) : null), snippet(d.snippet))))
    : empty("No documents match.");
  // relevance, or by publication date as a day's reading goes (the API's `sort`)
  const orders: [string, string][] = [["", "relevance"], ["newest", "newest first"], ["oldest", "oldest first"]];
  const ordering = h("p", { class: "facet-line", id: "search-sort" }, "Sort: ", ...orders.flatMap(([value, label], i) => [i ? " · " : "",
    h("a", { href: here({ sort: value, offset: 0 }), class: sort === value ? "active" : null, "data-sort": value || "relevance" }, label)]));
  main.append(section(`Documents matching “${q}” (${hits.total})`, facet("site", "Outlet"), facet("year", "Year"),
    facet("type", "Type", (v) => DOCUMENT_TYPES[v] ?? v), publishedBetween(since, until, here), ordering, list,
    pager(hits.total, offset, (o) => here({ offset: o }))));
}

/** From/to fields: the hits published in a period (the API's since/until, both ends in it). */
function publishedBetween(since: string, until: string, here: (extra: Record<string, string | number>) => string) {
  const form = h("form", { class: "filters period-form", id: "search-period" }, "Published ",
    dateField("since", "from", since), " ", dateField("until", "to", until), " ", h("button", { type: "submit" }, "Show"),
    since || until ? [" ", h("a", { href: here({ since: "", until: "", offset: 0 }), class: "all-dates" }, "any date")] : "");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    location.hash = here({ since: String(data.get("since") ?? ""), until: String(data.get("until") ?? ""), offset: 0 });
  });
  return form;
}

function docList(items: Schemas["DocumentItem"][]) {
  if (!items.length) {
    return canEdit() ? h("p", { class: "muted empty" }, "No documents yet: ", h("a", { href: "#/add" }, "add reports"), " (URLs, pasted text, files) or run `sitrep ingest`.")
      : empty("No documents yet: an editor adds reports (Add reports) or runs `sitrep ingest`.");
  }
  return h("ol", { class: "results" }, ...items.map((d) => h("li", {}, docLink(d.id, d.title),
    h("span", { class: "muted" }, ` ${d.site ?? ""} ${d.published ?? "date unknown"} · ${d.word_count} words`),
    d.duplicate_of ? h("span", { class: "badge" }, "copy") : null)));
}
