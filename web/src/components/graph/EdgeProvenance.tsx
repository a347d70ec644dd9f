// The claims behind a link: grade, source (or list and version), locator, claim date.
import type { EdgeProvenance as Claim } from '../../api/graph.ts';
import { formatDate } from '../../lib/format.ts';
import { GradeBadge } from '../common.tsx';
import { SourceLink } from '../SourceLink.tsx';

export function EdgeProvenance({ items }: { items: Claim[] }) {
  if (!items.length) return null;
  return (
    <ul className="provenance">
      {items.map((p, i) => (
        <li key={i}>
          <GradeBadge grade={p.evidenceGrade} /> {p.sourceDocument ? <SourceLink source={p.sourceDocument} locator={p.locator} /> : `${p.dataset} @ version ${p.versionId}`}
          {p.locator && <span className="locator"> · {p.locator}</span>}
          {p.claimDate && <span className="muted"> · {formatDate(p.claimDate)}</span>}
        </li>
      ))}
    </ul>
  );
}
