// The audit trail: append-only and hash-chained. Each record's hash covers its own content (sequence
// number included) and the previous record's hash, so an altered record breaks its own hash, a removed
// one leaves a gap and a broken link, and a moved one sits after the wrong hash. Cutting records off the
// end is caught against a head remembered elsewhere (`verify({ expectHead })`), as with any hash chain.
import { sql, type Kysely, type Transaction } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { InterdictError, ValidationError } from '../model/errors.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { AccessTables, AuditLogTable } from '../store/access-schema.ts';
import type { Store } from '../store/types.ts';
import { sha256 } from './secrets.ts';

export const GENESIS_HASH = '0'.repeat(64);
const APPEND_ATTEMPTS = 8;
const VERIFY_PAGE = 5_000;

export interface AuditEvent {
  actor: string;
  action: string;
  subject?: string;
  detail?: unknown;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

export type AuditProblemKind = 'altered' | 'removed' | 'moved' | 'broken-link' | 'truncated';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  head: { seq: number; hash: string };
  problems: AuditProblem[];
}

export interface AuditQuery {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  limit?: number;
  offset?: number;
}

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function recordHash(row: Pick<AuditLogTable, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'detail' | 'prev_hash'>): string {
  const content = canonicalJson({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, detail: row.detail });
  return sha256(`${row.prev_hash}\n${content}`);
}

export class AuditTrail {
  constructor(
    private readonly db: Kysely<AccessTables>,
    private readonly engine: 'sqlite' | 'postgres',
    private readonly now: () => Date = () => new Date(),
  ) {}

  static of(store: Store): AuditTrail {
    if (!(store instanceof SqlStore)) throw new InterdictError('the audit trail needs the SQL store');
    return new AuditTrail(store.db as unknown as Kysely<AccessTables>, store.engine);
  }

  /** Appends events in order, in one transaction, each chained to the one before; durable when it returns. */
  async append(events: AuditEvent | AuditEvent[]): Promise<AuditRecord[]> {
    const list = Array.isArray(events) ? events : [events];
    if (!list.length) return [];
    for (const e of list) {
      if (!e.actor) throw new ValidationError('actor', 'an audit record needs an actor');
      if (!e.action) throw new ValidationError('action', 'an audit record needs an action');
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((trx) => this.appendIn(trx, list));
      } catch (error) {
        // Another writer took the next place (its key collides with ours) or held the lock: read the new head and retry.
        if (attempt >= APPEND_ATTEMPTS || !isContention(error)) throw error;
        await new Promise((r) => setTimeout(r, attempt * 5));
      }
    }
  }

  /** Appends inside the caller's transaction (an act and its record commit together). */
  async appendIn(trx: Transaction<AccessTables>, events: AuditEvent[]): Promise<AuditRecord[]> {
    // PostgreSQL writers queue on one advisory lock; SQLite's queue at `begin immediate` (store/open.ts).
    if (this.engine === 'postgres') await sql`select pg_advisory_xact_lock(7213013)`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS_HASH;
    const at = this.now().toISOString();
    const rows: AuditLogTable[] = events.map((e) => {
      seq += 1;
      const row = { seq, at, actor: e.actor, action: e.action, subject: e.subject ?? '', detail: canonicalJson(e.detail ?? {}), prev_hash: prev };
      const hash = recordHash(row);
      prev = hash;
      return { ...row, hash };
    });
    await trx.insertInto('audit_log').values(rows).execute();
    return rows.map(toRecord);
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const last = await this.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return last ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** Walks the whole chain; names every record that was altered, removed or moved. */
  async verify(options: { expectHead?: string } = {}): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    const seqByHash = new Map<string, number>();
    let prev = { seq: 0, hash: GENESIS_HASH };
    let records = 0;
    for (let after = 0; ; ) {
      const page = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(VERIFY_PAGE).execute();
      if (!page.length) break;
      for (const row of page) {
        records++;
        if (row.seq !== prev.seq + 1) {
          const missing = row.seq - prev.seq - 1;
          problems.push({ seq: row.seq, kind: 'removed', message: missing > 0 ? `record${missing > 1 ? `s ${prev.seq + 1}–${row.seq - 1} are` : ` ${prev.seq + 1} is`} missing before record ${row.seq}` : `record ${row.seq} is out of sequence` });
        }
        if (recordHash(row) !== row.hash) {
          problems.push({ seq: row.seq, kind: 'altered', message: `record ${row.seq} (${row.action} by ${row.actor} at ${row.at}) does not match its hash: its content was changed` });
        }
        if (row.prev_hash !== prev.hash) {
          const follows = seqByHash.get(row.prev_hash);
          problems.push(
            follows !== undefined && follows !== row.seq - 1
              ? { seq: row.seq, kind: 'moved', message: `record ${row.seq} was written after record ${follows}, not after record ${prev.seq}: records were reordered` }
              : { seq: row.seq, kind: 'broken-link', message: `record ${row.seq} does not follow record ${prev.seq}'s hash: a record before it was removed, replaced or reordered` },
          );
        }
        seqByHash.set(row.hash, row.seq);
        prev = { seq: row.seq, hash: row.hash };
      }
      after = page[page.length - 1].seq;
    }
    // A remembered head found inside the chain only means records were added since; one not found means the end was cut or replaced.
    if (options.expectHead && options.expectHead !== prev.hash && !seqByHash.has(options.expectHead)) {
      problems.push({ seq: prev.seq, kind: 'truncated', message: `the remembered head ${options.expectHead.slice(0, 16)}… is not in the chain (which ends at record ${prev.seq}): records at the end were removed or replaced` });
    }
    return { ok: problems.length === 0, records, head: prev, problems };
  }

  async list(query: AuditQuery = {}): Promise<{ total: number; results: AuditRecord[] }> {
    const filtered = () => {
      let q = this.db.selectFrom('audit_log');
      if (query.from) q = q.where('at', '>=', query.from);
      if (query.to) q = q.where('at', '<', query.to);
      if (query.actor) q = q.where('actor', '=', query.actor);
      if (query.action) q = q.where('action', '=', query.action);
      return q;
    };
    const count = await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await filtered().selectAll().orderBy('seq', 'desc').limit(query.limit ?? 100).offset(query.offset ?? 0).execute();
    return { total: Number(count?.n ?? 0), results: rows.map(toRecord) };
  }

  /** The records of a period in order, as JSON lines or CSV (a header, then one row per record). */
  async *export(query: Pick<AuditQuery, 'from' | 'to'>, format: 'jsonl' | 'csv'): AsyncIterable<string> {
    if (format === 'csv') yield stringify([['seq', 'at', 'actor', 'action', 'subject', 'detail', 'prev_hash', 'hash']]);
    for (let after = 0; ; ) {
      let q = this.db.selectFrom('audit_log').selectAll().where('seq', '>', after);
      if (query.from) q = q.where('at', '>=', query.from);
      if (query.to) q = q.where('at', '<', query.to);
      const page = await q.orderBy('seq').limit(VERIFY_PAGE).execute();
      if (!page.length) return;
      yield format === 'csv'
        ? stringify(page.map((r) => [r.seq, r.at, r.actor, r.action, r.subject, r.detail, r.prev_hash, r.hash]))
        : page.map((r) => JSON.stringify(toRecord(r)) + '\n').join('');
      after = page[page.length - 1].seq;
    }
  }
}

function toRecord(row: AuditLogTable): AuditRecord {
  return { seq: Number(row.seq), at: row.at, actor: row.actor, action: row.action, subject: row.subject, detail: JSON.parse(row.detail), prev_hash: row.prev_hash, hash: row.hash };
}

function isContention(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505' || e?.code === '40001' || /database is locked/.test(e?.message ?? '');
}
