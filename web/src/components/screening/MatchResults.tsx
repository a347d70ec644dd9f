// Explained results of one query: each candidate with its band, score, the names that met the query
// and the server's explanations, read as the server sends them ({feature, weight, detail, query, candidate}).
import { isAgainst, type MatchQuery, type MatchResult } from '../../api/screening.ts';
import { href } from '../../router.ts';
import { BandBadge, SchemaTag } from '../common.tsx';
import { fold, Highlight, tokens } from '../../lib/highlight.tsx';
import { propInfo } from '../../lib/ftm.ts';

export function MatchResults({ results, query }: { results: MatchResult[]; query: MatchQuery }) {
  if (!results.length) return <p className="message" role="status">No candidate in the screened data comes close: clear.</p>;
  return (
    <ol className="match-list" aria-label="Screening results">
      {results.map((r) => <MatchCard key={r.id} result={r} query={query} />)}
    </ol>
  );
}

function MatchCard({ result: r, query }: { result: MatchResult; query: MatchQuery }) {
  // Mark the words of the listed names that met the query: the words of each name an explanation
  // pairs with the query, and single-word variants ('chong' ~ 'jong'), less the words the matcher
  // reports as without a counterpart.
  const matched = new Set<string>();
  const unmatched = new Set<string>();
  for (const e of r.explanations) {
    if (e.candidate && !isAgainst(e)) tokens(e.candidate).forEach((t) => matched.add(t));
    else if (e.candidate && tokens(e.candidate).length === 1) matched.add(tokens(e.candidate)[0]);
    if (/listed words without a counterpart/.test(e.detail)) for (const m of e.detail.matchAll(/'([^']+)'/g)) unmatched.add(fold(m[1]));
  }
  for (const t of unmatched) matched.delete(t);
  if (!r.explanations.some((e) => e.candidate)) Object.values(query.properties).flat().flatMap(tokens).forEach((t) => matched.add(t));
  const matchedNames = new Set(r.explanations.filter((e) => e.candidate && !isAgainst(e)).map((e) => e.candidate));
  const names = [...new Set([...(r.properties.name ?? [r.caption]), ...(r.properties.alias ?? []), ...(r.properties.weakAlias ?? [])])]
    .sort((a, b) => Number(matchedNames.has(b)) - Number(matchedNames.has(a)));
  const marked = (text: string) => new Set(tokens(text).filter((t) => matched.has(t)));
  const otherProps = Object.entries(r.properties).filter(([p]) => ['birthDate', 'nationality', 'country', 'passportNumber', 'idNumber', 'imoNumber', 'registrationNumber'].includes(p));
  return (
    <li className={`match-card is-${r.band}${r.match ? ' is-match' : ''}`}>
      <div className="match-head">
        <a href={href('entity', r.id)} className="match-caption"><Highlight text={r.caption} terms={marked(r.caption)} /></a>
        <SchemaTag schema={r.schema} />
        <BandBadge band={r.band} />
        {!r.target && <span className="tag" title="No sanctions list designates this entity">not on a sanctions list</span>}
        <span className="score">
          <meter min={0} max={1} value={r.score} aria-label={`Score ${r.score.toFixed(2)}`} />
          {r.score.toFixed(2)}
        </span>
      </div>
      {r.reason && <p className="reason small">{r.reason}</p>}
      <div className="muted small">{r.datasets.join(', ')}{r.referents.length ? ` · ${r.referents.slice(0, 3).join(', ')}` : ''}</div>
      <div className="match-names">
        <span className="muted">Names: </span>
        {names.slice(0, 8).map((n, i) => (
          <span key={i} className={matchedNames.has(n) ? 'name matched-name' : 'name'}>
            <Highlight text={n} terms={marked(n)} />
            {i < Math.min(names.length, 8) - 1 ? ' · ' : ''}
          </span>
        ))}
        {names.length > 8 && <span className="muted"> +{names.length - 8} more</span>}
      </div>
      {otherProps.length > 0 && (
        <div className="small">
          {otherProps.map(([p, v]) => <span key={p} className="kv"><span className="muted">{propInfo(r.schema, p).label}:</span> {v.join(', ')}</span>)}
        </div>
      )}
      <div className="explanation">
        <h3>Why</h3>
        {r.explanations.length === 0 ? (
          <p className="muted">The server gave no explanation.</p>
        ) : (
          <ul>
            {r.explanations.map((e, i) => (
              <li key={i} className={isAgainst(e) ? 'against' : 'for'}>
                <span aria-hidden="true">{isAgainst(e) ? '−' : '+'}</span>
                <span className="feature">{e.feature}</span>
                <span className="expl-text">{e.detail}</span>
                {e.query && e.candidate && (
                  <span className="pair"><q>{e.query}</q> ↔ <q><mark>{e.candidate}</mark></q></span>
                )}
                <span className="muted"> ({e.weight > 0 ? '+' : ''}{e.weight.toFixed(2)})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
