// The screening service: builds the index from the live entities at start, rebuilds it in the
// background when a live dataset version switches and swaps it in atomically (requests in flight
// keep the snapshot they started with), and backs /match, /search and /reconcile.
import type { FtmEntity } from '../model/entity.ts';
import { NotFoundError } from '../model/errors.ts';
import { MATCHABLE_SCHEMATA } from '../model/ftm.ts';
import type { DatasetVersion, EntityReader } from '../store/types.ts';
import { describeMatcher } from './algorithms.ts';
import { loadEngine, type MatchEngine } from './engine.ts';
import { parseMatchRequest, scoredResponse, type MatchParams, type MatchResponse } from './match.ts';
import { listParam } from '../model/params.ts';
import { parseReconcileQueries, reconcileCandidate, type ReconcileCandidate } from './reconcile.ts';
import { CandidateIndex } from './candidate-index.ts';
import { indexSnapshotKey, loadIndexSnapshot, saveIndexSnapshot } from './index-snapshot.ts';
import { Screener, type ScreenOptions } from './screener.ts';
import { parseSearchParams, search, type SearchParams, type SearchResponse } from './search.ts';

/** `{dataset}` in the paths: a dataset name, or this for all live datasets. */
export const ALL_DATASETS = 'default';

export interface ScreeningServiceOptions {
  /** Subscribes to live-version switches, e.g. `(fn) => store.onLiveChange(fn)`; returns an unsubscribe. */
  subscribe?: (listener: (dataset: string) => void) => () => void;
  /** Matcher override (tests). */
  engine?: MatchEngine;
  /** Candidates scored per query. */
  maxCandidates?: number;
  log?: (message: string) => void;
  /** Where the built index is kept for the next start (index-snapshot.ts); none: always build. */
  snapshotDir?: string;
}

export interface ScreeningStats {
  ready: boolean;
  building: boolean;
  entities: number;
  keys: number;
  datasets: { name: string; version: string; publishedAt: string | null }[];
  buildMs: number | null;
  /** Of buildMs, the time spent reading entities from the store. */
  loadMs: number | null;
  builtAt: string | null;
  /** Heap growth while the index was built, and the process heap now. */
  memory: { indexHeapBytes: number | null; heapUsedBytes: number; rssBytes: number };
  lastError: string | null;
}

interface Snapshot {
  screener: Screener;
  versions: DatasetVersion[];
  /** Reading the live entities from the store (part of buildMs). */
  loadMs: number;
  buildMs: number;
  builtAt: string;
  heapBytes: number;
}

export class ScreeningService {
  private snapshot: Snapshot | null = null;
  private building: Promise<void> | null = null;
  private dirty = false;
  private subscribed = false;
  private unsubscribe: (() => void) | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly reader: EntityReader,
    private readonly options: ScreeningServiceOptions = {},
  ) {}

  /** Starts the first build and the subscription to live changes. Idempotent. */
  start(): Promise<void> {
    if (!this.subscribed) {
      this.subscribed = true;
      this.unsubscribe = this.options.subscribe?.(() => this.refresh()) ?? null;
    }
    if (this.snapshot) return Promise.resolve();
    return this.building ?? this.rebuild(); // a failed first build is retried by the next caller
  }

  /** Resolves once an index is available (starts the build if nobody did). */
  async ready(): Promise<void> {
    await this.start();
  }

  isReady(): boolean {
    return this.snapshot !== null;
  }

  /** Schedules a rebuild; several changes in a row cause at most one more build. */
  refresh(): void {
    if (this.building) {
      this.dirty = true;
      return;
    }
    void this.rebuild().catch(() => undefined); // failures are kept in lastError; the old index stays
  }

  private rebuild(): Promise<void> {
    const run = (async () => {
      try {
        do {
          this.dirty = false;
          this.snapshot = await this.build();
          this.lastError = null;
          this.warm(this.snapshot.screener);
          this.options.log?.(`screening index: ${this.snapshot.screener.index.size} entities in ${Math.round(this.snapshot.buildMs)} ms`);
        } while (this.dirty);
      } catch (err) {
        this.lastError = (err as Error).message;
        this.options.log?.(`screening index build failed: ${this.lastError}`);
        if (!this.snapshot) throw err;
      } finally {
        this.building = null;
      }
    })();
    this.building = run;
    return run;
  }

  /** Prepares the new index's entities for the matcher in small slices between requests. */
  private warm(screener: Screener): void {
    const step = () => {
      if (this.snapshot?.screener !== screener) return; // replaced meanwhile
      const start = performance.now();
      let more = true;
      while (more && performance.now() - start < 4) more = screener.index.prepareSome(10);
      if (more) setImmediate(step);
    };
    setImmediate(step);
  }

  private async build(): Promise<Snapshot> {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const engine = this.options.engine ?? (await loadEngine());
    const versions = await this.reader.liveVersions();
    // Start-up speed: the index of these live versions as saved by the last build (index-snapshot.ts).
    const dir = this.options.engine ? undefined : this.options.snapshotDir;
    const key = dir ? indexSnapshotKey(versions, 'default') : '';
    const saved = dir ? await loadIndexSnapshot(dir, key, engine) : undefined;
    const entities = saved ? [] : await loadScreenableEntities(this.reader);
    const loaded = performance.now();
    const index = saved ?? (await CandidateIndex.buildAsync(entities, engine));
    if (dir && !saved && indexSnapshotKey(await this.reader.liveVersions(), 'default') === key) {
      await saveIndexSnapshot(dir, key, index).catch((err) => this.options.log?.(`screening index not saved: ${(err as Error).message}`));
    }
    const screener = new Screener(index, engine);
    return {
      screener,
      versions,
      loadMs: loaded - started,
      buildMs: performance.now() - started,
      builtAt: new Date().toISOString(),
      heapBytes: Math.max(0, process.memoryUsage().heapUsed - heapBefore),
    };
  }

  private async current(): Promise<Snapshot> {
    if (!this.snapshot) await this.start();
    return this.snapshot!;
  }

  private datasetScope(snapshot: Snapshot, dataset: string): string[] | null {
    return datasetScope(snapshot.versions, dataset);
  }

  /** The default threshold of the matcher. */
  async defaultThreshold(): Promise<number> {
    return (await this.current()).screener.engine.defaultThreshold;
  }

  /** yente's `POST /match/{dataset}`. */
  async match(dataset: string, body: unknown, params: MatchParams = {}): Promise<MatchResponse> {
    const snapshot = await this.current();
    let scope = this.datasetScope(snapshot, dataset);
    const include = listParam(params.include_dataset, 'include_dataset');
    if (include.length) scope = (scope ?? include).filter((d) => include.includes(d));
    const { screener } = snapshot;
    const request = parseMatchRequest(body, params, screener.engine.defaultThreshold);
    const options: ScreenOptions = { ...request.options, datasets: scope, maxCandidates: this.options.maxCandidates };
    const responses: MatchResponse['responses'] = {};
    for (const [key, query] of request.queries) {
      const outcome = screener.screen(query, options);
      responses[key] = {
        status: 200,
        results: outcome.results.map(scoredResponse),
        total: { value: outcome.matches, relation: 'eq' },
        query: { id: query.id, schema: query.schema, properties: query.properties },
      };
    }
    return { responses, matcher: describeMatcher(request.options.algorithm, request.options.threshold), limit: request.options.limit };
  }

  /** `GET /search/{dataset}`. */
  async search(dataset: string, params: SearchParams): Promise<SearchResponse> {
    const snapshot = await this.current();
    const scope = this.datasetScope(snapshot, dataset);
    return search(snapshot.screener, parseSearchParams(params), scope);
  }

  /** `POST /reconcile/{dataset}`: the `queries` form field, raw or parsed. */
  async reconcile(dataset: string, queries: unknown): Promise<Record<string, { result: ReconcileCandidate[] }>> {
    const snapshot = await this.current();
    const scope = this.datasetScope(snapshot, dataset);
    const { screener } = snapshot;
    const threshold = screener.engine.defaultThreshold;
    const out: Record<string, { result: ReconcileCandidate[] }> = {};
    for (const [key, q] of parseReconcileQueries(queries)) {
      const outcome = screener.screen(q.query, { limit: q.limit, threshold, datasets: scope, maxCandidates: this.options.maxCandidates });
      out[key] = { result: outcome.results.map(reconcileCandidate) };
    }
    return out;
  }

  /** Throws NotFoundError for an unknown dataset (the reconcile manifest checks this). */
  async checkDataset(dataset: string): Promise<void> {
    this.datasetScope(await this.current(), dataset);
  }

  /** The current snapshot's screener (CLI batch screening, benchmarks). */
  async screener(): Promise<Screener> {
    return (await this.current()).screener;
  }

  stats(): ScreeningStats {
    const s = this.snapshot;
    const mem = process.memoryUsage();
    return {
      ready: s !== null,
      building: this.building !== null,
      entities: s?.screener.index.size ?? 0,
      keys: s?.screener.index.keyCount ?? 0,
      datasets: (s?.versions ?? []).map((v) => ({ name: v.dataset, version: v.version, publishedAt: v.publishedAt })),
      buildMs: s ? Math.round(s.buildMs) : null,
      loadMs: s ? Math.round(s.loadMs) : null,
      builtAt: s?.builtAt ?? null,
      memory: { indexHeapBytes: s?.heapBytes ?? null, heapUsedBytes: mem.heapUsed, rssBytes: mem.rss },
      lastError: this.lastError,
    };
  }

  /** Stops listening for live changes; waits for a build in progress. */
  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.building?.catch(() => undefined);
  }
}

/** The scope a dataset name gives among live versions: null for all, or [name]; an unknown name is NotFoundError. */
export function datasetScope(versions: DatasetVersion[], dataset: string): string[] | null {
  if (dataset === ALL_DATASETS) return null;
  if (!versions.some((v) => v.dataset === dataset)) {
    const known = versions.map((v) => v.dataset).sort();
    throw new NotFoundError(`dataset "${dataset.slice(0, 60)}" not found (live datasets: ${[ALL_DATASETS, ...known].join(', ')})`);
  }
  return [dataset];
}

/** Every live entity of a screenable schema, assembled. */
export async function loadScreenableEntities(reader: EntityReader, datasets?: string[]): Promise<FtmEntity[]> {
  const entities: FtmEntity[] = [];
  for await (const e of reader.iterateEntities({ schemata: [...MATCHABLE_SCHEMATA], datasets })) entities.push(e);
  return entities;
}
