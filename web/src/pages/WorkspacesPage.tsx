// #/workspaces: the confidential workspaces I belong to (an admin: all), a new one (analysts and up),
// and each one's members. Who may change members is the server's call: its refusal is shown as said.
import { useState } from 'react';
import type { Role } from '../api/access.ts';
import { workspacesApi, type Workspace } from '../api/workspaces.ts';
import { RoleSelect } from '../components/access/RoleSelect.tsx';
import { ErrorMessage, Loading, Section } from '../components/common.tsx';
import { useMe } from '../hooks/useMe.ts';
import { formatDate } from '../lib/format.ts';
import { useApi } from '../lib/useApi.ts';

/** Names need not be unique: the server chooses each workspace's id, and the page shows it. */
function NewWorkspaceForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [created, setCreated] = useState<Workspace | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const create = async () => {
    setError(undefined);
    setCreated(undefined);
    try {
      setCreated(await workspacesApi.create({ name: name.trim() }));
      setName('');
      onCreated();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Section title="New workspace" id="new-workspace">
      <form className="inline-form" aria-label="New workspace" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <label>Name<input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Wagner supply case" /></label>
        <button type="submit" disabled={!name.trim()}>Create</button>
      </form>
      {created && <p role="status">Created “{created.title}” ({created.id}).</p>}
      <ErrorMessage error={error} what={undefined} />
    </Section>
  );
}

function WorkspaceMembers({ workspace, onChanged }: { workspace: Workspace; onChanged: () => void }) {
  const [user, setUser] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [error, setError] = useState<Error | undefined>();
  const change = async (write: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await write();
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Section title={`${workspace.title} (${workspace.id})`} id={workspace.id}>
      <p className="muted small">Created {formatDate(workspace.created_at)} by {workspace.created_by}. Its claims and documents are seen by its members only.</p>
      <table className="access-table" aria-label={`Members of ${workspace.id}`}>
        <thead><tr><th scope="col">Member</th><th scope="col">Role here</th><th scope="col">Added</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {workspace.members.map((m) => (
            <tr key={m.user_id}>
              <th scope="row">{m.name}{m.owner && <span className="muted small"> (owner)</span>}</th>
              <td>{m.role}</td>
              <td>{formatDate(m.added_at)} <span className="muted small">by {m.added_by}</span></td>
              <td><button type="button" className="secondary" aria-label={`Remove ${m.name} from ${workspace.id}`} onClick={() => void change(() => workspacesApi.removeMember(workspace.id, m.user_id))}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" aria-label={`Add a member to ${workspace.id}`} onSubmit={(e) => { e.preventDefault(); void change(async () => { await workspacesApi.setMember(workspace.id, { user: user.trim(), role }); setUser(''); }); }}>
        <label>User name<input required value={user} onChange={(e) => setUser(e.target.value)} /></label>
        <label>Role <RoleSelect label="Role in the workspace" value={role} onChange={setRole} /></label>
        <button type="submit" disabled={!user.trim()}>Add member</button>
      </form>
      <ErrorMessage error={error} what={undefined} />
    </Section>
  );
}

export function WorkspacesPage() {
  const who = useMe();
  const [version, setVersion] = useState(0);
  const workspaces = useApi((signal) => workspacesApi.list(signal), [version]);
  const refresh = () => setVersion((v) => v + 1);
  return (
    <div className="page workspaces-page">
      <h1>Workspaces</h1>
      <p className="muted">A confidential workspace keeps claims and documents from everyone but its members, admins included.</p>
      {who.can('analyst') && <NewWorkspaceForm onCreated={refresh} />}
      {workspaces.error && <ErrorMessage error={workspaces.error} what="workspaces" />}
      {workspaces.loading && !workspaces.data && <Loading what="workspaces" />}
      {workspaces.data?.length === 0 && <p>You are a member of no workspace.</p>}
      {workspaces.data?.map((w) => <WorkspaceMembers key={w.id} workspace={w} onChanged={refresh} />)}
    </div>
  );
}

export default WorkspacesPage;
