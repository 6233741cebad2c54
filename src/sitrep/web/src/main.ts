// The workbench shell: nav bar, hash routes, one render function per page.
import "./style.css";
import { ApiError, canEdit, session, startSession } from "./api";
import { clear, h } from "./dom";
import { renderAdd } from "./pages/add";
import { renderApiDocs } from "./pages/apidocs";
import { renderClaims } from "./pages/claims";
import { renderDecisions } from "./pages/decisions";
import { renderDocument } from "./pages/document";
import { renderEntities, renderEntity } from "./pages/entity";
import { renderEgo } from "./pages/ego";
import { renderEvent } from "./pages/event";
import { renderExplorer } from "./pages/explorer";
import { renderMap } from "./pages/map";
import { renderNetwork } from "./pages/network";
import { renderRelations } from "./pages/relations";
import { renderSearch } from "./pages/search";
import { renderStory } from "./pages/story";
import { renderTimeline } from "./pages/timeline";
import { renderWatch } from "./pages/watch";

type Render = (main: HTMLElement, arg: string, params: URLSearchParams) => Promise<void>;

const ROUTES: Record<string, Render> = {
  search: renderSearch,
  doc: renderDocument,
  entities: renderEntities,
  entity: renderEntity,
  event: renderEvent,
  events: renderExplorer,
  network: renderNetwork,
  relations: renderRelations,
  ego: renderEgo,
  map: renderMap,
  timeline: renderTimeline,
  claims: renderClaims,
  story: renderStory,
  decisions: renderDecisions,
  watch: renderWatch,
  add: renderAdd,
};

const NAV: [string, string][] = [
  ["search", "Search"], ["events", "Events"], ["watch", "Watchlist"], ["entities", "Entities"], ["network", "Network"], ["relations", "Relations"], ["map", "Map"],
  ["timeline", "Timeline"], ["claims", "Contested claims"], ["decisions", "Decisions"],
];

function nav(current: string): HTMLElement {
  // adding reports writes to the store: offered to editors only (the API refuses others too)
  const shown: [string, string][] = canEdit() ? [...NAV, ["add", "Add reports"]] : NAV;
  const items = shown.map(([route, label]) =>
    h("a", { href: `#/${route}`, class: route === current ? "active" : null, "data-nav": route }, label));
  const who = session.user ? `${session.user} (${session.role})` : "not signed in";
  return h("nav", { class: "topnav" }, h("a", { href: "#/search", class: "brand" }, "sitrep"),
    ...items, h("a", { href: "/api/docs" }, "API"), h("span", { class: "who" }, who), tokenForm());
}

function tokenForm(): HTMLElement | null {
  if (!session.authRequired || session.user) return null;
  const input = h("input", { type: "password", placeholder: "API token", "aria-label": "API token" });
  const form = h("form", { class: "token" }, input, h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem("sitrep-token", input.value.trim());
    void boot();
  });
  return form;
}

function parseHash(): [string, string, URLSearchParams] {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, qs] = raw.split("?", 2);
  const [route, ...rest] = (path || "search").split("/");
  return [route, decodeURIComponent(rest.join("/")), new URLSearchParams(qs ?? "")];
}

async function route(): Promise<void> {
  const [name, arg, params] = parseHash();
  const top = document.getElementById("top")!;
  const main = document.getElementById("app")!;
  clear(top);
  top.appendChild(nav(name));
  clear(main);
  main.appendChild(h("p", { class: "muted" }, "Loading…"));
  const render = ROUTES[name] ?? renderSearch;
  try {
    const fresh = h("div", { class: `page page-${name}` });
    await render(fresh, arg, params);
    clear(main);
    main.appendChild(fresh);
  } catch (error) {
    clear(main);
    const message = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
    main.appendChild(h("div", { class: "error", role: "alert" }, h("strong", {}, "Could not load this page: "), message));
  }
  document.body.dataset.ready = name;
}

async function boot(): Promise<void> {
  try { await startSession(); } catch { /* shown by the page that fails */ }
  if (document.body.dataset.page === "apidocs") {
    const top = document.getElementById("top")!;
    clear(top);
    top.appendChild(nav("api"));
    await renderApiDocs(document.getElementById("app")!);
    document.body.dataset.ready = "apidocs";
    return;
  }
  await route();
}

window.addEventListener("hashchange", () => void route());
void boot();
