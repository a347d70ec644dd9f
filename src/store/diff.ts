// Differences between two versions of a dataset, computed from their statements.
import { ID_PROP } from '../model/statement.ts';
import { captionOf, commonSchema } from '../model/entity.ts';
import type { EntityChange } from './types.ts';

export interface SlimStatement {
  entity_id: string;
  schema: string;
  prop: string;
  value: string;
}

interface SlimEntity {
  schema: string;
  props: Map<string, Set<string>>;
}

export function groupEntities(rows: Iterable<SlimStatement>): Map<string, SlimEntity> {
  const out = new Map<string, SlimEntity>();
  for (const r of rows) {
    let e = out.get(r.entity_id);
    if (!e) out.set(r.entity_id, (e = { schema: r.schema, props: new Map() }));
    e.schema = commonSchema(e.schema, r.schema);
    if (r.prop === ID_PROP) continue;
    let values = e.props.get(r.prop);
    if (!values) e.props.set(r.prop, (values = new Set()));
    values.add(r.value);
  }
  return out;
}

function caption(id: string, e: SlimEntity): string {
  const properties: Record<string, string[]> = {};
  for (const [p, v] of e.props) properties[p] = [...v];
  return captionOf({ id, schema: e.schema, properties });
}

export interface EntityDiff {
  added: { id: string; schema: string; caption: string }[];
  removed: { id: string; schema: string; caption: string }[];
  changed: EntityChange[];
}

export function diffEntities(before: Map<string, SlimEntity>, after: Map<string, SlimEntity>): EntityDiff {
  const added = [];
  const removed = [];
  const changed: EntityChange[] = [];
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) {
      added.push({ id, schema: e.schema, caption: caption(id, e) });
      continue;
    }
    const changes: EntityChange['changes'] = {};
    for (const prop of new Set([...old.props.keys(), ...e.props.keys()])) {
      const was = old.props.get(prop) ?? new Set<string>();
      const now = e.props.get(prop) ?? new Set<string>();
      const gone = [...was].filter((v) => !now.has(v));
      const fresh = [...now].filter((v) => !was.has(v));
      if (gone.length || fresh.length) changes[prop] = { removed: gone, added: fresh };
    }
    if (old.schema !== e.schema) changes['$schema'] = { removed: [old.schema], added: [e.schema] };
    if (Object.keys(changes).length) changed.push({ id, schema: e.schema, caption: caption(id, e), changes });
  }
  for (const [id, e] of before) if (!after.has(id)) removed.push({ id, schema: e.schema, caption: caption(id, e) });
  const byCaption = (a: { caption: string }, b: { caption: string }) => a.caption.localeCompare(b.caption);
  return { added: added.sort(byCaption), removed: removed.sort(byCaption), changed: changed.sort(byCaption) };
}
