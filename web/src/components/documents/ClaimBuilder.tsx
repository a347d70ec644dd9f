// A claim from a selected passage: the server proposes a draft (the entities, dates, countries and
// quantities it found there); the analyst picks the kind, edits it, grades it and saves it through
// the analyst path. The saved claim shows its locator, which opens the reader at the quote.
import { useEffect, useId, useState } from 'react';
import { documentsApi, type AnalystGrade, type ClaimBody, type ClaimCreated, type ClaimKind, type ClaimProposal } from '../../api/documents.ts';
import { GRADES } from '../../api.ts';
import { href } from '../../router.ts';
import { edgeOf, edgeSchemata, propInfo, schemaLabel } from '../../lib/ftm.ts';
import { ErrorMessage, Section } from '../common.tsx';
import type { Span } from '../../lib/passageSegments.ts';

const KINDS: { kind: ClaimKind; label: string }[] = [
  { kind: 'relationship', label: 'Relationship' },
  { kind: 'property', label: 'Property value' },
  { kind: 'transfer', label: 'Arms transfer' },
];
/** `official` is the publishers' own: an analyst's claim is at most corroborated. */
const ANALYST_GRADES = GRADES.filter((g): g is AnalystGrade => g !== 'official');

type Values = Record<string, string>;

function flat(properties: Record<string, string | string[]>): Values {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v]));
}

/** Keyed by the passage where it is used: a new passage starts a new claim. */
export function ClaimBuilder({ documentId, passage }: { documentId: string; passage: Span | null }) {
  const formId = useId();
  const [kind, setKind] = useState<ClaimKind>('relationship');
  const [schema, setSchema] = useState<string | undefined>(undefined);
  const [proposal, setProposal] = useState<ClaimProposal | null>(null);
  const [values, setValues] = useState<Values>({});
  const [single, setSingle] = useState({ entity: '', prop: '', value: '' });
  const [grade, setGrade] = useState<AnalystGrade | ''>('');
  const [claimDate, setClaimDate] = useState('');
  const [extra, setExtra] = useState({ prop: '', value: '' });
  const [saved, setSaved] = useState<ClaimCreated | null>(null);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  // A new passage, kind or schema: ask the server for its draft.
  const [from, to] = passage ? [passage.start, passage.end] : [null, null];
  useEffect(() => {
    if (from === null || to === null) return;
    let live = true;
    documentsApi.propose(documentId, { start: from, end: to, kind, schema: kind === 'property' ? undefined : schema }).then(
      (p) => {
        if (!live) return;
        setProposal(p);
        const d = p.draft;
        if (d.kind === 'property') setSingle({ entity: d.entityId ?? '', prop: d.prop ?? '', value: d.value ?? '' });
        else {
          const v = flat(d.properties);
          if (d.kind === 'relationship' && !('role' in v)) v.role = '';
          setValues(v);
        }
        setClaimDate(d.claimDate ?? '');
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [documentId, from, to, kind, schema]);

  const choose = (next: { kind?: ClaimKind; schema?: string }) => {
    setError(undefined);
    setSaved(null);
    if (next.kind) setKind(next.kind);
    setSchema(next.schema);
  };

  if (!passage) {
    return (
      <Section title="Claim from a passage" id="claim">
        <p className="muted">Select a passage in the text (within one paragraph) to build a claim from it.</p>
      </Section>
    );
  }

  const draftSchema = proposal && proposal.draft.kind !== 'property' ? proposal.draft.schema : schema;
  const save = async () => {
    if (!grade) return setError(new Error('Choose an evidence grade: a claim without one is refused.'));
    setBusy(true);
    setError(undefined);
    const properties = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const body: ClaimBody =
      kind === 'property'
        ? { start: passage.start, end: passage.end, kind, entity_id: single.entity, prop: single.prop, value: single.value, evidence_grade: grade, claim_date: claimDate || undefined }
        : { start: passage.start, end: passage.end, kind, schema: draftSchema, properties, evidence_grade: grade, claim_date: claimDate || undefined };
    try {
      setSaved(await documentsApi.createClaim(documentId, body));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const locator = saved?.statements[0]?.locator ?? null;
  return (
    <Section title="Claim from a passage" id="claim">
      <blockquote className="claim-quote">{proposal?.quote ?? '…'}</blockquote>
      <form id={formId} className="claim-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <fieldset>
          <legend>Kind</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="inline">
              <input type="radio" name={`${formId}-kind`} checked={kind === k.kind} onChange={() => choose({ kind: k.kind })} /> {k.label}
            </label>
          ))}
        </fieldset>
        {kind === 'relationship' && (
          <label>
            FtM schema
            <select value={draftSchema ?? 'UnknownLink'} onChange={(e) => choose({ schema: e.target.value })}>
              {edgeSchemata().map((s) => <option key={s} value={s}>{schemaLabel(s)}</option>)}
            </select>
          </label>
        )}
        {kind === 'property' ? (
          <>
            <label>Entity id<input value={single.entity} onChange={(e) => setSingle({ ...single, entity: e.target.value })} spellCheck={false} /></label>
            <label>Property<input value={single.prop} onChange={(e) => setSingle({ ...single, prop: e.target.value })} placeholder="notes, position, address…" spellCheck={false} /></label>
            <label>Value<input value={single.value} onChange={(e) => setSingle({ ...single, value: e.target.value })} /></label>
          </>
        ) : (
          <div className="claim-props">
            {Object.entries(values).map(([prop, value]) => {
              const edge = draftSchema ? edgeOf(draftSchema) : undefined;
              const end = edge && (prop === edge.source || prop === edge.target) ? ` (${prop === edge.source ? 'from' : 'to'})` : '';
              return (
                <label key={prop}>
                  {propInfo(draftSchema ?? 'Thing', prop).label}{end}
                  <input value={value} onChange={(e) => setValues({ ...values, [prop]: e.target.value })} spellCheck={false} data-prop={prop} />
                </label>
              );
            })}
            <div className="claim-extra">
              <input aria-label="Another property" placeholder="another property" value={extra.prop} onChange={(e) => setExtra({ ...extra, prop: e.target.value })} spellCheck={false} />
              <input aria-label="Its value" placeholder="value" value={extra.value} onChange={(e) => setExtra({ ...extra, value: e.target.value })} />
              <button type="button" disabled={!extra.prop.trim()} onClick={() => { setValues({ ...values, [extra.prop.trim()]: extra.value }); setExtra({ prop: '', value: '' }); }}>Add</button>
            </div>
          </div>
        )}
        {proposal && proposal.entities.length > 0 && <p className="small muted">Entities in the passage: {proposal.entities.join(', ')}</p>}
        <label>
          Evidence grade
          <select value={grade} onChange={(e) => setGrade(ANALYST_GRADES.find((g) => g === e.target.value) ?? '')} required>
            <option value="">choose…</option>
            {ANALYST_GRADES.map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <label>Claim date<input value={claimDate} onChange={(e) => setClaimDate(e.target.value)} placeholder="YYYY[-MM[-DD]]" /></label>
        <button type="submit" disabled={busy || !proposal}>{busy ? 'Saving…' : 'Save claim'}</button>
      </form>
      <ErrorMessage error={error} />
      {saved && (
        <div className="message saved" role="status">
          <strong>Saved</strong>{saved.id ? <> as <code>{saved.id}</code></> : null} ({saved.statements.length} statements{saved.dataset ? ` in ${saved.dataset}` : ''}).
          {locator && (
            <p>
              Locator: <code className="locator">{locator}</code>{' '}
              <a href={href('documents', documentId, { locator })}>Open the quoted passage</a>
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
