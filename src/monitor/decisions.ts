// Deciding alerts: open → in review → false positive / true match / escalated, each step with who, why
// and on what evidence, kept as an append-only history. A true match is closed by four eyes: someone
// other than the analyst who proposed it. A false positive is remembered for that record and target
// (their digests at the time), so the pair stays quiet until either side changes.
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../model/errors.ts';
import type { AlertEventsTable, MonitorTables } from '../store/monitor-schema.ts';
import { snapshotDigest, type TargetSnapshot } from './snapshot.ts';
import { listening, recordEvents } from './webhooks.ts';

export const ALERT_STATUSES = ['open', 'in_review', 'false_positive', 'true_match', 'escalated'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
const CLOSED: ReadonlySet<string> = new Set(['false_positive', 'true_match']);

export interface Decision {
  /** in_review, false_positive, true_match (proposes it, or closes it as the second pair of eyes), escalated, open (reopen). */
  status: AlertStatus;
  reason: string;
  evidence?: unknown;
}

export interface Actor {
  name: string;
  /** Whether this actor may close a true match (the adapters decide it from the role: reviewer and above). */
  mayCloseTrueMatch: boolean;
}

export async function decide(db: Kysely<MonitorTables>, alertId: string, decision: Decision, actor: Actor, options: { fourEyes?: boolean; now?: Date } = {}): Promise<{ status: AlertStatus; pending: boolean }> {
  if (!(ALERT_STATUSES as readonly string[]).includes(decision.status)) throw new ValidationError('status', `use one of ${ALERT_STATUSES.join(', ')}`);
  if (!decision.reason?.trim()) throw new ValidationError('reason', 'a decision needs its reason');
  const fourEyes = options.fourEyes ?? true;
  const at = (options.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const alert = await trx.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
    if (!alert) throw new NotFoundError(`no alert ${alertId}`);
    if (CLOSED.has(alert.status) && decision.status !== 'open') throw new ConflictError(`alert ${alertId} is closed as ${alert.status}; reopen it first`);
    const events = await trx.selectFrom('alert_events').selectAll().where('alert_id', '=', alertId).orderBy('seq').execute();
    let action = 'decide';
    let status: AlertStatus = decision.status;
    let pending = false;
    if (decision.status === 'true_match') {
      const proposal = [...events].reverse().find((e) => e.action === 'propose-true-match');
      const proposedSince = proposal && !events.some((e) => e.seq > proposal.seq && e.action !== 'propose-true-match');
      if (!fourEyes && actor.mayCloseTrueMatch) action = 'decide';
      else if (proposedSince && proposal.actor !== actor.name && actor.mayCloseTrueMatch) action = 'decide';
      else if (proposedSince && proposal.actor === actor.name) throw new ConflictError(`a true match is closed by a second person: ${actor.name} proposed it`);
      else {
        action = 'propose-true-match';
        status = 'in_review';
        pending = true;
      }
    }
    const seq = (events[events.length - 1]?.seq ?? 0) + 1;
    await trx.insertInto('alert_events').values({ alert_id: alertId, seq, at, actor: actor.name, action, status, reason: decision.reason, evidence: JSON.stringify(decision.evidence ?? null) }).execute();
    await trx.updateTable('alerts').set({ status, updated_at: at }).where('id', '=', alertId).execute();
    if (await listening(trx, 'alert.decided')) {
      const portfolio = await trx.selectFrom('portfolios').select('name').where('id', '=', alert.portfolio_id).executeTakeFirst();
      await recordEvents(trx, 'alert.decided', [{ alert_id: alertId, portfolio: portfolio?.name ?? null, ref: alert.ref, target_id: alert.target_id, action, status, pending, actor: actor.name, reason: decision.reason, at }], at);
    }
    if (status === 'false_positive') {
      const [hit, record] = await Promise.all([
        trx.selectFrom('portfolio_hits').select('target').where('portfolio_id', '=', alert.portfolio_id).where('ref', '=', alert.ref).where('target_id', '=', alert.target_id).executeTakeFirst(),
        trx.selectFrom('portfolio_records').select('digest').where('portfolio_id', '=', alert.portfolio_id).where('ref', '=', alert.ref).executeTakeFirst(),
      ]);
      if (hit && record) {
        await trx.updateTable('portfolio_hits').set({ cleared_record_digest: record.digest, cleared_target_digest: snapshotDigest(JSON.parse(hit.target) as TargetSnapshot) })
          .where('portfolio_id', '=', alert.portfolio_id).where('ref', '=', alert.ref).where('target_id', '=', alert.target_id).execute();
      }
    }
    return { status, pending };
  });
}

export async function alertHistory(db: Kysely<MonitorTables>, alertId: string): Promise<(Omit<AlertEventsTable, 'evidence'> & { evidence: unknown })[]> {
  const rows = await db.selectFrom('alert_events').selectAll().where('alert_id', '=', alertId).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), evidence: JSON.parse(r.evidence) }));
}

export async function assign(db: Kysely<MonitorTables>, alertId: string, assignee: string | null, actor: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const alert = await trx.selectFrom('alerts').select(['status']).where('id', '=', alertId).executeTakeFirst();
    if (!alert) throw new NotFoundError(`no alert ${alertId}`);
    const last = await trx.selectFrom('alert_events').select('seq').where('alert_id', '=', alertId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    await trx.insertInto('alert_events').values({ alert_id: alertId, seq: (last?.seq ?? 0) + 1, at: now.toISOString(), actor, action: 'assign', status: alert.status, reason: assignee ? `assigned to ${assignee}` : 'unassigned', evidence: 'null' }).execute();
    await trx.updateTable('alerts').set({ assignee, updated_at: now.toISOString() }).where('id', '=', alertId).execute();
  });
}
