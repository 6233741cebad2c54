// DOM building without innerHTML: every string from the API becomes a text node, so page text
// with <script> or onerror= markup is displayed, never run.

export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.toLowerCase().startsWith("on")) throw new Error(`use addEventListener, not ${key}`);
    el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Only http(s) links from page data become hrefs (no javascript: URLs). */
export function safeUrl(url: unknown): string | undefined {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : undefined;
}

export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { href }, ...children);
}

export function entityLink(id: string | null | undefined, name: string, type?: string | null) {
  if (!id) return h("span", { class: "muted" }, name);
  return h("a", { href: `#/entity/${encodeURIComponent(id)}`, class: `ent ent-${type ?? "X"}` }, name);
}

/** What a name search found an entity under when its name does not hold the words (the API's
 * `matched_alias`): "as “Nusra”" beside Hay'at Tahrir al-Sham, so the list says why it is there. */
export function foundAs(alias: string | null | undefined) {
  return alias ? h("span", { class: "muted found-as" }, " as “", alias, "”") : "";
}

export function eventLink(id: string | null | undefined, label: string) {
  if (!id) return h("span", {}, label);
  return h("a", { href: `#/event/${encodeURIComponent(id)}` }, label);
}

/** "TYPE: summary", unless the summary already starts with its type ("CONSULT/visit: …"). */
export function eventTitle(type: string | null | undefined, summary: string | null | undefined): string {
  const text = summary ?? "";
  if (!type) return text;
  return text.startsWith(`${type}/`) || text.startsWith(`${type}:`) ? text : `${type}: ${text}`;
}

export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function docLink(id: string, title: string | null | undefined) {
  return h("a", { href: `#/doc/${encodeURIComponent(id)}` }, title || id);
}

export const STATUSES = ["single-source", "corroborated", "contested", "denied"] as const;

export function statusBadge(status: string | null | undefined) {
  return h("span", { class: `badge status-${status ?? "unknown"}`, title: "corroboration status" },
    status ?? "unresolved");
}

export function section(title: string, ...children: (Child | Child[])[]) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function empty(text: string) {
  return h("p", { class: "muted empty" }, text);
}

/** A link to the passage behind a fact: the document scrolled to `start..end`, highlighted,
 * with `why` (what the passage is the evidence of) and a way back to where the analyst was. */
export function spanHref(docId: string, start: number, end: number, why: string): string {
  const q = new URLSearchParams({ start: String(start), end: String(end), why, from: location.hash });
  return `#/doc/${encodeURIComponent(docId)}?${q.toString()}`;
}

export function spanLink(docId: string, start: number | null | undefined, end: number | null | undefined,
  why: string, ...children: Child[]): HTMLElement {
  if (start == null || end == null) return h("span", {}, ...children);
  return h("a", { href: spanHref(docId, start, end, why), class: "span-link", title: `the sentence: ${why}` }, ...children);
}
