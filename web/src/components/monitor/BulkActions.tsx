// Bulk actions on the selected alerts (analysts and above): assign them, or take them into review with
// one reason. Each alert is written on its own; those the server refuses (a closed one) are named.
import { useState } from 'react';
import { monitorApi } from '../../api/monitor.ts';

export function BulkActions({ selected, onDone }: { selected: string[]; onDone: (problems: string[]) => void }) {
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('Taken into review');
  const [busy, setBusy] = useState(false);

  const each = async (write: (id: string) => Promise<unknown>) => {
    setBusy(true);
    const problems: string[] = [];
    for (const id of selected) {
      try {
        await write(id);
      } catch (e) {
        problems.push(`${id}: ${(e as Error).message}`);
      }
    }
    setBusy(false);
    onDone(problems);
  };

  const none = selected.length === 0 || busy;
  return (
    <form className="inline-form bulk-actions" aria-label="Bulk actions" onSubmit={(e) => e.preventDefault()}>
      <span>{selected.length} selected</span>
      <label>Assign to<input value={assignee} onChange={(e) => setAssignee(e.target.value)} placeholder="user:alice (empty: nobody)" /></label>
      <button type="button" disabled={none} onClick={() => void each((id) => monitorApi.assign(id, assignee.trim() || null))}>Assign</button>
      <label>Reason<input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <button type="button" disabled={none || !reason.trim()} onClick={() => void each((id) => monitorApi.decide(id, { status: 'in_review', reason: reason.trim() }))}>Mark in review</button>
    </form>
  );
}
