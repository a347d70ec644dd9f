// The transfers on a timeline: bars span the range of dates the sources allow, red marks a breach.
import type { TransferView } from '../../lib/transferView.ts';

export function TimelineChart({ transfers, selected, onSelect }: { transfers: TransferView[]; selected: string | null; onSelect: (id: string) => void }) {
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
          const grade = t.check.evidence.grade;
          const cls = `tl-mark grade-${grade ?? 'none'}${selected === t.id ? ' selected' : ''}${breaches ? ' breach' : ''}`;
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
