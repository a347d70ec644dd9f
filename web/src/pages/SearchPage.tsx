// Search: one box for names in any script; facets narrow the hits.
import { useEffect, useState, type FormEvent } from 'react';
import { href, navigate, type Route } from '../router.ts';
import { useSearch } from '../hooks/useScreening.ts';
import { AnswerSources, CountryTags, ErrorMessage, Loading, SanctionedBadge, SchemaTag } from '../components/common.tsx';
import { countryName, schemaLabel } from '../lib/ftm.ts';
import { formatNumber } from '../lib/format.ts';

const PAGE_SIZE = 20;
const FACETS = ['schema', 'countries', 'datasets', 'topics'] as const;
type FacetName = (typeof FACETS)[number];
const FACET_LABELS: Record<FacetName, string> = { schema: 'Type', countries: 'Countries', datasets: 'Lists', topics: 'Topics' };

function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '').split(',').filter(Boolean);
}

export function SearchPage({ route }: { route: Route }) {
  const q = route.params.get('q') ?? '';
  const offset = Number(route.params.get('offset') ?? 0) || 0;
  const filters: Record<FacetName, string[]> = {
    schema: listParam(route.params, 'schema'),
    countries: listParam(route.params, 'countries'),
    datasets: listParam(route.params, 'datasets'),
    topics: listParam(route.params, 'topics'),
  };
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const result = useSearch('default', { q, schema: filters.schema[0], countries: filters.countries, datasets: filters.datasets, topics: filters.topics, limit: PAGE_SIZE, offset });

  const go = (next: Partial<Record<FacetName, string[]>> & { q?: string; offset?: number }) => {
    const merged = { ...filters, ...next };
    navigate(href('search', {
      q: next.q ?? q,
      schema: merged.schema.join(','),
      countries: merged.countries.join(','),
      datasets: merged.datasets.join(','),
      topics: merged.topics.join(','),
      offset: next.offset || undefined,
    }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim(), offset: 0 });
  };

  const toggle = (facet: FacetName, value: string) => {
    const current = filters[facet];
    const next = facet === 'schema'
      ? (current[0] === value ? [] : [value])
      : current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    go({ [facet]: next, offset: 0 });
  };

  const data = result.data;
  return (
    <div className="page search-page">
      <h1 className="visually-hidden">Search</h1>
      <form role="search" className="searchbox" onSubmit={submit}>
        <label htmlFor="search-q" className="visually-hidden">Name or identifier, in any script</label>
        <input
          id="search-q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Name or identifier, in any script: 김정은, Пригожин, 金正恩…"
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit">Search</button>
      </form>
      {!q && <p className="hint">Search every list at once. Names match across scripts and romanizations.</p>}
      <ErrorMessage error={result.error} what="search results" />
      {result.loading && <Loading what="results" />}
      {data && (
        <div className="search-layout">
          <aside className="facets" aria-label="Filters">
            {FACETS.map((f) => {
              const facet = data.facets[f];
              if (!facet.values.length) return null;
              return (
                <fieldset key={f} className="facet">
                  <legend>{FACET_LABELS[f]}</legend>
                  <ul>
                    {facet.values.slice(0, 12).map((v) => {
                      const checked = filters[f].includes(v.name);
                      const label = f === 'countries' ? countryName(v.name) : f === 'schema' ? schemaLabel(v.name) : v.label || v.name;
                      return (
                        <li key={v.name}>
                          <label>
                            <input type="checkbox" checked={checked} onChange={() => toggle(f, v.name)} />
                            <span className="facet-label">{label}</span>
                            <span className="count">{formatNumber(v.count)}</span>
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                </fieldset>
              );
            })}
          </aside>
          <div className="hits">
            <p className="summary" role="status">
              {formatNumber(data.total.value)} {data.total.value === 1 ? 'result' : 'results'} for <q>{q}</q>
            </p>
            <AnswerSources context={data} />
            <ol className="hit-list" start={offset + 1}>
              {data.results.map((r) => (
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
            {data.results.length === 0 && <p className="message">No entity matches. Try another spelling or fewer filters.</p>}
            <nav className="pager" aria-label="Result pages">
              <button type="button" disabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - PAGE_SIZE) })}>← Previous</button>
              <span>{data.results.length ? `${offset + 1}–${offset + data.results.length}` : '0'} of {formatNumber(data.total.value)}</span>
              <button type="button" disabled={offset + PAGE_SIZE >= data.total.value} onClick={() => go({ offset: offset + PAGE_SIZE })}>Next →</button>
            </nav>
          </div>
        </div>
      )}
    </div>
  );
}
