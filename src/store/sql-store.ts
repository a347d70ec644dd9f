// The store over Kysely: one implementation for SQLite and PostgreSQL.
import { sql, type Kysely, type Transaction } from 'kysely';
import { assembleEntity, commonSchema, entityIdOf, isDatasetName, type EntityStatement, type FtmEntity } from '../model/entity.ts';
import type { EvidenceGrade, ReviewStatus } from '../model/grades.ts';
import type { Statement, StatementDraft } from '../model/statement.ts';
import { ConflictError, NotFoundError, SourceError, UnprocessableError, ValidationError } from '../model/errors.ts';
import { schemaIsA, schemaNames } from '../model/ftm.ts';
import { isDeletion, type ParsedItem } from '../model/parsed-item.ts';
import { migrate, type Database } from './schema.ts';
import { draftToRow, rowToStatement, rowToVersion, STATEMENT_COLUMNS, type StatementRow } from './rows.ts';
import { announceLiveSwitch } from './live-watch.ts';
import { diffEntities, groupEntities, type EntityDiff, type SlimStatement } from './diff.ts';
import type { DatasetDiff, DatasetInfo, DatasetKind, DatasetVersion, EntityFilter, ImportJob, ImportRequest, ImportResult, Store } from './types.ts';
import { checkShrink } from './shrink.ts';
import { appendInPlace } from './append.ts';
import { compareBytes } from '../model/stream-order.ts';
import { nextTurn } from '../model/turns.ts';

const INSERT_BATCH = 1000;
/** A version this large gets fresh planner statistics before it is joined (PostgreSQL). */
const ANALYZE_AFTER_ROWS = 5000;

/** Counts of a version, kept while its statements are written so no query has to scan them again. */
class VersionTally {
  readonly schemaOf = new Map<string, string>();
  readonly targets = new Set<string>();
  statements = 0;

  observe(row: Pick<StatementRow, 'entity_id' | 'schema' | 'prop' | 'value'>): void {
    const known = this.schemaOf.get(row.entity_id);
    this.schemaOf.set(row.entity_id, known ? commonSchema(known, row.schema) : row.schema);
    if (row.schema === 'Sanction' && row.prop === 'entity') this.targets.add(row.value);
  }
}
/** Rows per page when streaming: small enough that a server answers between pages. */
const PAGE = 5_000;

type Db = Kysely<Database> | Transaction<Database>;

export class SqlStore implements Store {
  private listeners = new Set<(dataset: string, appended?: string[]) => void>();

  constructor(
    readonly db: Kysely<Database>,
    readonly engine: 'sqlite' | 'postgres',
    /**
     * A faster insert for the engine, run on the same connection (so inside the open transaction).
     * SQLite supplies one: a prepared statement beats building SQL per batch by an order of magnitude.
     */
    private readonly bulkInsert?: (rows: StatementRow[]) => number,
    /**
     * A faster read for the engine: rows as arrays from SQL text with `?` placeholders, run on the
     * store's connection. SQLite supplies one (row objects cost more than the query itself).
     */
    private readonly rawSelect?: (sql: string, params: unknown[]) => unknown[][],
    /** SQLite files: moves WAL checkpoints off the store's connection (checkpointer.ts); answers how to stop. */
    private readonly startBackgroundCheckpoints?: () => () => Promise<void>,
    /**
     * A faster write for the engine: one statement (SQL text with `?` placeholders) run once per row, all
     * in a transaction of its own. SQLite supplies one; call it holding the connection (Kysely's
     * `connection()`), so that no transaction of the store's is open on it.
     */
    readonly runEach?: (sql: string, rows: unknown[][]) => void,
  ) {}

  private stopCheckpoints?: () => Promise<void>;

  /** For a long-running server: checkpoints run in a worker thread, never inside a request's commit. */
  checkpointInBackground(): void {
    this.stopCheckpoints ??= this.startBackgroundCheckpoints?.();
  }

  /** Inserts rows, skipping facts already stated in this version; returns how many were new. */
  private async insert(trx: Db, rows: StatementRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    if (this.bulkInsert) return this.bulkInsert(rows);
    return insertRows(trx, rows);
  }

  migrate(): Promise<void> {
    return migrate(this.db, this.engine);
  }

  async close(): Promise<void> {
    await this.stopCheckpoints?.();
    await this.db.destroy();
  }

  onLiveChange(listener: (dataset: string, appended?: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(dataset: string, appended?: string[]): void {
    for (const l of this.listeners) l(dataset, appended);
  }

  /** Fires onLiveChange for a switch made by another process (see live-watch.ts). */
  notifyLiveChange(dataset: string): void {
    this.emit(dataset);
  }

  /** `dataset:liveKey` of the versions this store made live, recorded before their commit (see live-watch.ts). */
  private readonly ownLiveKeys = new Set<string>();

  madeLiveHere(dataset: string, liveKey: string | null): boolean {
    return this.ownLiveKeys.delete(`${dataset}:${liveKey}`);
  }

  private async switchLive(trx: Transaction<Database>, dataset: string): Promise<void> {
    const key = await announceLiveSwitch(trx, this.engine, dataset);
    // A key the watcher never looks at (a rolled-back write, a later switch first) stays: keep a few.
    if (this.ownLiveKeys.size >= 256) this.ownLiveKeys.delete(this.ownLiveKeys.values().next().value!);
    this.ownLiveKeys.add(`${dataset}:${key}`);
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * Writes a new version from the parsed items and makes it live, all in one transaction: if parsing
   * or writing fails, nothing of the new version remains and the previous live version stays live.
   * `request.publishedAt` is read after the items are consumed, so a parser may set it while parsing.
   */
  async importDataset(request: ImportRequest, items: AsyncIterable<StatementDraft | ParsedItem>): Promise<ImportResult> {
    const [result] = await this.importDatasets([{ request, items }]);
    return result;
  }

  async importDatasets(jobs: ImportJob[]): Promise<ImportResult[]> {
    const results = await this.db.transaction().execute(async (trx) => {
      const out: ImportResult[] = [];
      for (const job of jobs) out.push(await this.writeVersion(trx, job.request, job.items));
      return out;
    });
    for (const job of jobs) this.emit(job.request.dataset);
    return results;
  }

  private async writeVersion(trx: Transaction<Database>, request: ImportRequest, items: AsyncIterable<StatementDraft | ParsedItem>): Promise<ImportResult> {
    const importedAt = new Date().toISOString();
    await this.ensureDataset(trx, request, request.kind ?? 'publisher');
    const previous = await this.liveVersionOf(trx, request.dataset);
    const versionId = await this.insertVersion(trx, request, importedAt);
    const defaults = {
      dataset: request.dataset,
      versionId,
      // Seen in the version the publisher issued on that date (known from the request, or from the
      // parser once it has read the file's header); the import time only when the file has no date.
      get seenAt() {
        return request.publishedAt ?? importedAt;
      },
      author: request.author ?? 'import',
      grade: 'reported' as const,
      reviewStatus: 'unreviewed' as const,
    };
    const touched = new Set<string>();
    const tally = new VersionTally();
    let batch: StatementRow[] = [];
    for await (const item of items) {
      if (isDeletion(item)) {
        touched.add(item.deleteEntity);
        continue;
      }
      validateDraft(item);
      if (request.delta) touched.add(item.entityId);
      const row = draftToRow(item, defaults);
      tally.observe(row);
      batch.push(row);
      if (batch.length >= INSERT_BATCH) {
        tally.statements += await this.insert(trx, batch);
        batch = [];
      }
    }
    tally.statements += await this.insert(trx, batch);
    await this.refreshPlannerStatistics(trx, tally.statements);
    if (request.delta) {
      if (!previous) throw new ConflictError(`dataset ${request.dataset} has no live version to apply a delta to`);
      await copyUntouched(trx, previous.id, versionId, touched);
    }
    if (previous) await carryFirstSeen(trx, previous.id, versionId);
    const version = await this.finishVersion(trx, versionId, request, previous, request.delta ? undefined : tally);
    const diff = previous ? await this.diffVersions(trx, previous.id, versionId) : null;
    // The diff against the previous version is what a user opens next: the one the import compared is
    // kept with the version, so it answers at once (compared again after the import, as before, it cost
    // an OFAC import on SQLite 1.2 s more; on PostgreSQL the first request compared it again).
    if (previous && diff) await this.keepDiff(trx, previous, version, diff);
    if (previous && diff && !request.allowShrink) checkShrink(request.dataset, previous, version, diff.removed.length);
    await this.switchLive(trx, request.dataset);
    return {
      version,
      previous,
      added: diff ? diff.added.length : version.entityCount,
      removed: diff?.removed.length ?? 0,
      changed: diff?.changed.length ?? 0,
      warnings: [],
    };
  }

  /**
   * PostgreSQL plans the joins below (first-seen dates, the delta's copy) from statistics that do not
   * know the version just written: taking it for one row, it once joined 233,000 statements against
   * 39,000 by a nested loop and hung for many minutes. ANALYZE inside the transaction sees our own
   * rows. It holds a lock that makes a second import's ANALYZE wait for this commit, which is the
   * cost of a plan that cannot go quadratic. Small versions keep whatever plan: they cannot.
   */
  private async refreshPlannerStatistics(trx: Transaction<Database>, written: number): Promise<void> {
    if (this.engine === 'postgres' && written >= ANALYZE_AFTER_ROWS) await sql`analyze statements`.execute(trx);
  }

  async addStatements(dataset: string, drafts: StatementDraft[], author: string): Promise<Statement[]> {
    if (drafts.length === 0) throw new ValidationError('statements', 'nothing to add');
    drafts.forEach(validateDraft);
    const seenAt = new Date().toISOString();
    const rows = await this.db.transaction().execute(async (trx) => {
      await this.ensureDataset(trx, { dataset, format: 'analyst', sourceFiles: [] }, 'analyst');
      const request: ImportRequest = { dataset, format: 'analyst', sourceFiles: [], author, publishedAt: seenAt.slice(0, 10), kind: 'analyst' };
      const live = await this.liveVersionOf(trx, dataset);
      const versionId = live?.id ?? (await this.insertVersion(trx, request, seenAt));
      const defaults = { dataset, versionId, seenAt, author, grade: 'reported' as const, reviewStatus: 'unreviewed' as const };
      const rows = drafts.map((d) => draftToRow(d, defaults));
      if (!live) {
        await this.insert(trx, rows);
        await this.finishVersion(trx, versionId, request, null);
      } else {
        await appendInPlace(trx, live, rows, seenAt, (r) => this.insert(trx, r), () => this.insertVersion(trx, { ...request, sourceFiles: [live.version] }, seenAt));
      }
      await this.switchLive(trx, dataset);
      return trx.selectFrom('statements').selectAll().where('version_id', '=', versionId).where('id', 'in', rows.map((r) => r.id)).execute();
    });
    this.emit(dataset, [...new Set(drafts.map((d) => d.entityId))]);
    return rows.map(rowToStatement);
  }

  /**
   * Makes sure the dataset exists with the kind of what writes it: an analyst edit cannot write a
   * publisher's list, and an import may turn a dataset into either kind (the operator chose it).
   */
  private async ensureDataset(trx: Db, r: Pick<ImportRequest, 'dataset' | 'title' | 'publisher' | 'licence' | 'format' | 'sourceFiles'>, kind: DatasetKind): Promise<void> {
    if (!isDatasetName(r.dataset)) {
      throw new ValidationError('dataset', `"${r.dataset}" is not a valid dataset name (lowercase letters, digits and _; starting with a letter)`);
    }
    let query = trx.selectFrom('datasets').select(['name', 'kind']).where('name', '=', r.dataset);
    // Two edits of one dataset at once take turns (SQLite transactions already do).
    if (this.engine === 'postgres') query = query.forUpdate();
    const existing = await query.executeTakeFirst();
    const analystWrite = r.format === 'analyst';
    if (existing && analystWrite && (existing.kind ?? 'publisher') !== 'analyst') {
      throw new UnprocessableError('dataset', `${r.dataset} is a publisher's list: it changes only through import and sync; analysts write to their own datasets (default: analyst)`);
    }
    if (!existing) {
      await trx
        .insertInto('datasets')
        .values({
          name: r.dataset,
          title: r.title ?? r.dataset,
          publisher: r.publisher ?? (analystWrite ? 'analysts' : 'unknown'),
          licence: r.licence ?? 'unknown',
          live_version_id: null,
          created_at: new Date().toISOString(),
          kind,
        })
        .execute();
    } else if (r.title || r.publisher || r.licence || existing.kind !== kind) {
      await trx
        .updateTable('datasets')
        .set({ ...(r.title && { title: r.title }), ...(r.publisher && { publisher: r.publisher }), ...(r.licence && { licence: r.licence }), kind })
        .where('name', '=', r.dataset)
        .execute();
    }
  }

  private async insertVersion(trx: Db, r: ImportRequest, importedAt: string): Promise<number> {
    const row = await trx
      .insertInto('dataset_versions')
      .values({
        dataset: r.dataset,
        version: 'pending',
        published_at: r.publishedAt ?? null,
        imported_at: importedAt,
        status: 'importing',
        format: r.format,
        source_files: JSON.stringify(r.sourceFiles),
        entity_count: 0,
        statement_count: 0,
        schema_counts: '{}',
        author: r.author ?? 'import',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** Counts a version's statements with a query, for versions built partly by copying. */
  private async tallyOf(trx: Db, versionId: number): Promise<VersionTally> {
    const tally = new VersionTally();
    const rows = await trx.selectFrom('statements').select(['entity_id', 'schema', 'prop', 'value']).where('version_id', '=', versionId).execute();
    for (const row of rows) tally.observe(row);
    tally.statements = rows.length;
    return tally;
  }

  private async finishVersion(trx: Db, versionId: number, r: ImportRequest, previous: DatasetVersion | null, counted?: VersionTally): Promise<DatasetVersion> {
    const tally = counted ?? (await this.tallyOf(trx, versionId));
    const schemaOf = tally.schemaOf;
    if (schemaOf.size === 0) {
      throw new SourceError(r.sourceFiles.join(', ') || r.dataset, 'no entities found: the list is empty or not of this format');
    }
    const schemaCounts: Record<string, number> = {};
    for (const s of schemaOf.values()) schemaCounts[s] = (schemaCounts[s] ?? 0) + 1;
    schemaCounts.$targets = tally.targets.size;
    const publishedAt = r.publishedAt ?? (r.delta ? previous?.publishedAt : null) ?? null;
    const label = `${publishedAt ?? 'undated'}.${versionId}`;
    await trx
      .updateTable('dataset_versions')
      .set({
        version: label,
        published_at: publishedAt,
        status: 'live',
        entity_count: schemaOf.size,
        statement_count: tally.statements,
        schema_counts: JSON.stringify(schemaCounts),
      })
      .where('id', '=', versionId)
      .execute();
    if (previous) await trx.updateTable('dataset_versions').set({ status: 'superseded' }).where('id', '=', previous.id).execute();
    await trx.updateTable('datasets').set({ live_version_id: versionId }).where('name', '=', r.dataset).execute();
    const row = await trx.selectFrom('dataset_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    return rowToVersion(row);
  }

  // ---- catalog and versions --------------------------------------------------------------------

  async datasets(): Promise<DatasetInfo[]> {
    const rows = await this.db.selectFrom('datasets').selectAll().orderBy('name').execute();
    const counts = await this.db
      .selectFrom('dataset_versions')
      .select(['dataset', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['live', 'superseded'])
      .groupBy('dataset')
      .execute();
    const live = await this.liveVersions();
    return rows.map((d) => ({
      name: d.name,
      kind: (d.kind ?? 'publisher') as DatasetKind,
      title: d.title,
      publisher: d.publisher,
      licence: d.licence,
      live: live.find((v) => v.dataset === d.name) ?? null,
      versions: Number(counts.find((c) => c.dataset === d.name)?.n ?? 0),
    }));
  }

  async versions(dataset: string): Promise<DatasetVersion[]> {
    await this.requireDataset(dataset);
    const rows = await this.db
      .selectFrom('dataset_versions')
      .selectAll()
      .where('dataset', '=', dataset)
      .where('status', 'in', ['live', 'superseded'])
      .orderBy('id', 'desc')
      .execute();
    return rows.map(rowToVersion);
  }

  async liveVersions(): Promise<DatasetVersion[]> {
    const rows = await this.db
      .selectFrom('dataset_versions')
      .innerJoin('datasets', 'datasets.live_version_id', 'dataset_versions.id')
      .selectAll('dataset_versions')
      .orderBy('dataset_versions.dataset')
      .execute();
    return rows.map(rowToVersion);
  }

  private async liveVersionOf(trx: Db, dataset: string): Promise<DatasetVersion | null> {
    const row = await trx
      .selectFrom('dataset_versions')
      .innerJoin('datasets', 'datasets.live_version_id', 'dataset_versions.id')
      .selectAll('dataset_versions')
      .where('datasets.name', '=', dataset)
      .executeTakeFirst();
    return row ? rowToVersion(row) : null;
  }

  private async requireDataset(dataset: string): Promise<void> {
    const row = await this.db.selectFrom('datasets').select('name').where('name', '=', dataset).executeTakeFirst();
    if (!row) throw new NotFoundError(`unknown dataset: ${dataset}`);
  }

  /** The version of `all` (one dataset's) named by id, label or publication date (the latest import of that date). */
  private resolveVersion(dataset: string, all: DatasetVersion[], ref: string | number): DatasetVersion {
    const text = String(ref);
    const found =
      all.find((v) => String(v.id) === text || v.version === text) ?? all.find((v) => v.publishedAt === text);
    if (!found) {
      throw new NotFoundError(`dataset ${dataset} has no version "${text}" (known: ${all.map((v) => v.version).join(', ')})`);
    }
    return found;
  }

  async diff(dataset: string, from?: string | number, to?: string | number): Promise<DatasetDiff> {
    const all = await this.versions(dataset);
    const toV = to !== undefined ? this.resolveVersion(dataset, all, to) : all[0];
    const fromV = from !== undefined ? this.resolveVersion(dataset, all, from) : all.find((v) => v.id < (toV?.id ?? 0));
    if (!toV || !fromV) throw new ConflictError(`dataset ${dataset} has only one version: nothing to compare`);
    const kept = await this.db.selectFrom('version_diffs').select(['stamp', 'body']).where('from_id', '=', fromV.id).where('to_id', '=', toV.id).executeTakeFirst();
    if (kept?.stamp === diffStamp(fromV, toV)) return { dataset, from: fromV, to: toV, ...(JSON.parse(kept.body) as EntityDiff) };
    const computed = await this.diffVersions(this.db, fromV.id, toV.id);
    await this.db.deleteFrom('version_diffs').where('from_id', '=', fromV.id).where('to_id', '=', toV.id).execute(); // a stale one
    await this.keepDiff(this.db, fromV, toV, computed).catch(() => undefined); // another process kept it first
    return { dataset, from: fromV, to: toV, ...computed };
  }

  /** Keeps the diff of two versions (none kept yet), stamped with what they were when compared. */
  private async keepDiff(db: Db, from: DatasetVersion, to: DatasetVersion, computed: EntityDiff): Promise<void> {
    await db.insertInto('version_diffs').values({ from_id: from.id, to_id: to.id, stamp: diffStamp(from, to), body: JSON.stringify(computed) }).execute();
  }

  /**
   * On SQLite only the entities whose statements differ are read whole: a statement id (a hash of dataset,
   * entity, property, value and language) present in one version and not in the other, or the same
   * id under another schema, marks its entity. Reading both versions whole took seconds per diff.
   */
  private async diffVersions(db: Db, fromId: number, toId: number) {
    if (this.engine === 'postgres') {
      // PostgreSQL plans the anti-join below badly for a version written in the same transaction (its
      // statistics do not know it yet), so it compares the two versions whole, as before.
      const all = (id: number) =>
        db.selectFrom('statements').select(['entity_id', 'schema', 'prop', 'value']).where('version_id', '=', id).execute() as Promise<SlimStatement[]>;
      return diffEntities(groupEntities(await all(fromId)), groupEntities(await all(toId)));
    }
    const differing = (a: number, b: number) =>
      sql<{ canonical_id: string; entity_id: string }>`
        select distinct s.canonical_id, s.entity_id from statements s
        where s.version_id = ${a} and not exists (
          select 1 from statements t
          where t.version_id = ${b} and t.canonical_id = s.canonical_id and t.entity_id = s.entity_id
            and t.id = s.id and t.schema = s.schema)`.execute(db);
    const touched = new Map<string, string>();
    for (const [a, b] of [[fromId, toId], [toId, fromId]]) {
      for (const r of (await differing(a, b)).rows) touched.set(r.entity_id, r.canonical_id);
    }
    const canonicals = [...new Set(touched.values())];
    const load = async (id: number): Promise<SlimStatement[]> => {
      const out: SlimStatement[] = [];
      for (let i = 0; i < canonicals.length; i += 500) {
        const rows = (await db
          .selectFrom('statements')
          .select(['entity_id', 'schema', 'prop', 'value'])
          .where('version_id', '=', id)
          .where('canonical_id', 'in', canonicals.slice(i, i + 500))
          .execute()) as SlimStatement[];
        for (const r of rows) if (touched.has(r.entity_id)) out.push(r);
      }
      return out;
    };
    const designated = await db
      .selectFrom('statements')
      .select('value')
      .distinct()
      .where('version_id', 'in', [fromId, toId])
      .where('schema', '=', 'Sanction')
      .where('prop', '=', 'entity')
      .execute();
    return diffEntities(groupEntities(await load(fromId)), groupEntities(await load(toId)), new Set(designated.map((r) => r.value)));
  }

  // ---- reading ---------------------------------------------------------------------------------

  async getStatements(id: string): Promise<Statement[]> {
    return this.liveStatementsOf([entityIdOf(id)]);
  }

  /** The live statements of some canonical entities, by dataset. */
  private async liveStatementsOf(canonicals: string[]): Promise<Statement[]> {
    if (canonicals.length === 0) return [];
    const rows = await this.db
      .selectFrom('statements')
      .innerJoin('datasets', 'datasets.live_version_id', 'statements.version_id')
      .selectAll('statements')
      .where('statements.canonical_id', 'in', canonicals)
      .orderBy('statements.dataset')
      .execute();
    return rows.map(rowToStatement);
  }

  async getEntity(id: string): Promise<FtmEntity | undefined> {
    return assembleEntity(await this.getStatements(id));
  }

  async getReferencing(id: string): Promise<FtmEntity[]> {
    const canonical = entityIdOf(id);
    const refs = await this.db
      .selectFrom('statements')
      .innerJoin('datasets', 'datasets.live_version_id', 'statements.version_id')
      .select(['statements.canonical_id'])
      .distinct()
      .where('statements.value', '=', canonical)
      // A literal, so the planner can see the query is covered by the partial index.
      .where(sql<boolean>`statements.is_ref = 1`)
      .where('statements.canonical_id', '!=', canonical)
      .execute();
    // is_ref marks entity-typed properties (see rows.ts): every row here is a reference.
    const ids = refs.map((r) => r.canonical_id);
    const byEntity = new Map<string, Statement[]>();
    for (const s of await this.liveStatementsOf(ids)) {
      const list = byEntity.get(s.canonicalId);
      if (list) list.push(s);
      else byEntity.set(s.canonicalId, [s]);
    }
    const out: FtmEntity[] = [];
    for (const ref of ids) {
      const e = assembleEntity(byEntity.get(ref) ?? []);
      if (e) out.push(e);
    }
    return out;
  }

  async *iterateStatements(filter: EntityFilter = {}): AsyncIterable<Statement> {
    for await (const group of this.liveGroups(filter, STATEMENT_SCAN)) for (const row of group) yield scannedStatement(row);
  }

  async *iterateEntities(filter: EntityFilter = {}): AsyncIterable<FtmEntity> {
    for await (const group of this.liveGroups(filter, ENTITY_SCAN)) {
      const entity = assembleEntity(group.map(scannedEntityStatement));
      if (!entity) continue;
      if (filter.schemata && !filter.schemata.some((s) => schemaIsA(entity.schema, s))) continue;
      yield entity;
    }
  }

  /**
   * The live rows of each canonical entity in one piece, in canonical-id order. Each live version
   * streams in primary-key order (no sort) a page at a time; the streams merge by canonical id, so
   * an entity with statements in several datasets comes out whole. Only the pages are awaited: the
   * rows themselves are handled synchronously.
   */
  private async *liveGroups(filter: EntityFilter, columns: readonly ScanColumn[]): AsyncGenerator<ScanRow[]> {
    const live = (await this.liveVersions()).filter((v) => !filter.datasets || filter.datasets.includes(v.dataset));
    const schemata = relatedSchemata(filter.schemata);
    const cursors = live.map((v) => new PageCursor((after) => this.scanPage(v.id, columns, schemata, after)));
    for (;;) {
      let first: string | null = null;
      for (const c of cursors) {
        if (!c.hasRow() && !(await c.fill())) continue;
        const canonical = c.head()[0];
        if (first === null || compareBytes(canonical, first) < 0) first = canonical;
      }
      if (first === null) return;
      const group: ScanRow[] = [];
      for (const c of cursors) {
        while (c.hasRow() || (await c.fill())) {
          if (c.head()[0] !== first) break;
          group.push(c.take());
        }
      }
      yield group;
    }
  }

  /** One page of a version's statements after the key `after`, as rows of `columns` (see ScanColumn). */
  private async scanPage(versionId: number, columns: readonly ScanColumn[], schemata: string[] | undefined, after: ScanRow | null): Promise<ScanRow[]> {
    let q = this.db.selectFrom('statements').select(columns).where('version_id', '=', versionId);
    if (schemata) q = q.where('schema', 'in', schemata);
    if (after) q = q.where(sql<boolean>`(canonical_id, entity_id, id) > (${after[0]}, ${after[1]}, ${after[2]})`);
    q = q.orderBy('canonical_id').orderBy('entity_id').orderBy('id').limit(PAGE);
    if (this.rawSelect) {
      // The same query as array rows from a raw prepared statement, on the store's own connection so
      // no transaction in progress can be seen half done.
      const compiled = q.compile();
      const rows = await this.db.connection().execute(async () => this.rawSelect!(compiled.sql, [...compiled.parameters]) as ScanRow[]);
      // SQLite answers synchronously: give the event loop a turn so a server stays responsive.
      await nextTurn();
      return rows;
    }
    const objects = await q.execute();
    return objects.map((o) => columns.map((c) => (o as Record<string, unknown>)[c]) as ScanRow);
  }
}

/** What a kept diff was compared from: a version imported again or recounted is compared anew. */
const diffStamp = (from: DatasetVersion, to: DatasetVersion) => [from, to].map((v) => `${v.importedAt}/${v.statementCount}`).join(' ');

/** Streamed rows are arrays; the first three columns are always the page key. */
type ScanColumn = keyof StatementRow;
type ScanRow = unknown[] & { 0: string; 1: string; 2: string };
const ENTITY_SCAN = ['canonical_id', 'entity_id', 'id', 'prop', 'schema', 'value', 'dataset', 'first_seen', 'last_seen'] as const;
const STATEMENT_SCAN = [
  ...ENTITY_SCAN, 'version_id', 'lang', 'original_value', 'source_document', 'locator', 'claim_date', 'evidence_grade', 'review_status', 'author',
] as const;

/** Positions of the scanned columns (ENTITY_SCAN is the start of STATEMENT_SCAN). */
const AT = Object.fromEntries(STATEMENT_SCAN.map((c, i) => [c, i])) as Record<(typeof STATEMENT_SCAN)[number], number>;

function scannedEntityStatement(r: ScanRow): EntityStatement {
  return {
    canonicalId: r[AT.canonical_id] as string,
    entityId: r[AT.entity_id] as string,
    prop: r[AT.prop] as string,
    schema: r[AT.schema] as string,
    value: r[AT.value] as string,
    dataset: r[AT.dataset] as string,
    firstSeen: r[AT.first_seen] as string,
    lastSeen: r[AT.last_seen] as string,
  };
}

// One literal with every field, not a spread of scannedEntityStatement's and ten more: run from the
// sources (tsx, vitest) the spread made a graph build of the bundled lists 7.0 s instead of 2.2 s.
function scannedStatement(r: ScanRow): Statement {
  return {
    canonicalId: r[AT.canonical_id] as string,
    entityId: r[AT.entity_id] as string,
    prop: r[AT.prop] as string,
    schema: r[AT.schema] as string,
    value: r[AT.value] as string,
    dataset: r[AT.dataset] as string,
    firstSeen: r[AT.first_seen] as string,
    lastSeen: r[AT.last_seen] as string,
    id: r[AT.id] as string,
    versionId: Number(r[AT.version_id]),
    lang: r[AT.lang] as string | null,
    originalValue: r[AT.original_value] as string | null,
    sourceDocument: r[AT.source_document] as string | null,
    locator: r[AT.locator] as string | null,
    claimDate: r[AT.claim_date] as string | null,
    evidenceGrade: r[AT.evidence_grade] as EvidenceGrade,
    reviewStatus: r[AT.review_status] as ReviewStatus,
    author: r[AT.author] as string,
  };
}

/** A stream of pages read on demand; `after` is the last row of the previous page (keyset paging). */
class PageCursor {
  private rows: ScanRow[] = [];
  private i = 0;
  private done = false;

  constructor(private readonly fetch: (after: ScanRow | null) => Promise<ScanRow[]>) {}

  hasRow(): boolean {
    return this.i < this.rows.length;
  }

  head(): ScanRow {
    return this.rows[this.i];
  }

  take(): ScanRow {
    return this.rows[this.i++];
  }

  /** Fetches the next page once the current one is used up; false at the end. */
  async fill(): Promise<boolean> {
    if (this.hasRow()) return true;
    if (this.done) return false;
    const last = this.rows.length ? this.rows[this.rows.length - 1] : null;
    this.rows = await this.fetch(last);
    this.i = 0;
    if (this.rows.length < PAGE) this.done = true;
    return this.rows.length > 0;
  }
}

function validateDraft(d: StatementDraft): void {
  if (!d.entityId || !d.schema || !d.prop) throw new ValidationError('statement', `incomplete statement ${JSON.stringify(d).slice(0, 200)}`);
  if (typeof d.value !== 'string') throw new ValidationError('statement', `value must be text in ${d.entityId}.${d.prop}`);
}

async function insertRows(trx: Db, rows: StatementRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Within one version a statement id is unique: the same fact stated twice is stored once.
  const result = await trx
    .insertInto('statements')
    .values(rows)
    .onConflict((oc) => oc.columns(['version_id', 'canonical_id', 'entity_id', 'id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? rows.length);
}

/** Copies the previous version's statements of every entity the new version did not touch. */
async function copyUntouched(trx: Db, fromId: number, toId: number, touched: Set<string>): Promise<void> {
  const columns = STATEMENT_COLUMNS.filter((c) => c !== 'version_id');
  if (touched.size === 0) {
    await trx
      .insertInto('statements')
      .columns([...STATEMENT_COLUMNS])
      .expression((eb) => eb.selectFrom('statements').select([sql.lit(toId).as('version_id'), ...columns]).where('version_id', '=', fromId))
      .execute();
    return;
  }
  const ids = await trx.selectFrom('statements').select('entity_id').distinct().where('version_id', '=', fromId).execute();
  const keep = ids.map((r) => r.entity_id).filter((id) => !touched.has(id));
  for (let i = 0; i < keep.length; i += 500) {
    const chunk = keep.slice(i, i + 500);
    await trx
      .insertInto('statements')
      .columns([...STATEMENT_COLUMNS])
      .expression((eb) =>
        eb
          .selectFrom('statements')
          .select([sql.lit(toId).as('version_id'), ...columns])
          .where('version_id', '=', fromId)
          .where('entity_id', 'in', chunk),
      )
      .execute();
  }
}

/**
 * A fact seen before keeps the date it was first seen, unless this version was published earlier
 * (an older file imported after a newer one): first seen is the earliest publication known.
 */
async function carryFirstSeen(trx: Db, fromId: number, toId: number): Promise<void> {
  await sql`
    update statements set first_seen = (
      select p.first_seen from statements p
      where p.version_id = ${fromId} and p.canonical_id = statements.canonical_id
        and p.entity_id = statements.entity_id and p.id = statements.id
    )
    where version_id = ${toId}
      and exists (
        select 1 from statements p
        where p.version_id = ${fromId} and p.canonical_id = statements.canonical_id
          and p.entity_id = statements.entity_id and p.id = statements.id
          and p.first_seen < statements.first_seen
      )
  `.execute(trx);
}

/**
 * The statement schemata an entity of the requested schemata can carry: the schemata themselves, their
 * descendants (a Company for LegalEntity) and ancestors (a name stated on LegalEntity for a Company).
 * Filtering on them in SQL spares reading the Sanctions, Addresses and links a screening index skips.
 */
function relatedSchemata(requested?: string[]): string[] | undefined {
  if (!requested?.length) return undefined;
  const out = new Set(requested);
  for (const name of schemaNames()) {
    if (requested.some((r) => schemaIsA(name, r) || schemaIsA(r, name))) out.add(name);
  }
  return [...out];
}

