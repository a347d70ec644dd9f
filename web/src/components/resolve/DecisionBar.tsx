// Who decides, why, and the decision buttons (the same as the keys), with the progress of the queue.
import type { CandidatePage } from '../../api/resolve.ts';

export const DEFAULT_REASONS = {
  same: 'the same target: names and details agree',
  'not-same': 'different targets: details conflict',
  unsure: 'not enough to decide',
} as const;

export type Verdict = keyof typeof DEFAULT_REASONS;

export interface DecisionBarProps {
  reason: string;
  onReason: (reason: string) => void;
  onDecide: (verdict: Verdict) => void;
  onUndo: () => void;
  canUndo: boolean;
  busy: boolean;
  counts: CandidatePage['counts'] | undefined;
}

export function DecisionBar(p: DecisionBarProps) {
  const decided = p.counts?.decided ?? 0;
  const remaining = (p.counts?.waiting ?? 0) + (p.counts?.flagged ?? 0);
  return (
    <div className="decision-bar panel" role="group" aria-label="Decision">
      <label className="grow">Reason <input value={p.reason} onChange={(e) => p.onReason(e.target.value)} placeholder="default: the key's reason" aria-label="Reason" maxLength={2000} /></label>
      <div className="buttons">
        <button type="button" disabled={p.busy} onClick={() => p.onDecide('same')} title={DEFAULT_REASONS.same}><kbd>s</kbd> Same</button>
        <button type="button" disabled={p.busy} onClick={() => p.onDecide('not-same')} title={DEFAULT_REASONS['not-same']}><kbd>n</kbd> Not same</button>
        <button type="button" disabled={p.busy} onClick={() => p.onDecide('unsure')} title={DEFAULT_REASONS.unsure}><kbd>u</kbd> Unsure</button>
        <button type="button" className="secondary" disabled={p.busy || !p.canUndo} onClick={p.onUndo}><kbd>z</kbd> Undo last</button>
      </div>
      <p className="progress-line" aria-live="polite">
        <progress value={decided} max={Math.max(decided + remaining, 1)} aria-label="Decided" /> Decided <strong data-count="decided">{decided}</strong> · remaining <strong data-count="remaining">{remaining}</strong>
      </p>
      <p className="muted small">Keys: <kbd>s</kbd> same, <kbd>n</kbd> not same, <kbd>u</kbd> unsure, <kbd>z</kbd> undo the last decision, <kbd>j</kbd>/<kbd>k</kbd> or arrows to move (not while typing).</p>
    </div>
  );
}
