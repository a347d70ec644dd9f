// "Where" an analyst writes: the shared analyst data (value '') or one of the workspaces they belong to.
import { useId } from 'react';
import { workspacesApi } from '../api/workspaces.ts';
import { useApi } from '../lib/useApi.ts';

export function WhereSelect({ value, onChange }: { value: string; onChange: (dataset: string) => void }) {
  const id = useId();
  const workspaces = useApi((signal) => workspacesApi.list(signal), []);
  // A label beside the select (not around it): its name is "Where", not the chosen option's text too.
  return (
    <div className="where-select">
      <label htmlFor={id}>Where</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">shared analyst data</option>
        {workspaces.data?.map((w) => <option key={w.id} value={w.id}>workspace {w.title} ({w.id})</option>)}
      </select>
    </div>
  );
}
