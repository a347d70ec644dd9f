// The header's account menu: who is signed in and as what, change password, sign out (here or everywhere).
// Nobody signed in: a "Sign in" link.
import { useState } from 'react';
import { accessApi } from '../../api/access.ts';
import { refreshMe, useMe } from '../../hooks/useMe.ts';
import { href, navigate } from '../../router.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function AccountMenu() {
  const { me } = useMe();
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState('');
  const principal = me?.principal ?? null;
  if (!me) return null;
  if (!principal) return <a className="account-sign-in" href={href('sign-in', { next: window.location.hash })}>Sign in</a>;

  const end = async (everywhere: boolean) => {
    setError('');
    try {
      await (everywhere ? accessApi.signOutEverywhere() : accessApi.signOut());
      await refreshMe();
      navigate(href('sign-in'));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <details className="account-menu">
      <summary aria-label={`Account: ${principal.name}, ${principal.role}`}>
        {principal.name} <span className="badge role">{principal.role}</span>
      </summary>
      <div className="account-panel" role="group" aria-label="Account">
        <p className="small">Signed in as <strong>{principal.name}</strong> ({principal.role}).</p>
        {principal.kind === 'user' && !changing && <button type="button" className="secondary" onClick={() => setChanging(true)}>Change password</button>}
        {changing && <ChangePasswordForm onDone={() => setChanging(false)} />}
        <button type="button" className="secondary" onClick={() => void end(false)}>Sign out</button>
        {principal.kind === 'user' && <button type="button" className="secondary" onClick={() => void end(true)}>Sign out everywhere</button>}
        {error && <p className="message error" role="alert">{error}</p>}
      </div>
    </details>
  );
}
