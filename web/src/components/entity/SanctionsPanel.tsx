// The designations: the Sanction entities the server nested into the entity.
import type { EntityProfile, NestedEntity } from '../../api/entities.ts';
import { Section } from '../common.tsx';
import { formatDate } from '../../lib/format.ts';

/** The Sanction entities the server nested into the entity, each once (`nested` is keyed by id). */
export function sanctionsOf(entity: EntityProfile): NestedEntity[] {
  return Object.values(entity.nested).filter((x) => x.schema === 'Sanction');
}

export function SanctionsPanel({ entity }: { entity: EntityProfile }) {
  const sanctions = sanctionsOf(entity);
  if (!sanctions.length) return null;
  return (
    <Section title="Sanctions" id="sanctions">
      <ul className="cards">
        {sanctions.map((s) => {
          const p = s.properties;
          return (
            <li key={s.id} className="card">
              <dl className="facts">
                <dt>Authority</dt><dd>{p.authority?.join('; ') || '—'}</dd>
                <dt>Program</dt><dd>{(p.program ?? p.programId ?? []).join('; ') || '—'}</dd>
                <dt>Listed</dt><dd>{formatDate(p.listingDate?.[0] ?? p.startDate?.[0])}</dd>
                {p.endDate && (<><dt>Ended</dt><dd>{formatDate(p.endDate[0])}</dd></>)}
                {p.unscId && (<><dt>UN reference</dt><dd>{p.unscId.join(', ')}</dd></>)}
                <dt>Provisions</dt><dd>{p.provisions?.join('; ') || '—'}</dd>
                {p.reason && (<><dt>Reason</dt><dd>{p.reason.join(' ')}</dd></>)}
                {p.sourceUrl && (<><dt>Source</dt><dd>{p.sourceUrl.map((u) => <a key={u} href={u} rel="noreferrer noopener">{u}</a>)}</dd></>)}
              </dl>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
