// The map: countries drawn from world-atlas (no tile server, works offline), events at their
// places. A country- or region-level place is a hollow dashed ring, a city a solid dot.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { get, Row } from "../api";
import { eventTitle, h } from "../dom";

const STATUS_COLOURS: Record<string, string> = {
  "single-source": "#8a8f98", corroborated: "#2e7d32", contested: "#e65100", denied: "#c62828",
};

function markerFor(f: Row): L.CircleMarker {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const colour = STATUS_COLOURS[p.status] ?? "#555";
  const exact = p.precision === "city" || p.precision === "exact";
  const style: L.CircleMarkerOptions = exact
    ? { radius: 6, color: "#111", weight: 1, fillColor: colour, fillOpacity: 1, className: "ev-marker ev-exact" }
    : { radius: p.precision === "region" ? 16 : 24, color: colour, weight: 2, dashArray: "5 4", fill: false,
        className: `ev-marker ev-approx ev-${p.precision}` };
  const marker = L.circleMarker([lat, lon], style);
  const popup = h("div", {}, h("a", { href: `#/event/${encodeURIComponent(p.event_id)}` }, eventTitle(p.type, p.summary)),
    h("div", {}, `${p.place_name} — ${exact ? "exact place" : `${p.precision} only (centroid)`}`),
    h("div", {}, `${p.time_start ?? "undated"} · ${p.status}`));
  marker.bindPopup(popup);
  return marker;
}

function legend(): L.Control {
  const control = new L.Control({ position: "bottomright" });
  control.onAdd = () => h("div", { class: "map-legend" },
    h("div", {}, h("span", { class: "key key-exact" }), " city / exact place"),
    h("div", {}, h("span", { class: "key key-approx" }), " region or country only (centroid)"),
    ...Object.entries(STATUS_COLOURS).map(([s, c]) => h("div", {}, h("span", { class: "key key-status", "data-colour": c }), ` ${s}`)));
  return control;
}

export async function renderMap(main: HTMLElement, _arg: string, params: URLSearchParams) {
  const entity = params.get("entity");
  const geo = await get<{ features: Row[] }>("/map", { entity });
  const box = h("div", { id: "map", class: "map", "data-features": geo.features.length });
  main.append(h("h1", {}, "Map"), h("p", { class: "muted" },
    entity ? h("span", {}, "Events involving ", h("a", { href: `#/entity/${encodeURIComponent(entity)}` }, "this entity"), ". ") : "",
    `${geo.features.length} events with a known place. Click a marker for the event.`), box);
  requestAnimationFrame(() => draw(box, geo.features));
}

function draw(box: HTMLElement, features: Row[]) {
  const map = L.map(box, { worldCopyJump: true, attributionControl: false, zoomAnimation: false })
    .setView([33, 42], 4);
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  L.geoJSON(countries(topo), {
    style: { color: "#9aa4b2", weight: 1, fillColor: "#eef1f4", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  // Where events share a place, the disputed ones are drawn last, on top of the single-source ones.
  const rank = (f: Row) => ["single-source", "corroborated", "denied", "contested"].indexOf(f.properties.status);
  const markers = [...features].sort((a, b) => rank(a) - rank(b)).map(markerFor);
  for (const m of markers) m.addTo(map);
  legend().addTo(map);
  for (const k of box.querySelectorAll<HTMLElement>(".key-status")) k.style.background = k.dataset.colour ?? "";
  if (markers.length) {
    map.fitBounds(L.latLngBounds(core(markers.map((m) => m.getLatLng()))).pad(0.4), { maxZoom: 6, animate: false });
  }
  box.dataset.rendered = String(box.querySelectorAll(".ev-marker").length);
}

// world-atlas rings that cross the antimeridian (Russia, Fiji) would be drawn as stripes across
// the whole map: move their western points east of 180°. Antarctica is dropped (no events there,
// and its ring runs along the map's edge).
function countries(topo: Topology<{ countries: GeometryCollection }>) {
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
