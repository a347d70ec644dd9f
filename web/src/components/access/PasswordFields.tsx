// A new password typed twice; says what is wrong before the server has to.
import { MIN_PASSWORD_LENGTH } from '../../api/access.ts';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** Why the new password cannot be sent yet (null: it can). */
export function passwordProblem({ password, repeat }: NewPassword): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== repeat) return 'The two passwords differ.';
  return null;
}

export function PasswordFields({ value, onChange, label = 'New password' }: { value: NewPassword; onChange: (value: NewPassword) => void; label?: string }) {
  return (
    <>
      <label>{label} (at least {MIN_PASSWORD_LENGTH} characters)
        <input type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} value={value.password} onChange={(e) => onChange({ ...value, password: e.target.value })} />
      </label>
      <label>Repeat the password
        <input type="password" autoComplete="new-password" required value={value.repeat} onChange={(e) => onChange({ ...value, repeat: e.target.value })} />
      </label>
    </>
  );
}
