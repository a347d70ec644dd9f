// One mention: its candidate entities with the matcher's score and explanation, a link through to
// each, and the analyst's accept / reject / relink.
import { useState } from 'react';
import { documentsApi, type Candidate, type Mention } from '../../api/documents.ts';
import { EntityPicker, type Picked } from '../EntityPicker.tsx';
import { EntityLink, ErrorMessage, SanctionedBadge, SchemaTag, Section } from '../common.tsx';

function Explanations({ candidate }: { candidate: Candidate }) {
  const e = candidate.explanations;
  const lines = Array.isArray(e) ? e : e.antecedent;
  return (
    <ul className="explanations small">
      {!Array.isArray(e) && <li>Refers to {e.coreference}.</li>}
      {lines.map((x, i) => (
        <li key={i}>{x.detail} <span className="muted">({x.feature}, {x.weight >= 0 ? '+' : ''}{x.weight})</span></li>
      ))}
    </ul>
  );
}

/** `canReview`: the reader may accept, reject or relink (analysts and up); others only see the link and its candidates. */
export function MentionPanel({ documentId, mention, onChanged, canReview }: { documentId: string; mention: Mention; onChanged: (m: Mention) => void; canReview: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [other, setOther] = useState<Picked | null>(null);

  const review = async (action: 'accept' | 'reject' | 'relink', entityId?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await documentsApi.review(documentId, mention.id, { action, entity_id: entityId }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const linked = mention.candidates.find((c) => c.id === mention.entityId);
  return (
    <Section title={`Mention: “${mention.text}”`} id="mention">
      <p>
        <span className="tag">{mention.kind}</span>
        <span className={`badge review-${mention.status}`}>{mention.status}</span>
        {mention.value && <span className="muted"> value {mention.value}</span>}
        {mention.reviewedBy && <span className="muted small"> · reviewed by {mention.reviewedBy}</span>}
      </p>
      {mention.entityId ? (
        <p>Linked to <EntityLink id={mention.entityId} caption={linked?.caption} />{mention.score !== null && <span className="muted"> (score {mention.score})</span>}</p>
      ) : (
        <p className="muted">Not linked to an entity.</p>
      )}
      {canReview && <div className="actions">
        {mention.entityId && <button type="button" disabled={busy || mention.status === 'accepted'} onClick={() => review('accept')}>Accept link</button>}
        <button type="button" disabled={busy || mention.status === 'rejected'} onClick={() => review('reject')}>Reject</button>
      </div>}
      <ErrorMessage error={error} />
      {mention.candidates.length > 0 && (
        <>
          <h3>Candidates</h3>
          <ol className="candidates">
            {mention.candidates.map((c) => (
              <li key={c.id}>
                <EntityLink id={c.id} caption={c.caption} /> <SchemaTag schema={c.schema} />
                {c.sanctioned && <SanctionedBadge />} <span className="score">score {c.score}</span>
                <span className="muted small"> {c.datasets.join(', ')}</span>
                <Explanations candidate={c} />
                {canReview && c.id !== mention.entityId && (
                  <button type="button" className="small" disabled={busy} onClick={() => review('relink', c.id)}>Link to this one</button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {canReview && <EntityPicker label="Relink to another entity" value={other} onPick={setOther} />}
      {canReview && other && (
        <button type="button" disabled={busy} onClick={() => review('relink', other.id)}>Relink to {other.caption}</button>
      )}
    </Section>
  );
}
