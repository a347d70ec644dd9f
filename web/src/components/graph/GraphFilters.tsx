// Which links to show: relationship types, a date window and a minimum grade. The server filters
// (the graph routes' own parameters); this panel only edits them.
import { GRADES, type Grade } from '../../api.ts';
import type { GraphFilter } from '../../api/graph.ts';
import { linkTypeLabel } from '../../lib/ftm.ts';

export function GraphFilters({ filter, types, onChange }: { filter: GraphFilter; types: readonly string[]; onChange(f: GraphFilter): void }) {
  const chosen = filter.types ? filter.types.split(',') : null;
  const toggle = (type: string, on: boolean) => {
    const current = chosen ?? types;
    const next = on ? [...current, type] : current.filter((x) => x !== type);
    onChange({ ...filter, types: next.length === types.length ? undefined : next.join(',') });
  };
  return (
    <fieldset className="graph-filters">
      <legend>Filters</legend>
      <div className="type-filters" role="group" aria-label="Relationship types">
        {types.length === 0 && <span className="muted small">Relationship types appear once the graph has edges.</span>}
        {types.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={!chosen || chosen.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
            {linkTypeLabel(t)}
          </label>
        ))}
      </div>
      <label>
        From date
        <input type="date" value={filter.from_date ?? ''} onChange={(e) => onChange({ ...filter, from_date: e.target.value || undefined })} />
      </label>
      <label>
        To date
        <input type="date" value={filter.to_date ?? ''} onChange={(e) => onChange({ ...filter, to_date: e.target.value || undefined })} />
      </label>
      <label>
        Minimum evidence
        <select value={filter.min_grade ?? ''} onChange={(e) => onChange({ ...filter, min_grade: (e.target.value || undefined) as Grade | undefined })}>
          <option value="">any grade</option>
          {GRADES.map((g) => <option key={g} value={g}>{g} or stronger</option>)}
        </select>
      </label>
    </fieldset>
  );
}
