// Portfolios and alerts (issue 14): a customer's records are screened on arrival and again whenever a
// live list changes; a hit that is new, a hit whose target changed, or a hit whose target was lifted
// raises an alert that says what changed. The screening itself is handed in (`screen`), so this room
// holds the bookkeeping and the delta logic, and the adapters decide which index screens.
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { InterdictError, NotFoundError, ValidationError } from '../model/errors.ts';
import type { InputRow } from '../screening/batch-input.ts';
import { targetHash } from '../screening/id-sets.ts';
import type { QueryEntity } from '../screening/query.ts';
import type { ScoredEntity } from '../screening/screener.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { AlertsTable, MonitorTables, PortfolioHitsTable } from '../store/monitor-schema.ts';
import type { Store } from '../store/types.ts';
import { alertHistory, assign, decide, type Actor, type AlertStatus, type Decision } from './decisions.ts';
import { describeChanges, snapshotOf, snapshotDigest, type TargetSnapshot } from './snapshot.ts';
import { listening, recordEvents } from './webhooks.ts';

/** Screens one record against the live lists: results of any band (clear ones are ignored). */
export type ScreenFn = (query: QueryEntity) => ScoredEntity[];
/** Screens many records against the live lists: each one's results, in order (see service.ts: worker threads). */
export type BatchScreenFn = (queries: QueryEntity[]) => Promise<ScreenedBatch>;

/**
 * A batch's results, and the targets each record was scored against (Screener's `considered`), which
 * its row keeps for the next delta (`known`); absent: not known, and the next delta scores them all.
 */
export interface ScreenedBatch {
  results: ScoredEntity[][];
  considered?: Uint32Array[];
}

/** Records screened per hand-over to the batch screener: the next chunk is screened while this one is written. */
const SCREEN_CHUNK = 5_000;
/** Records written per statement (SQLite takes up to 32,766 parameters; a record has 8). */
const INSERT_CHUNK = 500;

/** A row of an upload to write: its query as stored, and whether the portfolio had its reference before. */
interface UploadWork {
  row: InputRow;
  query: string;
  digest: string;
  added: boolean;
}

/** What a re-screen is about: the list change that caused it (for the alerts' reasons). */
export interface ListChange {
  dataset: string;
  version: string;
  /** Targets (canonical ids) with a member record added in this version. */
  addedTargets: ReadonlySet<string>;
  /** Whether a target is still listed anywhere after the change. */
  isListed: (targetId: string) => boolean;
}

/** Told after each committed chunk of a re-screen: records re-screened so far, of how many. */
export type RescreenProgress = (done: number, total: number) => Promise<void>;

export interface UploadReport {
  portfolio: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  unscreenable: { line: number; ref: string; error: string }[];
  alerts: number;
}

export interface RescreenReport {
  records: number;
  alerts: number;
  kinds: Record<'new-hit' | 'changed-hit' | 'lifted', number>;
}

export interface AlertView {
  id: string;
  portfolio: string;
  ref: string;
  target_id: string;
  kind: string;
  reason: string;
  detail: unknown;
  score: number;
  band: string;
  status: string;
  assignee: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertQuery {
  /** A portfolio's name, in `workspace` when several the reader sees share it (see `findPortfolio`). */
  portfolio?: string;
  /** With `portfolio`: its workspace (null: the shared one). */
  workspace?: string | null;
  status?: string;
  kind?: string;
  band?: string;
  assignee?: string;
  /** The list whose change raised them (a dataset name). */
  list?: string;
  /** Alerts raised at least this many days ago (an age filter: what has waited too long). */
  olderThanDays?: number;
  /** Alerts raised on or after this date or time (ISO 8601). */
  since?: string;
  /** Workspaces whose portfolios' alerts the reader may not see. */
  hiddenWorkspaces?: string[];
  limit?: number;
  offset?: number;
}

/** A portfolio: its name is unique within its workspace (null: the shared space). */
export interface PortfolioRef {
  id: string;
  name: string;
  workspace: string | null;
}

type Db = Kysely<MonitorTables> | Transaction<MonitorTables>;

export class Monitor {
  constructor(
    private readonly db: Kysely<MonitorTables>,
    private readonly now: () => Date = () => new Date(),
    /** SQLite's SqlStore.runEach; without it the store is PostgreSQL's (see storeConsidered). */
    private readonly runEach?: (sql: string, rows: unknown[][]) => void,
  ) {}

  static of(store: Store): Monitor {
    if (!(store instanceof SqlStore)) throw new InterdictError('monitoring needs the SQL store');
    return new Monitor(store.db as unknown as Kysely<MonitorTables>, undefined, store.runEach);
  }

  /** Portfolios with their record counts; `visible` (workspace → whether the reader sees it) leaves out the others. */
  async portfolios(visible?: (workspace: string) => boolean): Promise<{ id: string; name: string; records: number; created_at: string; workspace: string | null }[]> {
    const rows = await this.db.selectFrom('portfolios').leftJoin('portfolio_records', 'portfolio_records.portfolio_id', 'portfolios.id')
      .select(['portfolios.id', 'portfolios.name', 'portfolios.created_at', 'portfolios.workspace', (eb) => eb.fn.count<number>('portfolio_records.ref').as('records')])
      .groupBy(['portfolios.id', 'portfolios.name', 'portfolios.created_at', 'portfolios.workspace']).orderBy('portfolios.name').execute();
    return rows.map((r) => ({ ...r, records: Number(r.records) })).filter((p) => !visible || p.workspace === null || visible(p.workspace));
  }

  /**
   * The portfolio a name means to a reader: names are unique per workspace (and in the shared space), so
   * `workspace` picks one (null: the shared one); without it, the one of that name the reader sees, and
   * several are refused, asking for the workspace. Portfolios of workspaces the reader does not see are
   * never counted, so the answer is the same whether or not they exist. Undefined: none.
   */
  async findPortfolio(name: string, options: { workspace?: string | null; visible?: (workspace: string) => boolean } = {}): Promise<PortfolioRef | undefined> {
    const { workspace, visible } = options;
    let q = this.db.selectFrom('portfolios').select(['id', 'name', 'workspace']).where('name', '=', name);
    if (workspace !== undefined) q = q.where((eb) => (workspace === null ? eb('workspace', 'is', null) : eb('workspace', '=', workspace)));
    const seen = (await q.execute()).filter((p) => p.workspace === null || !visible || visible(p.workspace));
    if (seen.length > 1) throw new ValidationError('workspace', `${seen.length} portfolios you can see are named "${name}": say which by its workspace (its id, or shared)`);
    return seen[0];
  }

  /** The workspace of the portfolio an alert belongs to (undefined: no such alert). */
  async alertWorkspace(id: string): Promise<string | null | undefined> {
    // A list's own alert (list-alerts.ts) has no portfolio: everyone who reads alerts sees it.
    const row = await this.db.selectFrom('alerts').leftJoin('portfolios', 'portfolios.id', 'alerts.portfolio_id').select('portfolios.workspace').where('alerts.id', '=', id).executeTakeFirst();
    return row ? row.workspace : undefined;
  }

  /**
   * Adds, changes and (with `replace`) removes records by reference, screens every added or changed one
   * and raises an alert for each hit. Unscreenable rows are reported, never silently dropped.
   * `rows` are read as the upload goes, one chunk at a time (a file of a million records is never held
   * whole); a row refused (no reference, one seen before) undoes the whole upload.
   */
  async upload(name: string, rows: Iterable<InputRow> | AsyncIterable<InputRow>, options: { mode: 'replace' | 'merge'; screen: BatchScreenFn; actor: string; workspace?: string | null }): Promise<UploadReport> {
    if (!name.trim() || name.length > 100) throw new ValidationError('portfolio', 'a portfolio needs a name of 1–100 characters');
    const at = this.stamp();
    const report: UploadReport = { portfolio: name, added: 0, changed: 0, removed: 0, unchanged: 0, unscreenable: [], alerts: 0 };
    await this.db.transaction().execute(async (trx) => {
      const notify = (await listening(trx, 'alert.created')) ? name : null;
      // The portfolio of that name in the upload's workspace (or the shared space): other workspaces' names never meet it.
      const workspace = options.workspace ?? null;
      let portfolio = await trx.selectFrom('portfolios').selectAll().where('name', '=', name).where((eb) => (workspace === null ? eb('workspace', 'is', null) : eb('workspace', '=', workspace))).executeTakeFirst();
      if (!portfolio) {
        portfolio = { id: randomUUID(), name, created_at: at, created_by: options.actor, workspace };
        await trx.insertInto('portfolios').values(portfolio).execute();
      }
      const pid = portfolio.id;
      const existing = new Map((await trx.selectFrom('portfolio_records').select(['ref', 'digest']).where('portfolio_id', '=', pid).execute()).map((r) => [r.ref, r.digest]));
      /** Reference → the line it was first seen on. */
      const seen = new Map<string, number>();
      // The rows to write, SCREEN_CHUNK at a time, each with its stored query and digest.
      async function* work(): AsyncGenerator<UploadWork[]> {
        let chunk: UploadWork[] = [];
        for await (const row of rows) {
          if (!row.id) throw new ValidationError(`line ${row.line}`, 'every record needs its own reference (an `id` column)');
          const first = seen.get(row.id);
          if (first !== undefined) throw new ValidationError(`line ${row.line}`, `reference "${row.id}" appears twice (first on line ${first})`);
          seen.set(row.id, row.line);
          if (!row.query) {
            report.unscreenable.push({ line: row.line, ref: row.id, error: row.error ?? 'no usable name' });
            continue;
          }
          const query = JSON.stringify({ schema: row.query.schema, properties: row.query.properties });
          const digest = sha(query);
          const before = existing.get(row.id);
          if (before === digest) report.unchanged++;
          else if (chunk.push({ row, query, digest, added: before === undefined }) === SCREEN_CHUNK) {
            yield chunk;
            chunk = [];
          }
        }
        if (chunk.length) yield chunk;
      }
      // Screened in chunks by the batch screener while the chunk before is written: one insert per
      // INSERT_CHUNK new records, and the hits and alerts of the few records that hit something.
      await pipelined(work(), (chunk) => options.screen(chunk.map((w) => ({ ...w.row.query!, id: w.row.id }))), async (chunk, { results, considered }) => {
        const consideredAt = new Map(chunk.map((w, i) => [w, considered ? blobOf(considered[i]) : null]));
        const added = chunk.filter((w) => w.added);
        for (const part of chunks(added, INSERT_CHUNK)) {
          await trx.insertInto('portfolio_records').values(part.map((w) => ({ portfolio_id: pid, ref: w.row.id, query: w.query, digest: w.digest, added_at: at, updated_at: at, screened_at: at, considered: consideredAt.get(w)! }))).execute();
        }
        report.added += added.length;
        const screened: ScreenedRecord[] = [];
        for (const [i, w] of chunk.entries()) {
          if (!w.added) {
            report.changed++;
            await trx.updateTable('portfolio_records').set({ query: w.query, digest: w.digest, updated_at: at }).where('portfolio_id', '=', pid).where('ref', '=', w.row.id).execute();
          }
          // A record new to the portfolio has no hits yet: with none now, nothing is left to write.
          if (w.added && !results[i].some((r) => r.band !== 'clear')) continue;
          screened.push({ ref: w.row.id, screened: results[i], digest: w.digest, added: w.added, considered: consideredAt.get(w)! });
        }
        report.alerts += await this.screenRecords(trx, pid, screened, null, undefined, notify);
      });
      if (options.mode === 'replace') {
        const gone = [...existing.keys()].filter((ref) => !seen.has(ref));
        for (const chunk of chunks(gone, 500)) {
          await trx.deleteFrom('portfolio_records').where('portfolio_id', '=', pid).where('ref', 'in', chunk).execute();
          await trx.deleteFrom('portfolio_hits').where('portfolio_id', '=', pid).where('ref', 'in', chunk).execute();
        }
        report.removed = gone.length;
      }
    });
    return report;
  }

  /**
   * Screens records again after a list change. Without `only`, every record of every portfolio (or of the
   * one whose id is `portfolioId`); with it, just those (the delta: see `affectedRecords`). Alerts name
   * the change; with no change (a re-screen asked for by hand) a hit that is gone raises nothing, as the
   * list change that removed its target raised the `lifted` alert already.
   * Each chunk of records commits its hits and alerts together, so a re-screen cut short and run again
   * raises each alert once: the records it finished compare against the hits it wrote.
   */
  async rescreen(options: { screen: BatchScreenFn; change: ListChange | null; only?: { portfolio_id: string; ref: string }[]; portfolioId?: string; progress?: RescreenProgress }): Promise<RescreenReport> {
    const report: RescreenReport = { records: 0, alerts: 0, kinds: { 'new-hit': 0, 'changed-hit': 0, lifted: 0 } };
    const targets = options.only ? groupByPortfolio(options.only) : null;
    let portfolios = this.db.selectFrom('portfolios').select(['id', 'name']);
    if (options.portfolioId !== undefined) portfolios = portfolios.where('id', '=', options.portfolioId);
    const notify = await listening(this.db, 'alert.created');
    const total = options.only ? options.only.length : await this.recordCount(options.portfolioId);
    for (const { id: pid, name } of await portfolios.execute()) {
      const refs = targets ? targets.get(pid) : undefined;
      if (targets && !refs) continue;
      const records = refs ? this.recordsIn(pid, refs) : this.allRecords(pid);
      await pipelined(records, (batch) => options.screen(batch.map((r) => ({ ...(JSON.parse(r.query) as Omit<QueryEntity, 'id'>), id: r.ref }))), async (batch, { results, considered }) => {
        for (const [part, offset] of chunks(batch, 200).map((c, i) => [c, i * 200] as const)) {
          const screened = part.map((r, i): ScreenedRecord => ({ ref: r.ref, screened: results[offset + i], digest: r.digest, added: false, considered: considered ? blobOf(considered[offset + i]) : null }));
          await this.db.transaction().execute(async (trx) => {
            report.alerts += await this.screenRecords(trx, pid, screened, options.change, report.kinds, notify ? name : null);
          });
          report.records += part.length;
          await options.progress?.(report.records, total);
        }
      });
    }
    return report;
  }

  /** A portfolio's records in chunks by reference (keyset paging: a million records are never all in memory). */
  private async *allRecords(pid: string): AsyncGenerator<{ ref: string; query: string; digest: string }[]> {
    let after: string | null = null;
    for (;;) {
      let q = this.db.selectFrom('portfolio_records').select(['ref', 'query', 'digest']).where('portfolio_id', '=', pid);
      if (after !== null) q = q.where('ref', '>', after);
      const page = await q.orderBy('ref').limit(SCREEN_CHUNK).execute();
      if (!page.length) return;
      yield page;
      after = page[page.length - 1].ref;
    }
  }

  private async *recordsIn(pid: string, refs: string[]): AsyncGenerator<{ ref: string; query: string; digest: string }[]> {
    for (const chunk of chunks(refs, SCREEN_CHUNK)) {
      yield (await Promise.all(chunks(chunk, INSERT_CHUNK).map((c) => this.db.selectFrom('portfolio_records').select(['ref', 'query', 'digest']).where('portfolio_id', '=', pid).where('ref', 'in', c).execute()))).flat();
    }
  }

  /**
   * The records a list change can affect: those with a hit on a changed or removed target, and those the
   * added and changed targets find (`reverse`: the records the sift flags, see service.ts).
   */
  async affectedRecords(changedTargets: ReadonlySet<string>, reverseHits: { portfolio_id: string; ref: string }[]): Promise<{ portfolio_id: string; ref: string }[]> {
    const out = new Map<string, { portfolio_id: string; ref: string }>();
    for (const chunk of chunks([...changedTargets], 500)) {
      const rows = await this.db.selectFrom('portfolio_hits').select(['portfolio_id', 'ref']).where('target_id', 'in', chunk).execute();
      for (const r of rows) out.set(recordKey(r.portfolio_id, r.ref), r);
    }
    for (const r of reverseHits) out.set(recordKey(r.portfolio_id, r.ref), r);
    return [...out.values()];
  }

  /** Records under watch: in every portfolio, or in the one whose id is given. */
  async recordCount(portfolioId?: string): Promise<number> {
    let q = this.db.selectFrom('portfolio_records').select((eb) => eb.fn.countAll<number>().as('n'));
    if (portfolioId !== undefined) q = q.where('portfolio_id', '=', portfolioId);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }

  /**
   * Every record of every portfolio, in chunks (keyset paging: a million records are never all in memory),
   * with the targets it was last scored against (`known`: null, not known).
   */
  async *recordChunks(): AsyncGenerator<{ portfolio_id: string; ref: string; query: string; known: Uint32Array | null }[]> {
    let after: { portfolio_id: string; ref: string } | null = null;
    for (;;) {
      let q = this.db.selectFrom('portfolio_records').select(['portfolio_id', 'ref', 'query', 'considered']);
      if (after) {
        const { portfolio_id, ref } = after;
        // A row-value comparison, which both engines seek in the primary key: SQLite scanned the key from
        // its start for the same condition written with `or` (89 ms a page at 900,000 records, not 7).
        q = q.where((eb) => eb(eb.refTuple('portfolio_id', 'ref'), '>', eb.tuple(portfolio_id, ref)));
      }
      const page = await q.orderBy('portfolio_id').orderBy('ref').limit(SCREEN_CHUNK).execute();
      if (!page.length) return;
      const known = setsOf(page.map((r) => r.considered));
      yield page.map(({ portfolio_id, ref, query }, i) => ({ portfolio_id, ref, query, known: known[i] }));
      after = page[page.length - 1];
    }
  }

  /** The targets each record has hits on, as target hashes (id-sets.ts), by portfolio id and reference. */
  async hitTargets(): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const { portfolio_id, ref, target_id } of await this.db.selectFrom('portfolio_hits').select(['portfolio_id', 'ref', 'target_id']).execute()) {
      const key = recordKey(portfolio_id, ref);
      (out.get(key) ?? out.set(key, []).get(key)!).push(targetHash(target_id));
    }
    return out;
  }

  /**
   * Keeps what records were scored against (a delta's sift: each record whose candidates moved): on
   * SQLite one prepared update a row, on PostgreSQL many rows a statement.
   */
  async storeConsidered(rows: { portfolio_id: string; ref: string; considered: Uint32Array }[]): Promise<void> {
    const runEach = this.runEach;
    if (runEach) {
      const params = rows.map((r) => [blobOf(r.considered), r.portfolio_id, r.ref]);
      await this.db.connection().execute(async () => runEach('update portfolio_records set considered = ? where portfolio_id = ? and ref = ?', params));
      return;
    }
    for (const part of chunks(rows, INSERT_CHUNK)) {
      const values = sql.join(part.map((r) => sql`(${r.portfolio_id}, ${r.ref}, cast(${blobOf(r.considered)} as bytea))`));
      await sql`update portfolio_records set considered = v.column3 from (values ${values}) as v where portfolio_records.portfolio_id = v.column1 and portfolio_records.ref = v.column2`.execute(this.db);
    }
  }

  /**
   * The inbox, newest first. Filters are on the alerts table itself (a portfolio by id, hidden workspaces
   * as a sub-query), so the count and the page walk its indexes without joining every alert to its portfolio.
   */
  async alerts(query: AlertQuery = {}): Promise<{ total: number; results: AlertView[] }> {
    let portfolioId: string | undefined;
    if (query.portfolio) {
      const hidden = new Set(query.hiddenWorkspaces);
      const found = await this.findPortfolio(query.portfolio, { workspace: query.workspace, visible: (w) => !hidden.has(w) });
      if (!found) return { total: 0, results: [] };
      portfolioId = found.id;
    }
    const since = query.since === undefined ? undefined : isoTime(query.since);
    const filtered = () => {
      let q = this.db.selectFrom('alerts');
      if (portfolioId) q = q.where('alerts.portfolio_id', '=', portfolioId);
      if (query.status) q = q.where('alerts.status', '=', query.status);
      if (query.kind) q = q.where('alerts.kind', '=', query.kind);
      if (query.band) q = q.where('alerts.band', '=', query.band);
      if (query.assignee) q = q.where('alerts.assignee', '=', query.assignee);
      if (query.list) q = q.where('alerts.dataset', '=', query.list);
      if (query.olderThanDays !== undefined) q = q.where('alerts.created_at', '<', new Date(this.now().getTime() - query.olderThanDays * DAY_MS).toISOString());
      if (since) q = q.where('alerts.created_at', '>=', since);
      const hidden = query.hiddenWorkspaces;
      if (hidden?.length) q = q.where('alerts.portfolio_id', 'not in', (eb) => eb.selectFrom('portfolios').select('id').where('workspace', 'in', hidden));
      return q;
    };
    const total = await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    // The page's ids from the index alone (alerts of one upload share created_at: id orders them), then their rows.
    const ids = (await filtered().select('alerts.id').orderBy('alerts.created_at', 'desc').orderBy('alerts.id', 'desc').limit(query.limit ?? 50).offset(query.offset ?? 0).execute()).map((r) => r.id);
    const rows = ids.length ? await this.db.selectFrom('alerts').leftJoin('portfolios', 'portfolios.id', 'alerts.portfolio_id').selectAll('alerts').select('portfolios.name as portfolio').where('alerts.id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { total: Number(total?.n ?? 0), results: ids.flatMap((id) => (byId.has(id) ? [toAlertView(byId.get(id)!, byId.get(id)!.portfolio ?? '')] : [])) };
  }

  /** Workspaces that hold a portfolio (for the inbox: which of them a reader may not see). */
  async portfolioWorkspaces(): Promise<string[]> {
    const rows = await this.db.selectFrom('portfolios').select('workspace').distinct().where('workspace', 'is not', null).execute();
    return rows.map((r) => r.workspace!);
  }

  /** The monitored record an alert is about, as it was uploaded (its query). */
  async alertRecord(id: string): Promise<{ ref: string; query: unknown; screened_at: string | null }> {
    const row = await this.db.selectFrom('alerts').innerJoin('portfolio_records', (j) => j.onRef('portfolio_records.portfolio_id', '=', 'alerts.portfolio_id').onRef('portfolio_records.ref', '=', 'alerts.ref'))
      .select(['portfolio_records.ref', 'portfolio_records.query', 'portfolio_records.screened_at']).where('alerts.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no record for alert ${id} (removed from its portfolio)`);
    return { ref: row.ref, query: JSON.parse(row.query), screened_at: row.screened_at };
  }

  /** An alert, the record it is about (null once removed from its portfolio), and its history. */
  async alertDetail(id: string) {
    const alert = await this.alert(id);
    const record = await this.alertRecord(id).catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e)));
    return { alert, record, history: await this.history(id) };
  }

  async alert(id: string): Promise<AlertView> {
    const row = await this.db.selectFrom('alerts').leftJoin('portfolios', 'portfolios.id', 'alerts.portfolio_id').selectAll('alerts').select('portfolios.name as portfolio').where('alerts.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no alert ${id}`);
    return toAlertView(row, row.portfolio ?? '');
  }

  /** Records a decision on an alert (see decisions.ts: four eyes for a true match, false positives remembered). */
  decide(alertId: string, decision: Decision, actor: Actor, options: { fourEyes?: boolean } = {}): Promise<{ status: AlertStatus; pending: boolean }> {
    return decide(this.db, alertId, decision, actor, { ...options, now: this.now() });
  }

  history(alertId: string) {
    return alertHistory(this.db, alertId);
  }

  assign(alertId: string, assignee: string | null, actor: string): Promise<void> {
    return assign(this.db, alertId, assignee, actor, this.now());
  }

  /** A portfolio by id (NotFoundError: none). */
  async portfolio(id: string): Promise<PortfolioRef> {
    const row = await this.db.selectFrom('portfolios').select(['id', 'name', 'workspace']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no portfolio ${id}`);
    return row;
  }

  /**
   * Records screened: replaces their hits and raises alerts for what is new or changed. Answers the
   * number raised. `notify`: the portfolio's name when a webhook listens (each alert goes to the outbox).
   * One update a record (its screened_at and set: the row lock, taken first) and a few statements for
   * all their hits and alerts, not five statements a record: a delta's 10,433 flagged records at 1,000,000
   * kept this thread preparing statements while the screening threads waited (docs/BENCHMARKS.md).
   */
  private async screenRecords(db: Db, pid: string, records: ScreenedRecord[], change: ListChange | null, kinds?: RescreenReport['kinds'], notify: string | null = null): Promise<number> {
    const at = this.stamp();
    // `added`: a record just inserted has no hits, and its screened_at is set already. Otherwise screened_at
    // is written first: its row lock makes a second screening of this record at the same time (a job taken
    // over from a stalled worker) wait, then read the hits this one wrote, so no alert is raised twice.
    const existing = records.filter((r) => !r.added);
    for (const r of existing) await db.updateTable('portfolio_records').set({ screened_at: at, considered: r.considered }).where('portfolio_id', '=', pid).where('ref', '=', r.ref).execute();
    const oldHits = new Map<string, Map<string, PortfolioHitsTable>>();
    for (const part of chunks(existing.map((r) => r.ref), INSERT_CHUNK)) {
      for (const h of await db.selectFrom('portfolio_hits').selectAll().where('portfolio_id', '=', pid).where('ref', 'in', part).execute()) {
        (oldHits.get(h.ref) ?? oldHits.set(h.ref, new Map()).get(h.ref)!).set(h.target_id, h);
      }
    }
    const hits: PortfolioHitsTable[] = [];
    const alerts: AlertsTable[] = [];
    for (const r of records) hitsAndAlerts(r, oldHits.get(r.ref) ?? new Map(), { pid, at, change, kinds }, hits, alerts);
    for (const part of chunks(existing.map((r) => r.ref), INSERT_CHUNK)) await db.deleteFrom('portfolio_hits').where('portfolio_id', '=', pid).where('ref', 'in', part).execute();
    for (const chunk of chunks(hits, 100)) await db.insertInto('portfolio_hits').values(chunk).execute();
    for (const chunk of chunks(alerts, 100)) await db.insertInto('alerts').values(chunk).execute();
    if (notify && alerts.length) await recordEvents(db, 'alert.created', alerts.map((a) => toAlertView(a, notify)), at);
    return alerts.length;
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

/** A record as screened, for Monitor.screenRecords. `added`: inserted just now (no hits, screened_at set). */
interface ScreenedRecord {
  ref: string;
  screened: ScoredEntity[];
  digest: string;
  added: boolean;
  considered: Uint8Array | null;
}

/** One record's new hits (to `hits`) and the alerts its screening raises against its `old` hits (to `alerts`). */
function hitsAndAlerts(record: ScreenedRecord, old: Map<string, PortfolioHitsTable>, context: { pid: string; at: string; change: ListChange | null; kinds?: RescreenReport['kinds'] }, hits: PortfolioHitsTable[], alerts: AlertsTable[]): void {
  const { pid, at, change, kinds } = context;
  const { ref } = record;
  const results = record.screened.filter((r) => r.band !== 'clear');
  const raise = (kind: 'new-hit' | 'changed-hit' | 'lifted', r: { target_id: string; score: number; band: string }, reason: string, detail: object) => {
    alerts.push({ id: randomUUID(), portfolio_id: pid, ref, target_id: r.target_id, kind, reason, detail: JSON.stringify({ ...detail, list: change ? { dataset: change.dataset, version: change.version } : null }), dataset: change?.dataset ?? null, score: r.score, band: r.band, status: 'open', assignee: null, created_at: at, updated_at: at });
    if (kinds) kinds[kind]++;
  };
  for (const r of results) {
    const snapshot = snapshotOf(r.entity);
    const before = old.get(r.entity.id);
    const hit: PortfolioHitsTable = { portfolio_id: pid, ref, target_id: r.entity.id, score: r.score, band: r.band, caption: r.entity.caption ?? r.entity.id, target: JSON.stringify(snapshot), cleared_record_digest: before?.cleared_record_digest ?? null, cleared_target_digest: before?.cleared_target_digest ?? null };
    hits.push(hit);
    const explanation = { score: r.score, band: r.band, features: r.features, explanations: r.explanations };
    if (!before) {
      const reason = change?.addedTargets.has(r.entity.id) ? `added to ${change.dataset}` : change ? `now matches ${hit.caption}` : `matches ${hit.caption} (${(r.entity.datasets ?? []).join(', ')})`;
      raise('new-hit', hit, reason, { target: snapshot, explanation });
      continue;
    }
    const was = JSON.parse(before.target) as TargetSnapshot;
    const changes = describeChanges(was, snapshot);
    if (before.cleared_target_digest !== null) {
      // A false positive stays quiet while record and target are as they were when it was decided; then it returns once.
      const targetChanged = before.cleared_target_digest !== snapshotDigest(snapshot);
      const recordChanged = before.cleared_record_digest !== record.digest;
      if (!targetChanged && !recordChanged) continue;
      hit.cleared_record_digest = hit.cleared_target_digest = null;
      const why = [...(targetChanged ? (changes.length ? changes : ['the listed target changed']) : []), ...(recordChanged ? ['your record changed'] : [])];
      raise('changed-hit', hit, `cleared as a false positive before; back because: ${why.join('; ')}`, { target: snapshot, before: was, changes, explanation, returned: true });
      continue;
    }
    if (!changes.length) continue;
    raise('changed-hit', hit, changes.join('; '), { target: snapshot, before: was, changes, explanation });
  }
  for (const [targetId, before] of old) {
    if (results.some((r) => r.entity.id === targetId)) continue;
    if (change && !change.isListed(targetId)) raise('lifted', before, `removed from ${change.dataset}`, { target: JSON.parse(before.target) });
  }
}

const DAY_MS = 86_400_000;

function isoTime(text: string): string {
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) throw new ValidationError('since', `"${text}" is not a date or time (ISO 8601: 2024-01-31 or 2024-01-31T09:00Z)`);
  return time.toISOString();
}

function toAlertView(row: AlertsTable, portfolio: string): AlertView {
  return { id: row.id, portfolio, ref: row.ref, target_id: row.target_id, kind: row.kind, reason: row.reason, detail: JSON.parse(row.detail), score: Number(row.score), band: row.band, status: row.status, assignee: row.assignee, created_at: row.created_at, updated_at: row.updated_at };
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Screens each chunk while the one before is written (the batch screener works in other threads meanwhile). */
async function pipelined<T, R>(source: Iterable<T[]> | AsyncIterable<T[]>, screen: (chunk: T[]) => Promise<R>, write: (chunk: T[], results: R) => Promise<void>): Promise<void> {
  let pending: { chunk: T[]; results: Promise<R> } | undefined;
  try {
    for await (const chunk of source) {
      const next = { chunk, results: screen(chunk) };
      if (pending) await write(pending.chunk, await pending.results);
      pending = next;
    }
    if (pending) await write(pending.chunk, await pending.results);
  } finally {
    // A chunk screened ahead whose writing never came: its rejection is not left unhandled.
    pending?.results.catch(() => undefined);
  }
}

/** A `considered` set as stored (its bytes). */
function blobOf(set: Uint32Array): Uint8Array {
  return Buffer.from(set.buffer, set.byteOffset, set.byteLength);
}

/** Stored `considered` sets read back, copied into one buffer (a blob's bytes need not be aligned for 32-bit reads). */
function setsOf(blobs: (Uint8Array | null)[]): (Uint32Array | null)[] {
  const all = new Uint8Array(blobs.reduce((n, b) => n + (b?.length ?? 0), 0));
  let at = 0;
  return blobs.map((blob) => {
    if (!blob) return null;
    all.set(blob, at);
    at += blob.length;
    return new Uint32Array(all.buffer, at - blob.length, blob.length / 4);
  });
}

/** A record's key in maps across portfolios. */
export function recordKey(portfolioId: string, ref: string): string {
  return `${portfolioId}\u0000${ref}`;
}

function groupByPortfolio(items: { portfolio_id: string; ref: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { portfolio_id, ref } of items) (out.get(portfolio_id) ?? out.set(portfolio_id, []).get(portfolio_id)!).push(ref);
  return out;
}
