// Change one's own password: the current one, then the new one twice (other sessions end).
import { useState } from 'react';
import { accessApi } from '../../api/access.ts';
import { setMe } from '../../hooks/useMe.ts';
import { PasswordFields, passwordProblem, type NewPassword } from './PasswordFields.tsx';

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPassword>({ password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit() {
    const problem = passwordProblem(value);
    if (problem) return setMessage(problem);
    setBusy(true);
    setMessage('');
    try {
      setMe(await accessApi.changePassword(current, value.password));
      onDone();
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" aria-label="Change password" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>Current password<input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} /></label>
      <PasswordFields value={value} onChange={setValue} />
      <p className="muted small">Your other sessions end.</p>
      <button type="submit" disabled={busy}>Change password</button>{' '}
      <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      {message && <p className="message error" role="alert">{message}</p>}
    </form>
  );
}
