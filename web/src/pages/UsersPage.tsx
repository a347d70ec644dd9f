// #/users (admin): who may sign in and as what; adding a user answers a one-time link, shown once.
import { useState } from 'react';
import { accessApi, type Role, type SignInLink } from '../api/access.ts';
import { useApi } from '../lib/useApi.ts';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { RoleSelect } from '../components/access/RoleSelect.tsx';
import { ShownOnce } from '../components/access/ShownOnce.tsx';
import { UserRow } from '../components/access/UserRow.tsx';

export function UsersPage() {
  const [version, setVersion] = useState(0);
  const users = useApi((signal) => accessApi.users(signal), [version]);
  const [link, setLink] = useState<SignInLink | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const changed = () => setVersion((v) => v + 1);
  const linked = (l: SignInLink) => {
    setLink(l);
    setVersion((v) => v + 1);
  };

  return (
    <div className="page users-page">
      <h1>Users</h1>
      <AddUserForm onAdded={linked} onError={setError} />
      {link && <ShownOnce label={`Sign-in link for ${link.user.name}`} value={link.link} note={`Give it to ${link.user.name}: it works once, until ${link.expires_at}, and is not shown again.`} />}
      <ErrorMessage error={error} what={undefined} />
      <Section title="Accounts" id="accounts">
        {users.error && <ErrorMessage error={users.error} what="users" />}
        {users.loading && !users.data && <Loading what="users" />}
        {users.data && (
          <div className="table-wrap">
            <table className="access-table">
              <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Added</th><th scope="col">Actions</th></tr></thead>
              <tbody>{users.data.results.map((u) => <UserRow key={u.id} user={u} onChanged={changed} onLink={linked} onError={setError} />)}</tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}

function AddUserForm({ onAdded, onError }: { onAdded: (l: SignInLink) => void; onError: (e: Error | undefined) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    onError(undefined);
    try {
      onAdded(await accessApi.addUser(name.trim(), role));
      setName('');
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="inline-form panel" aria-label="Add a user" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>Name<input required value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" /></label>
      <label>Role <RoleSelect label="Role" value={role} onChange={setRole} /></label>
      <button type="submit" disabled={busy || !name.trim()}>Add user</button>
    </form>
  );
}

export default UsersPage;
