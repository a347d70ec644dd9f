// #/welcome?token=…: a one-time sign-in link (the first start's, or one an admin made): set a password, then signed in.
import { useState } from 'react';
import { accessApi } from '../api/access.ts';
import { setMe } from '../hooks/useMe.ts';
import { href, navigate, type Route } from '../router.ts';
import { ErrorMessage } from '../components/common.tsx';
import { PasswordFields, passwordProblem, type NewPassword } from '../components/access/PasswordFields.tsx';

export function WelcomePage({ route }: { route: Route }) {
  const token = route.params.get('token') ?? '';
  const [value, setValue] = useState<NewPassword>({ password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const problem = passwordProblem(value);

  async function submit() {
    if (problem) return setError(new Error(problem));
    setBusy(true);
    setError(undefined);
    try {
      setMe(await accessApi.redeemLink(token, value.password));
      navigate(href('search'), true);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  if (!token) return <div className="page auth-page"><h1>Welcome</h1><p className="message warning">This page needs the one-time link you were given (…#/welcome?token=…).</p></div>;
  return (
    <div className="page auth-page">
      <h1>Welcome to Interdict</h1>
      <p>Choose your password. The link works once: afterwards you sign in with your name and this password.</p>
      <form className="auth-form panel" aria-label="Set your password" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <PasswordFields value={value} onChange={setValue} />
        <button type="submit" disabled={busy}>Set password and sign in</button>
        {error && <ErrorMessage error={error} what={undefined} />}
      </form>
    </div>
  );
}
