// #/keys (admin): API keys for programs; the secret is shown once at creation, then only its use is listed.
import { useState } from 'react';
import { accessApi, type CreatedKey, type KeyView } from '../api/access.ts';
import { formatDate } from '../lib/format.ts';
import { useApi } from '../lib/useApi.ts';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { NewKeyForm } from '../components/access/NewKeyForm.tsx';
import { ShownOnce } from '../components/access/ShownOnce.tsx';

export function KeysPage() {
  const [version, setVersion] = useState(0);
  const keys = useApi((signal) => accessApi.keys(signal), [version]);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const refresh = () => setVersion((v) => v + 1);

  const revoke = async (key: KeyView) => {
    setError(undefined);
    try {
      await accessApi.revokeKey(key.id);
      refresh();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div className="page keys-page">
      <h1>API keys</h1>
      <NewKeyForm onCreated={(k) => { setCreated(k); refresh(); }} onError={setError} />
      {created && <ShownOnce label={`Secret of ${created.key.name}`} value={created.secret} note="Send it as “Authorization: ApiKey <secret>”. It is not shown again." />}
      <ErrorMessage error={error} what={undefined} />
      <Section title="Keys" id="keys">
        {keys.error && <ErrorMessage error={keys.error} what="keys" />}
        {keys.loading && !keys.data && <Loading what="keys" />}
        {keys.data && (
          <div className="table-wrap">
            <table className="access-table">
              <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Datasets</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col">State</th></tr></thead>
              <tbody>
                {keys.data.results.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name} <code className="muted small">{k.id}</code></th>
                    <td>{k.role}</td>
                    <td>{k.datasets?.join(', ') ?? 'all'}</td>
                    <td>{formatDate(k.created_at)} <span className="muted small">by {k.created_by}</span></td>
                    <td>{k.last_used_at ?? 'never'}</td>
                    <td>{formatDate(k.expires_at)}</td>
                    <td>{k.revoked_at ? `revoked ${formatDate(k.revoked_at)}` : <button type="button" className="secondary" onClick={() => void revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}

export default KeysPage;
