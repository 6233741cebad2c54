// Offline API reference rendered from /api/openapi.json (no CDN-hosted Swagger UI).
import { h } from "../dom";

// The OpenAPI format itself (not this API's shapes): only what this page reads.
type Parameter = { name: string; in: string; required?: boolean; description?: string };
type Operation = { summary?: string; parameters?: Parameter[]; requestBody?: unknown };
type Spec = { info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

export async function renderApiDocs(main: HTMLElement) {
  const spec: Spec = await (await fetch("/api/openapi.json")).json();
  while (main.firstChild) main.removeChild(main.firstChild);
  main.append(h("h1", {}, `${spec.info.title} API ${spec.info.version}`),
    h("p", {}, "Machine-readable description: ", h("a", { href: "/api/openapi.json" }, "/api/openapi.json"),
      ". Errors always look like {\"error\": {\"code\", \"message\", \"detail\"}}."));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      main.append(h("section", { class: "card endpoint" },
        h("h3", {}, h("code", { class: `method m-${method}` }, method.toUpperCase()), " ", h("code", {}, path)),
        h("p", {}, op.summary ?? ""),
        params.length ? h("ul", {}, ...params.map((p) => h("li", {}, h("code", {}, p.name), ` (${p.in}${p.required ? ", required" : ""}) ${p.description ?? ""}`))) : null,
        op.requestBody ? h("p", { class: "muted" }, "JSON body: see the schema in openapi.json") : null));
    }
  }
}
