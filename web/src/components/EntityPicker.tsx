// Choose an entity by name: a search box with a short list of hits to pick from.
import { useId, useState, type FormEvent } from 'react';
import { search, type SearchResult } from '../api/screening.ts';
import { schemaLabel } from '../lib/ftm.ts';
import { ErrorMessage } from './common.tsx';

export interface Picked { id: string; caption: string }

export function EntityPicker({ label, value, onPick }: { label: string; value: Picked | null; onPick: (p: Picked) => void }) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const inputId = useId();

  const find = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await search('default', { q: text.trim(), limit: 8 });
      setHits(r.results);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="picker">
      <form onSubmit={find} role="search" aria-label={label}>
        <label htmlFor={inputId}>{label}</label>
        <div className="picker-row">
          <input id={inputId} value={text} onChange={(e) => setText(e.target.value)} placeholder={value ? value.caption : 'Name…'} autoComplete="off" spellCheck={false} />
          <button type="submit" disabled={busy}>{busy ? '…' : 'Find'}</button>
        </div>
      </form>
      {value && <div className="picked small">Chosen: <strong>{value.caption}</strong></div>}
      <ErrorMessage error={error} what="entities" />
      {hits && (
        <ul className="picker-hits" aria-label={`Matches for ${label}`}>
          {hits.length === 0 && <li className="muted">No match.</li>}
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="linkish" onClick={() => { onPick({ id: h.id, caption: h.caption }); setHits(null); setText(''); }}>
                {h.caption}
              </button>{' '}
              <span className="muted small">{schemaLabel(h.schema)}{h.target ? ' · sanctioned' : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
