// One event and its claims: who asserts, who denies, how many independent origins.
import { canEdit, get, post, Row } from "../api";
import { docLink, empty, entityLink, eventTitle, h, section, statusBadge } from "../dom";

const SUPPORT = new Set(["asserts", "reports", "confirms"]);

function chain(c: Row) {
  const links = (c.chain ?? []) as Row[];
  if (!links.length) return h("span", { class: "muted" }, c.outlet ?? c.site ?? "the article itself");
  return h("span", { class: "chain" }, ...links.flatMap((l, i) =>
    [i ? h("span", { class: "muted" }, ` ${l.verb || "citing"} `) : "", h("span", { title: l.kind }, l.name)]));
}

function markButtons(c: Row, refresh: () => void) {
  if (!canEdit()) return null;
  const make = (mark: "verified" | "doubtful") => {
    const b = h("button", { type: "button", class: `mark-${mark}` }, mark);
    b.addEventListener("click", async () => {
      await post(`/claims/${encodeURIComponent(c.id)}/mark`, { mark, reason: "marked in the workbench" });
      refresh();
    });
    return b;
  };
  return h("span", { class: "marks" }, make("verified"), make("doubtful"));
}

function claimTable(claims: Row[], refresh: () => void) {
  if (!claims.length) return empty("None.");
  return h("table", { class: "grid claims" },
    h("tr", {}, h("th", {}, "stance"), h("th", {}, "who says so"), h("th", {}, "statement"),
      h("th", {}, "document"), h("th", {}, "origin"), h("th", {}, "analyst")),
    ...claims.map((c) => h("tr", { "data-stance": c.stance },
      h("td", {}, h("span", { class: `badge stance-${c.stance}` }, c.stance), c.hedged ? h("span", { class: "badge" }, "hedged") : null),
      h("td", {}, chain(c)),
      h("td", {}, h("q", {}, (c.quote ?? c.sentence_text ?? "").trim())),
      h("td", {}, docLink(c.document_id, c.document_title), h("div", { class: "muted" }, `${c.site ?? ""} ${c.published ?? ""}`),
        c.duplicate_of ? h("span", { class: "badge" }, "copy") : null),
      h("td", { class: "muted" }, c.origin_key?.startsWith("doc:") ? "this article (no outlet known)" : c.origin_key ?? "—"),
      h("td", {}, c.analyst_mark ? h("span", { class: `badge mark-${c.analyst_mark}` }, c.analyst_mark) : null, markButtons(c, refresh)))));
}

// Two triggers in one sentence ("arrived in Moscow and held talks") are two mentions of the
// same event, so two claims; the analyst reads that sentence once.
function oncePerSentence(claims: Row[]): Row[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.document_id}\u0000${c.sentence_text}\u0000${c.stance}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// An origin is a key ("source:reuters", "outlet:amn", "doc:<id>"); a document with no known
// outlet is its own origin, which an analyst knows by its title, not its id.
function originLabel(origin: string, claims: Row[]): string | Node {
  if (!origin.startsWith("doc:")) return origin;
  const id = origin.slice(4);
  const claim = claims.find((c) => c.document_id === id);
  return claim ? docLink(id, `the article "${claim.document_title ?? id}"`) : origin;
}

export async function renderEvent(main: HTMLElement, id: string) {
  const e = await get<Row>(`/events/${encodeURIComponent(id)}`);
  const refresh = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  const place = e.place_entity;
  const claims = oncePerSentence(e.claims);
  const asserting = claims.filter((c: Row) => SUPPORT.has(c.stance));
  const denying = claims.filter((c: Row) => !SUPPORT.has(c.stance));
  main.append(
    h("h1", {}, eventTitle(e.type, e.summary), " ", statusBadge(e.status)),
    h("p", { class: "muted" }, e.status_reason),
    h("dl", { class: "meta" },
      h("dt", {}, "When"), h("dd", {}, e.time_start ? `${e.time_start}${e.time_end && e.time_end !== e.time_start ? ` – ${e.time_end}` : ""} (${e.time_precision})` : "unresolved"),
      h("dt", {}, "Where"), h("dd", {}, place ? [entityLink(place.id, place.name, place.type), ` (${place.precision ?? "?"} precision) `,
        h("a", { href: "#/map" }, "map")] : "unknown"),
      h("dt", {}, "Who"), h("dd", {}, h("ul", {}, ...e.participants.map((p: Row) => h("li", {}, `${p.role}: `, entityLink(p.entity_id, p.name ?? p.text ?? "?", p.entity_type))))),
      h("dt", {}, "Independent origins"), h("dd", { "data-origins": e.n_origins }, `${e.n_origins} of ${e.n_claims} claims`,
        h("ul", {}, ...(e.origins ?? []).map((o: string) => h("li", { class: "muted" }, originLabel(o, e.claims)))))),
    section(`Asserting or reporting (${asserting.length})`, claimTable(asserting, refresh)),
    section(`Denying or retracting (${denying.length})`, claimTable(denying, refresh)),
  );
  if (e.judgements.length) {
    main.append(section("Analyst and rule decisions", h("ul", {}, ...e.judgements.map((j: Row) =>
      h("li", {}, `${j.created_at} ${j.by} ${j.actor ?? ""}: ${j.action} — ${j.reason}`)))));
  }
}
