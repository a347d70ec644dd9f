// Small building blocks: messages, badges, links to entities.
import type { ReactNode } from 'react';
import { ApiError, type Grade } from '../api.ts';
import { href } from '../router.ts';
import { countryName, schemaLabel } from '../lib/ftm.ts';

export function ErrorMessage({ error, what }: { error: Error | undefined; what?: string }) {
  if (!error) return null;
  const offline = error instanceof ApiError && error.status === 0;
  return (
    <div className="message error" role="alert">
      <strong>{what ? `Could not load ${what}.` : 'Something went wrong.'}</strong> {error.message}
      {offline ? ' Check that `npm start` is running.' : null}
    </div>
  );
}

export function Loading({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <div className="message loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…{children}
    </div>
  );
}

export function SanctionedBadge() {
  return <span className="badge sanctioned" title="Listed on a sanctions list">Sanctioned</span>;
}

export function GradeBadge({ grade }: { grade: Grade | null }) {
  if (!grade) return null;
  return <span className={`badge grade grade-${grade}`} title={`Evidence grade: ${grade}`}>{grade}</span>;
}

export function SchemaTag({ schema }: { schema: string }) {
  return <span className="tag schema">{schemaLabel(schema)}</span>;
}

export function CountryTags({ codes }: { codes: string[] }) {
  if (!codes.length) return null;
  return (
    <span className="countries">
      {codes.map((c) => (
        <span className="tag country" key={c} title={c}>{countryName(c)}</span>
      ))}
    </span>
  );
}

export function EntityLink({ id, caption }: { id: string; caption?: string }) {
  return <a href={href('entity', id)}>{caption || id}</a>;
}

export function Section({ title, children, id, actions }: { title: string; children: ReactNode; id?: string; actions?: ReactNode }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="panel" aria-labelledby={headingId} id={id}>
      <div className="panel-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A progress bar that also says what it measures. */
export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <div className="progress" role="group" aria-label={label}>
      <progress value={value} max={Math.max(max, 1)} aria-label={label} />
      <span>{label}: {value.toLocaleString('en')} / {max.toLocaleString('en')}</span>
    </div>
  );
}

const BAND_LABELS = { match: 'Match', review: 'Review', clear: 'Clear' } as const;
const BAND_TITLES = {
  match: 'Treat as the listed entity unless shown otherwise',
  review: 'Possible match: a person must look at it (a strong name with a conflicting or missing detail, or a score just below the threshold)',
  clear: 'Nothing on the lists comes close',
} as const;

/** match / review / clear, as the server decided it (src/screening/bands.ts). */
export function BandBadge({ band }: { band: 'match' | 'review' | 'clear' }) {
  return <span className={`badge band band-${band} ${band}`} title={BAND_TITLES[band]}>{BAND_LABELS[band]}</span>;
}

/** What an answer was given from: the scope, the list versions, and a warning for each stale list. */
export function AnswerSources({ context }: { context: { scope: { name: string; description: string }; lists: { dataset: string; version: string; published_at: string | null; stale: boolean }[]; warnings: string[] } }) {
  return (
    <div className="answer-sources small" aria-label="Lists used">
      <p className="muted">
        {context.scope.description ? <>Against {context.scope.description}. </> : null}
        Lists: {context.lists.map((l, i) => (
          <span key={l.dataset}>{i > 0 ? ', ' : ''}{l.dataset} <span className="muted">({l.published_at ?? 'undated'})</span>{l.stale ? ' ⚠' : ''}</span>
        ))}
      </p>
      {context.warnings.length > 0 && (
        <div className="message warning" role="status">
          <strong>{context.warnings.length === 1 ? 'A list is stale' : `${context.warnings.length} lists are stale`}:</strong>
          <ul>{context.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
