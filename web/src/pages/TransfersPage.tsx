// Arms transfers: the case file's transfers and imported ones on a timeline and on a map
// (supplier → recipient), each with the embargo provisions it breaches and its sources.
// Loaded on demand: the world map is only in this page's chunk.
import { useEffect, useMemo, useState } from 'react';
import { api, type Party, type Transfer, type Violation } from '../api.ts';
import type { Route } from '../router.ts';
import { useApi } from '../lib/useApi.ts';
import { EntityLink, ErrorMessage, GradeBadge, Loading, Progress, SanctionedBadge, Section } from '../components/common.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { countryName } from '../lib/ftm.ts';
import { formatDate } from '../lib/format.ts';
import world from '../assets/world-110m.geo.json';

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

export default function TransfersPage(_props: { route: Route }) {
  const list = useApi((signal) => api.transfers(signal), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Record<string, Transfer | Error>>({});

  // Load every transfer's detail and embargo check, a few at a time, showing progress.
  useEffect(() => {
    const ids = list.data?.map((t) => t.id) ?? [];
    if (!ids.length) return;
    const controller = new AbortController();
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !controller.signal.aborted) {
        const id = ids[next++];
        try {
          const t = await api.transfer(id, controller.signal);
          setLoaded((m) => ({ ...m, [id]: t }));
        } catch (e) {
          if (!controller.signal.aborted) setLoaded((m) => ({ ...m, [id]: e as Error }));
        }
      }
    };
    void Promise.all([worker(), worker(), worker()]);
    return () => controller.abort();
  }, [list.data]);

  const transfers = useMemo(
    () => Object.values(loaded).filter((t): t is Transfer => !(t instanceof Error)).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '')),
    [loaded],
  );
  const failures = Object.entries(loaded).filter((e): e is [string, Error] => e[1] instanceof Error);
  const total = list.data?.length ?? 0;
  const done = Object.keys(loaded).length;

  return (
    <div className="page transfers-page">
      <h1>Arms transfers</h1>
      <ErrorMessage error={list.error} what="transfers" />
      {list.loading && <Loading what="transfers" />}
      {list.data && total === 0 && <p className="message">No transfer is recorded. Import a transfers CSV or load the case file.</p>}
      {done < total && <Progress value={done} max={total} label="Transfers loaded and checked against the embargo rules" />}
      {failures.map(([id, e]) => <ErrorMessage key={id} error={e} what={`transfer ${id}`} />)}
      {transfers.length > 0 && (
        <>
          <Section title="Timeline" id="timeline">
            <TimelineChart transfers={transfers} selected={selected} onSelect={setSelected} />
          </Section>
          <Section title="Map: supplier → recipient" id="map">
            <TransferMap transfers={transfers} selected={selected} onSelect={setSelected} />
          </Section>
          <Section title={`Transfers (${transfers.length})`} id="transfer-list">
            <ol className="transfer-list">
              {transfers.map((t) => (
                <TransferCard key={t.id} transfer={t} selected={selected === t.id} onSelect={() => setSelected(t.id)} />
              ))}
            </ol>
          </Section>
        </>
      )}
    </div>
  );
}

function TimelineChart({ transfers, selected, onSelect }: { transfers: Transfer[]; selected: string | null; onSelect: (id: string) => void }) {
  const time = (d: string) => Date.parse(d.slice(0, 10));
  const dated = transfers.filter((t) => t.start && Number.isFinite(time(t.start)));
  const times = dated.flatMap((t) => [time(t.start!), time(t.end ?? t.start!)]).filter(Number.isFinite);
  if (!times.length) return <p className="muted">No transfer has a date.</p>;
  const minYear = new Date(Math.min(...times)).getUTCFullYear();
  const maxYear = new Date(Math.max(...times)).getUTCFullYear() + 1;
  const t0 = Date.UTC(minYear, 0, 1);
  const t1 = Date.UTC(maxYear, 0, 1);
  const W = 960;
  const LABEL_W = 330; // captions on the left, time on the right: labels never cover marks
  const rowH = 24;
  const H = 40 + dated.length * rowH;
  const x = (t: number) => LABEL_W + 10 + ((t - t0) / (t1 - t0)) * (W - LABEL_W - 30);
  const years = Array.from({ length: maxYear - minYear + 1 }, (_, i) => minYear + i);
  const quarters = years.length <= 4;
  return (
    <div className="chart-wrap">
      <svg viewBox={`0 0 ${W} ${H}`} className="timeline-chart" role="img" aria-label={`Timeline of ${dated.length} transfers from ${minYear} to ${maxYear - 1}`}>
        {years.map((y) => (
          <g key={y}>
            <line x1={x(Date.UTC(y, 0, 1))} x2={x(Date.UTC(y, 0, 1))} y1={18} y2={H} className="axis-line" />
            {y < maxYear && <text x={x(Date.UTC(y, 0, 1)) + 4} y={14} className="axis-label">{y}</text>}
            {quarters && y < maxYear && [3, 6, 9].map((m) => <line key={m} x1={x(Date.UTC(y, m, 1))} x2={x(Date.UTC(y, m, 1))} y1={22} y2={H} className="axis-line minor" />)}
          </g>
        ))}
        <line x1={LABEL_W} x2={LABEL_W} y1={18} y2={H} className="axis-line" />
        {dated.map((t, i) => {
          const start = time(t.start!);
          const end = t.end ? time(t.end) : start;
          const y = 32 + i * rowH;
          const breaches = t.breaches.some((b) => b.verdict === 'breach');
          const cls = `tl-mark grade-${t.grade ?? 'none'}${selected === t.id ? ' selected' : ''}${breaches ? ' breach' : ''}`;
          const label = `${t.caption}${t.dateText ? `, ${t.dateText}` : ''}${breaches ? ', breaches embargo provisions' : ''}`;
          return (
            <g key={t.id} className="tl-row" onClick={() => onSelect(t.id)}>
              <title>{label}</title>
              {x(end) - x(start) > 8 ? <rect x={x(start)} y={y - 5} width={x(end) - x(start)} height={10} rx={3} className={cls} /> : <circle cx={(x(start) + x(end)) / 2} cy={y} r={6} className={cls} />}
              <text x={0} y={y + 4} className={`tl-text${selected === t.id ? ' selected' : ''}`}>{shorten(t.caption, 52)}</text>
            </g>
          );
        })}
      </svg>
      <p className="small muted">Red marks a breach on corroborated evidence or better; bars span the range of dates the sources allow. Select a transfer to highlight it.</p>
    </div>
  );
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function TransferMap({ transfers, selected, onSelect }: { transfers: Transfer[]; selected: string | null; onSelect: (id: string) => void }) {
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
            <path key={`${t.id}-${s}-${r}`} d={`M${x1},${y1} Q${mx},${my} ${x2},${y2}`} className={`arc${selected === t.id ? ' selected' : ''} grade-${t.grade ?? 'none'}`} markerEnd="url(#arc-head)" onClick={() => onSelect(t.id)}>
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

function TransferCard({ transfer: t, selected, onSelect }: { transfer: Transfer; selected: boolean; onSelect: () => void }) {
  const verdicts = VERDICT_ORDER.filter((v) => t.breaches.some((b) => b.verdict === v));
  return (
    <li className={`transfer card${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined}>
      <div className="transfer-head">
        <button type="button" className="linkish transfer-title" onClick={onSelect}>{t.caption}</button>
        <GradeBadge grade={t.grade} />
        {t.status.map((s) => <span key={s} className="tag">{s}</span>)}
      </div>
      <div className="transfer-route">
        <time>{t.dateText ?? 'undated'}</time>{' · '}
        <Parties nodes={t.supplier} fallback={t.supplierCountries} /> <span aria-label="to">→</span>{' '}
        {t.intermediaries.length > 0 && <><span className="muted">via</span> <Parties nodes={t.intermediaries} fallback={[]} /> <span aria-hidden="true">→</span>{' '}</>}
        <Parties nodes={t.recipient} fallback={t.recipientCountries} />
        {t.means.length > 0 && <span className="muted"> · by {t.means.join(', ')}</span>}
      </div>
      {t.items.length > 0 && <div className="small"><span className="muted">Items:</span> {t.items.join('; ')}{t.quantity.length ? ` · ${t.quantity.join('; ')}` : ''}</div>}
      {(t.numberOrdered || t.numberDelivered) && (
        <div className="small"><span className="muted">Numbers:</span> {t.numberOrdered ? `ordered ${t.numberOrdered}` : ''}{t.numberOrdered && t.numberDelivered ? ', ' : ''}{t.numberDelivered ? `delivered ${t.numberDelivered}` : ''} <span className="muted">(? uncertain)</span></div>
      )}
      {t.route.length > 0 && <div className="small"><span className="muted">Route:</span> {t.route.join('; ')}</div>}
      {(t.deal || t.inExchangeFor.length > 0) && (
        <div className="small">
          <span className="muted">Deal:</span> {t.deal ?? 'barter'}{t.leg ? ` (${t.leg === 'counter' ? 'the counter-flow leg' : 'the arms leg'})` : ''}
          {t.inExchangeFor.length > 0 && <> · in exchange for {t.inExchangeFor.map((x, i) => <span key={x}>{i > 0 ? ', ' : ''}<EntityLink id={x} caption={x} /></span>)}</>}
        </div>
      )}
      <div className="violations">
        <h3>Embargo provisions: {t.verdict}</h3>
        {verdicts.length === 0 && <span className="small">None: no provision applies to this transfer's date, direction, parties and items.</span>}
        {verdicts.map((v) => (
          <div key={v}>
            <h4 className="verdict">{VERDICT_TITLES[v]}</h4>
            <ViolationList items={t.breaches.filter((b) => b.verdict === v)} />
          </div>
        ))}
        {t.context.length > 0 && <ul className="small muted context">{t.context.map((c, i) => <li key={i}>{c}</li>)}</ul>}
      </div>
      <div className="claims small">
        <h3>Claims and sources</h3>
        <ul className="provenance">
          {[...t.claims, ...t.denials].map((c, i) => (
            <li key={i}>
              <GradeBadge grade={c.grade} /> {c.sourceDocument ? <SourceLink source={c.sourceDocument} locator={c.locator} /> : 'unsourced'}
              {c.locator && <span className="locator"> · {c.locator}</span>}
              {c.claimDate && <span className="muted"> · {formatDate(c.claimDate)}</span>}
              {c.status.length > 0 && <span className="muted"> · {c.status.join(', ')}</span>}
              {c.notes.length > 0 && <div>{c.notes.join(' ')}</div>}
            </li>
          ))}
        </ul>
        {t.caveat && <p className="muted">{t.caveat}</p>}
      </div>
    </li>
  );
}

const VERDICT_ORDER = ['breach', 'probable breach', 'possible breach', 'attempted or prospective breach'];
const VERDICT_TITLES: Record<string, string> = {
  breach: 'Breach (every necessary element corroborated or better)',
  'probable breach': 'Probable breach (the weakest element is only reported)',
  'possible breach': 'Possible breach (an element is alleged, or turns on a reading, a date range or a determination)',
  'attempted or prospective breach': 'Attempted or prospective breach (negotiated, planned, ordered or attempted)',
};

function ViolationList({ items }: { items: Violation[] }) {
  if (!items.length) return null;
  return (
    <ul>
      {items.map((v, i) => (
        <li key={i} className={`violation ${v.verdict.replace(/ /g, '-')}`}>
          <strong>{v.verdict}: {v.instrument} para {v.paragraph}</strong>
          {v.citation?.url ? <> (<a href={v.citation.url} rel="noreferrer noopener">{v.citation.symbol}</a>)</> : null}
          {v.grade && <> <GradeBadge grade={v.grade} /></>}
          {v.summary && <div className="small">{v.summary}{v.verified === 'summary' ? ' (our summary; check against the resolution text)' : ''}</div>}
          {v.elements.length > 0 && (
            <details className="inline-details">
              <summary>element by element ({v.elements.length}; the finding is as strong as the weakest)</summary>
              <ul className="small reasons">
                {v.elements.map((e, j) => (
                  <li key={j}>{e.holds === 'uncertain' && <span className="tag">uncertain</span>} {e.reason}</li>
                ))}
                {v.reasons.slice(v.elements.length).map((r, j) => <li key={`n${j}`} className="muted">{r}</li>)}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

function Parties({ nodes, fallback }: { nodes: Party[]; fallback: string[] }) {
  if (!nodes.length) return <span>{fallback.map(countryName).join(', ') || 'unknown'}</span>;
  return (
    <span>
      {nodes.map((n, i) => (
        <span key={n.id}>{i > 0 ? ', ' : ''}<EntityLink id={n.id} caption={n.caption} />{n.sanctioned && <SanctionedBadge />}</span>
      ))}
    </span>
  );
}
