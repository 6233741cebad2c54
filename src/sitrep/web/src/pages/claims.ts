// Claims on contested or denied events, grouped by event.
import { Claim, get, Schemas } from "../api";
import { docLink, empty, eventLink, eventTitle, h, section, statusBadge } from "../dom";

export async function renderClaims(main: HTMLElement) {
  const claims = await get<Schemas["ClaimPage"]>("/claims", { contested: true, limit: 500 });
  const byEvent = new Map<string | null, Claim[]>();
  for (const c of claims.items) byEvent.set(c.event_id, [...(byEvent.get(c.event_id) ?? []), c]);
  main.append(h("h1", {}, `Contested and denied events (${byEvent.size})`),
    h("p", { class: "muted" }, "Events where sources disagree. Open one to see who asserts and who denies."));
  if (!byEvent.size) { main.append(empty("No contested events.")); return; }
  for (const [eventId, list] of byEvent) {
    main.append(section("", h("h3", {}, eventLink(eventId, eventTitle(list[0].event_type, list[0].event_summary)), " ", statusBadge(list[0].event_status)),
      h("ul", {}, ...list.map((c) => h("li", {}, h("span", { class: `badge stance-${c.stance}` }, c.stance), " ",
        c.outlet ?? c.site ?? "the article itself", " — ", h("q", {}, (c.quote ?? c.sentence_text ?? "").trim()), " ", docLink(c.document_id, c.document_title))))));
  }
}
