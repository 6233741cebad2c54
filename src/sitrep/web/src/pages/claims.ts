// Claims on contested or denied events, grouped by event.
import { Claim, get, Schemas } from "../api";
import { docLink, empty, eventLink, eventTitle, h, section, statusBadge } from "../dom";

const PAGE = 500; // the API's largest page

/** Every claim on a contested or denied event: pages of PAGE until the total (one page held
 * them on the demo; a bigger store's claims past the 500th were silently left out). */
async function disputedClaims(): Promise<Claim[]> {
  const first = await get<Schemas["ClaimPage"]>("/claims", { contested: true, limit: PAGE });
  const all = [...first.items];
  while (all.length < first.total) {
    const next = await get<Schemas["ClaimPage"]>("/claims", { contested: true, limit: PAGE, offset: all.length });
    if (!next.items.length) break;
    all.push(...next.items);
  }
  return all;
}

export async function renderClaims(main: HTMLElement) {
  const claims = await disputedClaims();
  const byEvent = new Map<string | null, Claim[]>();
  for (const c of claims) byEvent.set(c.event_id, [...(byEvent.get(c.event_id) ?? []), c]);
  main.append(h("h1", {}, `Contested and denied events (${byEvent.size})`),
    h("p", { class: "muted" }, `Events where sources disagree, with their ${claims.length} claims. Open one to see who asserts and who denies; `,
      h("a", { href: "#/events?status=contested&status=denied", id: "claims-in-explorer" }, "the same events in the explorer"),
      " to filter them by place, date or actor, map or export them."));
  if (!byEvent.size) { main.append(empty("No contested events.")); return; }
  for (const [eventId, list] of byEvent) {
    main.append(section("", h("h3", {}, eventLink(eventId, eventTitle(list[0].event_type, list[0].event_summary)), " ", statusBadge(list[0].event_status)),
      h("ul", {}, ...list.map((c) => h("li", {}, h("span", { class: `badge stance-${c.stance}` }, c.stance), " ",
        c.outlet ?? c.site ?? "the article itself", " — ", h("q", {}, (c.quote ?? c.sentence_text ?? "").trim()), " ", docLink(c.document_id, c.document_title))))));
  }
}
