// "Where" an analyst writes: the shared analyst data (value '') or one of the workspaces they belong to.
import { workspacesApi } from '../api/workspaces.ts';
import { useApi } from '../lib/useApi.ts';

export function WhereSelect({ value, onChange }: { value: string; onChange: (dataset: string) => void }) {
  const workspaces = useApi((signal) => workspacesApi.list(signal), []);
  return (
    <label>Where
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">shared analyst data</option>
        {workspaces.data?.map((w) => <option key={w.id} value={w.id}>workspace {w.title} ({w.id})</option>)}
      </select>
    </label>
  );
}
