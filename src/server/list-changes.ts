// What follows a list change, shared by the CLI (`import`, `sync`) and the `sync` job: the audit
// records of a sync, the delta re-screen of the portfolios for each list that moved, and the stale-list
// alerts (raised for lists older than their expected interval, resolved when a new version arrives).
import type { AuditEvent } from '../access/audit.ts';
import type { Config } from '../config.ts';
import { freshness } from '../ingest/freshness.ts';
import type { SyncOutcome } from '../ingest/sync.ts';
import { ListAlerts, type LiveList, type StaleList } from '../monitor/list-alerts.ts';
import { Monitor, type AlertView } from '../monitor/monitor.ts';
import { liveScreening, rescreenAfterChange, type ChangeReport } from '../monitor/service.ts';
import type { DatasetVersion, Store } from '../store/types.ts';

/** A list that moved from one version to another. */
export interface MovedList {
  dataset: string;
  from: number;
  to: number;
}

/** The lists an import or sync moved to a new version (a first version moves nothing under watch). */
export function movedLists(outcomes: { dataset: string; version: DatasetVersion; previous?: DatasetVersion | null }[]): MovedList[] {
  return outcomes.flatMap((o) => (o.previous && o.previous.id !== o.version.id ? [{ dataset: o.dataset, from: o.previous.id, to: o.version.id }] : []));
}

/** A sync's audit records (the caller adds its actor). */
export function syncActs(results: SyncOutcome[]): Omit<AuditEvent, 'actor'>[] {
  return results.map((r) =>
    r.ok
      ? { action: 'sync', subject: r.dataset, detail: { version: r.outcome.version.version, version_id: r.outcome.version.id, previous: r.outcome.previous?.version ?? null, added: r.outcome.added, removed: r.outcome.removed, changed: r.outcome.changed } }
      : { action: 'sync.failure', subject: r.dataset, detail: { error: String(r.error) } },
  );
}

export function rescreenSummary(r: ChangeReport): string {
  return `${r.dataset} ${r.from} → ${r.to}: ${r.changedTargets} targets changed; ${r.mode} re-screen of ${r.records} records raised ${r.alerts} alerts (${r.kinds['new-hit']} new hits, ${r.kinds['changed-hit']} changed, ${r.kinds.lifted} lifted)`;
}

/**
 * The delta re-screen of every portfolio for each moved list. With `queue` (PostgreSQL: the servers and
 * workers share the work) each is queued as a `rescreen` job; without (SQLite) it runs here and now.
 * Answers one line per list, saying what was done.
 */
export async function rescreenMovedLists(store: Store, moved: MovedList[], queue?: (list: MovedList) => Promise<string>): Promise<string[]> {
  if (!moved.length || !(await Monitor.of(store).portfolios()).length) return [];
  const lines: string[] = [];
  if (queue) {
    for (const m of moved) lines.push(`re-screen of ${m.dataset} after version ${m.from} → ${m.to} queued as job ${await queue(m)}`);
    return lines;
  }
  const live = await liveScreening(store);
  for (const m of moved) lines.push(rescreenSummary(await rescreenAfterChange(store, m.dataset, m.from, m.to, { live })));
  return lines;
}

type FreshnessConfig = Pick<Config, 'staleAfterDays' | 'staleDaysByList'>;

/**
 * Looks at every publisher's live list: raises one `list-stale` alert per list older than its
 * expected interval (once per stale version) and resolves those whose list has a new version.
 */
export async function checkLists(store: Store, config: FreshnessConfig, now = new Date()): Promise<{ raised: AlertView[]; resolved: number }> {
  const lists = await liveLists(store);
  const resolved = await ListAlerts.of(store).resolveRefreshed(lists, now);
  const stale: StaleList[] = [];
  for (const list of lists) {
    const expectedDays = config.staleDaysByList[list.dataset] ?? config.staleAfterDays;
    const f = freshness(list, expectedDays, now);
    if (f.stale) stale.push({ ...list, ageDays: f.ageDays, expectedDays, reason: f.warning ?? `${list.dataset}: older than ${expectedDays} days` });
  }
  return { raised: await ListAlerts.of(store).raiseStale(stale, now), resolved };
}

/** After an import by hand: the stale alerts of lists that moved resolve at once, not at the next check. */
export async function resolveRefreshedLists(store: Store, now = new Date()): Promise<number> {
  return ListAlerts.of(store).resolveRefreshed(await liveLists(store), now);
}

async function liveLists(store: Store): Promise<LiveList[]> {
  return (await store.datasets()).flatMap((d) => (d.kind === 'publisher' && d.live ? [{ dataset: d.name, versionId: d.live.id, version: d.live.version, publishedAt: d.live.publishedAt }] : []));
}
