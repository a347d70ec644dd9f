// Monitoring tables (issue 14): portfolios of customer records, each record's current hits on listed
// targets (with the target as it was seen, so a later change can be told), and the alerts raised.
import { sql, type Kysely } from 'kysely';
import { ensureIndex } from './ddl.ts';

export interface PortfoliosTable {
  id: string;
  name: string;
  created_at: string;
  created_by: string;
  /** The confidential workspace (its id, `ws_…`) the portfolio lives in; null: every signed-in user's. */
  workspace: string | null;
}

export interface PortfolioRecordsTable {
  portfolio_id: string;
  /** The customer's own reference. */
  ref: string;
  /** JSON: the screening query (schema and properties). */
  query: string;
  /** SHA-256 of the query: a changed record is a new digest. */
  digest: string;
  added_at: string;
  updated_at: string;
  screened_at: string | null;
  /**
   * The targets the record was last scored against (Screener's `considered`: sorted 32-bit hashes of
   * their ids); null: not known (screened before it was kept, or by a screener that does not tell).
   */
  considered: Uint8Array | null;
}

export interface PortfolioHitsTable {
  portfolio_id: string;
  ref: string;
  target_id: string;
  score: number;
  band: string;
  caption: string;
  /** JSON: the target's screening-relevant values when last seen (names, dates, countries, identifiers, datasets). */
  target: string;
  /** A false positive decided for this pair: the record and target digests it was decided on (quiet until either changes). */
  cleared_record_digest: string | null;
  cleared_target_digest: string | null;
}

export interface AlertsTable {
  id: string;
  portfolio_id: string;
  ref: string;
  target_id: string;
  /** new-hit, changed-hit, lifted. */
  kind: string;
  reason: string;
  /** JSON: what changed, the list versions, the explanation. */
  detail: string;
  /** The list whose change raised it (the inbox's list filter); null for a re-screen asked for by hand. */
  dataset: string | null;
  score: number;
  band: string;
  /** open, in_review, false_positive, true_match, escalated. */
  status: string;
  assignee: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertEventsTable {
  alert_id: string;
  seq: number;
  at: string;
  actor: string;
  /** assign, review, propose-true-match, decide. */
  action: string;
  /** The status after the event. */
  status: string;
  reason: string;
  /** JSON: what the decision rests on (documents, notes, links). */
  evidence: string;
}

/** Outbox: events (alert.created, alert.decided) written in the transaction that made them; the adapters' job code drains it into webhook deliveries. */
export interface MonitorEventsTable {
  id: string;
  event: string;
  /** JSON: what a webhook receives under `data`. */
  payload: string;
  created_at: string;
}

export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  /** Kept as given: signing needs the secret itself (unlike API keys, which are checked against a hash). */
  secret: string;
  created_at: string;
  created_by: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  attempt: number;
  /** The receiver's HTTP status, null when none came (refused, timed out). */
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

export interface MonitorTables {
  alert_events: AlertEventsTable;
  monitor_events: MonitorEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  portfolios: PortfoliosTable;
  portfolio_records: PortfolioRecordsTable;
  portfolio_hits: PortfolioHitsTable;
  alerts: AlertsTable;
}

export async function migrateMonitor(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const real = engine === 'postgres' ? 'double precision' : 'real';
  await db.schema.createTable('portfolios').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('workspace', 'text')
    .execute();
  // Databases made before workspaces existed get the column (null: shared, as every portfolio was).
  const portfolios = (await db.introspection.getTables()).find((t) => t.name === 'portfolios');
  if (portfolios && !portfolios.columns.some((c) => c.name === 'workspace')) await db.schema.alterTable('portfolios').addColumn('workspace', 'text').execute();
  await namesUniquePerWorkspace(db, engine);
  await db.schema.createTable('portfolio_records').ifNotExists()
    .addColumn('portfolio_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('screened_at', 'text')
    .addColumn('considered', engine === 'postgres' ? 'bytea' : 'blob')
    .addPrimaryKeyConstraint('portfolio_records_pk', ['portfolio_id', 'ref'])
    .execute();
  // Databases made before records kept what they were scored against get the column (null: not known).
  const records = (await db.introspection.getTables()).find((t) => t.name === 'portfolio_records');
  if (records && !records.columns.some((c) => c.name === 'considered')) await db.schema.alterTable('portfolio_records').addColumn('considered', engine === 'postgres' ? 'bytea' : 'blob').execute();
  await db.schema.createTable('portfolio_hits').ifNotExists()
    .addColumn('portfolio_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('cleared_record_digest', 'text')
    .addColumn('cleared_target_digest', 'text')
    .addPrimaryKeyConstraint('portfolio_hits_pk', ['portfolio_id', 'ref', 'target_id'])
    .execute();
  await ensureIndex(db, 'portfolio_hits_target', (index) => index.on('portfolio_hits').columns(['target_id']));
  await db.schema.createTable('alerts').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portfolio_id', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text')
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Databases made before the list filter get the column, filled from each alert's detail (list alerts name
  // their list as target).
  const alerts = (await db.introspection.getTables()).find((t) => t.name === 'alerts');
  if (alerts && !alerts.columns.some((c) => c.name === 'dataset')) {
    await db.schema.alterTable('alerts').addColumn('dataset', 'text').execute();
    const fromDetail = engine === 'postgres' ? sql`(detail::jsonb -> 'list' ->> 'dataset')` : sql`json_extract(detail, '$.list.dataset')`;
    await sql`update alerts set dataset = case when kind = 'list-stale' then target_id else ${fromDetail} end`.execute(db);
  }
  await db.schema.createTable('alert_events').ifNotExists()
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_events_pk', ['alert_id', 'seq'])
    .execute();
  // The inbox: one index per filter, each ending in (created_at, id), the page's order newest first, so a
  // filtered page is read from its index and stops after the page, and a deep page skips index entries
  // only (the page's ids first, then their rows): 100,000 alerts, see bench:monitor.
  await db.schema.dropIndex('alerts_inbox').ifExists().execute();
  const inbox: [string, string[]][] = [
    ['alerts_by_age', []],
    ['alerts_by_portfolio', ['portfolio_id']],
    ['alerts_by_portfolio_status', ['portfolio_id', 'status']],
    ['alerts_by_status', ['status']],
    ['alerts_by_band', ['band', 'status']],
    ['alerts_by_assignee', ['assignee']],
    ['alerts_by_kind', ['kind', 'status']],
    ['alerts_by_list', ['dataset', 'status']],
  ];
  for (const [name, columns] of inbox) await ensureIndex(db, name, (index) => index.on('alerts').columns([...columns, 'created_at', 'id']));
  await db.schema.createTable('monitor_events').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhooks').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('webhook_deliveries').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await ensureIndex(db, 'webhook_deliveries_by_hook', (index) => index.on('webhook_deliveries').columns(['webhook_id', 'at']));
}

/**
 * A portfolio's name is unique within its workspace (the shared space, workspace null, is one more): a
 * name unique across the database told a non-member that a workspace held a portfolio so named.
 * Databases made before drop the old database-wide constraint (SQLite: the table is copied, as a column
 * constraint cannot be dropped there).
 */
async function namesUniquePerWorkspace(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine === 'postgres') {
    // Only when it is there: ALTER TABLE takes the table's strongest lock even when it changes nothing,
    // and a process starting beside a long transaction that reads portfolios (a worker's re-screen) then
    // deadlocked with it.
    const old = await sql`select 1 from pg_constraint where conname = 'portfolios_name_key' and conrelid = 'portfolios'::regclass`.execute(db);
    if (old.rows.length) await sql`alter table portfolios drop constraint portfolios_name_key`.execute(db);
  } else {
    const table = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'portfolios'`.execute(db);
    if (/"name" text not null unique/i.test(table.rows[0]?.sql ?? '')) {
      await db.transaction().execute(async (trx) => {
        await sql`create table portfolios_scoped ("id" text primary key, "name" text not null, "created_at" text not null, "created_by" text not null, "workspace" text)`.execute(trx);
        await sql`insert into portfolios_scoped (id, name, created_at, created_by, workspace) select id, name, created_at, created_by, workspace from portfolios`.execute(trx);
        await sql`drop table portfolios`.execute(trx);
        await sql`alter table portfolios_scoped rename to portfolios`.execute(trx);
      });
    }
  }
  await ensureIndex(db, 'portfolios_by_scope_name', (index) => index.unique().on('portfolios').expression(sql`(coalesce(workspace, '')), name`));
}
