// Two records side by side, property by property: agreeing and conflicting properties highlighted,
// each value with its source (dataset, version), the candidate's evidence and a list-error flag.
import type { CandidatePair, PairProperty } from '../../api/resolve.ts';
import { EntityLink, SchemaTag } from '../common.tsx';
import { propInfo } from '../../lib/ftm.ts';
import { JudgementLine } from './JudgementLine.tsx';

const STATE_LABELS: Record<PairProperty['state'], string> = { conflict: 'conflict', agree: 'agrees', differ: 'differs', one_side: 'one side only' };

function Values({ values }: { values: PairProperty['left'] }) {
  if (!values.length) return <span className="muted">—</span>;
  return (
    <ul className="pair-values">
      {values.map((v, i) => (
        <li key={i} className={v.matched ? 'matched' : undefined}>
          <span className="value">{v.value}</span>{' '}
          <span className="source muted small" title={v.locator ?? undefined}>{v.dataset}{v.version ? ` · ${v.version}` : ''}</span>
        </li>
      ))}
    </ul>
  );
}

export function PairComparison({ pair, schema }: { pair: CandidatePair; schema: string }) {
  const c = pair.candidate;
  return (
    <section className="panel pair" aria-label="Pair side by side">
      {c?.flagged && (
        <div className="message warning" role="alert">
          <strong>Possible list error:</strong> the list cites UN Ref {c.official} for these records, but {c.conflicts.join(', ')}.
        </div>
      )}
      {c && (
        <p className="pair-summary">
          Score <strong>{c.score.toFixed(3)}</strong> (names {c.nameScore.toFixed(3)}){' '}
          {c.evidence.map((e) => <span key={e} className="badge evidence">{e}</span>)}
          {c.conflicts.map((e) => <span key={e} className="badge conflict">{e}</span>)}
        </p>
      )}
      {pair.judgement && <p className="in-force">In force: <JudgementLine judgement={pair.judgement} /></p>}
      <table className="data pair-table" data-pair={`${pair.left.id}|${pair.right.id}`}>
        <thead>
          <tr>
            <th scope="col">Property</th>
            {[pair.left, pair.right].map((r) => (
              <th scope="col" key={r.id}>
                <EntityLink id={r.id} caption={r.caption} /> <SchemaTag schema={r.schema} />
                <div className="muted small"><code>{r.id}</code> · {r.dataset}{r.canonicalId !== r.id ? <> · in <EntityLink id={r.canonicalId} caption={r.canonicalId} /></> : null}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pair.properties.map((p) => (
            <tr key={p.prop} className={`state-${p.state}`} data-prop={p.prop} data-state={p.state}>
              <th scope="row">
                {propInfo(schema, p.prop).label}
                <div className="small"><span className={`badge state state-${p.state}`}>{STATE_LABELS[p.state]}</span>{p.features.map((f) => <span key={f} className="muted"> {f}</span>)}</div>
              </th>
              <td><Values values={p.left} /></td>
              <td><Values values={p.right} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
