// Talking to /api: bearer token when the server needs one, CSRF header on writes.
import type { components } from "./generated/api-types";

/** The API's shapes, generated from its OpenAPI document (scripts/gen-api-types): the read
 * model's records and the API's own models, never written by hand here. */
export type Schemas = components["schemas"];
export type Judgement = Schemas["JudgementRow"];
export type Decided = Schemas["Decided"];
export type EventDetail = Schemas["EventDetail"];
export type Claim = Schemas["ClaimRecord"];
export type Dossier = Schemas["Dossier"];
export type ExplorerEvent = Schemas["ExplorerEvent"];
export type ExplorerPage = Schemas["ExplorerPage"];
export type Network = Schemas["Network"];
export type PairRelation = Schemas["PairRelation"];
export type Relation = Schemas["Relation"];
export type RelationEnd = Schemas["RelationEnd"];
export type EgoNetwork = Schemas["EgoNetwork"];
export type EgoEdge = Schemas["EgoEdge"];
export type WatchedView = Schemas["WatchedView"];

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) { super(message); }
}

let csrf = "";
export const session: { user: string | null; role: string | null; authRequired: boolean } = {
  user: null, role: null, authRequired: false,
};

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = sessionStorage.getItem("sitrep-token");
  return { Accept: "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
}

async function parse<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const err = (body as Partial<Schemas["ErrorBody"]> | null)?.error;
    throw new ApiError(response.status, err?.code ?? "error", err?.message ?? response.statusText);
  }
  return body as T;
}

export async function startSession(): Promise<void> {
  const s = await parse<Schemas["Session"]>(await fetch("/api/session", { headers: headers(), credentials: "same-origin" }));
  csrf = s.csrf_token;
  session.user = s.user; session.role = s.role; session.authRequired = s.auth_required;
}

export function query(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x)));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function get<T>(path: string, params: Record<string, unknown> = {}): Promise<T> {
  return parse<T>(await fetch(`/api${path}${query(params)}`, { headers: headers(), credentials: "same-origin" }));
}

export async function post<T = Decided>(path: string, body: unknown, method = "POST"): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: "same-origin",
    headers: headers({ "Content-Type": "application/json", "X-CSRF-Token": csrf }),
    body: JSON.stringify(body),
  });
  return parse<T>(response);
}

export function canEdit(): boolean {
  return session.role === "editor" || session.role === "admin";
}
