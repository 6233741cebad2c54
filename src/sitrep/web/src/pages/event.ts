// One event and its claims: who asserts, who denies, how many independent origins.
import { canEdit, Claim, EventDetail, ExplorerPage, get, Judgement, post, Schemas } from "../api";
import { actionForm, editorOnly, reasonInput, undoButton } from "../actions";
import { Child, count, docLink, empty, entityLink, eventLink, eventTitle, h, section, spanLink, statusBadge } from "../dom";

const SUPPORT = new Set(["asserts", "reports", "confirms"]);

function chain(c: Claim) {
  const links = c.chain ?? [];
  if (!links.length) return h("span", { class: "muted" }, c.outlet ?? c.site ?? "the article itself");
  return h("span", { class: "chain" }, ...links.flatMap((l, i) =>
    [i ? h("span", { class: "muted" }, ` ${l.verb || "citing"} `) : "", h("span", { title: l.kind }, l.name)]));
}

function markButtons(c: Claim, refresh: () => void) {
  if (!canEdit()) return null;
  const reason = reasonInput("why");
  const out = h("span", { class: "error" });
  const make = (mark: "verified" | "doubtful" | null) => {
    const b = h("button", { type: "button", class: `mark-${mark ?? "clear"}` }, mark ?? "clear");
    b.addEventListener("click", async () => {
      if (!reason.value.trim()) { out.textContent = " say why first"; return; }
      await post(`/claims/${encodeURIComponent(c.id)}/mark`, { mark, reason: reason.value.trim() });
      refresh();
    });
    return b;
  };
  return h("span", { class: "marks" }, reason, make("verified"), make("doubtful"), c.analyst_mark ? make(null) : null, out);
}

function claimTable(claims: Claim[], refresh: () => void) {
  if (!claims.length) return empty("None.");
  return h("table", { class: "grid claims" },
    h("tr", {}, h("th", {}, "stance"), h("th", {}, "who says so"), h("th", {}, "statement"),
      h("th", {}, "document"), h("th", {}, "origin"), h("th", {}, "analyst")),
    ...claims.map((c) => h("tr", { "data-stance": c.stance },
      h("td", {}, h("span", { class: `badge stance-${c.stance}` }, c.stance), c.hedged ? h("span", { class: "badge" }, "hedged") : null),
      h("td", {}, chain(c)),
      h("td", {}, spanLink(c.document_id, c.start, c.end, `${c.stance} claim${c.outlet ? ` (${c.outlet})` : ""}`,
        h("q", { class: "claim-quote", "data-claim": c.id }, (c.quote ?? c.sentence_text ?? "").trim()))),
      h("td", {}, docLink(c.document_id, c.document_title), h("div", { class: "muted" }, `${c.site ?? ""} ${c.published ?? ""}`),
        c.duplicate_of ? h("span", { class: "badge" }, "copy") : null),
      h("td", { class: "muted" }, c.origin_key?.startsWith("doc:") ? "this article (no outlet known)" : c.origin_key ?? "—"),
      h("td", {}, c.analyst_mark ? h("span", { class: `badge mark-${c.analyst_mark}` }, c.analyst_mark) : null, markButtons(c, refresh)))));
}

// Two triggers in one sentence ("arrived in Moscow and held talks") are two mentions of the
// same event, so two claims; the analyst reads that sentence once.
function oncePerSentence(claims: Claim[]): Claim[] {
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
function originLabel(origin: string, claims: Claim[]): string | Node {
  if (!origin.startsWith("doc:")) return origin;
  const id = origin.slice(4);
  const claim = claims.find((c) => c.document_id === id);
  return claim ? docLink(id, `the article "${claim.document_title ?? id}"`) : origin;
}


/** The type a participant shows (the read layer's: its entity's, else the tagger's label),
 * and the tagger's label beside it where resolution typed the mention otherwise. */
function readType(p: Schemas["ReadSpan"]): HTMLElement {
  const retyped = p.entity_id && p.tagged_as && p.tagged_as !== p.type ? ` (tagged ${p.tagged_as})` : "";
  return h("span", { class: "why", "data-type": p.type ?? "" }, ` read as ${p.type ?? "?"}${retyped}`);
}

/** Each mention of the event in a document, every fact of it linked to its span. */
function evidence(mentions: Schemas["EvidenceMention"][]): HTMLElement {
  if (!mentions.length) return empty("No mention of this event is stored.");
  return h("ol", { class: "evidence" }, ...mentions.map((m) => {
    const at = (start: number | null, end: number | null, why: string, label: string) =>
      spanLink(m.document_id, start, end, why, label);
    const facts = [
      h("li", {}, "trigger ", at(m.trigger_start, m.trigger_end, `the word that names the ${m.type} event`, `“${m.trigger}”`),
        h("span", { class: "why" }, ` ${m.type}${m.mode ? `/${m.mode}` : ""}${m.negated ? ", negated" : ""}${m.modality ? `, ${m.modality}` : ""}`)),
      ...m.participants.map((p) => h("li", { "data-role": p.role }, `${p.role} `,
        at(p.start, p.end, `${p.role} of the event`, `“${p.text}”`), readType(p))),
      m.place ? h("li", {}, "place ", at(m.place.start, m.place.end, "where the event happened", `“${m.place.text}”`)) : null,
      m.time ? h("li", {}, "date ", m.time.start != null ? at(m.time.start, m.time.end, `the date (${m.time.start_date})`, `“${m.time.text}”`)
        : m.sentence_span ? at(m.sentence_span.start, m.sentence_span.end, `the sentence the date was taken for (${m.time.start_date})`, "(no date words)") : "",
        h("span", { class: "why" }, ` → ${m.time.start_date ?? "?"}${m.time.end_date && m.time.end_date !== m.time.start_date ? `..${m.time.end_date}` : ""} (${m.time.precision}); rule: ${m.time.dating?.words ?? m.time.rule ?? "?"}`)) : null,
    ];
    return h("li", { "data-mention": m.id }, canEdit() ? h("input", { type: "checkbox", class: "pick-event-mention", value: m.id, "aria-label": "split this mention off" }) : "", " ",
      docLink(m.document_id, m.document_title), h("span", { class: "muted" }, ` ${m.site ?? ""} ${m.published ?? ""}`),
      m.sentence_span ? h("span", {}, " · ", spanLink(m.document_id, m.sentence_span.start, m.sentence_span.end, "the sentence that reports the event", "the sentence")) : "",
      h("ul", {}, ...facts));
  }));
}

/** The positions a participant holds (its dossier's): title, organisation linked to its
 * dossier, dates, and where it is known from: the domain pack, reports (the first report's
 * sentence linked), or both. */
function positionsHeld(positions: Schemas["DossierRelation"][]): Child {
  if (!positions.length) return null;
  return h("ul", { class: "positions" }, ...positions.map((p) => {
    const when = p.time_start || p.time_end ? ` (${p.time_start ?? "?"} – ${p.time_end ?? (p.ended ? "ended" : "now")})` : "";
    const report = p.claims.find((c) => c.source === "report" && c.document_id);
    const source = p.from_pack && p.learned ? "the domain pack and reports" : p.from_pack ? "the domain pack" : "reports";
    return h("li", { class: "position", "data-relation": p.id, "data-source": p.learned ? (p.from_pack ? "both" : "learned") : "pack" },
      h("strong", {}, p.title ?? p.type), ", ", entityLink(p.other.entity_id, p.other.name ?? p.other.entity_id),
      h("span", { class: "muted" }, when), h("span", { class: "muted source" }, ` — ${source}`),
      report?.document_id ? h("span", {}, ": ", report.start != null
        ? spanLink(report.document_id, report.start, report.end, `${p.type}: the sentence that states it`, report.document_title ?? "a report")
        : docLink(report.document_id, report.document_title)) : "");
  }));
}

type StatusChange = Schemas["EventStatusChange"];

/** "2026-12-03T21:07:51.123+00:00" as an analyst reads it: "2026-12-03 21:07 UTC". */
function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** Why a status changed, in words: the run that added reports, the analyst's decision (by whom,
 * what and why, when the event's own decisions hold it), or a regrouping of the store. */
function whyChanged(why: string, decisions: Judgement[]): Child {
  const [kind, ref] = [why.split(" ", 1)[0], why.slice(why.indexOf(" ") + 1)];
  if (kind === "run") return `reports were added (ingest run ${ref})`;
  if (kind === "judgement") {
    const j = decisions.find((d) => d.id === ref);
    return j ? h("span", {}, `${j.actor ?? j.by}'s decision: ${j.subject} ${j.action}, “${j.reason}”`, j.active === false ? h("span", { class: "badge" }, "withdrawn since") : "")
      : h("span", {}, "an analyst's decision (", h("a", { href: "#/decisions?by=all" }, ref), ")");
  }
  if (kind === "corroboration") return "the store's events were grouped again (sitrep reduce)";
  return why;
}

/** When and why the event's status changed, oldest first; in words when it never did. */
function statusHistory(e: EventDetail, changes: StatusChange[]): HTMLElement {
  if (!changes.length) {
    return section("Status history", empty(`No status change recorded: it has been ${e.status ?? "unresolved"} since it was first grouped ` +
      "(or since this store began keeping the history). A change comes from reports added, an analyst's merge or split, or a regrouping."));
  }
  return section(`Status history (${count(changes.length, "change")})`, h("ol", { class: "status-history" }, ...changes.map((c) =>
    h("li", { "data-old": c.old_status, "data-new": c.new_status, "data-why": c.why },
      h("span", { class: "date" }, when(c.changed_at)), " ", statusBadge(c.old_status), " → ", statusBadge(c.new_status), ": ",
      whyChanged(c.why, e.judgements),
      c.was_event !== e.id ? h("span", { class: "muted" }, " — then part of event ", eventLink(c.was_event, c.was_event),
        ", which this one came out of (split off, or read again under a new id)") : ""))));
}

/** "2017-04-04" moved by `n` days. */
function shiftDay(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const NEAR_DAYS = 2;

/** The other events in the same governorate (else at the same place) within two days of this
 * one's dates, as the explorer's filter keeps them: another outlet's report of the same
 * happening is often read as another event (another type, spelling of the place, or day), and
 * a fact-checker must see those before reading "single-source" as "told once". */
function nearby(e: EventDetail): HTMLElement | null {
  if (!e.time_start) return null;
  const where = e.admin1 ?? e.place_entity?.name;
  const filter: Record<string, string> | null = e.admin1 ? { admin1: e.admin1 } : e.place_entity_id ? { place: e.place_entity_id } : null;
  const title = `Other events in ${where ?? "the same place"} within ${NEAR_DAYS} days`;
  if (!filter) return section("Other events nearby", empty("Its place is not resolved to a known place, so the events near it cannot be listed."));
  const query = { ...filter, since: shiftDay(e.time_start, -NEAR_DAYS), until: shiftDay(e.time_end ?? e.time_start, NEAR_DAYS) };
  const box = section(title, h("p", { class: "muted" }, "Loading…"));
  box.classList.add("nearby");
  void get<ExplorerPage>("/explore/events", { ...query, limit: 50 }).then((page) => {
    const others = page.items.filter((x) => x.id !== e.id);
    const total = page.total - (page.items.length > others.length ? 1 : 0);
    const explorer = h("a", { href: `#/events?${new URLSearchParams(query).toString()}` }, "open them in the explorer");
    box.replaceChildren(h("h2", {}, `${title} (${total})`),
      h("p", { class: "muted" }, `From ${query.since} to ${query.until}. Another outlet's report of the same happening may have been read as another event (another type, spelling of the place or day): look here before reading single-source as told once; `, explorer, "."),
      others.length ? h("table", { class: "grid nearby-events" },
        h("tr", {}, h("th", {}, "date"), h("th", {}, "event"), h("th", {}, "status"), h("th", {}, "killed"), h("th", {}, "first report")),
        ...others.map((x) => h("tr", { "data-event": x.id, "data-same-type": String(x.type === e.type) },
          h("td", { class: "date" }, x.time_start ?? "undated"),
          h("td", {}, eventLink(x.id, eventTitle(x.type, x.summary)), x.place_name ? h("span", { class: "muted" }, ` (${x.place_name})`) : ""),
          h("td", {}, statusBadge(x.status)),
          h("td", {}, x.fatalities ? String(x.fatalities) : ""),
          h("td", {}, x.first_report ? docLink(x.first_report.document_id, x.first_report.title) : "",
            h("span", { class: "muted" }, ` ${x.outlets.join(", ")}${x.n_documents > 1 ? ` (${x.n_documents} documents)` : ""}`)))))
        : empty(`No other event in ${where ?? "this place"} within ${NEAR_DAYS} days.`));
  }).catch((error) => box.replaceChildren(h("h2", {}, title), h("p", { class: "error" }, `Could not list them: ${error instanceof Error ? error.message : String(error)}`)));
  return box;
}

export async function renderEvent(main: HTMLElement, id: string) {
  const [e, found, history] = await Promise.all([get<EventDetail>(`/events/${encodeURIComponent(id)}`),
    get<Schemas["Evidence"]>(`/events/${encodeURIComponent(id)}/evidence`),
    get<Schemas["EventStatusHistory"]>(`/events/${encodeURIComponent(id)}/status-history`)]);
  const refresh = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  const place = e.place_entity;
  const claims = oncePerSentence(e.claims);
  const asserting = claims.filter((c) => SUPPORT.has(c.stance));
  const denying = claims.filter((c) => !SUPPORT.has(c.stance));
  main.append(
    h("h1", {}, eventTitle(e.type, e.summary), " ", statusBadge(e.status)),
    h("p", { class: "muted" }, e.status_reason, " ", h("a", { href: `#/story/${encodeURIComponent(e.id)}` }, "the story: every report in order")),
    h("dl", { class: "meta" },
      h("dt", {}, "When"), h("dd", {}, e.time_start ? `${e.time_start}${e.time_end && e.time_end !== e.time_start ? ` – ${e.time_end}` : ""} (${e.time_precision})` : "unresolved",
        // how the date was worked out: a weekday or "yesterday" is as good as the publication
        // date it was counted from; the report's days are no date the text gave
        h("div", { class: "dating muted", "data-dating": e.dating?.kind ?? "" }, "worked out from: ",
          e.dating ? e.dating.words : "not recorded (the store's events were grouped before it kept the method; `sitrep reduce --all` records it)")),
      h("dt", {}, "Where"), h("dd", {}, place ? [entityLink(place.id, place.name, place.type), ` (${place.precision ?? "?"} precision) `,
        h("a", { href: "#/map" }, "map")] : "unknown"),
      h("dt", {}, "Who"), h("dd", {}, h("ul", {}, ...e.participants.map((p) => h("li", {}, `${p.role}: `, entityLink(p.entity_id, String(p.name ?? p.text ?? "?"), p.entity_type),
        positionsHeld(p.positions))))),
      h("dt", {}, "Independent origins"), h("dd", { "data-origins": e.n_origins }, `${e.n_origins} of ${e.n_claims} claims`,
        h("ul", {}, ...(e.origins ?? []).map((o: string) => h("li", { class: "muted" }, originLabel(o, e.claims)))))),
    statusHistory(e, history.items),
    nearby(e) ?? "",
    section(`Asserting or reporting (${asserting.length})`, claimTable(asserting, refresh)),
    section(`Denying or retracting (${denying.length})`, claimTable(denying, refresh)),
    section(`Where each fact was read (${found.mentions.length} mentions)`, evidence(found.mentions)),
  );
  main.append(editorOnly(mergeEvents(e), splitEvent(e, main)) ?? "");
  if (e.judgements.length) {
    main.append(section("Analyst and rule decisions", h("ul", { class: "judgements" }, ...e.judgements.map((j) =>
      h("li", { "data-judgement": j.id }, `${j.created_at} ${j.by} ${j.actor ?? ""}: ${j.action} — ${j.reason} `,
        j.active === false ? h("span", { class: "badge" }, "withdrawn") : "", undoButton(j))))));
  }
}

/** Merge other events (of the same type, by id from the list) into this one: the list holds
 * the 200 of that type closest in time to it (the explorer's `near`), since a duplicate report
 * is of about the same days; the type's first 200 in time order missed them in a big store. */
function mergeEvents(e: EventDetail): HTMLElement {
  const pick = h("select", { class: "merge-event", "aria-label": "event to merge in" }, h("option", { value: "" }, "loading…"));
  void get<ExplorerPage>("/explore/events", { type: e.type, limit: 200, near: e.time_start?.slice(0, 10) }).then((found) => {
    pick.replaceChildren(h("option", { value: "" }, `— an event of type ${e.type} —`), ...found.items.filter((x) => x.id !== e.id).map((x) =>
      h("option", { value: x.id }, `${x.time_start ?? "undated"} ${eventTitle(x.type, x.summary)} (${x.status})`)));
  });
  return h("div", {}, h("h3", {}, "Merge another report of the same happening into this event"),
    actionForm("Merge", [pick], (reason) => post("/events/merge", { into: e.id, merge: [pick.value], reason })));
}

/** Move the ticked mentions (under "Where each fact was read") to a new event. */
function splitEvent(e: EventDetail, main: HTMLElement): HTMLElement {
  return h("div", {}, h("h3", {}, "Split the ticked mentions off into a new event"),
    actionForm("Split", [], (reason) => {
      const ids = [...main.querySelectorAll<HTMLInputElement>("input.pick-event-mention:checked")].map((b) => b.value);
      if (!ids.length) return Promise.reject(new Error("Tick the mentions to split off first (under Where each fact was read)."));
      return post(`/events/${encodeURIComponent(e.id)}/split`, { event_mention_ids: ids, reason });
    }));
}
