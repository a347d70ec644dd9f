// The transfers on a world map: supplier country → recipient country, one arc per pair.
import { useMemo } from 'react';
import type { TransferView } from '../../lib/transferView.ts';
import { countryName } from '../../lib/ftm.ts';
import world from '../../assets/world-110m.geo.json';

interface Feature { id: string; properties: { name: string }; geometry: { coordinates: number[][][][] } }
const FEATURES = (world as unknown as { features: Feature[] }).features;

const MAP_W = 960;
const MAP_H = 470;
// Equirectangular, cropped to 60°S–84°N: simple, and honest at this scale.
const project = ([lon, lat]: number[]): [number, number] => [((lon + 180) / 360) * MAP_W, ((84 - lat) / 144) * MAP_H];

function pathOf(f: Feature): string {
  return f.geometry.coordinates
    .map((polygon) => polygon.map((ring) => 'M' + ring.map((p) => project(p).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z').join(''))
    .join('');
}

/** A country's anchor for arcs: the area-weighted centre of its largest ring. */
function centroidOf(f: Feature): [number, number] {
  let best: number[][] = [];
  let bestArea = -1;
  for (const polygon of f.geometry.coordinates) {
    const ring = polygon[0];
    let a = 0;
    for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = ring;
    }
  }
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < best.length - 1; i++) {
    const [x0, y0] = best[i];
    const [x1, y1] = best[i + 1];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return project(best[0] ?? [0, 0]);
  return project([cx / (3 * a), cy / (3 * a)]);
}

export function TransferMap({ transfers, selected, onSelect }: { transfers: TransferView[]; selected: string | null; onSelect: (id: string) => void }) {
  const paths = useMemo(() => FEATURES.map((f) => ({ id: f.id, name: f.properties.name, d: pathOf(f) })), []);
  const centroids = useMemo(() => {
    const m = new Map<string, [number, number]>();
    for (const f of FEATURES) if (!m.has(f.id)) m.set(f.id, centroidOf(f));
    return m;
  }, []);
  const suppliers = new Set(transfers.flatMap((t) => t.supplierCountries));
  const recipients = new Set(transfers.flatMap((t) => t.recipientCountries));
  const arcs = transfers.flatMap((t) =>
    t.supplierCountries.flatMap((s) => t.recipientCountries.filter((r) => r !== s).map((r) => ({ t, s, r, a: centroids.get(s), b: centroids.get(r) }))),
  ).filter((x) => x.a && x.b);
  const missing = transfers.filter((t) => !t.supplierCountries.length || !t.recipientCountries.length).length;
  return (
    <div className="chart-wrap">
      <svg viewBox={`0 0 ${MAP_W} ${MAP_H}`} className="world-map" role="img" aria-label={`Map of transfers: suppliers ${[...suppliers].map(countryName).join(', ') || 'none'}; recipients ${[...recipients].map(countryName).join(', ') || 'none'}`}>
        <rect width={MAP_W} height={MAP_H} className="sea" />
        {paths.map((p, i) => (
          <path key={`${p.id}-${i}`} d={p.d} className={`land${suppliers.has(p.id) ? ' supplier' : ''}${recipients.has(p.id) ? ' recipient' : ''}`}>
            <title>{p.name}</title>
          </path>
        ))}
        <defs>
          <marker id="arc-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="arc-head" />
          </marker>
        </defs>
        {arcs.map(({ t, s, r, a, b }, i) => {
          const [x1, y1] = a!;
          const [x2, y2] = b!;
          // Bend each arc upwards; parallel arcs fan out a little.
          const mx = (x1 + x2) / 2;
          const my = (y1 + y2) / 2 - Math.hypot(x2 - x1, y2 - y1) * (0.25 + (i % 4) * 0.05);
          return (
            <path key={`${t.id}-${s}-${r}`} d={`M${x1},${y1} Q${mx},${my} ${x2},${y2}`} className={`arc${selected === t.id ? ' selected' : ''} grade-${t.check.evidence.grade ?? 'none'}`} markerEnd="url(#arc-head)" onClick={() => onSelect(t.id)}>
              <title>{`${t.caption}: ${countryName(s)} → ${countryName(r)}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="legend">
        <li><span className="swatch supplier" />Supplier country</li>
        <li><span className="swatch recipient" />Recipient country</li>
        <li><span className="swatch both" />Both</li>
        {missing > 0 && <li className="muted">{missing} transfer(s) lack a supplier or recipient country and are not drawn.</li>}
      </ul>
    </div>
  );
}
