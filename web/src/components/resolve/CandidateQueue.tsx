// The queue of candidate pairs, best score first; a row selects the pair shown side by side.
import type { Candidate, CandidatePage } from '../../api/resolve.ts';

export const pairKeyOf = (c: { left: string; right: string }) => `${c.left}|${c.right}`;

export function CandidateQueue({ page, selected, onSelect }: { page: CandidatePage; selected: number; onSelect: (index: number) => void }) {
  if (!page.results.length) return <p className="muted" role="status">No candidate pairs match these filters.</p>;
  return (
    <table className="data queue" aria-label="Candidate pairs">
      <thead>
        <tr><th>Score</th><th>Record</th><th>Record</th><th>Status</th></tr>
      </thead>
      <tbody>
        {page.results.map((c: Candidate, i) => (
          <tr key={pairKeyOf(c)} data-pair={pairKeyOf(c)} className={i === selected ? 'selected' : undefined} aria-selected={i === selected} onClick={() => onSelect(i)}>
            <td>{c.score.toFixed(3)}</td>
            <td>{c.leftCaption} <span className="muted small">{c.leftDataset}</span></td>
            <td>{c.rightCaption} <span className="muted small">{c.rightDataset}</span></td>
            <td>
              <span className={`badge status-${c.status}`}>{c.status}</span>
              {c.conflicts.length > 0 && <span className="badge conflict" title={c.conflicts.join(', ')}>conflict</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
