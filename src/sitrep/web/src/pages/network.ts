// The network: entities linked by taking part in the same events and being named together,
// and by the typed relations the reports and the pack state (commands, member of ...), each
// drawn in its family's style; the toggle shows either kind or both; a relation's evidence on click.
import cytoscape from "cytoscape";
import { get, Network } from "../api";
import { h } from "../dom";
import { Links, kindsOf, linksOf, linksToggle, paintLegend, relationElements, relationLegend, relationStyles, showRelationEvidence } from "../relations";

// With no weight asked for, the page draws the links of the lowest weight that joins at most this
// many entities (the API's `fit`): a store of any size opens on a graph one can read.
const READABLE = 60;
const TYPES = ["person", "group", "org", "state_body", "state", "media", "place"];
const COLOURS: Record<string, string> = {
  person: "#1f6feb", group: "#b35900", org: "#8a6d00", state_body: "#c2185b",
  state: "#455a64", media: "#7b1fa2", place: "#2e7d32",
};

export async function renderNetwork(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const chosen = params.getAll("type");
  const asked = Number(params.get("min_weight")) || null;
  const focus = params.get("focus");
  const links = linksOf(params);
  const weighed = asked ? { min_weight: asked } : { fit: READABLE };
  const graph = await get<Network>("/network", { type: chosen, ...weighed, kind: kindsOf(links) });
  const minWeight = graph.min_weight;
  const boxes = TYPES.map((t) => h("label", {}, h("input", { type: "checkbox", value: t, checked: !chosen.length || chosen.includes(t) }), ` ${t} `));
  const weight = h("input", { type: "number", min: 1, value: minWeight, "aria-label": "minimum weight", style: null });
  const form = h("form", { class: "filters" }, "Types: ", ...boxes, " Minimum link weight: ", weight, h("button", { type: "submit" }, "Apply"));
  const go = (chosenLinks: Links) => {
    const types = boxes.map((b) => b.querySelector("input")!).filter((i) => i.checked).map((i) => `type=${i.value}`);
    // a weight the analyst asked for or typed stays; the chosen one is chosen again (other types
    // or links fit at another weight)
    const weighs = asked || weight.value !== String(minWeight) ? [`min_weight=${weight.value}`] : [];
    location.hash = `#/network?${[...types, ...weighs, `links=${chosenLinks}`].join("&")}`;
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); go(links); });
  const typed = links === "cooccurrence" ? 0 : graph.edges.reduce((n, e) => n + (e.relations?.length ?? 0), 0);
  const box = h("div", { id: "cy", class: "cy", "data-types": chosen.join(",") || "all", "data-nodes": graph.nodes.length,
    "data-edges": graph.edges.length, "data-links": links, "data-relations": typed });
  const detail = h("div", { id: "edge-detail" });
  main.append(h("h1", {}, "Network"),
    h("p", { class: "muted" }, "Links: taking part in the same event, or named in the same sentence (grey); typed relations the reports or the pack state (coloured arrows, by family). Click a node for its dossier (its ego network is there: one or two hops, with the evidence of each link), a relation for its evidence. ",
      `${graph.nodes.length} entities drawn (the 300 most linked at most), ${graph.edges.length} links, ${typed} typed relations. Export the whole graph: `,
      h("a", { href: "/api/export/gexf", download: "", class: "export" }, "GEXF"), ", ", h("a", { href: "/api/export/graphml", download: "", class: "export" }, "GraphML"), "."),
    h("p", { id: "network-weight" }, asked
      ? `Links of weight ${minWeight} or more (a link's weight: the events, sentences and stated relations that tie the two).`
      : `Links of weight ${minWeight} or more: the lowest weight at which at most ${READABLE} entities show (a link's weight: the events, sentences and stated relations that tie the two). Lower the minimum to see more.`),
    form, linksToggle(links, go), legend(), links === "cooccurrence" ? "" : relationLegend(), box,
    links === "cooccurrence" ? "" : drawnRelations(graph, detail), detail);
  requestAnimationFrame(() => draw(box, graph, focus, links, detail));
}

/** The typed relations drawn, as a list under the canvas: each opens its evidence from the
 * keyboard or a screen reader (an edge of the canvas is reached by a pointer only), with the
 * Relations page for the whole list, its filters and exports. */
function drawnRelations(graph: Network, detail: HTMLElement): HTMLElement {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const label = (id: string) => names.get(id) ?? id;
  // by subject, then type, then object: a reader finds an entity's relations together
  const drawn = graph.edges.flatMap((e) => (e.relations ?? []).map((r) => ({ r, object: r.subject === e.source ? e.target : e.source })))
    .sort((a, b) => label(a.r.subject).localeCompare(label(b.r.subject)) || a.r.type.localeCompare(b.r.type) || label(a.object).localeCompare(label(b.object)));
  const items = drawn.map(({ r, object }) => {
    const button = h("button", { type: "button", class: "show-relation link-like", "data-relation": r.id },
      `${label(r.subject)} ${r.type}${r.title ? ` (${r.title})` : ""} ${label(object)}`);
    button.addEventListener("click", async () => {
      await showRelationEvidence(detail, r.id, r.subject);
      detail.scrollIntoView({ block: "nearest" });
    });
    return h("li", { "data-type": r.type }, button, h("span", { class: "muted" }, ` ${r.status}, ${r.claims} claim${r.claims === 1 ? "" : "s"}`));
  });
  return h("details", { class: "drawn-relations card" },
    h("summary", {}, `The ${drawn.length} typed relations drawn, as a list (each opens its evidence)`),
    h("p", { class: "muted" }, "All relations, with filters by type, source, status, entity and date, and exports: ",
      h("a", { href: "#/relations", id: "network-relations-page" }, "the Relations page"), "."),
    h("ul", { class: "drawn-relation-list" }, ...items));
}

function legend() {
  return h("p", { class: "legend" }, ...Object.entries(COLOURS).filter(([k]) => k !== "LOC").map(([k, c]) =>
    h("span", { class: "swatch-item" }, h("span", { class: "swatch", "data-colour": c }), ` ${k} `)));
}

function draw(box: HTMLElement, graph: Network, focus: string | null, links: Links, detail: HTMLElement) {
  for (const s of document.querySelectorAll<HTMLElement>(".swatch")) s.style.background = s.dataset.colour ?? "";
  paintLegend(document);
  // co-occurrence: one grey line per linked pair; a pair only a relation links has none
  const cooccurring = links === "relations" ? [] : graph.edges.filter((e) => e.events + e.sentences > 0);
  const cy = cytoscape({
    container: box,
    elements: [
      ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, weight: n.weight } })),
      ...cooccurring.map((e) => ({ data: { id: `${e.source}|${e.target}`, source: e.source, target: e.target, weight: e.events + e.sentences } })),
      ...(links === "cooccurrence" ? [] : relationElements(graph.edges)),
    ],
    style: [
      // Labels grow with a node's weight and hide when too small to read: the hubs are named
      // in the overview, every name shows once zoomed in.
      { selector: "node", style: { label: "data(label)", "font-size": "mapData(weight, 1, 40, 7, 16)",
        "min-zoomed-font-size": 8, "text-background-color": "#fff", "text-background-opacity": 0.7, width: "mapData(weight, 1, 20, 14, 44)",
        height: "mapData(weight, 1, 20, 14, 44)", "background-color": (n: cytoscape.NodeSingular) => COLOURS[n.data("type")] ?? "#666" } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 8)", "line-color": "#9aa4b2", "curve-style": "haystack", opacity: 0.7 } },
      ...relationStyles(),
      { selector: `node[id = "${(focus ?? "").replace(/["\\]/g, "")}"]`, style: { "border-width": 4, "border-color": "#d32f2f" } },
    ],
    // a stronger push between nodes than cose's default, so the hubs' labels do not pile up
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 1_000_000, idealEdgeLength: () => 90 } as cytoscape.LayoutOptions,
  });
  cy.on("tap", "node", (evt) => { location.hash = `#/entity/${encodeURIComponent(evt.target.id())}`; });
  cy.on("tap", "edge.relation", async (evt) => {
    await showRelationEvidence(detail, evt.target.data("relation"), evt.target.data("subject"));
    detail.scrollIntoView({ block: "nearest" });
  });
  Object.defineProperty(box, "cy", { value: cy }); // the instance, for the browser tests
  box.dataset.rendered = String(cy.nodes().length);
}
