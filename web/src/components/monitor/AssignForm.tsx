// Assign an alert to someone (or to nobody).
import { useState } from 'react';
import { monitorApi } from '../../api/monitor.ts';
import { ErrorMessage } from '../common.tsx';

export function AssignForm({ alertId, assignee, me, onAssigned }: { alertId: string; assignee: string | null; me: string | null; onAssigned: () => void }) {
  const [name, setName] = useState(assignee ?? '');
  const [error, setError] = useState<Error>();
  const assign = async (to: string | null) => {
    setError(undefined);
    try {
      await monitorApi.assign(alertId, to);
      onAssigned();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form className="inline-form" aria-label="Assign" onSubmit={(e) => { e.preventDefault(); void assign(name.trim() || null); }}>
      <label>Assignee<input value={name} onChange={(e) => setName(e.target.value)} placeholder="empty: nobody" /></label>
      <button type="submit" className="secondary">Assign</button>
      {me && me !== assignee && <button type="button" className="secondary" onClick={() => void assign(me)}>Assign to me</button>}
      <ErrorMessage error={error} what={undefined} />
    </form>
  );
}
