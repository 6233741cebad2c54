// One entity's network (from its dossier): one or two hops around it instead of the whole
// hairball; links typed (same event: solid; named together: dashed) with their counts; a
// link's evidence (its events, its sentences) one click away; a time window. Typed relations
// (commands, member of ...) drawn as arrows styled by family, with their evidence on click.
import cytoscape from "cytoscape";
import { EgoEdge, EgoNetwork, get } from "../api";
import { entityLink, eventLink, eventTitle, h, section, spanLink, statusBadge } from "../dom";
import { Links, kindsOf, linksOf, linksToggle, paintLegend, relationElements, relationLegend, relationStyles, showRelationEvidence } from "../relations";

const COLOURS: Record<string, string> = {
  person: "#1f6feb", group: "#b35900", org: "#8a6d00", state_body: "#c2185b",
  state: "#455a64", media: "#7b1fa2", place: "#2e7d32",
};

function evidencePanel(edge: EgoEdge, names: Map<string, string>): HTMLElement {
  const title = `${names.get(edge.source)} — ${names.get(edge.target)}`;
  return h("div", { class: "card edge-evidence", "data-edge": `${edge.source}|${edge.target}` },
    h("h3", {}, title),
    h("p", { class: "muted" }, `${edge.events} shared events, named together in ${edge.sentences} sentences`,
      edge.events > edge.event_list.length || edge.sentences > edge.said.length ? " (the first shown)" : ""),
    edge.event_list.length ? h("ul", {}, ...edge.event_list.map((e) => h("li", {}, h("span", { class: "date" }, e.time_start ?? "undated"), " ",
      eventLink(e.id, eventTitle(e.type, e.summary)), " ", statusBadge(e.status)))) : "",
    edge.said.length ? h("ul", {}, ...edge.said.map((s) => h("li", {},
      spanLink(s.document_id, s.start, s.end, `${title}: named in one sentence`, "the sentence"), ` in “${s.document_title ?? s.document_id}”`))) : "");
}

export async function renderEgo(main: HTMLElement, id: string, params: URLSearchParams) {
  const hops = params.get("hops") === "2" ? 2 : 1;
  const since = params.get("since") ?? "", until = params.get("until") ?? "";
  const links = linksOf(params);
  const g = await get<EgoNetwork>(`/network/ego/${encodeURIComponent(id)}`, { hops, since, until, kind: kindsOf(links) });
  const names = new Map<string, string>(g.nodes.map((n) => [n.id, n.name]));
  const me = g.nodes.find((n) => n.id === id);
  const form = h("form", { class: "filters ego-form" },
    h("label", {}, h("input", { type: "radio", name: "hops", value: "1", checked: hops === 1 }), " one hop"), " ",
    h("label", {}, h("input", { type: "radio", name: "hops", value: "2", checked: hops === 2 }), " two hops"), " · from ",
    h("input", { type: "date", name: "since", value: since }), " to ", h("input", { type: "date", name: "until", value: until }), " ",
    h("button", { type: "submit" }, "Apply"));
  const go = (chosen: Links) => {
    const data = new FormData(form);
    const q = new URLSearchParams();
    for (const key of ["hops", "since", "until"]) { const v = String(data.get(key) ?? ""); if (v) q.set(key, v); }
    if (chosen !== "both") q.set("links", chosen);
    location.hash = `#/ego/${encodeURIComponent(id)}?${q.toString()}`;
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); go(links); });
  const mine = g.edges.filter((e) => e.source === id || e.target === id)
    .sort((a, b) => b.weight - a.weight);
  const detail = h("div", { id: "edge-detail" });
  const rows = mine.map((e) => {
    const other = e.source === id ? e.target : e.source;
    const node = g.nodes.find((n) => n.id === other);
    const show = h("button", { type: "button", class: "show-evidence" }, "evidence");
    show.addEventListener("click", () => detail.replaceChildren(evidencePanel(e, names)));
    const typed = links === "cooccurrence" ? [] : (e.relations ?? []).map((r) => {
      const b = h("button", { type: "button", class: "show-relation", "data-relation": r.id },
        r.subject === id ? `${r.type} →` : `← ${r.type}`);
      b.addEventListener("click", () => void showRelationEvidence(detail, r.id, r.subject));
      return b;
    });
    return h("tr", { "data-other": other }, h("td", {}, entityLink(other, node?.name ?? other, node?.type)),
      h("td", { class: "num" }, e.events), h("td", { class: "num" }, e.sentences), h("td", {}, ...typed),
      h("td", {}, e.events + e.sentences ? show : ""));
  });
  const box = h("div", { id: "cy", class: "cy ego", "data-nodes": g.nodes.length, "data-edges": g.edges.length });
  main.append(
    h("h1", {}, "Network of ", me ? entityLink(id, me.name, me.type) : id),
    h("p", { class: "muted", id: "view-says" }, `${g.nodes.length - 1} entities within ${hops} ${hops === 1 ? "hop" : "hops"}`,
      since || until ? `, links from ${since || "the start"} to ${until || "now"} (undated events and documents left out)` : "",
      g.left_out ? `; ${g.left_out} weaker direct links not drawn` : "",
      ". Purple: taking part in the same event; grey dashed: named in the same sentence; coloured arrows: typed relations. Click a link for its evidence, a node for its network."),
    form, linksToggle(links, go), links === "cooccurrence" ? "" : relationLegend(), box, detail,
    section(`Direct links (${mine.length})`, h("table", { class: "grid ego-links" },
      h("tr", {}, h("th", {}, "with"), h("th", {}, "same events"), h("th", {}, "same sentences"), h("th", {}, "relations"), h("th", {}, "")), ...rows)));
  requestAnimationFrame(() => draw(box, g, names, detail, links));
}

function draw(box: HTMLElement, g: EgoNetwork, names: Map<string, string>, detail: HTMLElement, links: Links) {
  paintLegend(document);
  const cooccurring = links === "relations" ? [] : g.edges.filter((e) => e.events + e.sentences > 0);
  const cy = cytoscape({
    container: box,
    elements: [
      ...g.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, hop: n.hop, weight: n.weight } })),
      ...cooccurring.map((e) => ({ data: { id: `${e.source}|${e.target}`, source: e.source, target: e.target,
        weight: e.events + e.sentences, kind: e.events ? "event" : "sentence" } })),
      ...(links === "cooccurrence" ? [] : relationElements(g.edges)),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-background-color": "#fff", "text-background-opacity": 0.7,
        width: "mapData(weight, 1, 40, 14, 40)", height: "mapData(weight, 1, 40, 14, 40)",
        "background-color": (n: cytoscape.NodeSingular) => COLOURS[n.data("type")] ?? "#666" } },
      { selector: "node[hop = 0]", style: { "border-width": 4, "border-color": "#d32f2f", "font-size": 14, "font-weight": "bold" } },
      { selector: "edge", style: { width: "mapData(weight, 1, 20, 1, 8)", "line-color": "#9aa4b2", opacity: 0.6, "curve-style": "straight" } },
      { selector: "edge[kind = 'event']", style: { "line-color": "#6f42c1", opacity: 0.8 } },
      { selector: "edge[kind = 'sentence']", style: { "line-style": "dashed" } },
      ...relationStyles(),
    ],
    layout: { name: "concentric", concentric: (n: cytoscape.NodeSingular) => 3 - Number(n.data("hop")), levelWidth: () => 1,
      animate: false, minNodeSpacing: 18 } as cytoscape.LayoutOptions,
  });
  cy.on("tap", "node", (evt) => { location.hash = `#/ego/${encodeURIComponent(evt.target.id())}`; });
  cy.on("tap", "edge", async (evt) => {
    if (evt.target.hasClass("relation")) {
      await showRelationEvidence(detail, evt.target.data("relation"), evt.target.data("subject"));
      return;
    }
    const [source, target] = String(evt.target.id()).split("|");
    const edge = g.edges.find((e) => e.source === source && e.target === target);
    if (edge) detail.replaceChildren(evidencePanel(edge, names));
  });
  Object.defineProperty(box, "cy", { value: cy }); // the instance, for the browser tests
  box.dataset.rendered = String(cy.nodes().length);
}
