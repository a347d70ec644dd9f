// One user in the users table: role (changeable), state, a new sign-in link, disable.
import { useState } from 'react';
import { accessApi, type Role, type SignInLink, type UserView } from '../../api/access.ts';
import { formatDate } from '../../lib/format.ts';
import { RoleSelect } from './RoleSelect.tsx';

export function userState(u: UserView): string {
  if (u.disabled) return 'disabled';
  if (u.locked_until && new Date(u.locked_until) > new Date()) return `locked until ${u.locked_until}`;
  return u.has_password ? 'active' : 'waiting for first sign-in';
}

export function UserRow({ user, onChanged, onLink, onError }: { user: UserView; onChanged: (u: UserView) => void; onLink: (l: SignInLink) => void; onError: (e: Error) => void }) {
  const [busy, setBusy] = useState(false);
  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const setRole = (role: Role) => act(async () => onChanged(await accessApi.changeUser(user.id, { role })));
  const disable = () => act(async () => onChanged(await accessApi.changeUser(user.id, { disabled: true })));
  const link = () => act(async () => onLink(await accessApi.newLink(user.id)));
  return (
    <tr>
      <th scope="row">{user.name}</th>
      <td>{user.disabled ? user.role : <RoleSelect label={`Role of ${user.name}`} value={user.role} onChange={(r) => void setRole(r)} />}</td>
      <td>{userState(user)}</td>
      <td>{formatDate(user.created_at)} <span className="muted small">by {user.created_by}</span></td>
      <td className="actions">
        {!user.disabled && <button type="button" className="secondary" disabled={busy} onClick={() => void link()} aria-label={`New sign-in link for ${user.name}`}>New link</button>}
        {!user.disabled && <button type="button" className="secondary" disabled={busy} onClick={() => void disable()} aria-label={`Disable ${user.name}`}>Disable</button>}
      </td>
    </tr>
  );
}
