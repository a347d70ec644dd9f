// The facets of a search answer (counted by the server); ticking one asks the server again.
import type { SearchResponse } from '../../api/screening.ts';
import { countryName, schemaLabel } from '../../lib/ftm.ts';
import { formatNumber } from '../../lib/format.ts';

export const FACETS = ['schema', 'countries', 'datasets', 'topics'] as const;
export type FacetName = (typeof FACETS)[number];
const FACET_LABELS: Record<FacetName, string> = { schema: 'Type', countries: 'Countries', datasets: 'Lists', topics: 'Topics' };

export function SearchFacets({ facets, selected, onToggle }: { facets: SearchResponse['facets']; selected: Record<FacetName, string[]>; onToggle: (facet: FacetName, value: string) => void }) {
  return (
    <aside className="facets" aria-label="Filters">
      {FACETS.map((f) => {
        const facet = facets[f];
        if (!facet.values.length) return null;
        return (
          <fieldset key={f} className="facet">
            <legend>{FACET_LABELS[f]}</legend>
            <ul>
              {facet.values.slice(0, 12).map((v) => {
                const checked = selected[f].includes(v.name);
                const label = f === 'countries' ? countryName(v.name) : f === 'schema' ? schemaLabel(v.name) : v.label || v.name;
                return (
                  <li key={v.name}>
                    <label>
                      <input type="checkbox" checked={checked} onChange={() => onToggle(f, v.name)} />
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
  );
}
