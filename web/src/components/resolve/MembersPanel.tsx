// On a resolved target's page: its member records, the judgements that hold each in the target (who,
// when, why, machine or person, score), and "split off" with a reason (POST /judgements/split).
import { useState } from 'react';
import { resolveApi, type Member, type SplitRecorded } from '../../api/resolve.ts';
import { href } from '../../router.ts';
import { useMembers } from '../../hooks/useResolve.ts';
import { ErrorMessage, Section } from '../common.tsx';
import { JudgementLine } from './JudgementLine.tsx';
import { useMe } from '../../hooks/useMe.ts';

function SplitForm({ member, onDone, onCancel }: { member: Member; onDone: (r: SplitRecorded) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await resolveApi.split(member.id, reason));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="split-form" aria-label={`Split off ${member.caption}`} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>Reason <input required value={reason} onChange={(e) => setReason(e.target.value)} placeholder="why this record is another target" aria-label="Reason for the split" /></label>
      <button type="submit" disabled={busy || !reason.trim()}>Split off</button>{' '}
      <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      <ErrorMessage error={error} />
    </form>
  );
}

/** Keyed by the entity, so moving to another entity's page starts afresh. */
export function MembersPanel({ id }: { id: string }) {
  return <MembersOf key={id} id={id} />;
}

function MembersOf({ id }: { id: string }) {
  const { can } = useMe();
  const [version, setVersion] = useState(0);
  const [splitting, setSplitting] = useState<string | null>(null);
  const [done, setDone] = useState<{ member: Member; result: SplitRecorded } | null>(null);
  const members = useMembers(id, version);
  const list = members.data?.members ?? [];
  if (!done && list.length < 2) return null;
  return (
    <Section title="Member records" id="members">
      <p className="muted">This target is resolved from {list.length} records of the lists; each is held here by the judgements shown. Splitting one off is a judgement too (undone by judging the pair again).</p>
      {done && (
        <div className="message success" role="status">
          Split off: <a href={href('entity', done.result.member.canonical_id)}>{done.member.caption}</a> ({done.member.id}) is now its own entity;{' '}
          {done.result.rest.members.length > 1 ? <>the other members stay in <a href={href('entity', done.result.rest.canonical_id)}>{done.result.rest.canonical_id}</a>.</> : 'the other record is alone too.'}{' '}
          <button type="button" className="link" onClick={() => window.location.reload()}>Reload this page</button>
        </div>
      )}
      <ErrorMessage error={members.error} what="member records" />
      <table className="data members">
        <thead>
          <tr><th>Dataset</th><th>Record</th><th>Name</th><th>Judgements</th><th /></tr>
        </thead>
        <tbody>
          {list.map((m) => (
            <tr key={m.id} data-member={m.id}>
              <td>{m.dataset}</td>
              <td><code>{m.referent}</code></td>
              <td>{m.caption}</td>
              <td>
                <ul className="judgements">
                  {m.judgements.map((j) => (
                    <li key={j.seq}>with <code>{j.left === m.id ? j.right : j.left}</code>: <JudgementLine judgement={j} /></li>
                  ))}
                </ul>
              </td>
              <td>
                {list.length > 1 && splitting !== m.id && can('analyst') && <button type="button" className="secondary" onClick={() => setSplitting(m.id)}>Split off…</button>}
                {splitting === m.id && (
                  <SplitForm
                    member={m}
                    onCancel={() => setSplitting(null)}
                    onDone={(result) => {
                      setDone({ member: m, result });
                      setSplitting(null);
                      setVersion((v) => v + 1);
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
