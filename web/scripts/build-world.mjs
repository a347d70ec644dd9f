// Converts world-atlas's countries-110m.json (TopoJSON of Natural Earth 1:110m admin-0, public domain)
// into the small GeoJSON the Transfers map bundles, keyed by ISO 3166-1 alpha-2 codes as FtM uses them.
// Run once by hand: node web/scripts/build-world.mjs path/to/countries-110m.json
import { readFileSync, writeFileSync } from 'node:fs';

const [src] = process.argv.slice(2);
if (!src) throw new Error('usage: node web/scripts/build-world.mjs countries-110m.json');
const topo = JSON.parse(readFileSync(src, 'utf8'));
const ftm = JSON.parse(readFileSync(new URL('../../node_modules/@opensanctions/followthemoney/dist/defaultModel.json', import.meta.url), 'utf8'));
const countryNames = ftm.types.country.values;
const byName = new Map(Object.entries(countryNames).map(([code, name]) => [name.toLowerCase(), code]));
// Natural Earth's short names that differ from FtM's.
const aliases = {
  'w. sahara': 'eh', 'united states of america': 'us', 'dem. rep. congo': 'cd', 'dominican rep.': 'do',
  'falkland is.': 'fk', 'fr. s. antarctic lands': 'tf', 'central african rep.': 'cf', congo: 'cg',
  'eq. guinea': 'gq', turkey: 'tr', 'solomon is.': 'sb', 'n. cyprus': 'cy', 'bosnia and herz.': 'ba',
  macedonia: 'mk', 's. sudan': 'ss',
};

const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// Delta-decode every arc once into absolute lon/lat, rounded to 0.01° (plenty at this scale).
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx; y += dy;
    return [Math.round((x * sx + tx) * 100) / 100, Math.round((y * sy + ty) * 100) / 100];
  });
});
const ring = (indexes) => {
  const points = [];
  for (const i of indexes) {
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  // A ring that crosses the antimeridian (Chukotka) would streak across a flat map: continue it
  // east of 180° instead; the map's frame clips it.
  const crosses = points.some((p, k) => k > 0 && Math.abs(p[0] - points[k - 1][0]) > 180);
  return crosses ? points.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : points;
};
const features = [];
for (const g of topo.objects.countries.geometries) {
  const name = g.properties.name;
  if (name === 'Antarctica') continue; // below the map's frame, and it wraps the whole globe
  const code = aliases[name.toLowerCase()] ?? byName.get(name.toLowerCase());
  if (!code) throw new Error(`no ISO code for ${name}`);
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
  features.push({ type: 'Feature', id: code, properties: { name },
    geometry: { type: 'MultiPolygon', coordinates: polygons.map((p) => p.map(ring)) } });
}
const out = new URL('../src/assets/world-110m.geo.json', import.meta.url);
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
writeFileSync(new URL('../src/assets/country-names.json', import.meta.url), JSON.stringify(countryNames));
console.log(`${features.length} countries written`);
