// Analyst actions in the UI: every one asks a reason, goes through the ledger (POST /api/...),
// and answers with the logged judgement and an Undo button. Nothing here trusts page text as
// markup; errors are shown in words on the page (no alert()).
import { ApiError, canEdit, Decided, Judgement, post } from "./api";
import { h } from "./dom";

export function reasonInput(placeholder = "reason (kept in the log)"): HTMLInputElement {
  return h("input", { type: "text", class: "reason", placeholder, "aria-label": "reason", required: true, maxlength: 2000 });
}

/** A form that runs `act(reason)` and then shows what was logged, with Undo. */
export function actionForm(label: string, fields: (HTMLElement | string)[], act: (reason: string) => Promise<Decided>,
  done: (result: Decided) => void = () => reload()): HTMLFormElement {
  const reason = reasonInput();
  const out = h("div", { class: "action-result", role: "status" });
  const form = h("form", { class: "action" }, ...fields, " ", reason, " ", h("button", { type: "submit" }, label), out);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!reason.value.trim()) { out.replaceChildren(h("span", { class: "error" }, "Say why: the reason is kept in the log.")); return; }
    try {
      const result = await act(reason.value.trim());
      out.replaceChildren(logged(result.judgement));
      done(result);
    } catch (error) {
      out.replaceChildren(h("span", { class: "error" }, error instanceof ApiError ? error.message : String(error)));
    }
  });
  return form;
}

/** The judgement an action logged, with a button that undoes it. */
export function logged(j: Judgement | undefined): HTMLElement {
  if (!j) return h("span", {}, "Done.");
  return h("span", { class: "logged", "data-judgement": j.id }, `Logged ${j.subject} ${j.action} (${j.id}). `, undoButton(j));
}

export function undoButton(j: Judgement): HTMLElement | null {
  if (!canEdit() || j.by !== "analyst" || j.active === false || j.action === "undo") return null;
  const reason = reasonInput("why undo");
  const out = h("span", { class: "undo-result" });
  const button = h("button", { type: "submit", class: "undo" }, "Undo");
  const form = h("form", { class: "undo-form", "data-judgement": j.id }, reason, " ", button, " ", out);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await post(`/judgements/${encodeURIComponent(j.id)}/undo`, { reason: reason.value.trim() || "undone in the workbench" });
      out.replaceChildren("Undone.");
      reload();
    } catch (error) {
      out.replaceChildren(h("span", { class: "error" }, error instanceof ApiError ? error.message : String(error)));
    }
  });
  return form;
}

export function reload(): void {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export function editorOnly(...children: (HTMLElement | string | null)[]): HTMLElement | null {
  return canEdit() ? h("div", { class: "card actions-card" }, h("h2", {}, "Act on this"), ...children.filter((c) => c !== null) as (HTMLElement | string)[]) : null;
}
