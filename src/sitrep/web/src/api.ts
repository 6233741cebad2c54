// Talking to /api: bearer token when the server needs one, CSRF header on writes.

export interface Page<T> { total: number; limit: number; offset: number; items: T[] }
export type Row = Record<string, any>;

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
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const err = body?.error ?? {};
    throw new ApiError(response.status, err.code ?? "error", err.message ?? response.statusText);
  }
  return body as T;
}

export async function startSession(): Promise<void> {
  const s = await parse<Row>(await fetch("/api/session", { headers: headers(), credentials: "same-origin" }));
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

export async function get<T = Row>(path: string, params: Record<string, unknown> = {}): Promise<T> {
  return parse<T>(await fetch(`/api${path}${query(params)}`, { headers: headers(), credentials: "same-origin" }));
}

export async function post<T = Row>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: "POST",
    credentials: "same-origin",
    headers: headers({ "Content-Type": "application/json", "X-CSRF-Token": csrf }),
    body: JSON.stringify(body),
  });
  return parse<T>(response);
}

export function canEdit(): boolean {
  return session.role === "editor" || session.role === "admin";
}
