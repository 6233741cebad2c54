// Typed relation edges (commands, member of, allied, fights, present in ...) in the network
// pages: one style per relation family, the legend, the links toggle (relations / co-occurrence /
// both) and a relation's evidence (each claim's sentence, source and dates, linked to its
// document). Shared by the whole network and the ego network so both read the same way.
import cytoscape from "cytoscape";
import { get, PairRelation, Relation, Schemas } from "./api";
import { docLink, entityLink, h, spanLink, statusBadge } from "./dom";

type Family = { label: string; colour: string; line: "solid" | "dashed" | "dotted"; types: string[] };

export const FAMILIES: Record<string, Family> = {
  command: { label: "commands, holds a position", colour: "#c62828", line: "solid", types: ["commands", "holds-position"] },
  membership: { label: "member of, under", colour: "#1565c0", line: "dashed", types: ["member-of", "under"] },
  alliance: { label: "allied with, backs", colour: "#2e7d32", line: "solid", types: ["allied-with", "backs"] },
  hostility: { label: "fights", colour: "#e65100", line: "dashed", types: ["fights"] },
  presence: { label: "present in, controls", colour: "#6d4c41", line: "dotted", types: ["present-in", "controls"] },
};

export function familyOf(type: string): string {
  return Object.keys(FAMILIES).find((k) => FAMILIES[k].types.includes(type)) ?? "other";
}

// What the toggle asks the API for, and what it draws.
export type Links = "both" | "relations" | "cooccurrence";
export function linksOf(params: URLSearchParams): Links {
  const chosen = params.get("links");
  return chosen === "relations" || chosen === "cooccurrence" ? chosen : "both";
}
export function kindsOf(links: Links): string[] {
  return links === "relations" ? ["relations"] : links === "cooccurrence" ? ["events", "sentences"] : ["events", "sentences", "relations"];
}

export function linksToggle(links: Links, onChange: (links: Links) => void): HTMLElement {
  const choices: [Links, string][] = [["both", "both"], ["relations", "relations only"], ["cooccurrence", "co-occurrence only"]];
  const box = h("fieldset", { class: "links-toggle" }, h("legend", {}, "Links"),
    ...choices.map(([value, label]) => h("label", {}, h("input", { type: "radio", name: "links", value, checked: value === links }), ` ${label} `)));
  box.addEventListener("change", (e) => onChange((e.target as HTMLInputElement).value as Links));
  return box;
}

export function relationLegend(): HTMLElement {
  return h("p", { class: "legend relation-legend" }, "Relations (arrow: from the one who commands, belongs, backs, is present): ",
    ...Object.entries(FAMILIES).map(([key, f]) => h("span", { class: "swatch-item", "data-family": key },
      h("span", { class: `line-swatch line-${f.line}`, "data-colour": f.colour }), ` ${f.label} `)));
}

export function paintLegend(root: ParentNode): void {
  for (const s of root.querySelectorAll<HTMLElement>(".line-swatch")) s.style.borderTopColor = s.dataset.colour ?? "";
}

// One cytoscape edge per typed relation on a link, from its subject to the other end.
export function relationElements(edges: { source: string; target: string; relations: PairRelation[] }[]): cytoscape.ElementDefinition[] {
  return edges.flatMap((e) => (e.relations ?? []).map((r) => ({
    data: { id: `rel:${r.id}`, relation: r.id, source: r.subject, target: r.subject === e.source ? e.target : e.source,
      rtype: r.type, family: familyOf(r.type), weight: r.claims, subject: r.subject },
    classes: "relation",
  })));
}

export function relationStyles(): cytoscape.StylesheetJson {
  return [
    { selector: "edge.relation", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", width: 2.5, opacity: 0.9,
      label: "data(rtype)", "font-size": 8, color: "#333", "text-rotation": "autorotate", "text-background-color": "#fff",
      "text-background-opacity": 0.8, "min-zoomed-font-size": 7 } },
    ...Object.entries(FAMILIES).map(([key, f]) => ({ selector: `edge.relation[family = '${key}']`,
      style: { "line-color": f.colour, "target-arrow-color": f.colour, "line-style": f.line } })),
    { selector: "edge.relation:selected", style: { width: 6, "overlay-color": "#ffd54f", "overlay-opacity": 0.5, "font-size": 12 } },
  ] as cytoscape.StylesheetJson;
}

function dates(r: Pick<Relation, "time_start" | "time_end" | "ended">): string {
  if (!r.time_start && !r.time_end) return r.ended ? "undated, ended" : "undated";
  return `${r.time_start ?? "?"} – ${r.time_end ?? (r.ended ? "ended" : "")}`;
}

// A relation's evidence: the claims behind it (report sentences linked to their span, the pack).
/** Show relation `relationId`'s evidence in `detail`: a line saying it is loading at once (a
 * click gets an answer even while the server is slow), then the evidence, or in words why it
 * could not be read. Every place that opens a relation's evidence goes through here. */
export async function showRelationEvidence(detail: HTMLElement, relationId: string, subject: string): Promise<void> {
  detail.replaceChildren(h("p", { class: "muted relation-loading", "data-relation": relationId }, "Reading this relation's evidence…"));
  try {
    detail.replaceChildren(await relationEvidence(relationId, subject));
  } catch (error) {
    detail.replaceChildren(h("p", { class: "error", "data-relation": relationId },
      `Could not read this relation's evidence: ${error instanceof Error ? error.message : String(error)}`));
  }
}

async function relationEvidence(relationId: string, subject: string): Promise<HTMLElement> {
  const page = await get<Schemas["RelationPage"]>("/relations", { entity: subject });
  const rel = page.relations.find((r) => r.id === relationId);
  if (!rel) return h("div", { class: "card relation-evidence" }, "This relation is no longer in the store.");
  const who = (end: Schemas["RelationEnd"]) => entityLink(end.entity_id, end.name ?? end.entity_id);
  // a claim has no document exactly when the pack states it (`source` "pack")
  const claims = rel.claims.map((c) => c.document_id === null
    ? h("li", { class: "claim pack" }, "the domain pack", c.title ? ` (${c.title})` : "")
    : h("li", { class: "claim report" },
      c.sentence ? spanLink(c.document_id, c.start, c.end, `${rel.type}: the sentence that states it`, `“${c.sentence.trim()}”`) : "",
      " — ", docLink(c.document_id, c.document_title), c.outlet ? `, ${c.outlet}` : "", c.published ? `, ${c.published}` : "",
      c.time_start || c.time_end ? ` (says: ${dates(c)})` : "", c.hedged ? " (hedged)" : "", c.stance && c.stance !== "asserts" ? ` (${c.stance})` : ""));
  return h("div", { class: "card relation-evidence", "data-relation": rel.id, "data-type": rel.type },
    h("h3", {}, who(rel.subject), ` ${rel.type}${rel.title ? ` (${rel.title})` : ""} `, who(rel.object)),
    h("p", { class: "muted" }, `When: ${dates(rel)} · `, statusBadge(rel.status), ` · ${rel.n_claims} claims from ${rel.sources.join(" and ")}`),
    h("ul", { class: "relation-claims" }, ...claims));
}
