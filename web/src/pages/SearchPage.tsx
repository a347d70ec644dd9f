// Search: one box for names in any script; facets narrow the hits.
import { useState, type FormEvent } from 'react';
import { href, navigate, type Route } from '../router.ts';
import { useSearch } from '../hooks/useScreening.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { SearchFacets, type FacetName } from '../components/search/SearchFacets.tsx';
import { SearchHits } from '../components/search/SearchHits.tsx';

const PAGE_SIZE = 20;

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
  // The box follows the address when it changes (back, a link): adjusted while rendering, not in an effect.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setText(q);
  }

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
          <SearchFacets facets={data.facets} selected={filters} onToggle={toggle} />
          <SearchHits result={data} q={q} offset={offset} pageSize={PAGE_SIZE} onPage={(o) => go({ offset: o })} />
        </div>
      )}
    </div>
  );
}
