// Alerts about a list itself rather than a customer's record: a publisher's list whose live version is
// older than its expected refresh interval. They live in the `alerts` table beside the portfolio
// alerts, so the inbox, its filters, decisions and webhooks need nothing new: kind `list-stale`, no
// portfolio (`portfolio_id` ''), the dataset as `ref` and `target_id`. One alert per stale live version
// (its id is derived from the version, so any number of processes checking at once raise it once); it
// resolves itself when another version of the list goes live.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InterdictError } from '../model/errors.ts';
import type { AlertsTable, MonitorTables } from '../store/monitor-schema.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { Store } from '../store/types.ts';
import type { AlertView } from './monitor.ts';
import { listening, recordEvents } from './webhooks.ts';

export const LIST_STALE = 'list-stale';
/** The `portfolio_id` of alerts about a list: they belong to no portfolio. */
export const NO_PORTFOLIO = '';
/** Who resolves a list's alert when a new version arrives. */
const RESOLVER = 'system:freshness';
/** Statuses in which a stale list's alert is still waiting for the list (a closed one stays as decided). */
const WAITING = ['open', 'in_review', 'escalated'];

export interface StaleList {
  dataset: string;
  versionId: number;
  version: string;
  publishedAt: string | null;
  ageDays: number | null;
  expectedDays: number;
  /** Says why, in words (freshness's warning). */
  reason: string;
}

export interface LiveList {
  dataset: string;
  versionId: number;
  version: string;
  publishedAt: string | null;
}

export class ListAlerts {
  constructor(private readonly db: Kysely<MonitorTables>) {}

  static of(store: Store): ListAlerts {
    if (!(store instanceof SqlStore)) throw new InterdictError('monitoring needs the SQL store');
    return new ListAlerts(store.db as unknown as Kysely<MonitorTables>);
  }

  /** Raises an alert for each stale live version that has none yet; answers those raised now. */
  async raiseStale(stale: StaleList[], now = new Date()): Promise<AlertView[]> {
    const at = now.toISOString();
    const raised: AlertView[] = [];
    for (const list of stale) {
      const row: AlertsTable = {
        id: alertIdOf(list.dataset, list.versionId),
        portfolio_id: NO_PORTFOLIO,
        ref: list.dataset,
        target_id: list.dataset,
        dataset: list.dataset,
        kind: LIST_STALE,
        reason: list.reason,
        detail: JSON.stringify({ list: { dataset: list.dataset, version: list.version, version_id: list.versionId }, published_at: list.publishedAt, age_days: list.ageDays, expected_days: list.expectedDays }),
        score: 0,
        band: 'stale',
        status: 'open',
        assignee: null,
        created_at: at,
        updated_at: at,
      };
      await this.db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('alerts').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
        if (!Number(inserted.numInsertedOrUpdatedRows ?? 0)) return;
        const view = listAlertView(row);
        raised.push(view);
        if (await listening(trx, 'list.stale')) await recordEvents(trx, 'list.stale', [view], at);
      });
    }
    return raised;
  }

  /** Resolves the waiting alerts of lists that have another live version now; answers how many. */
  async resolveRefreshed(live: LiveList[], now = new Date()): Promise<number> {
    const byDataset = new Map(live.map((l) => [l.dataset, l]));
    const waiting = await this.db.selectFrom('alerts').select(['id', 'ref', 'detail']).where('kind', '=', LIST_STALE).where('status', 'in', WAITING).execute();
    let resolved = 0;
    for (const alert of waiting) {
      const current = byDataset.get(alert.ref);
      const staleVersion = (JSON.parse(alert.detail) as { list: { version_id: number } }).list.version_id;
      if (!current || current.versionId === staleVersion) continue;
      const at = now.toISOString();
      const reason = `version ${current.version} (published ${current.publishedAt ?? 'on an unknown date'}) is live`;
      await this.db.transaction().execute(async (trx) => {
        const updated = await trx.updateTable('alerts').set({ status: 'resolved', updated_at: at }).where('id', '=', alert.id).where('status', 'in', WAITING).executeTakeFirst();
        if (!Number(updated.numUpdatedRows)) return; // another process resolved it first
        const last = await trx.selectFrom('alert_events').select((eb) => eb.fn.max('seq').as('seq')).where('alert_id', '=', alert.id).executeTakeFirst();
        await trx.insertInto('alert_events').values({ alert_id: alert.id, seq: Number(last?.seq ?? 0) + 1, at, actor: RESOLVER, action: 'resolve', status: 'resolved', reason, evidence: JSON.stringify({ version: current.version, version_id: current.versionId }) }).execute();
        resolved++;
      });
    }
    return resolved;
  }
}

function alertIdOf(dataset: string, versionId: number): string {
  const h = createHash('sha256').update(`${LIST_STALE}\u0000${dataset}\u0000${versionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function listAlertView(row: AlertsTable): AlertView {
  return { id: row.id, portfolio: '', ref: row.ref, target_id: row.target_id, kind: row.kind, reason: row.reason, detail: JSON.parse(row.detail), score: row.score, band: row.band, status: row.status, assignee: row.assignee, created_at: row.created_at, updated_at: row.updated_at };
}
