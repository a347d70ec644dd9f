// Create an API key: a name, a role, optionally datasets it may read and an expiry date.
import { useState } from 'react';
import { accessApi, type CreatedKey, type Role } from '../../api/access.ts';
import { RoleSelect } from './RoleSelect.tsx';

export function NewKeyForm({ onCreated, onError }: { onCreated: (k: CreatedKey) => void; onError: (e: Error | undefined) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [datasets, setDatasets] = useState('');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    onError(undefined);
    const names = datasets.split(/[\s,]+/).filter(Boolean);
    try {
      onCreated(await accessApi.createKey({ name: name.trim(), role, datasets: names.length ? names : undefined, expires_at: expires || undefined }));
      setName('');
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form panel" aria-label="Create an API key" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>Key name<input required value={name} onChange={(e) => setName(e.target.value)} placeholder="what uses it" autoComplete="off" /></label>
      <label>Role <RoleSelect label="Key role" value={role} onChange={setRole} /></label>
      <label>Datasets (optional)<input value={datasets} onChange={(e) => setDatasets(e.target.value)} placeholder="all; or e.g. us_ofac_sdn, eu_fsf" /></label>
      <label>Expires (optional)<input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} /></label>
      <button type="submit" disabled={busy || !name.trim()}>Create key</button>
    </form>
  );
}
