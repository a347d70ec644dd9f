// An analyst edit in place: the new statements go into the dataset's live version, whose counts
// change by what the edit touched. Copying the dataset per edit made one claim cost the whole list
// (378,000 rows, seconds of a locked database, gigabytes after a few edits).
import { sql, type Transaction } from 'kysely';
import { commonSchema } from '../model/entity.ts';
import type { Database } from './schema.ts';
import type { StatementRow } from './rows.ts';
import type { DatasetVersion } from './types.ts';

const CHUNK = 500;

type Slim = Pick<StatementRow, 'entity_id' | 'schema' | 'prop' | 'value'>;

/** Entity -> schema of the given rows, as a version's counts see them. */
function schemaOfEntities(rows: Slim[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    const known = out.get(r.entity_id);
    out.set(r.entity_id, known ? commonSchema(known, r.schema) : r.schema);
  }
  return out;
}

const isTarget = (r: Slim) => r.schema === 'Sanction' && r.prop === 'entity';

/**
 * Appends `rows` (bound to `live`) to the live version. A value stated again takes the new claim's
 * provenance and keeps its first_seen; the earlier claim moves to an archive version made by
 * `archive` (never a version of the list, so diffs and the catalog do not see it).
 */
export async function appendInPlace(
  trx: Transaction<Database>,
  live: DatasetVersion,
  rows: StatementRow[],
  seenAt: string,
  insert: (rows: StatementRow[]) => Promise<number>,
  archive: () => Promise<number>,
): Promise<void> {
  const byKey = new Map(rows.map((r) => [`${r.canonical_id}\u0000${r.entity_id}\u0000${r.id}`, r]));
  const fresh = [...byKey.values()];
  const entities = [...new Set(fresh.map((r) => r.canonical_id))];
  const slimOf = async (): Promise<Slim[]> => {
    const out: Slim[] = [];
    for (let i = 0; i < entities.length; i += CHUNK) {
      out.push(
        ...(await trx
          .selectFrom('statements')
          .select(['entity_id', 'schema', 'prop', 'value'])
          .where('version_id', '=', live.id)
          .where('canonical_id', 'in', entities.slice(i, i + CHUNK))
          .execute()),
      );
    }
    return out;
  };
  const before = await slimOf();

  // Restated values: archive the earlier claim, keep its first_seen.
  const restated: StatementRow[] = [];
  const ids = fresh.map((r) => r.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await trx.selectFrom('statements').selectAll().where('version_id', '=', live.id).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    restated.push(...found.filter((o) => byKey.has(`${o.canonical_id}\u0000${o.entity_id}\u0000${o.id}`)));
  }
  if (restated.length) {
    const archiveId = await archive();
    await trx.updateTable('dataset_versions').set({ status: 'archived', version: `archive.${archiveId}` }).where('id', '=', archiveId).execute();
    await insert(restated.map((o) => ({ ...o, version_id: archiveId })));
    for (const o of restated) {
      byKey.get(`${o.canonical_id}\u0000${o.entity_id}\u0000${o.id}`)!.first_seen = o.first_seen;
      await trx
        .deleteFrom('statements')
        .where('version_id', '=', live.id)
        .where('canonical_id', '=', o.canonical_id)
        .where('entity_id', '=', o.entity_id)
        .where('id', '=', o.id)
        .execute();
    }
  }
  const inserted = await insert(fresh);
  const after = await slimOf();

  // The version's counts change by what the touched entities contribute before and after.
  const schemaCounts = { ...live.schemaCounts };
  for (const s of schemaOfEntities(before).values()) schemaCounts[s] = (schemaCounts[s] ?? 0) - 1;
  for (const s of schemaOfEntities(after).values()) schemaCounts[s] = (schemaCounts[s] ?? 0) + 1;
  for (const [s, n] of Object.entries(schemaCounts)) if (n <= 0 && s !== '$targets') delete schemaCounts[s];
  if (before.some(isTarget) || after.some(isTarget)) {
    const row = await trx
      .selectFrom('statements')
      .select(sql<number>`count(distinct value)`.as('n'))
      .where('version_id', '=', live.id)
      .where('schema', '=', 'Sanction')
      .where('prop', '=', 'entity')
      .executeTakeFirst();
    schemaCounts.$targets = Number(row?.n ?? 0);
  }
  await trx
    .updateTable('dataset_versions')
    .set({
      entity_count: live.entityCount - schemaOfEntities(before).size + schemaOfEntities(after).size,
      statement_count: live.statementCount - restated.length + inserted,
      schema_counts: JSON.stringify(schemaCounts),
      // An analyst dataset is as fresh as its latest claim; the write time tells saved indexes and
      // other processes' watchers that this live version changed in place.
      published_at: seenAt.slice(0, 10),
      imported_at: seenAt,
    })
    .where('id', '=', live.id)
    .execute();
}
