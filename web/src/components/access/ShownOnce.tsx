// A secret the server shows once (a sign-in link, an API key): read-only text and a copy button.
import { useState } from 'react';

export function ShownOnce({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <div className="message success shown-once" role="status">
      <label>{label}<input readOnly value={value} onFocus={(e) => e.target.select()} /></label>
      <button type="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      <p className="small">{note}</p>
    </div>
  );
}
