// Differences between two versions of a dataset, computed from their statements.
import { ID_PROP } from '../model/statement.ts';
import { captionOf, commonSchema } from '../model/entity.ts';
import type { DatasetDiff, DatasetVersion, DiffKind, EntityChange } from './types.ts';

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
  /** Ids of the list entries among them: entities a Sanction of either version names. */
  targets: string[];
}

/**
 * The diff of two versions' entities. `designated` names the entities a Sanction of either whole
 * version points at, when the maps hold only the entities that differ (the store passes those).
 */
export function diffEntities(before: Map<string, SlimEntity>, after: Map<string, SlimEntity>, designated?: Set<string>): EntityDiff {
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
  const byCaption = (a: { id: string; caption: string }, b: { id: string; caption: string }) => a.caption.localeCompare(b.caption) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const listed = designated ?? new Set([...sanctionedIn(before), ...sanctionedIn(after)]);
  const targets = [...added, ...removed, ...changed].filter((e) => listed.has(e.id)).map((e) => e.id);
  return { added: added.sort(byCaption), removed: removed.sort(byCaption), changed: changed.sort(byCaption), targets };
}

function* sanctionedIn(entities: Map<string, SlimEntity>): Iterable<string> {
  for (const e of entities.values()) if (e.schema === 'Sanction') yield* e.props.get('entity') ?? [];
}

// ---- a page of a diff ----------------------------------------------------------------------------

export interface DiffQuery {
  kind?: DiffKind;
  /** Only entities of this schema or its descendants (e.g. LegalEntity takes Company). */
  schema?: string;
  /** Only entities whose caption or id contains this text (any case). */
  q?: string;
  offset: number;
  limit: number;
}

export interface DiffRow {
  kind: DiffKind;
  id: string;
  schema: string;
  caption: string;
  /** A list entry (named by a Sanction), not a sub-record such as a passport or an address. */
  target: boolean;
  changes?: EntityChange['changes'];
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface DiffPage {
  dataset: string;
  from: DatasetVersion;
  to: DatasetVersion;
  /** The whole diff, and its list entries alone. */
  counts: DiffCounts & { targets: DiffCounts };
  /** Per schema, for a filter: most changes first. */
  schemata: ({ schema: string } & DiffCounts)[];
  filter: { kind: DiffKind | null; schema: string | null; q: string | null };
  /** Rows matching the filter; `results` is the page of them, list entries first, then by caption. */
  total: number;
  offset: number;
  limit: number;
  results: DiffRow[];
}

/** A page of a diff: filtered by kind, schema and text, list entries first. */
export function pageOfDiff(diff: DatasetDiff, query: DiffQuery, isA: (schema: string, parent: string) => boolean): DiffPage {
  const targets = new Set(diff.targets ?? []);
  const rows: DiffRow[] = [];
  const row = (kind: DiffKind, e: { id: string; schema: string; caption: string; changes?: EntityChange['changes'] }): DiffRow =>
    kind === 'changed' ? { kind, id: e.id, schema: e.schema, caption: e.caption, target: targets.has(e.id), changes: e.changes } : { kind, id: e.id, schema: e.schema, caption: e.caption, target: targets.has(e.id) };
  for (const e of diff.added) rows.push(row('added', e));
  for (const e of diff.removed) rows.push(row('removed', e));
  for (const e of diff.changed) rows.push(row('changed', e));

  const counts = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, targets: { added: 0, removed: 0, changed: 0 } };
  const bySchema = new Map<string, DiffCounts>();
  for (const r of rows) {
    if (r.target) counts.targets[r.kind]++;
    let c = bySchema.get(r.schema);
    if (!c) bySchema.set(r.schema, (c = { added: 0, removed: 0, changed: 0 }));
    c[r.kind]++;
  }
  const total = (c: DiffCounts) => c.added + c.removed + c.changed;
  const schemata = [...bySchema].map(([schema, c]) => ({ schema, ...c })).sort((a, b) => total(b) - total(a) || a.schema.localeCompare(b.schema));

  const needle = query.q?.trim().toLowerCase() || null;
  const matching = rows.filter(
    (r) =>
      (!query.kind || r.kind === query.kind) &&
      (!query.schema || isA(r.schema, query.schema)) &&
      (!needle || r.caption.toLowerCase().includes(needle) || r.id.toLowerCase().includes(needle)),
  );
  matching.sort((a, b) => Number(b.target) - Number(a.target) || a.caption.localeCompare(b.caption) || a.id.localeCompare(b.id));
  return {
    dataset: diff.dataset,
    from: diff.from,
    to: diff.to,
    counts,
    schemata,
    filter: { kind: query.kind ?? null, schema: query.schema ?? null, q: needle },
    total: matching.length,
    offset: query.offset,
    limit: query.limit,
    results: matching.slice(query.offset, query.offset + query.limit),
  };
}

/**
 * Diffs computed before, by dataset and the two version ids. Versions never change once written, so
 * a diff never goes stale; a few are kept (the last ones asked for) because one costs seconds to
 * compute and the web app pages and filters the same diff many times.
 */
export class DiffCache {
  private readonly entries = new Map<string, Promise<DatasetDiff>>();

  constructor(private readonly size = 4) {}

  get(key: string, compute: () => Promise<DatasetDiff>): Promise<DatasetDiff> {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // most recently used last
    } else {
      entry = compute();
      entry.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
