// Watched views: explorer filters saved under a name (`sitrep.read.watch`), each with its events
// now, those first stored since it was last opened and those seen before that a report joined
// since. Opening one (#/watch/NAME) lists what is new and updated and marks it seen; the explorer
// saves the view it shows ("watch this view").
import { post, Schemas, WatchedView, get } from "../api";
import { empty, eventTitle, h, section, statusBadge } from "../dom";
import { describe, filterFrom } from "../filters";

const when = (at: string) => at.slice(0, 16).replace("T", " ");
const explorerOf = (v: WatchedView) => `#/events${v.filter ? `?${v.filter}` : ""}`;
const openHref = (v: WatchedView) => `#/watch/${encodeURIComponent(v.name)}`;
const said = (v: WatchedView) => (v.filter ? describe(filterFrom(new URLSearchParams(v.filter))) : "all events");

/** "Watch this view": the explorer's form saving its filter under a name. */
export function watchForm(filter: string, total: number): HTMLFormElement {
  const input = h("input", { name: "watch-name", type: "text", size: "16", placeholder: "name this view", required: true, maxlength: "120" });
  const done = h("span", { class: "muted watch-done" });
  const form = h("form", { class: "filters watch-form" }, h("label", {}, "Watch this view ", input), " ",
    h("button", { type: "submit" }, "Watch"), " ", done);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void (async () => {
      try {
        const view = await post<WatchedView>("/watch", { name: input.value.trim(), filter });
        done.replaceChildren(`watching “${view.name}”: ${view.total} events; new ones will show in the `,
          h("a", { href: "#/watch" }, "watchlist"));
        done.dataset.watched = view.name;
        done.dataset.total = String(view.total);
      } catch (error) {
        done.replaceChildren(h("span", { class: "error" }, `could not save: ${String(error instanceof Error ? error.message : error)}`));
      }
    })();
  });
  done.dataset.events = String(total);
  return form;
}

function removeButton(v: WatchedView): HTMLButtonElement {
  const button = h("button", { type: "button", class: "small", "data-remove": v.name }, "stop watching");
  button.addEventListener("click", () => {
    void post(`/watch/${encodeURIComponent(v.name)}`, undefined, "DELETE").then(() => window.dispatchEvent(new HashChangeEvent("hashchange")));
  });
  return button;
}

async function renderList(main: HTMLElement): Promise<void> {
  const views = (await get<Schemas["WatchedViews"]>("/watch")).items;
  main.append(h("h1", {}, `Watched views (${views.length})`),
    h("p", { class: "muted" }, "Explorer filters you saved, with how many events each keeps now, how many were first stored since you last opened it (new), and how many you had seen but a report joined since (updated: a later report on an event you saw does not make it new). Save one with “Watch this view” in the ",
      h("a", { href: "#/events" }, "events explorer"), "."),
    views.length ? h("table", { class: "grid watchlist" },
      h("tr", {}, h("th", {}, "view"), h("th", {}, "events"), h("th", {}, "new"), h("th", {}, "updated"), h("th", {}, "filter"), h("th", {}, "last opened"), h("th", {}, "")),
      ...views.map((v) => h("tr", { "data-view": v.name, "data-total": v.total, "data-new": v.new, "data-updated": v.updated },
        h("td", {}, h("a", { href: openHref(v) }, v.name)),
        h("td", { class: "num" }, h("a", { href: explorerOf(v), title: "in the explorer (does not mark it seen)" }, String(v.total))),
        h("td", { class: "num" }, v.new ? h("span", { class: "badge new" }, `${v.new} new`) : "0"),
        h("td", { class: "num" }, v.updated ? h("span", { class: "badge updated" }, `${v.updated} updated`) : "0"),
        h("td", { class: "muted" }, said(v)), h("td", { class: "date" }, when(v.seen_at)), h("td", {}, removeButton(v)))))
      : empty("No watched view yet."));
}

function eventTable(kind: string, events: Schemas["ExplorerEvent"][], none: string): HTMLElement {
  const rows = events.map((e) => h("tr", { "data-event": e.id },
    h("td", { class: "date" }, e.time_start ?? "undated"), h("td", {}, h("a", { href: `#/story/${encodeURIComponent(e.id)}` }, eventTitle(e.type, e.summary))),
    h("td", {}, e.place_name ?? ""), h("td", {}, statusBadge(e.status)), h("td", { class: "num" }, e.fatalities || ""),
    h("td", {}, e.first_report ? e.first_report.title ?? e.first_report.document_id : "")));
  return rows.length ? h("table", { class: "grid", "data-kind": kind },
    h("tr", {}, h("th", {}, "date"), h("th", {}, "event"), h("th", {}, "place"), h("th", {}, "status"), h("th", {}, "fatalities"), h("th", {}, "first report")), ...rows)
    : empty(none);
}

async function renderOpened(main: HTMLElement, name: string): Promise<void> {
  const opened = await post<Schemas["OpenedView"]>(`/watch/${encodeURIComponent(name)}/open`, {});
  const v = opened.view;
  main.append(h("h1", { "data-view": v.name, "data-new": v.new, "data-updated": v.updated, "data-total": v.total },
    `${v.name}: ${v.new} new, ${v.updated} updated of ${v.total}`),
    h("p", { class: "muted" }, `${said(v)}. Since you last opened it (${when(v.seen_at)}); now marked seen. `,
      h("a", { href: explorerOf(v) }, `all ${v.total} events in the explorer`), " · ", h("a", { href: "#/watch" }, "watchlist")),
    section("New since your last visit", eventTable("new", opened.new_events, "Nothing new.")),
    section("Updated since your last visit (seen before; a report joined them — their story pages show it)",
      eventTable("updated", opened.updated_events, "Nothing updated.")));
}

export async function renderWatch(main: HTMLElement, arg: string): Promise<void> {
  await (arg ? renderOpened(main, arg) : renderList(main));
}
