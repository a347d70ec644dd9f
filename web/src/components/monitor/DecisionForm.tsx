// Deciding an alert (analysts and above): a status and the reason, which the server requires. A true
// match is closed by four eyes: the first decision proposes it, a second person with the reviewer role closes it.
import { useState } from 'react';
import { ALERT_STATUSES, monitorApi, type AlertEvent, type AlertStatus, type DecisionResult } from '../../api/monitor.ts';
import { STATUS_LABELS } from '../../lib/alertDetail.ts';
import { ErrorMessage } from '../common.tsx';

/** The pending proposal of a true match, if the last decision was one. */
export function pendingProposal(history: AlertEvent[]): AlertEvent | undefined {
  const decisions = history.filter((e) => e.action !== 'assign');
  const last = decisions[decisions.length - 1];
  return last?.action === 'propose-true-match' ? last : undefined;
}

export function DecisionForm({ alertId, status, history, canClose, onDecided }: { alertId: string; status: string; history: AlertEvent[]; canClose: boolean; onDecided: (r: DecisionResult) => void }) {
  const closed = status === 'false_positive' || status === 'true_match';
  const [choice, setChoice] = useState<AlertStatus>(closed ? 'open' : 'false_positive');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const proposal = pendingProposal(history);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDecided(await monitorApi.decide(alertId, { status: choice, reason: reason.trim() }));
      setReason('');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="decision-form" aria-label="Decide" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {closed && <p className="hint">This alert is closed as {STATUS_LABELS[status]}; only reopening it is possible.</p>}
      <label>
        Decision
        <select value={choice} onChange={(e) => setChoice(e.target.value as AlertStatus)}>
          {ALERT_STATUSES.filter((s) => !closed || s === 'open').map((s) => <option key={s} value={s}>{s === 'open' ? 'Reopen' : STATUS_LABELS[s]}</option>)}
        </select>
      </label>
      {choice === 'true_match' && (
        <p className="hint" role="note">
          {proposal
            ? `Proposed as a true match by ${proposal.actor}. A second person with the reviewer role closes it${canClose ? '' : '; you cannot'}.`
            : 'A true match needs a second reviewer: your decision proposes it, and another person with the reviewer role closes it.'}
        </p>
      )}
      <label>
        Reason (required)
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} rows={3} />
      </label>
      <button type="submit" disabled={busy || !reason.trim()}>Record the decision</button>
      <ErrorMessage error={error} what={undefined} />
    </form>
  );
}
