// The entity list and one entity's dossier.
import { canEdit, Decided, Dossier, get, post, query, Schemas } from "../api";
import { actionForm, editorOnly, undoButton } from "../actions";
import { Child, count, docLink, empty, entityLink, eventLink, foundAs, eventTitle, h, section, spanLink, statusBadge } from "../dom";

const TYPES = ["", "person", "group", "org", "state_body", "state", "media", "place"];

const ENTITY_PAGE = 100;

export async function renderEntities(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const type = params.get("type") ?? "";
  const q = (params.get("q") ?? "").trim();
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const list = await get<Schemas["EntityPage"]>("/entities", { type, q, limit: ENTITY_PAGE, offset });
  // type and words narrow the list together (the API's `type` and `q`: part of a name or alias)
  const at = (view: { type?: string; q?: string; offset?: number }) =>
    `#/entities${query({ type, q, ...view, offset: view.offset || "" })}`;
  const select = h("select", { "aria-label": "entity type", name: "type" }, ...TYPES.map((t) =>
    h("option", { value: t, selected: t === type }, t || "all types")));
  select.addEventListener("change", () => { location.hash = at({ type: select.value, offset: 0 }); });
  const words = h("input", { type: "search", name: "q", value: q, placeholder: "part of a name or alias",
    "aria-label": "name or alias", id: "entity-filter" });
  const form = h("form", { class: "filters entity-filter" }, "Type: ", select, " Name: ", words,
    h("button", { type: "submit" }, "Filter"), q || type ? [" ", h("a", { href: "#/entities" }, "clear")] : "");
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = at({ type: select.value, q: words.value.trim(), offset: 0 }); });
  const rows = list.items.map((e) => h("tr", {}, h("td", {}, entityLink(e.id, e.name, e.type), foundAs(e.matched_alias)),
    h("td", {}, e.type), h("td", { class: "num" }, e.mentions), h("td", {}, e.country ?? "")));
  const pager = h("p", { class: "pager" },
    offset > 0 ? h("a", { href: at({ offset: Math.max(0, offset - ENTITY_PAGE) }), rel: "prev" }, "← previous") : null,
    list.total ? ` ${offset + 1}–${Math.min(list.total, offset + list.items.length)} of ${list.total} ` : " ",
    offset + ENTITY_PAGE < list.total ? h("a", { href: at({ offset: offset + ENTITY_PAGE }), rel: "next" }, "next →") : null);
  const none = q ? `No ${type || "entity"} has a name or alias holding “${q}”.` : "No entities yet.";
  main.append(h("h1", {}, `Entities (${list.total})`), form, pager,
    rows.length ? h("table", { class: "grid entity-list" }, h("tr", {}, h("th", {}, "name"), h("th", {}, "type"),
      h("th", {}, "mentions"), h("th", {}, "country")), ...rows) : empty(none), rows.length > 20 ? pager.cloneNode(true) : "");
}

type Orgs = Map<string, Schemas["NamedOrganisation"]>;
/** One position or affiliation in an entity's attributes (JSON the pack or a report wrote). */
type Attribute = Partial<Record<"title" | "relation" | "value" | "name" | "position" | "org" | "entity_id"
  | "start" | "since" | "end" | "until" | "document_id" | "source", string>>;

/** A position or affiliation as a sentence: title, organisation (linked to its dossier),
 * dates, and where it comes from (a document, or the pack's public record). */
function attributeValue(value: unknown, orgs: Orgs): Child {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  const v = value as Attribute;
  const head = v.title ?? v.relation ?? v.value ?? v.name ?? v.position ?? null;
  const org = v.org ? orgs.get(v.org) : null;
  const orgPart: Child = v.org ? (org ? entityLink(org.id, org.name, org.type) : String(v.org)) : v.entity_id ? entityLink(v.entity_id, String(v.name ?? v.entity_id)) : null;
  const from = v.start ?? v.since, to = v.end ?? v.until;
  const when = from || to ? `${from ?? "?"} – ${to ?? "now"}` : "";
  return h("span", { class: "position" }, head ? h("strong", {}, String(head)) : "", orgPart ? [head ? ", " : "", orgPart] : "",
    when ? h("span", { class: "muted" }, ` (${when})`) : "",
    v.document_id ? h("span", {}, " ", docLink(v.document_id, "source")) : v.source ? h("span", { class: "muted source" }, ` — ${v.source}`) : "",
    !head && !orgPart ? JSON.stringify(v) : "");
}

function attributes(attrs: Dossier["attributes"], orgs: Orgs): HTMLElement {
  // an attribute the store holds as null or "" (a place's region_id when it has none) says
  // nothing: listing it drew a name with an empty bullet
  const said = (v: unknown) => v !== null && v !== undefined && v !== "";
  const listed = (k: string): unknown[] => (Array.isArray(attrs[k]) ? attrs[k] : [attrs[k]]).filter(said);
  const keys = Object.keys(attrs ?? {}).filter((k) => k !== "pack" && listed(k).length);
  if (!keys.length) return empty("No positions or affiliations recorded.");
  return h("dl", { class: "meta" }, ...keys.flatMap((k) =>
    [h("dt", {}, k), h("dd", {}, h("ul", {}, ...listed(k).map((v: unknown) => h("li", {}, attributeValue(v, orgs)))))]));
}

function inContext(m: Schemas["MentionInContext"], pick: boolean): HTMLElement {
  const sentence: string = m.sentence_text ?? m.text;
  const at = m.sentence_start != null ? m.start - m.sentence_start : sentence.indexOf(m.text);
  const ok = at >= 0 && sentence.slice(at, at + m.text.length) === m.text;
  const body = ok ? [sentence.slice(0, at), h("mark", {}, m.text), sentence.slice(at + m.text.length)] : [sentence];
  return h("li", { "data-mention": m.id }, pick ? h("input", { type: "checkbox", class: "pick-mention", value: m.id, "aria-label": `split off ${m.text}` }) : "", " ",
    spanLink(m.document_id, m.start, m.end, `a mention of ${m.text}`, h("q", {}, ...body)), " — ", docLink(m.document_id, m.document_title),
    h("span", { class: "muted" }, ` ${m.site ?? ""} ${m.published ?? ""}`));
}

export async function renderEntity(main: HTMLElement, id: string) {
  const e = await get<Dossier>(`/entities/${encodeURIComponent(id)}`);
  const canAct = canEdit();
  const names = [...new Set<string>([e.name, ...e.aliases.map((a) => a.alias)])];
  main.append(
    h("h1", { "data-entity": e.id }, e.name, " ", h("span", { class: `badge ent-${e.type}` }, e.type)),
    h("p", { class: "muted" }, `${e.n_mentions} mentions in ${e.sources.length} documents`,
      e.wikidata ? ` · Wikidata ${e.wikidata}` : "", e.country ? ` · ${e.country}` : "",
      e.lat != null ? ` · ${e.lat}, ${e.lon} (${e.precision ?? "?"})` : ""),
    h("p", { class: "actions" }, h("a", { href: `#/timeline?entity=${encodeURIComponent(e.id)}` }, "its timeline"), " · ",
      h("a", { href: `#/map?entity=${encodeURIComponent(e.id)}` }, "its events on the map"), " · ",
      h("a", { href: `#/ego/${encodeURIComponent(e.id)}`, class: "ego-link" }, "its network"), " · ",
      h("a", { href: `#/relations?entity=${encodeURIComponent(e.id)}`, class: "relations-link" }, "its relations"), " · ",
      h("a", { href: `#/events?entity=${encodeURIComponent(e.id)}` }, "its events in the explorer"), " (",
      h("a", { href: `#/events?actor=${encodeURIComponent(e.id)}`, class: "as-actor" }, "done by it"), " · ",
      h("a", { href: `#/events?target=${encodeURIComponent(e.id)}`, class: "as-target" }, "done to it"), ")", " · export the dossier: ",
      h("a", { href: `/api/export/dossier-md?entity=${encodeURIComponent(e.id)}`, download: "", class: "export", "data-format": "dossier-md" }, "Markdown"), ", ",
      h("a", { href: `/api/export/dossier-html?entity=${encodeURIComponent(e.id)}`, download: "", class: "export", "data-format": "dossier-html" }, "HTML")),
    section("Names and aliases", h("ul", { class: "chips" }, ...names.map((n) => h("li", {}, n)))),
    section("Positions and affiliations", attributes(e.attributes, new Map(Object.entries(e.organisations ?? {})))),
    section(`Events (${e.events.length})`, e.events.length ? h("ol", { class: "timeline-list" },
      ...e.events.map((ev) => h("li", {}, h("span", { class: "date" }, ev.time_start ?? "undated"), " ",
        eventLink(ev.id, eventTitle(ev.type, ev.summary)), " ", statusBadge(ev.status),
        h("span", { class: "muted" }, ` as ${ev.roles.join(", ")}`)))) : empty("No events.")),
    section("Appears with", e.co_occurring.length ? h("ul", { class: "chips" }, ...e.co_occurring.map((c) =>
      h("li", {}, entityLink(c.id, c.name, c.type), h("span", { class: "muted" }, ` ${count(c.sentences, "sentence")} · ${count(c.events, "event")}`))))
      : empty("Nobody else yet.")),
    section("Sources", h("ul", {}, ...e.sources.map((s) => h("li", {}, docLink(s.id, s.title),
      h("span", { class: "muted" }, ` ${s.site ?? ""} ${s.published ?? ""} · ${count(s.mentions, "mention")}`))))),
    section("Mentions in context", e.mentions.length ? h("ol", { class: "mentions" }, ...e.mentions.map((m) => inContext(m, canAct))) : empty("None.")),
    editorOnly(mergeForm(e), splitForm(e, main), relabelForm(main)) ?? "",
    e.judgements.length ? section("Decisions about it", h("ul", { class: "judgements" }, ...e.judgements.map((j) =>
      h("li", { "data-judgement": j.id }, `${j.created_at} ${j.by}${j.actor ? ` (${j.actor})` : ""}: ${j.subject} ${j.action} — ${j.reason} `,
        j.active ? "" : h("span", { class: "badge" }, "withdrawn"), undoButton(j))))) : "",
  );
}

/** Merge another entity (found by any spelling) into this one. */
function mergeForm(e: Dossier): HTMLElement {
  const name = h("input", { type: "search", class: "merge-name", placeholder: "name or id", "aria-label": "entity to merge in" });
  const pick = h("select", { class: "merge-pick", "aria-label": "which entity" }, h("option", { value: "" }, "— find it first —"));
  const find = h("button", { type: "button", class: "merge-find" }, "Find");
  find.addEventListener("click", async () => {
    const found = await get<Schemas["EntityPage"]>("/entities", { q: name.value.trim(), limit: 20 });
    pick.replaceChildren(...found.items.filter((x) => x.id !== e.id).map((x) =>
      h("option", { value: x.id }, `${x.name} (${x.type}, ${x.mentions} mentions, ${x.id})`)));
    if (!pick.options.length) pick.append(h("option", { value: "" }, "no other entity by that name"));
  });
  return h("div", {}, h("h3", {}, `Merge another entity into ${e.name}`),
    actionForm("Merge", [name, " ", find, " ", pick], (reason) =>
      post("/entities/merge", { into: e.id, merge: [pick.value], reason })));
}

const LABELS = ["PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "WEAPON", "VEHICLE"];

/** Correct the label of the ticked mentions (one logged judgement each). */
function relabelForm(main: HTMLElement): HTMLElement {
  const label = h("select", { class: "relabel-as", "aria-label": "new label" }, ...LABELS.map((l) => h("option", { value: l }, l)));
  return h("div", {}, h("h3", {}, "Relabel the ticked mentions"),
    actionForm("Relabel", ["as ", label], async (reason) => {
      const ids = [...main.querySelectorAll<HTMLInputElement>("input.pick-mention:checked")].map((b) => b.value);
      if (!ids.length) throw new Error("Tick the mentions to relabel first (under Mentions in context).");
      const done: Decided[] = [];
      for (const id of ids) done.push(await post(`/mentions/${encodeURIComponent(id)}/label`, { label: label.value, reason }));
      return done[done.length - 1];
    }));
}

/** Move the ticked mentions to a new entity. */
function splitForm(e: Dossier, main: HTMLElement): HTMLElement {
  const name = h("input", { type: "text", class: "split-name", placeholder: "name of the new entity", "aria-label": "new entity's name" });
  return h("div", {}, h("h3", {}, "Split the ticked mentions off into a new entity"),
    actionForm("Split", [name], (reason) => {
      const ids = [...main.querySelectorAll<HTMLInputElement>("input.pick-mention:checked")].map((b) => b.value);
      if (!ids.length) return Promise.reject(new Error("Tick the mentions to split off first (under Mentions in context)."));
      return post("/entities/" + encodeURIComponent(e.id) + "/split", { mention_ids: ids, name: name.value.trim() || null, reason });
    }));
}
