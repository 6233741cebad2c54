// The map for analysis: countries from world-atlas, governorates from Natural Earth's admin-1
// layer (./mapareas) and town names from the gazetteer (no tile server, works offline); events
// clustered with their count and status mix, spiderfied where they share a place, so every
// event can be reached by clicking. Uncertainty at real scale: a place known only to its
// country is drawn as that country's area, one known only to a governorate as the
// governorate's area (a region with no admin-1 area as a ring of approximate size); a time
// slider; the list of the events in view. The explorer's filter (in the URL) narrows the events.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster";
import "leaflet.markercluster/dist/MarkerCluster.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { get, Schemas } from "../api";
import { eventTitle, h, STATUSES } from "../dom";
import { describe, ExplorerPoint, explorePoints, Filter, filterFrom, filterQuery, hasFilter } from "../filters";
import { Admin1, admin1, Area, areaClass, areaKey, areasOf } from "./mapareas";

const STATUS_COLOURS: Record<string, string> = {
  "single-source": "#8a8f98", corroborated: "#2e7d32", contested: "#e65100", denied: "#c62828",
};
const REGION_RADIUS_M = 60_000; // a region that is no admin-1 area: a ring about a governorate's size
const ADMIN1_LABEL_ZOOM = 6; // governorate names from this zoom on (further out they crowd the towns)

/** An event with a place on the map (those without coordinates are counted, not drawn). */
type Located = ExplorerPoint & { lat: number; lon: number };
const hasPlace = (e: ExplorerPoint): e is Located => e.lat != null && e.lon != null;

const exact = (e: Located) => e.precision === "city" || e.precision === "exact";

/** How the popup and the list say where an event is drawn. */
function drawnAs(e: Located, areas: Admin1 | null): string {
  if (exact(e)) return "exact place";
  if (e.precision === "country") return "country only (drawn as its area)";
  const found = areasOf(areas, e.admin1_codes);
  if (e.precision === "region" && found.length) {
    const names = [...new Set(found.map((a) => a.properties.name))].join(", ");
    return `governorate only (drawn as its area: ${names})`;
  }
  return `${e.precision} only (extent unknown: a ring of about 60 km)`;
}

function markerFor(e: Located, areas: Admin1 | null): L.Marker {
  const kind = exact(e) ? "ev-exact" : `ev-approx ev-${e.precision}`;
  const dot = h("span", { class: `ev-marker ${kind}`, "data-event": e.id, "data-status": e.status,
    title: `${eventTitle(e.type, e.summary)} (${e.status})` });
  dot.style.setProperty("--c", STATUS_COLOURS[e.status] ?? "#555");
  const size = exact(e) ? 14 : 20;
  const icon = L.divIcon({ html: dot, className: "ev-icon", iconSize: [size, size] });
  const marker = L.marker([e.lat, e.lon], { icon, title: eventTitle(e.type, e.summary), riseOnHover: true });
  (marker as L.Marker & { event: Located }).event = e;
  marker.bindPopup(() => h("div", { class: "ev-popup" },
    h("a", { href: `#/event/${encodeURIComponent(e.id)}`, "data-event": e.id }, eventTitle(e.type, e.summary)),
    h("div", {}, `${e.place_name} — ${drawnAs(e, areas)}`),
    h("div", {}, `${e.time_start ?? "undated"} · ${e.status}`)));
  return marker;
}

/** A cluster's icon: its count on a ring split by the statuses of the events inside. */
function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const events = cluster.getAllChildMarkers().map((m) => (m as L.Marker & { event: Located }).event);
  const counts = STATUSES.map((s) => events.filter((e) => e.status === s).length);
  let at = 0;
  const stops = STATUSES.flatMap((s, i) => {
    const from = at; at += (counts[i] / events.length) * 360;
    return counts[i] ? [`${STATUS_COLOURS[s]} ${from}deg ${at}deg`] : [];
  });
  const size = events.length < 10 ? 34 : events.length < 50 ? 42 : 50;
  const ring = h("div", { class: "ev-cluster", "data-count": events.length,
    "data-events": events.map((e) => e.id).sort().join(" "),
    title: STATUSES.map((s, i) => (counts[i] ? `${counts[i]} ${s}` : "")).filter(Boolean).join(", ") },
    h("span", {}, String(events.length)));
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  return L.divIcon({ html: ring, className: "ev-cluster-icon", iconSize: [size, size] });
}

function legend(): HTMLElement {
  return h("div", { class: "map-legend" },
    h("span", {}, h("span", { class: "key key-exact" }), " city / exact place"),
    h("span", {}, h("span", { class: "key key-country" }), " governorate or country only (its area; marker at its centre)"),
    h("span", {}, h("span", { class: "key key-approx" }), " region of unknown extent (ring ≈ 60 km)"),
    h("span", {}, h("span", { class: "key key-admin1" }), " governorate boundaries (Natural Earth)"),
    h("span", {}, h("span", { class: "key key-cluster" }), " cluster: count, ring split by status"),
    ...STATUSES.map((s) => { const k = h("span", { class: "key key-status" }); k.style.background = STATUS_COLOURS[s]; return h("span", {}, k, ` ${s}`); }));
}

export async function renderMap(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const entity = params.get("entity");
  const f: Filter = filterFrom(params);
  if (entity) f.entity = [entity];
  const data = await explorePoints(f);
  const located = data.items.filter(hasPlace);
  const box = h("div", { id: "map", class: "map", "data-features": located.length });
  const listBox = h("section", { class: "card", id: "in-view" });
  const slider = timeSlider(located);
  main.append(h("h1", {}, "Map"), h("p", { class: "muted", id: "view-says" },
    entity ? h("span", {}, "Events involving ", h("a", { href: `#/entity/${encodeURIComponent(entity)}` }, "this entity"), ". ") : "",
    hasFilter(f) && !entity ? `Filtered: ${describe(f)}. ` : "",
    `${located.length} events with a known place; ${data.total - located.length} without coordinates are not drawn `,
    h("a", { href: `#/events${filterQuery(f)}` }, "(all in the explorer)"),
    ". Click a cluster to open it, a marker for its event. Export these events: ",
    h("a", { href: `/api/explore/export/geojson${filterQuery(f)}`, download: "", class: "export", "data-format": "geojson" }, "GeoJSON"), "."),
    slider.element, box, legend(), listBox);
  const areas = await admin1();
  requestAnimationFrame(() => draw(box, listBox, located, slider, areas, `#/events${filterQuery(f)}`));
}

interface Slider { element: HTMLElement; input: HTMLInputElement; days: string[] }

/** "Events up to": one step per distinct date; at the far right every event, undated too. */
function timeSlider(events: Located[]): Slider {
  const days = [...new Set(events.map((e) => e.time_start).filter(Boolean) as string[])].sort();
  const input = h("input", { type: "range", min: 0, max: days.length, value: days.length, step: 1,
    id: "time-slider", "aria-label": "show events up to this date" });
  const label = h("span", { id: "time-label" }, "all dates");
  input.addEventListener("input", () => {
    const i = Number(input.value);
    label.textContent = i >= days.length ? "all dates" : `up to ${days[i]} (undated events hidden)`;
  });
  return { element: h("p", { class: "time-filter" }, "Time: ", input, " ", label), input, days };
}

function draw(box: HTMLElement, listBox: HTMLElement, events: Located[], slider: Slider, admin: Admin1 | null, explorer: string) {
  const map = L.map(box, { worldCopyJump: true, attributionControl: false, zoomAnimation: false, fadeAnimation: false, maxZoom: 12 })
    .setView([33, 42], 4);
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  const shapes = countries(topo);
  L.geoJSON(shapes, { style: (f) => ({ color: "#9aa4b2", weight: 1, fillColor: "#eef1f4", fillOpacity: 1, className: `country country-${f?.id}` }),
    interactive: false }).addTo(map);
  drawBoundaries(map, admin, box);
  const areas = L.layerGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);
  const clusters = L.markerClusterGroup({
    iconCreateFunction: clusterIcon, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    zoomToBoundsOnClick: true, animate: false, maxClusterRadius: 40,
  }).addTo(map);
  const show = () => {
    const i = Number(slider.input.value);
    const shown = i >= slider.days.length ? events : events.filter((e) => e.time_start && e.time_start <= slider.days[i]);
    clusters.clearLayers();
    clusters.addLayers(shown.map((e) => markerFor(e, admin)));
    drawAreas(areas, shapes, admin, shown);
    box.dataset.shown = String(shown.length);
    listInView(map, listBox, shown, explorer);
  };
  show();
  slider.input.addEventListener("change", show);
  map.on("moveend", () => { listInView(map, listBox, currentEvents(clusters), explorer); void placeLabels(map, labels); });
  const points = events.map((e) => L.latLng(e.lat, e.lon));
  if (events.length) map.fitBounds(L.latLngBounds(core(points)).pad(0.1), { maxZoom: 6, animate: false });
  const fitAll = new L.Control({ position: "topright" });
  fitAll.onAdd = () => {
    const button = h("button", { type: "button", class: "fit-all", title: "zoom out to every event on the map" }, "Show all events");
    L.DomEvent.disableClickPropagation(button);
    button.addEventListener("click", () => {
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 6, animate: false });
    });
    return button;
  };
  fitAll.addTo(map);
  void placeLabels(map, labels);
  Object.assign(box, { leafletMap: map }); // for the browser tests and the screenshot tour
  box.dataset.rendered = String(events.length);
}

function currentEvents(clusters: L.MarkerClusterGroup): Located[] {
  return clusters.getLayers().map((m) => (m as L.Marker & { event: Located }).event);
}

const worst = (list: Located[]) => [...STATUSES].reverse().find((s) => list.some((e) => e.status === s)) ?? "single-source";

/** Where an event's place is known only to a country or a governorate: that area, outlined in
 * the colour of its events' worst status (one outline per area, however many events). A region
 * with no admin-1 area (the Golan Heights) or outside the boundaries drawn: a ring of about a
 * governorate's size, which scales with the zoom. */
function drawAreas(layer: L.LayerGroup, shapes: GeoJSON.FeatureCollection, admin: Admin1 | null, events: Located[]) {
  layer.clearLayers();
  const byCountry = new Map<string, Located[]>();
  const byArea = new Map<string, { areas: Area[]; events: Located[] }>();
  for (const e of events) {
    if (e.precision === "country" && e.country_numeric) byCountry.set(e.country_numeric, [...(byCountry.get(e.country_numeric) ?? []), e]);
    if (e.precision !== "region") continue;
    const areas = areasOf(admin, e.admin1_codes);
    if (areas.length) {
      const key = (e.admin1_codes as string[]).join(" ");
      const group = byArea.get(key) ?? { areas, events: [] };
      group.events.push(e);
      byArea.set(key, group);
    } else {
      L.circle([e.lat, e.lon], { radius: REGION_RADIUS_M, color: STATUS_COLOURS[e.status] ?? "#555", weight: 1.5, dashArray: "5 4",
        fillOpacity: 0.05, interactive: false, className: "ev-area ev-area-region ev-area-ring" }).addTo(layer);
    }
  }
  for (const [code, list] of byCountry) {
    const shape = shapes.features.find((s) => String(s.id) === code);
    if (!shape) continue;
    const colour = STATUS_COLOURS[worst(list)];
    L.geoJSON(shape, { style: { color: colour, weight: 2, dashArray: "6 5", fillColor: colour,
      fillOpacity: 0.08, className: `ev-area ev-area-country country-${code}` }, interactive: false }).addTo(layer);
  }
  for (const { areas, events: list } of byArea.values()) {
    const colour = STATUS_COLOURS[worst(list)];
    L.geoJSON({ type: "FeatureCollection", features: areas } as GeoJSON.FeatureCollection, {
      style: (f) => ({ color: colour, weight: 2.5, dashArray: "6 4", fillColor: colour, fillOpacity: 0.14,
        className: `ev-area ev-area-region ev-area-admin1 ${areaClass(areaKey((f as Area).properties))}` }),
      interactive: false,
    }).addTo(layer);
  }
}

/** Every governorate's outline (thin, under the events), and from ADMIN1_LABEL_ZOOM on the names
 * of those in view that fit without overlapping. */
function drawBoundaries(map: L.Map, admin: Admin1 | null, box: HTMLElement) {
  box.dataset.boundaries = String(admin?.areas.length ?? 0);
  if (!admin) return;
  L.geoJSON({ type: "FeatureCollection", features: admin.areas } as GeoJSON.FeatureCollection, {
    style: (f) => ({ color: "#b4bcc7", weight: 0.8, fill: false,
      className: `admin1-boundary ${areaClass(areaKey((f as Area).properties))}` }),
    interactive: false,
  }).addTo(map);
  const labels = L.layerGroup().addTo(map);
  const place = () => {
    labels.clearLayers();
    const on = map.getZoom() >= ADMIN1_LABEL_ZOOM;
    box.dataset.admin1Labels = on ? "shown" : "hidden";
    if (!on) return;
    // the largest areas first; a name that would overlap one already written is left out
    const size = map.getSize();
    const taken: L.Bounds[] = [];
    for (const a of admin.bySize) {
      const [lon, lat] = a.properties.label;
      const at = map.latLngToContainerPoint([lat, lon]);
      const half = L.point(a.properties.name.length * 3.6 + 4, 8);
      const room = L.bounds(at.subtract(half), at.add(half));
      if (at.x < 0 || at.y < 0 || at.x > size.x || at.y > size.y || taken.some((b) => b.overlaps(room))) continue;
      taken.push(room);
      const icon = L.divIcon({ html: h("span", {}, a.properties.name), className: "admin1-label", iconSize: undefined as unknown as L.PointExpression });
      L.marker([lat, lon], { icon, interactive: false, keyboard: false }).addTo(labels);
    }
  };
  map.on("moveend", place);
  place();
}

/** The biggest towns in view, from the gazetteer, as text labels. */
async function placeLabels(map: L.Map, layer: L.LayerGroup) {
  const b = map.getBounds();
  const size = map.getSize();
  const [cols, rows] = [Math.max(1, Math.round(size.x / 120)), Math.max(1, Math.round(size.y / 70))];
  const found = await get<Schemas["TownLabels"]>("/map/labels", {
    cols: Math.min(40, cols), rows: Math.min(40, rows), limit: Math.min(300, cols * rows),
    south: Math.max(-90, b.getSouth()).toFixed(3), north: Math.min(90, b.getNorth()).toFixed(3),
    west: Math.max(-540, b.getWest()).toFixed(3), east: Math.min(540, b.getEast()).toFixed(3)
  });
  layer.clearLayers();
  for (const t of found.items) {
    const icon = L.divIcon({ html: h("span", {}, t.name), className: "place-label", iconSize: undefined as unknown as L.PointExpression });
    L.marker([t.lat, t.lon], { icon, interactive: false, keyboard: false }).addTo(layer);
  }
  map.getContainer().dataset.labels = String(found.items.length);
}

/** The events in view, the first 200 listed; the rest behind a link to the explorer's view of
 * the map's filter (`explorer`), which pages through every one. */
function listInView(map: L.Map, box: HTMLElement, events: Located[], explorer: string) {
  const bounds = map.getBounds();
  const inView = events.filter((e) => bounds.contains([e.lat, e.lon]) || bounds.contains([e.lat, e.lon + 360]) || bounds.contains([e.lat, e.lon - 360]))
    .sort((a, b) => (a.time_start ?? "9999").localeCompare(b.time_start ?? "9999"));
  box.replaceChildren(h("h2", {}, `Events in view (${inView.length} of ${events.length})`),
    h("ol", { class: "timeline-list in-view" }, ...inView.slice(0, 200).map((e) => h("li", { "data-event": e.id },
      h("span", { class: "date" }, e.time_start ?? "undated"), " ",
      h("a", { href: `#/event/${encodeURIComponent(e.id)}` }, eventTitle(e.type, e.summary)), " ",
      h("span", { class: `badge status-${e.status}` }, e.status), h("span", { class: "muted" }, ` ${e.place_name} (${e.precision})`)))),
    inView.length > 200 ? h("p", { class: "muted", id: "more-in-view" }, `${inView.length - 200} more: zoom in, or open `,
      h("a", { href: explorer, class: "more-in-explorer" }, "the explorer"), ", which lists every event of this filter.") : "");
}

// world-atlas rings that cross the antimeridian (Russia, Fiji) would be drawn as stripes across
// the whole map: move their western points east of 180°. Antarctica is dropped (no events there,
// and its ring runs along the map's edge).
function countries(topo: Topology<{ countries: GeometryCollection }>): GeoJSON.FeatureCollection {
  const all = feature(topo, topo.objects.countries) as unknown as GeoJSON.FeatureCollection;
  const kept = all.features.filter((f) => f.properties?.name !== "Antarctica");
  for (const f of kept) {
    const g = f.geometry;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    for (const ring of polygons.flat()) {
      const lons = ring.map((pt) => pt[0]);
      if (Math.max(...lons) - Math.min(...lons) > 180) for (const pt of ring) if (pt[0] < 0) pt[0] += 360;
    }
  }
  return { ...all, features: kept };
}

/** The markers to fit the view to: those near the median one when they are most of them, so a
 * lone event in Washington does not zoom the map out to the whole world (it is still drawn). */
function core(points: L.LatLng[]): L.LatLng[] {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const centre = L.latLng(mid(points.map((p) => p.lat)), mid(points.map((p) => p.lng)));
  const near = points.filter((p) => centre.distanceTo(p) < 3_500_000);
  return near.length >= points.length * 0.8 ? near : points;
}
