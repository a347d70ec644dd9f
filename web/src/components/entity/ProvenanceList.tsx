// Where a value or a link came from: grade, source document or list version, locator, dates.
import type { Grade } from '../../api.ts';
import { GradeBadge } from '../common.tsx';
import { formatDate } from '../../lib/format.ts';

/** A value's statement (GET /entities/{id}?provenance=true) or a link's (the graph routes). */
export interface ProvenanceItem {
  dataset: string;
  version?: string | null;
  sourceDocument: string | null;
  locator: string | null;
  claimDate: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  grade: Grade | null;
}

export function ProvenanceList({ items }: { items: ProvenanceItem[] }) {
  if (!items.length) return <span className="muted">no statement</span>;
  return (
    <ul className="provenance">
      {items.map((p, i) => (
        <li key={i}>
          <GradeBadge grade={p.grade} />{' '}
          {p.sourceDocument ? (
            <span>{p.sourceDocument.startsWith('http') ? <a href={p.sourceDocument} rel="noreferrer noopener">{p.sourceDocument}</a> : p.sourceDocument}</span>
          ) : (
            <span>{p.dataset}{p.version ? ` @ ${p.version}` : ''}</span>
          )}
          {p.sourceDocument && p.dataset ? <span className="muted"> ({p.dataset}{p.version ? ` @ ${p.version}` : ''})</span> : null}
          {p.locator && <span className="locator"> · {p.locator}</span>}
          {p.claimDate && <span className="muted"> · claimed {formatDate(p.claimDate)}</span>}
          <span className="muted"> · seen {formatDate(p.firstSeen)} → {formatDate(p.lastSeen)}</span>
        </li>
      ))}
    </ul>
  );
}
