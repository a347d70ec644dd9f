// #/sign-in?next=…: name and password; a refusal (wrong password, locked account) says why.
import { useState } from 'react';
import { accessApi } from '../api/access.ts';
import { setMe } from '../hooks/useMe.ts';
import { navigate, type Route } from '../router.ts';

/** Where to go after signing in: the page the user was sent away from (only a page of this app). */
export function nextPage(route: Route): string {
  const next = route.params.get('next') ?? '';
  return /^#\/(?!sign-in|welcome)/.test(next) ? next : '#/search';
}

export function SignInPage({ route }: { route: Route }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      setMe(await accessApi.signIn(name.trim(), password));
      navigate(nextPage(route), true);
    } catch (e) {
      setError(e as Error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page">
      <h1>Sign in</h1>
      <form className="auth-form panel" aria-label="Sign in" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>Name<input autoComplete="username" required value={name} onChange={(e) => setName(e.target.value)} autoFocus /></label>
        <label>Password<input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        <button type="submit" disabled={busy || !name.trim() || !password}>Sign in</button>
        {error && <p className="message error" role="alert">{signInError(error)}</p>}
      </form>
      <p className="muted small">No password yet, or forgotten? An administrator gives you a one-time sign-in link.</p>
    </div>
  );
}

/** The server's words without the status prefix: "wrong name or password", "too many failed sign-ins: try again after …". */
function signInError(error: Error): string {
  const message = error.message.replace(/^\d{3}: /, '');
  return /too many/i.test(message) ? `This account is locked for now: ${message}.` : `Not signed in: ${message}.`;
}
