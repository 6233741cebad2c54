// Every judgement in the ledger, newest first: who decided what, why, whether it is still in
// force, with Undo for the analyst's own decisions.
import { get, Judgement, Schemas } from "../api";
import { undoButton } from "../actions";
import { empty, h } from "../dom";

const PAGE = 50;

function targetsText(t: Judgement["targets"]): string {
  return Object.entries(t ?? {}).filter(([k]) => !["moved", "entities", "aliases", "before_rows"].includes(k))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.slice(0, 6).join(", ") + (v.length > 6 ? ` … (${v.length})` : "") : typeof v === "object" && v !== null ? JSON.stringify(v).slice(0, 80) : String(v)}`)
    .join("; ");
}

export async function renderDecisions(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const by = params.get("by") ?? "analyst";
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const list = await get<Schemas["JudgementPage"]>("/judgements", { by: by === "all" ? "" : by, limit: PAGE, offset });
  const tab = (value: string, label: string) => h("a", { href: `#/decisions?by=${value}`, class: by === value ? "active" : null }, label);
  const at = (o: number) => `#/decisions?by=${by}&offset=${o}`;
  main.append(h("h1", {}, `Decisions (${list.total})`),
    h("p", { class: "muted" }, "Every merge, split, relabel, mark and undo, logged with who and why; the analyst's decisions survive re-runs until undone. Show: ",
      tab("analyst", "analyst decisions"), " · ", tab("rule", "rule decisions"), " · ", tab("all", "all")),
    list.items.length ? h("table", { class: "grid decisions" },
      h("tr", {}, h("th", {}, "when"), h("th", {}, "by"), h("th", {}, "decision"), h("th", {}, "on"), h("th", {}, "why"), h("th", {}, "")),
      ...list.items.map((j) => h("tr", { "data-judgement": j.id, "data-active": String(j.active) },
        h("td", { class: "date" }, j.created_at), h("td", {}, `${j.by}${j.actor ? ` (${j.actor})` : ""}`),
        h("td", {}, `${j.subject} ${j.action}`, j.active ? "" : h("span", { class: "badge" }, "withdrawn")),
        h("td", { class: "muted" }, targetsText(j.targets)), h("td", {}, j.reason), h("td", {}, undoButton(j)))))
      : empty(by === "analyst" ? "No analyst decision yet: merge, split or mark from a dossier or an event." : "None."),
    h("p", { class: "pager" }, offset > 0 ? h("a", { href: at(Math.max(0, offset - PAGE)) }, "← newer") : null,
      ` ${list.total ? offset + 1 : 0}–${Math.min(list.total, offset + PAGE)} of ${list.total} `,
      offset + PAGE < list.total ? h("a", { href: at(offset + PAGE) }, "older →") : null));
}
