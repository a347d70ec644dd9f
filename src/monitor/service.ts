// Monitoring over the live lists: portfolios screened against the resolved sanctions targets (one alert
// per target, not one per list), and the delta re-screen after a new list version. The delta screens the
// added and changed targets against an index of the portfolios (the reverse direction), adds the records
// that hit a changed or removed target, and re-screens only those; a full re-screen is one call away.
import type { FtmEntity } from '../model/entity.ts';
import { resolverFor, downstreamReader } from '../resolve/service.ts';
import type { InputRow } from '../screening/batch-input.ts';
import { loadEngine } from '../screening/engine.ts';
import { Screener } from '../screening/screener.ts';
import { loadScreenableEntities, screeningScope, ALL_DATASETS } from '../screening/service.ts';
import type { Store } from '../store/types.ts';
import { Monitor, type ListChange, type RescreenProgress, type RescreenReport, type ScreenFn, type UploadReport } from './monitor.ts';

/** Results per record kept as hits (the best few; a customer record rarely meets more listed targets). */
const HITS_PER_RECORD = 10;
/** Reverse-direction score from which a record is re-screened: low, because the forward score decides. */
const REVERSE_FLOOR = 0.3;

export interface LiveScreening {
  screen: ScreenFn;
  entities: Map<string, FtmEntity>;
}

/** The live sanctions targets (resolved) and a screener over them. */
export async function liveScreening(store: Store): Promise<LiveScreening> {
  const versions = await store.liveVersions();
  const scope = screeningScope(versions, ALL_DATASETS);
  const list = await loadScreenableEntities(downstreamReader(store), scope.datasets);
  const engine = await loadEngine();
  const screener = Screener.build(list, engine);
  const threshold = engine.defaultThreshold;
  return {
    screen: (query) => screener.screen(query, { limit: HITS_PER_RECORD, threshold }).results,
    entities: new Map(list.map((e) => [e.id, e])),
  };
}

/** `live`: the screening of the current live lists, when the caller holds one (building it takes seconds). */
export async function uploadPortfolio(store: Store, name: string, rows: InputRow[], options: { mode: 'replace' | 'merge'; actor: string; live?: LiveScreening; workspace?: string | null }): Promise<UploadReport> {
  const live = options.live ?? (await liveScreening(store));
  return Monitor.of(store).upload(name, rows, { ...options, screen: live.screen });
}

export interface ChangeReport extends RescreenReport {
  dataset: string;
  from: string;
  to: string;
  mode: 'delta' | 'full';
  /** Targets added, changed or removed by the list change. */
  changedTargets: number;
}

/**
 * Re-screens after `dataset` moved from version `from` to `to` (the live one). `full` re-screens every
 * record; otherwise only those the change can affect.
 */
export async function rescreenAfterChange(store: Store, dataset: string, from: string | number, to: string | number, options: { full?: boolean; live?: LiveScreening; progress?: RescreenProgress } = {}): Promise<ChangeReport> {
  const diff = await store.diff(dataset, from, to);
  const resolution = await resolverFor(store).resolution();
  const canonical = (id: string) => resolution.canonical(id);
  const added = new Set(diff.added.map((e) => canonical(e.id)));
  const changed = new Set([...diff.changed.map((c) => canonical(c.id)), ...diff.removed.map((e) => canonical(e.id)), ...added]);
  const live = options.live ?? (await liveScreening(store));
  const change: ListChange = { dataset, version: diff.to.version, addedTargets: added, isListed: (id) => live.entities.has(id) };
  const monitor = Monitor.of(store);
  const base = { dataset, from: diff.from.version, to: diff.to.version, changedTargets: changed.size };
  if (options.full) return { ...base, mode: 'full', ...(await monitor.rescreen({ screen: live.screen, change, progress: options.progress })) };
  if (!changed.size) return { ...base, mode: 'delta', records: 0, alerts: 0, kinds: { 'new-hit': 0, 'changed-hit': 0, lifted: 0 } };
  const records = await monitor.portfolioEntities();
  const reverse: { portfolio_id: string; ref: string }[] = [];
  if (records.length) {
    const engine = await loadEngine();
    const portfolioScreener = Screener.build(records, engine);
    for (const id of changed) {
      const target = live.entities.get(id);
      if (!target) continue;
      const query = { id: target.id, schema: target.schema, properties: target.properties };
      for (const r of portfolioScreener.screen(query, { limit: 50, threshold: engine.defaultThreshold }).results) {
        if (r.score < REVERSE_FLOOR) continue;
        const slash = r.entity.id.indexOf('/');
        reverse.push({ portfolio_id: r.entity.id.slice(0, slash), ref: r.entity.id.slice(slash + 1) });
      }
    }
  }
  const only = await monitor.affectedRecords(changed, reverse);
  return { ...base, mode: 'delta', ...(await monitor.rescreen({ screen: live.screen, change, only, progress: options.progress })) };
}

/** A full re-screen of one portfolio against the live lists, asked for by hand (no list change behind it). */
export async function rescreenPortfolio(store: Store, name: string, options: { live?: LiveScreening; progress?: RescreenProgress } = {}): Promise<RescreenReport & { portfolio: string }> {
  const monitor = Monitor.of(store);
  await monitor.portfolioId(name);
  const live = options.live ?? (await liveScreening(store));
  return { portfolio: name, ...(await monitor.rescreen({ screen: live.screen, change: null, portfolio: name, progress: options.progress })) };
}
