// A secret the server shows once (a sign-in link, an API key): read-only text and a copy button.
import { useRef, useState } from 'react';

export function ShownOnce({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // The clipboard API exists only on https and localhost; elsewhere the text is selected for Ctrl+C.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied');
    } catch {
      input.current?.select();
      setCopied('Selected: press Ctrl+C');
    }
  };
  return (
    <div className="message success shown-once" role="status">
      <label>{label}<input ref={input} readOnly value={value} onFocus={(e) => e.target.select()} /></label>
      <button type="button" onClick={() => void copy()}>{copied || 'Copy'}</button>
      <p className="small">{note}</p>
    </div>
  );
}
