import { get, Page, Row } from "../api";
import { docLink, empty, entityLink, h, section } from "../dom";

const PAGE = 20;

function snippet(parts: { text: string; match: boolean }[]) {
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
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "Search documents and names…",
    "aria-label": "search", id: "search-input" });
  const form = h("form", { class: "search", role: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value)}`;
  });
  main.append(h("h1", {}, "Search"), form);
  if (!q) {
    const docs = await get<Page<Row>>("/documents", { limit: PAGE, offset });
    main.append(section(`All documents (${docs.total})`, docList(docs.items),
      pager(docs.total, offset, (o) => `#/search?offset=${o}`)));
    return;
  }
  const [hits, ents] = await Promise.all([
    get<Page<Row>>("/search", { q, limit: PAGE, offset }),
    get<Page<Row>>("/entities", { q, limit: 10 }),
  ]);
  if (ents.items.length) {
    main.append(section("Matching entities", h("ul", { class: "chips" },
      ...ents.items.map((e) => h("li", {}, entityLink(e.id, e.name, e.type), h("span", { class: "muted" }, ` ${e.type} · ${e.mentions}`))))));
  }
  const list = hits.items.length
    ? h("ol", { class: "results", "data-count": hits.total },
        ...hits.items.map((d) => h("li", {}, h("div", {}, docLink(d.id, d.title),
          h("span", { class: "muted" }, ` ${d.site ?? ""} ${d.published ?? ""}`)), snippet(d.snippet))))
    : empty("No documents match.");
  main.append(section(`Documents matching “${q}” (${hits.total})`, list,
    pager(hits.total, offset, (o) => `#/search?q=${encodeURIComponent(q)}&offset=${o}`)));
}

function docList(items: Row[]) {
  if (!items.length) return empty("No documents yet: run `sitrep ingest` first.");
  return h("ol", { class: "results" }, ...items.map((d) => h("li", {}, docLink(d.id, d.title),
    h("span", { class: "muted" }, ` ${d.site ?? ""} ${d.published ?? "date unknown"} · ${d.word_count} words`),
    d.duplicate_of ? h("span", { class: "badge" }, "copy") : null)));
}
