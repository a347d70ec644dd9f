// Monitoring over the live lists: portfolios screened against the resolved sanctions targets (one alert
// per target, not one per list), and the delta re-screen after a new list version. The delta screens the
// records as a full re-screen does but scores only the added and changed targets among their candidates
// (a sieve, in worker threads), adds the records that hit a changed or removed target, and re-screens
// only those with the same threads; a full re-screen is one call away.
import type { FtmEntity } from '../model/entity.ts';
import { resolverFor, downstreamReader } from '../resolve/service.ts';
import type { InputRow } from '../screening/batch-input.ts';
import { CandidateIndex, mergePacked, type PackedPrepared } from '../screening/candidate-index.ts';
import { loadEngine, type MatchEngine } from '../screening/engine.ts';
import { indexFromBytes, indexSnapshotKey, indexToBytes, preparedCount, preparedToBytes, readSavedIndex, saveIndexSnapshot, savePreparedSnapshot } from '../screening/index-snapshot.ts';
import { PackedSetsBuilder, unpackSets } from '../screening/id-sets.ts';
import { ScreeningPool, type IndexBytes, type QueryTexts } from '../screening/pool.ts';
import { defaultWorkerCount } from '../screening/threads.ts';
import type { QueryEntity } from '../screening/query.ts';
import { propertyTypes } from '../screening/schema-props.ts';
import { fromScoredJson, Screener, type ScoredEntity, type ScreenOptions } from '../screening/screener.ts';
import { loadScreenableEntities, resolutionKeyOf, screeningScope } from '../screening/service.ts';
import { ALL_DATASETS } from '../screening/scopes.ts';
import type { DatasetDiff, EntityReader, Store } from '../store/types.ts';
import { siftRecords, type Sifter } from './sift.ts';
import { Monitor, type BatchScreenFn, type ListChange, type RescreenProgress, type RescreenReport, type ScreenFn, type UploadReport } from './monitor.ts';
import { Slices } from '../model/turns.ts';

/** Results per record kept as hits (the best few; a customer record rarely meets more listed targets). */
const HITS_PER_RECORD = 10;
/**
 * Properties a change of which can make a target match a record it did not (names, dates, countries,
 * identifiers); besides these, any property of the name or identifier type (`matcherReads`: they make
 * the target's blocking keys).
 */
const MATCHED = new Set(['name', 'alias', 'weakAlias', 'previousName', 'firstName', 'secondName', 'middleName', 'fatherName', 'motherName', 'lastName', 'title', 'birthDate', 'deathDate', 'nationality', 'citizenship', 'country', 'jurisdiction', 'flag', 'birthCountry', 'passportNumber', 'idNumber', 'imoNumber', 'mmsi', 'registrationNumber', 'taxNumber', 'leiCode', 'swiftBic', 'innCode', 'ogrnCode', 'callSign', 'gender', '$schema']);
function matcherReads(schema: string, prop: string): boolean {
  const type = propertyTypes(schema).get(prop);
  return MATCHED.has(prop) || type === 'name' || type === 'identifier';
}
/**
 * A batch screener screens its first this many distinct records here, then starts worker threads for
 * the rest. A thread starts cold: it prepares every target its queries meet and warms its own caches,
 * work the main thread has mostly done already, so threads pay only on large batches. On two cores
 * over the bundled OFAC list (bench:batch-threads, docs/BENCHMARKS.md): 5,000 records took 3.9 s here
 * against 9.6 s in two threads, 10,000 8.1 s against 10.0, 20,000 15.9 s against 14.1 (`interdict
 * screen`'s crossover, WORKER_MIN_ROWS, is 25,000). Counted over the batch screener's life: an upload
 * hands it 5,000 records at a time, and a large one goes to threads from its third chunk.
 */
const POOL_FROM = 15_000;
/** A batch's hits go back to the threads to be screened in full when they are at least 1 in this many records. */
const HITS_TO_THREADS = 4;

export interface LiveScreening {
  screen: ScreenFn;
  entities: Map<string, FtmEntity>;
  /** The live index's slots of these targets (by id): a sieve (ScreenOptions.within). */
  slotsOf(ids: Set<string>): Uint8Array;
  /** A batch screener for one upload or re-screen (its first `poolFrom` distinct records screened here, the rest in worker threads): close it after. */
  batches(options?: { poolFrom?: number }): BatchScreener;
  /** The index was read back from a snapshot (not built). */
  readBack: boolean;
  /** How many entities the next worker threads are handed prepared for the matcher (read back with the index, or kept from threads before). */
  preparedCount(): number;
}

/** A batch screener: screens (uploads, re-screens) and sifts (Sifter, a delta's), in worker threads when large. */
export interface BatchScreener extends Sifter {
  screen: BatchScreenFn;
  close(): Promise<void>;
}

/** Where the live index is kept between processes (the store's snapshot folder: graph/snapshot.ts snapshotDirFor); none: always built. */
export interface LiveOptions {
  snapshotDir?: string;
}

/**
 * The live sanctions targets (resolved) and a screener over them. With `snapshotDir`, the index is read
 * back from the one saved there for these list versions and judgements, or built and saved: every
 * re-screening process (each worker taking a job, `interdict portfolio rescreen`) built its own, seconds
 * of CPU on the official lists.
 */
export async function liveScreening(store: Store, options: LiveOptions = {}): Promise<LiveScreening> {
  const reader = downstreamReader(store);
  const engine = await loadEngine();
  const { index, readBack, bytes, prepared: saved, preparedGoTo } = await liveIndex(reader, engine, options.snapshotDir);
  const screener = new Screener(index, engine);
  const screenOptions: ScreenOptions = { limit: HITS_PER_RECORD, threshold: engine.defaultThreshold };
  // The worker threads read the index serialised: the snapshot's own bytes when there is one.
  let snapshot: Uint8Array | undefined = bytes;
  // The matcher's prepared forms of the entities threads met: the first pool's threads prepare them
  // and pack them as they end; every later pool's threads read them (an upload's, each re-screen's),
  // and with a saved index the next process's too (`<key>.prepared` beside it).
  let prepared = saved;
  const threadsMade = async (packs: PackedPrepared[]) => {
    if (prepared || packs.length === 0) return;
    const merged = mergePacked(packs);
    prepared = preparedToBytes(merged);
    if (preparedGoTo) await savePreparedSnapshot(preparedGoTo.dir, preparedGoTo.key, 'screening-live-', merged).catch(() => undefined);
  };
  const entities = new Map(index.entities.map((e) => [e.id, e]));
  return {
    screen: (query) => screener.screen(query, screenOptions).results,
    entities,
    slotsOf: (ids) => index.slotsOf(ids),
    batches: ({ poolFrom = POOL_FROM } = {}) =>
      batchScreener(screener, entities, screenOptions, () => ({ snapshot: (snapshot ??= indexToBytes(screener.index)), prepared }), poolFrom, prepared ? undefined : threadsMade),
    readBack,
    preparedCount: () => (prepared ? preparedCount(prepared) : 0),
  };
}

/**
 * The index of the live sanctions lists: the saved one of these versions and judgements, else a build
 * (then saved, unless they changed meanwhile); with its serialised bytes when it has them (read, or
 * saved), the prepared forms saved beside it, and where to save them when there are none.
 */
async function liveIndex(
  reader: EntityReader,
  engine: MatchEngine,
  dir: string | undefined,
): Promise<{ index: CandidateIndex; readBack: boolean; bytes?: Uint8Array; prepared?: Uint8Array; preparedGoTo?: { dir: string; key: string } }> {
  const scopeNow = async () => {
    const versions = await reader.liveVersions();
    const { datasets } = screeningScope(versions, ALL_DATASETS);
    const key = indexSnapshotKey(versions.filter((v) => datasets.includes(v.dataset)), 'default', await resolutionKeyOf(reader));
    return { datasets, key };
  };
  const { datasets, key } = await scopeNow();
  const saved = dir ? await readSavedIndex(dir, key, 'screening-live-') : undefined;
  const read = saved && indexFromBytes(saved.bytes, engine);
  if (read) return { index: read, readBack: true, bytes: saved.bytes, ...(saved.prepared ? { prepared: saved.prepared } : { preparedGoTo: { dir: dir!, key } }) };
  const index = CandidateIndex.build(await loadScreenableEntities(reader, datasets), engine);
  if (!dir || (await scopeNow()).key !== key) return { index, readBack: false };
  const bytes = indexToBytes(index);
  const kept = await saveIndexSnapshot(dir, key, bytes, 'screening-live-').then(
    () => true,
    () => false,
  );
  return { index, readBack: false, bytes, preparedGoTo: kept ? { dir, key } : undefined };
}

/**
 * Each distinct record is screened once (customer files repeat names). Large batches go to worker
 * threads reading one serialised copy of the index; they sort out the records that hit nothing (most
 * of them), and those that hit something are screened again for their full results, the same
 * screener's answer either way (`entities`: its targets by id): here while they are few (an upload's
 * 2 %, screened while the threads sift the next chunk), by the threads when they are many (a delta's
 * flagged records: screened here, they kept this thread busy while the threads waited).
 */
function batchScreener(
  screener: Screener,
  entities: ReadonlyMap<string, FtmEntity>,
  options: ScreenOptions,
  snapshot: () => IndexBytes,
  poolFrom: number,
  /** Hears the prepared forms the threads made, packed as they end (none: they end without packing). */
  threadsMade?: (packs: PackedPrepared[]) => Promise<void>,
): BatchScreener {
  let pool: Promise<ScreeningPool> | undefined;
  // A pool screens one batch at a time: a batch asked for while another is screened waits its turn.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: (workers: ScreeningPool) => Promise<T>): Promise<T> => {
    const mine = turn.then(async () => work(await (pool ??= ScreeningPool.start(snapshot(), defaultWorkerCount()))));
    turn = mine.catch(() => undefined);
    return mine;
  };
  const one = (query: QueryEntity) => screener.screen(query, options).results;
  // The first `poolFrom` queries are screened here (starting threads costs more), the rest in threads.
  let counted = 0;
  const here = (count: number) => !pool && (counted += count) < poolFrom;
  return {
    async screen(queries) {
      // Each distinct query once, by its text, which the threads are handed (pool.ts, QueryTexts).
      const slots = new Map<string, number>();
      const distinct: QueryEntity[] = [];
      const texts: QueryTexts = [];
      const slotOf = queries.map((q) => {
        const text = JSON.stringify({ schema: q.schema, properties: q.properties });
        let slot = slots.get(text);
        if (slot === undefined) {
          slots.set(text, (slot = distinct.push(q) - 1));
          texts.push(text);
        }
        return slot;
      });
      let results: ScoredEntity[][];
      let considered: Uint32Array[];
      if (here(distinct.length)) {
        const sets = new PackedSetsBuilder();
        results = await inTurns(distinct, (q) => screener.screen(q, options, { considered: sets }).results);
        considered = unpackSets(sets.build());
      } else {
        const sifted = await inTurn((workers) => workers.sift(texts, options));
        const hit = sifted.flags;
        considered = sifted.considered;
        const hits = distinct.filter((_, i) => hit[i]);
        if (hits.length * HITS_TO_THREADS < distinct.length) results = distinct.map((q, i) => (hit[i] ? one(q) : []));
        else {
          const scored = await inTurn((workers) => workers.scored(hits, options));
          let k = 0;
          results = distinct.map((_, i) => (hit[i] ? fromScoredJson(scored[k++], entities) : []));
        }
      }
      return { results: slotOf.map((slot) => results[slot]), considered: slotOf.map((slot) => considered[slot]) };
    },
    async sift(queries, within, known) {
      const sieve = { ...options, within };
      if (!here(queries.length)) return inTurn((workers) => workers.sift(queries, sieve, known));
      const sets = new PackedSetsBuilder();
      const flags = await inTurns(queries, (text, k) => screener.sifts(queryOf(text), sieve, { known: known?.[k], considered: sets }));
      return { flags, considered: unpackSets(sets.build()) };
    },
    async close() {
      if (!pool) return;
      const workers = await pool;
      if (!threadsMade) return workers.close();
      const packs: PackedPrepared[] = [];
      await workers.closePacking((packed) => void packs.push(packed));
      await threadsMade(packs);
    },
  };
}

/** `items` mapped in order here, letting the event loop turn between slices so a server keeps answering. */
async function inTurns<T, R>(items: readonly T[], map: (item: T, k: number) => R): Promise<R[]> {
  const out: R[] = new Array(items.length);
  const slices = new Slices();
  for (let k = 0; k < items.length; k++) {
    if (slices.due()) await slices.turn();
    out[k] = map(items[k], k);
  }
  return out;
}

/** Runs `work` with a batch screener of `live`, closed after. */
async function withBatches<T>(live: LiveScreening, work: (batches: BatchScreener) => Promise<T>): Promise<T> {
  const batches = live.batches();
  try {
    return await work(batches);
  } finally {
    await batches.close();
  }
}

/**
 * `workspace`: the portfolio's workspace (absent or null: the shared space; names are unique per workspace).
 * `live`: the screening of the current live lists, when the caller holds one (building it takes seconds).
 */
export async function uploadPortfolio(store: Store, name: string, rows: Iterable<InputRow> | AsyncIterable<InputRow>, options: { mode: 'replace' | 'merge'; actor: string; live?: LiveScreening; workspace?: string | null }): Promise<UploadReport> {
  const live = options.live ?? (await liveScreening(store));
  return withBatches(live, ({ screen }) => Monitor.of(store).upload(name, rows, { ...options, screen }));
}

export interface ChangeReport extends RescreenReport {
  dataset: string;
  from: string;
  to: string;
  mode: 'delta' | 'full';
  /** Targets added, changed or removed by the list change. */
  changedTargets: number;
  /** Of those, the targets every record was sifted through (added, or changed in a value the matcher reads); absent for a full re-screen. */
  sievedTargets?: number;
}

/**
 * Re-screens after `dataset` moved from version `from` to `to` (the live one). `full` re-screens every
 * record; otherwise only those the change can affect.
 */
export async function rescreenAfterChange(store: Store, dataset: string, from: string | number, to: string | number, options: LiveOptions & { full?: boolean; live?: LiveScreening; progress?: RescreenProgress } = {}): Promise<ChangeReport> {
  const diff = await store.diff(dataset, from, to);
  const resolution = await resolverFor(store).resolution();
  const canonical = (id: string) => resolution.canonical(id);
  const added = new Set(diff.added.map((e) => canonical(e.id)));
  const changed = new Set([...diff.changed.map((c) => canonical(c.id)), ...diff.removed.map((e) => canonical(e.id)), ...added]);
  const live = options.live ?? (await liveScreening(store, options));
  const change: ListChange = { dataset, version: diff.to.version, addedTargets: added, isListed: (id) => live.entities.has(id) };
  const monitor = Monitor.of(store);
  const base = { dataset, from: diff.from.version, to: diff.to.version, changedTargets: changed.size };
  if (options.full) return { ...base, mode: 'full', ...(await withBatches(live, ({ screen }) => monitor.rescreen({ screen, change, progress: options.progress }))) };
  if (!changed.size) return { ...base, mode: 'delta', records: 0, alerts: 0, kinds: { 'new-hit': 0, 'changed-hit': 0, lifted: 0 } };
  const sieve = sieveTargets(diff, canonical, live);
  // A change that added, removed and changed no value the matcher reads moved no record's candidates.
  const moves = sieve.length > 0 || diff.removed.length > 0;
  // One set of threads sifts, then re-screens what the sift and the changed hits name.
  return withBatches(live, async (batches) => {
    const reverse = moves ? await siftRecords(monitor, batches, live.slotsOf(new Set(sieve.map((e) => e.id)))) : [];
    const only = await monitor.affectedRecords(changed, reverse);
    return { ...base, mode: 'delta', sievedTargets: sieve.length, ...(await monitor.rescreen({ screen: batches.screen, change, only, progress: options.progress })) };
  });
}

/**
 * The sieve of a list change: the live targets it can newly match (added, or changed in a value the
 * matcher reads). Of each record's candidates in the live index, just these are scored (`within`).
 */
export function sieveTargets(diff: DatasetDiff, canonical: (id: string) => string, live: LiveScreening): FtmEntity[] {
  const matchable = new Set([...diff.added.map((e) => canonical(e.id)), ...diff.changed.filter((c) => Object.keys(c.changes).some((p) => matcherReads(c.schema, p))).map((c) => canonical(c.id))]);
  return [...matchable].flatMap((id) => live.entities.get(id) ?? []);
}

/** A stored query's text as a query (screeners never read its id). */
const queryOf = (text: string): QueryEntity => ({ ...(JSON.parse(text) as Omit<QueryEntity, 'id'>), id: '' });

/** A full re-screen of one portfolio (by id) against the live lists, asked for by hand (no list change behind it). */
export async function rescreenPortfolio(store: Store, portfolioId: string, options: LiveOptions & { live?: LiveScreening; progress?: RescreenProgress } = {}): Promise<RescreenReport & { portfolio: string }> {
  const monitor = Monitor.of(store);
  const { id, name } = await monitor.portfolio(portfolioId);
  const live = options.live ?? (await liveScreening(store, options));
  return { portfolio: name, ...(await withBatches(live, ({ screen }) => monitor.rescreen({ screen, change: null, portfolioId: id, progress: options.progress }))) };
}
