// Export of assembled entities: FtM JSON lines (what OpenSanctions, yente and Aleph read) and a flat
// CSV of one row per entity in the style of OpenSanctions' `targets.simple.csv`.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import type { FtmEntity } from '../../model/entity.ts';
import { captionOf } from '../../model/entity.ts';
import { model, propertyType, schemaIsA } from '../../model/ftm.ts';
import { spreadsheetSafe } from '../../model/spreadsheet.ts';

type EntitySource = AsyncIterable<FtmEntity> | Iterable<FtmEntity>;

/** Write a chunk, waiting for the stream to drain when its buffer is full. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** One FtM entity per line, FtM key order. Returns the number of entities written. */
export async function writeFtmJsonLines(entities: EntitySource, out: Writable): Promise<number> {
  let n = 0;
  for await (const e of entities) {
    const line: Record<string, unknown> = { id: e.id, caption: e.caption ?? captionOf(e), schema: e.schema, properties: e.properties };
    if (e.referents) line.referents = e.referents;
    if (e.datasets) line.datasets = e.datasets;
    if (e.first_seen) line.first_seen = e.first_seen;
    if (e.last_seen) line.last_seen = e.last_seen;
    await write(out, JSON.stringify(line) + '\n');
    n++;
  }
  return n;
}

export const ENTITIES_CSV_COLUMNS = [
  'id', 'schema', 'caption', 'name', 'aliases', 'birth_date', 'countries', 'addresses', 'identifiers',
  'phones', 'emails', 'programs', 'datasets', 'referents', 'first_seen', 'last_seen',
] as const;

export interface EntitiesCsvOptions {
  /** Which entities get a row; default: things (people, organisations, vessels...), not sanctions,
   * documents or relationships, which are details of those. */
  include?: (entity: FtmEntity) => boolean;
  /** Separator of several values in one cell (OpenSanctions uses `;`). */
  separator?: string;
}

// Property names per (schema, FtM type), computed once per schema.
const typedProps = new Map<string, Map<string, string[]>>();
function propsOfType(schema: string, type: string): string[] {
  let byType = typedProps.get(schema);
  if (!byType) {
    byType = new Map();
    const s = model.schemata[schema];
    for (const prop of s ? s.getProperties().keys() : []) {
      const t = propertyType(schema, prop);
      if (t) byType.set(t, [...(byType.get(t) ?? []), prop]);
    }
    typedProps.set(schema, byType);
  }
  return byType.get(type) ?? [];
}

function valuesOf(e: FtmEntity, props: string[]): string[] {
  const out: string[] = [];
  for (const p of props) for (const v of e.properties[p] ?? []) if (!out.includes(v)) out.push(v);
  return out;
}

/**
 * One row per entity, several values joined by `;`; a cell a spreadsheet would evaluate is escaped
 * (spreadsheetSafe). Returns the number of rows written.
 */
export async function writeEntitiesCsv(entities: EntitySource, out: Writable, opts: EntitiesCsvOptions = {}): Promise<number> {
  const include = opts.include ?? ((e: FtmEntity) => schemaIsA(e.schema, 'Thing'));
  const sep = opts.separator ?? ';';
  const join = (values: string[]) => values.map((v) => v.split(sep).join(',')).join(sep);
  await write(out, stringify([[...ENTITIES_CSV_COLUMNS]]));
  let n = 0;
  for await (const e of entities) {
    if (!include(e)) continue;
    const caption = e.caption ?? captionOf(e);
    const row = [
      e.id,
      e.schema,
      caption,
      join(e.properties.name ?? []),
      join(valuesOf(e, ['alias', 'weakAlias', 'previousName'])),
      join(e.properties.birthDate ?? []),
      join(valuesOf(e, propsOfType(e.schema, 'country'))),
      join(e.properties.address ?? []),
      join(valuesOf(e, propsOfType(e.schema, 'identifier'))),
      join(e.properties.phone ?? []),
      join(e.properties.email ?? []),
      join(e.properties.program ?? []),
      join(e.datasets ?? []),
      join(e.referents ?? []),
      e.first_seen ?? '',
      e.last_seen ?? '',
    ];
    await write(out, stringify([row.map(spreadsheetSafe)]));
    n++;
  }
  return n;
}
