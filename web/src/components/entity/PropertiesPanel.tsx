// Every property with its values and, for each value, where it came from.
import { useMemo } from 'react';
import type { EntityProfile } from '../../api/entities.ts';
import { EntityLink, Section } from '../common.tsx';
import { countryName, edgeOf, propInfo } from '../../lib/ftm.ts';
import { ProvenanceList, type ProvenanceItem } from './ProvenanceList.tsx';

/** Properties shown in the header or elsewhere rather than in the property table. */
const HIDDEN_PROPS = new Set(['sanctions']);

/** Properties whose values are all nested relationship or sanction entities belong to other sections. */
function isRelationProp(entity: EntityProfile, prop: string): boolean {
  const values = entity.properties[prop];
  return values.length > 0 && values.every((v) => {
    const n = entity.nested[v];
    return n && (n.schema === 'Sanction' || edgeOf(n.schema) !== undefined);
  });
}


function ValueView({ entity, prop, value }: { entity: EntityProfile; prop: string; value: string }) {
  const info = propInfo(entity.schema, prop);
  if (info.type === 'entity') {
    const nested = entity.nested[value];
    return <EntityLink id={value} caption={nested?.caption} />;
  }
  if (info.type === 'country') return <span title={value}>{countryName(value)}</span>;
  if (info.type === 'url' && /^https?:\/\//.test(value)) return <a href={value} rel="noreferrer noopener">{value}</a>;
  return <span className="value">{value}</span>;
}

export function PropertiesPanel({ entity }: { entity: EntityProfile }) {
  const byValue = useMemo(() => {
    const m = new Map<string, ProvenanceItem[]>();
    for (const [prop, statements] of Object.entries(entity.provenance ?? {})) {
      for (const p of statements) {
        const key = `${prop}\u0000${p.value}`;
        (m.get(key) ?? m.set(key, []).get(key)!).push({ ...p, grade: p.evidenceGrade });
      }
    }
    return m;
  }, [entity])
  const props = Object.keys(entity.properties).filter((p) => !HIDDEN_PROPS.has(p) && entity.properties[p].length && !isRelationProp(entity, p));
  props.sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : propInfo(entity.schema, a).label.localeCompare(propInfo(entity.schema, b).label)));
  return (
    <Section title="Properties and their sources" id="properties">
      <table className="props">
        <thead>
          <tr><th scope="col">Property</th><th scope="col">Value</th><th scope="col">Where it came from</th></tr>
        </thead>
        <tbody>
          {props.map((prop) =>
            entity.properties[prop].map((value, i) => (
              <tr key={`${prop}-${i}`} className={i === 0 ? 'first' : undefined}>
                {i === 0 && <th scope="rowgroup" rowSpan={entity.properties[prop].length}>{propInfo(entity.schema, prop).label}</th>}
                <td><ValueView entity={entity} prop={prop} value={value} /></td>
                <td>
                  {entity.nested[value] && !byValue.has(`${prop}\u0000${value}`) ? (
                    <span className="muted small">linked from that entity: see its sources</span>
                  ) : (
                    <ProvenanceList items={byValue.get(`${prop}\u0000${value}`) ?? []} />
                  )}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </Section>
  );
}
