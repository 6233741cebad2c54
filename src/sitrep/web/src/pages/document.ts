// One document: clean text with mentions, event triggers and claims highlighted by span;
// reader comments kept apart and labelled user-generated.
import { get, Schemas } from "../api";
import { Child, empty, entityLink, eventLink, h, safeUrl, section, statusBadge } from "../dom";

type Doc = Schemas["Document"];
type At = { start: number; end: number };
type MentionSpan = At & { kind: "mention"; row: Schemas["DocumentMention"] };
type TriggerSpan = At & { kind: "trigger"; row: Schemas["DocumentEventMention"] };
type ClaimSpan = At & { kind: "claim"; row: Schemas["DocumentClaim"] };
type Span = MentionSpan | TriggerSpan | ClaimSpan | (At & { kind: "focus" });

function spans(doc: Doc): Span[] {
  return [
    ...doc.mentions.map((m): Span => ({ start: m.start, end: m.end, kind: "mention", row: m })),
    ...doc.event_mentions.map((e): Span => ({ start: e.trigger_start, end: e.trigger_end, kind: "trigger", row: e })),
    ...doc.claims.map((c): Span => ({ start: c.start, end: c.end, kind: "claim", row: c })),
  ];
}

/** Cut the text at every span boundary; each piece knows the spans covering it. */
export function highlighted(text: string, all: Span[]): HTMLElement {
  const cuts = new Set<number>([0, text.length]);
  for (const s of all) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = h("div", { class: "doctext", id: "doctext" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = all.filter((s) => s.start <= a && s.end >= b);
    out.appendChild(piece_(piece, over));
  }
  return out;
}

function piece_(piece: string, over: Span[]): Node {
  const mention = over.find((s): s is MentionSpan => s.kind === "mention");
  const trigger = over.find((s): s is TriggerSpan => s.kind === "trigger");
  const claim = over.find((s): s is ClaimSpan => s.kind === "claim");
  const focus = over.find((s) => s.kind === "focus");
  let node: Node = document.createTextNode(piece);
  if (mention) {
    const m = mention.row;
    const title = `${m.label}${m.entity_name ? ` → ${m.entity_name}` : " (unresolved)"}`;
    node = m.entity_id
      ? h("a", { href: `#/entity/${encodeURIComponent(m.entity_id)}`, class: `mention lbl-${m.label}`, title, "data-mention": m.id }, node)
      : h("span", { class: `mention lbl-${m.label}`, title }, node);
  } else if (trigger) {
    const e = trigger.row;
    node = h("a", { href: e.event_id ? `#/event/${encodeURIComponent(e.event_id)}` : "#", class: `trigger status-${e.event_status ?? "none"}`,
      title: `${e.type} event${e.event_status ? ` (${e.event_status})` : ""}` }, node);
  }
  if (claim) {
    const c = claim.row;
    node = h("span", { class: `claim stance-${c.stance}`, title: `claim: ${c.stance}${c.hedged ? " (hedged)" : ""} — ${c.outlet ?? "outlet unknown"}` }, node);
  }
  if (focus) node = h("mark", { class: "focus", "data-focus": "" }, node);
  return node;
}

function meta(doc: Doc): HTMLElement {
  const url = safeUrl(doc.url);
  const rows: [string, Child][] = [
    ["Site", doc.site], ["Published", doc.published ? `${doc.published} (from ${doc.published_source})` : "unknown"],
    ["Author", doc.author], ["Language", doc.language], ["URL", url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url) : doc.url],
    ["Origin", doc.origin], ["Copy of", doc.duplicate_of ? h("a", { href: `#/doc/${doc.duplicate_of}` }, doc.duplicate_of) : null],
  ];
  return h("dl", { class: "meta" }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function legend(): HTMLElement {
  return h("p", { class: "legend" }, h("span", { class: "mention lbl-PERSON" }, "person"), " ",
    h("span", { class: "mention lbl-ORG" }, "organisation"), " ", h("span", { class: "mention lbl-LOC" }, "place"), " ", h("span", { class: "mention lbl-WEAPON" }, "weapon or vehicle"), " ",
    h("span", { class: "trigger" }, "event"), " ", h("span", { class: "claim stance-asserts" }, "assertion"), " ", h("span", { class: "claim stance-reports" }, "report"), " ",
    h("span", { class: "claim stance-denies" }, "denial"), " — click a name for its dossier, an event for its claims");
}

function comments(doc: Doc): HTMLElement {
  const list = doc.comments.length
    ? h("ol", { class: "comments" }, ...doc.comments.map((c) => h("li", {},
        h("div", { class: "muted" }, `${c.author ?? "anonymous"} · ${c.posted ?? c.posted_text ?? "undated"}`),
        h("p", {}, c.text))))
    : empty("No reader comments.");
  return h("section", { class: "card ugc", id: "comments" },
    h("h2", {}, "Reader comments ", h("span", { class: "badge ugc-badge" }, "user-generated")),
    h("p", { class: "muted" }, "Posted by readers of the page; not part of the article and not used as a source."), list);
}

function eventList(doc: Doc): HTMLElement {
  if (!doc.event_mentions.length) return empty("No events found in this document.");
  return h("ul", {}, ...doc.event_mentions.map((e) => h("li", {},
    eventLink(e.event_id, `${e.type}: “${e.trigger}”`), " ", statusBadge(e.event_status))));
}

/** `?start=&end=` (a deep link from a fact): that span is highlighted and scrolled to, with
 * what it is the evidence of (`why`) above the text. */
function focusOf(params: URLSearchParams, length: number): Span | null {
  const start = Number(params.get("start")), end = Number(params.get("end"));
  if (!params.has("start") || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || start >= length) return null;
  return { start, end: Math.min(end, length), kind: "focus" };
}

function focusNote(params: URLSearchParams, focus: Span, text: string): HTMLElement {
  const back = params.get("from");
  return h("div", { class: "card focus-note", role: "note" }, h("strong", {}, "Highlighted: "),
    params.get("why") ?? "the passage you followed", ` (characters ${focus.start}–${focus.end}) `,
    h("q", {}, text.slice(focus.start, focus.end).trim().slice(0, 300)), " ",
    back && back.startsWith("#/") ? h("a", { href: back }, "← back") : null);
}

export async function renderDocument(main: HTMLElement, id: string, params: URLSearchParams = new URLSearchParams()) {
  const doc = await get<Doc>(`/documents/${encodeURIComponent(id)}`);
  const focus = focusOf(params, doc.text.length);
  const people = new Map<string, Schemas["DocumentMention"]>();
  for (const m of doc.mentions) if (m.entity_id) people.set(m.entity_id, m);
  main.append(
    h("h1", {}, doc.title || "(untitled)"), meta(doc), legend(),
    focus ? focusNote(params, focus, doc.text) : "",
    h("article", { class: "card" }, highlighted(doc.text, focus ? [...spans(doc), focus] : spans(doc))),
    section("Named in this document", h("ul", { class: "chips" },
      ...[...people.values()].map((m) => h("li", {}, entityLink(m.entity_id, m.entity_name ?? m.text, m.entity_type))))),
    section("Events reported", eventList(doc)),
    comments(doc),
  );
  // after the router has put the page in the document: bring the highlighted span into view
  if (focus) setTimeout(() => main.querySelector("mark.focus")?.scrollIntoView({ block: "center" }), 0);
}
