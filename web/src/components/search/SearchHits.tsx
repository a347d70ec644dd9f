// A page of search hits with the lists they came from, and the pager.
import type { SearchResponse } from '../../api/screening.ts';
import { href } from '../../router.ts';
import { AnswerSources, CountryTags, SanctionedBadge, SchemaTag } from '../common.tsx';
import { formatNumber } from '../../lib/format.ts';

export function SearchHits({ result, q, offset, pageSize, onPage }: { result: SearchResponse; q: string; offset: number; pageSize: number; onPage: (offset: number) => void }) {
  return (
    <div className="hits">
      <p className="summary" role="status">
        {formatNumber(result.total.value)} {result.total.value === 1 ? 'result' : 'results'} for <q>{q}</q>
      </p>
      <AnswerSources context={result} />
      <ol className="hit-list" start={offset + 1}>
        {result.results.map((r) => (
          <li key={r.id} className="hit">
            <div className="hit-title">
              <a href={href('entity', r.id)}>{r.caption}</a>
              {/* The server's word (src/model/targets.ts): only a sanctions list makes a target. */}
              {r.target && <SanctionedBadge />}
            </div>
            <div className="hit-meta">
              <SchemaTag schema={r.schema} />
              <CountryTags codes={[...new Set([...(r.properties.country ?? []), ...(r.properties.nationality ?? []), ...(r.properties.jurisdiction ?? [])])]} />
              <span className="datasets">{r.datasets.join(', ')}</span>
            </div>
            {(r.properties.alias?.length ?? 0) > 0 && (
              <div className="hit-aliases">
                a.k.a. {r.properties.alias.slice(0, 4).join(' · ')}
                {r.properties.alias.length > 4 ? ` · +${r.properties.alias.length - 4}` : ''}
              </div>
            )}
          </li>
        ))}
      </ol>
      {result.results.length === 0 && <p className="message">No entity matches. Try another spelling or fewer filters.</p>}
      <nav className="pager" aria-label="Result pages">
        <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>← Previous</button>
        <span>{result.results.length ? `${offset + 1}–${offset + result.results.length}` : '0'} of {formatNumber(result.total.value)}</span>
        <button type="button" disabled={offset + pageSize >= result.total.value} onClick={() => onPage(offset + pageSize)}>Next →</button>
      </nav>
    </div>
  );
}
