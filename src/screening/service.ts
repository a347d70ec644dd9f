// The screening service: builds the index from the live entities at start, rebuilds it in the
// background when a live dataset version switches, takes an analyst edit in by updating just the
// edited entities (index-update.ts), and swaps each new index in atomically (requests in flight
// keep the snapshot they started with). It backs /match, /search and /reconcile.
import { assembleEntity, type FtmEntity } from '../model/entity.ts';
import { NotFoundError } from '../model/errors.ts';
import { MATCHABLE_SCHEMATA, schemaIsA } from '../model/ftm.ts';
import type { Statement } from '../model/statement.ts';
import { isEditedInPlace, redoSinceSaved, isSanctionsList, isTarget, sanctionsLists, targetIds } from '../model/targets.ts';
import { queryBand } from './bands.ts';
import type { DatasetVersion, EntityReader } from '../store/types.ts';
import { describeMatcher } from './algorithms.ts';
import { ALL_DATASETS, EVERY_DATASET } from './scopes.ts';
import { loadEngine, type MatchEngine } from './engine.ts';
import { parseMatchRequest, scoredResponse, type MatchParams, type MatchResponse } from './match.ts';
import { listParam } from '../model/params.ts';
import { visibleStatements, type Sees } from '../model/visibility.ts';
import { parseReconcileQueries, reconcileCandidate, type ReconcileCandidate } from './reconcile.ts';
import { CandidateIndex } from './candidate-index.ts';
import { indexFromBytes, indexSnapshotKey, readSavedIndex, savedIndexKeys, saveIndexSnapshot, savePreparedSnapshot } from './index-snapshot.ts';
import { updateIndex } from './index-update.ts';
import { compareBytes, sortAsStreamed, versionOrder } from '../model/stream-order.ts';
import { bestFirst, Screener, type ScoredEntity, type ScreenOptions } from './screener.ts';
import { parseSearchParams, search, searchHits, type SearchParams, type SearchResponse } from './search.ts';
import type { QueryEntity } from './query.ts';

/** What an answer was given from: the scope asked for, the datasets it covered, their versions and age. */
export interface AnswerScope {
  /** The path's `{dataset}`: `default`, `all` or a dataset name. */
  name: string;
  /** In words, for the results: "the sanctions lists", "all data", "dataset case_dprk_russia". */
  description: string;
  datasets: string[];
}

export interface ListFreshness {
  dataset: string;
  version: string;
  published_at: string | null;
  /** Days since publication; null when unknown. */
  age_days: number | null;
  stale: boolean;
  /** A list its publisher no longer issues (ingest/freshness.ts), when the freshness rule says so. */
  retired?: { on: string; supersededBy: string; note: string } | null;
  warning: string | null;
}

/** Freshness of a dataset version (the adapter passes ingest/freshness.ts with the configured age). */
export type FreshnessOf = (version: DatasetVersion) => { stale: boolean; warning: string | null; ageDays?: number | null };

export interface AnswerContext {
  scope: AnswerScope;
  lists: ListFreshness[];
  /** Every stale or otherwise flagged list in scope, one sentence each. */
  warnings: string[];
}

export interface ScreeningServiceOptions {
  /**
   * Subscribes to live-version switches, e.g. `(fn) => store.onLiveChange(fn)`; returns an
   * unsubscribe. `appended` (an analyst edit) names the only entities that changed.
   */
  subscribe?: (listener: (dataset: string, appended?: string[]) => void) => () => void;
  /** Matcher override (tests). */
  engine?: MatchEngine;
  /** Candidates scored per query. */
  maxCandidates?: number;
  /** Progress (`info`) and what went wrong with what was done instead (`warn`): the server's log. */
  log?: (message: string, level?: 'info' | 'warn') => void;
  /** Where the built index is kept for the next start (index-snapshot.ts); none: always build. */
  snapshotDir?: string;
  /** Names each answer's list versions with their stale warnings; without it, only versions are named. */
  freshness?: FreshnessOf;
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
  /** Answer contexts by scope, with when they were computed (ages change by the day). */
  contexts: Map<string, { at: number; context: AnswerContext }>;
  /** The index this service started with, saved under `key` in `dir` without prepared forms beside it: they are saved once warming has made them all. */
  preparedGoTo?: { dir: string; key: string };
}

export class ScreeningService {
  private snapshot: Snapshot | null = null;
  private building: Promise<void> | null = null;
  /** A full build is due (a list or a whole dataset changed). */
  private dirty = false;
  /** Entities an analyst edit changed (or targets a judgement made), to be taken into the current index. */
  private readonly edited = new Set<string>();
  /** Ids whose entries leave the current index with the next update (the records of targets a judgement changed). */
  private readonly leaving = new Set<string>();
  private subscribed = false;
  private unsubscribe: (() => void) | null = null;
  private lastError: string | null = null;
  /** Settles when the last index warmed (warm) is. */
  private warming: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly reader: EntityReader,
    private readonly options: ScreeningServiceOptions = {},
  ) {}

  /** Starts the first build and the subscription to live changes. Idempotent. */
  start(): Promise<void> {
    if (!this.subscribed) {
      this.subscribed = true;
      this.unsubscribe = this.options.subscribe?.((dataset, appended) => this.changed(dataset, appended)) ?? null;
    }
    if (this.snapshot) return Promise.resolve();
    return this.building ?? this.rebuild(); // a failed first build is retried by the next caller
  }

  /** Resolves once an index is available (starts the build if nobody did). */
  async ready(): Promise<void> {
    await this.start();
  }

  /** Resolves once no build or edit is in progress (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.building) await this.building.catch(() => undefined);
  }

  isReady(): boolean {
    return this.snapshot !== null;
  }

  /** Schedules a rebuild; several changes in a row cause at most one more build. */
  refresh(): void {
    this.dirty = true;
    if (!this.building) void this.rebuild().catch(() => undefined); // failures are kept in lastError; the old index stays
  }

  /**
   * New judgements: the entries of `removed` leave the index and the targets `targets` are read again
   * (src/resolve/service.ts targetChange), instead of a rebuild; a failed update rebuilds.
   */
  retarget(change: { removed: readonly string[]; targets: readonly string[] }): void {
    if (!this.snapshot) return this.refresh();
    for (const id of change.removed) this.leaving.add(id);
    for (const id of change.targets) this.edited.add(id);
    if (!this.building) void this.rebuild().catch(() => undefined);
  }

  /**
   * A live change: an analyst edit (entities appended to a dataset that is not a sanctions list)
   * updates just those entities; anything else rebuilds.
   */
  private changed(dataset: string, appended?: string[]): void {
    const version = this.snapshot?.versions.find((v) => v.dataset === dataset);
    if (!appended || !this.snapshot || (version && isSanctionsList(version))) return this.refresh();
    for (const id of appended) this.edited.add(id);
    if (!this.building) void this.rebuild().catch(() => undefined);
  }

  private rebuild(): Promise<void> {
    const run = (async () => {
      try {
        do {
          if (this.dirty || !this.snapshot) {
            this.dirty = false;
            this.edited.clear(); // a full build reads them anyway
            this.leaving.clear();
            this.snapshot = await this.build();
            this.lastError = null;
            this.warm(this.snapshot);
            this.options.log?.(`screening index: ${this.snapshot.screener.index.size} entities in ${Math.round(this.snapshot.buildMs)} ms`);
          } else {
            const ids = [...this.edited];
            const leaving = [...this.leaving];
            this.edited.clear();
            this.leaving.clear();
            try {
              this.snapshot = await this.takeIn(this.snapshot, ids, leaving);
              this.warm(this.snapshot);
            } catch (err) {
              this.options.log?.(`screening index: edit of ${ids.length} entities not taken in (${(err as Error).message}); rebuilding`, 'warn');
              this.dirty = true;
            }
          }
        } while (this.dirty || this.edited.size || this.leaving.size);
      } catch (err) {
        this.lastError = (err as Error).message;
        this.options.log?.(`screening index build failed: ${this.lastError}`, 'warn');
        if (!this.snapshot) throw err;
      } finally {
        this.building = null;
      }
    })();
    this.building = run;
    return run;
  }

  /**
   * Prepares the index's entities for the matcher in small slices between requests. The index this
   * service started with, read from or saved as a snapshot, then has them packed (in slices too) and
   * saved beside it, so the next start reads them instead (≈ 0.8 CPU-s against 3.3 over the bundled
   * lists: docs/BENCHMARKS.md). An index rebuilt while running is not: it would cost each list change
   * ≈ 1 CPU-s for a start that may never come.
   */
  private warm(snapshot: Snapshot): void {
    const { screener } = snapshot;
    this.warming = new Promise<void>((resolve) => {
      let packing: ReturnType<CandidateIndex['packingPrepared']> | undefined;
      const step = () => {
        if (this.closed || this.snapshot !== snapshot) return resolve(); // closed or replaced meanwhile
        const start = performance.now();
        let more = true;
        while (more && performance.now() - start < 4) more = packing ? packing.step(20) : screener.index.prepareSome(10);
        if (more) return void setImmediate(step);
        const target = snapshot.preparedGoTo;
        if (!target) return resolve();
        if (!packing) {
          packing = screener.index.packingPrepared();
          return void setImmediate(step);
        }
        snapshot.preparedGoTo = undefined;
        savePreparedSnapshot(target.dir, target.key, 'screening-', packing.packed())
          .catch((err) => this.options.log?.(`prepared names not saved: ${(err as Error).message}`, 'warn'))
          .finally(resolve);
      };
      setImmediate(step);
    });
  }

  /** Resolves once no build is in progress and the current index's entities are all prepared (and saved beside its snapshot, when it is kept). */
  async warmed(): Promise<void> {
    for (;;) {
      await this.settled();
      const warming = this.warming;
      await warming;
      if (warming === this.warming && !this.building) return;
    }
  }

  /** The snapshot with the entities `ids` re-read from the store (an analyst edit, a judgement's targets) and `leaving` taken out; the rest is untouched. */
  private async takeIn(snapshot: Snapshot, ids: string[], leaving: string[] = []): Promise<Snapshot> {
    const started = performance.now();
    const versions = await this.reader.liveVersions();
    const { index, taken, readMs } = await this.readAgain(snapshot.screener.index, snapshot.screener.engine, versions, ids, leaving);
    const buildMs = performance.now() - started;
    this.options.log?.(`screening index: ${taken} edited entities taken in in ${Math.round(buildMs)} ms`);
    return { ...snapshot, screener: new Screener(index, snapshot.screener.engine), versions, loadMs: readMs, buildMs, builtAt: new Date().toISOString(), contexts: new Map() };
  }

  /** `index` with the entities `ids` read again from the store and `leaving` taken out. */
  private async readAgain(index: CandidateIndex, engine: MatchEngine, versions: DatasetVersion[], ids: string[], leaving: string[]): Promise<{ index: CandidateIndex; taken: number; readMs: number }> {
    const started = performance.now();
    const lists = sanctionsLists(versions);
    const replaced = new Set([...ids, ...leaving]);
    const fresh: FtmEntity[] = [];
    const taken = new Set<string>();
    const order = versionOrder(versions);
    for (const id of ids) {
      const statements = await this.reader.getStatements(id);
      // None: the edit went to an id merged into another entity; a rebuild finds it.
      if (statements.length === 0) throw new Error(`edited entity ${id} has no live statements`);
      // A member of a resolved target reads as the whole target, under its canonical id: the target's
      // entry is replaced, as when a judgement has it read again (the member has no entry of its own).
      // As a full build streams them, so values come out in the same order.
      sortAsStreamed(statements, order);
      const entity = assembleEntity(statements.filter(isScreenedStatement));
      if (!entity || taken.has(entity.id)) continue; // two members of one target, or a target and its member
      taken.add(entity.id);
      replaced.add(entity.id);
      const designations = (await this.reader.getReferencing(entity.id)).filter((r) => schemaIsA(r.schema, 'Sanction') && (r.properties.entity ?? []).includes(entity.id));
      entity.target = isTarget(entity, designations, lists);
      fresh.push(entity);
    }
    const readMs = performance.now() - started;
    return { index: await updateIndex(index, engine, replaced, fresh), taken: fresh.length, readMs };
  }

  /**
   * The saved index brought up to date, or none (a full build is due). `exact` was saved under these
   * live versions and judgements; else one saved under earlier judgements has the targets judged
   * since read again. Either way every entity an analyst dataset touches is read again (their
   * versions are left out of the names: an edit appends in place). More than MAX_READ_AGAIN to read
   * costs less as a full build (redoSinceSaved).
   */
  private async fromSaved(dir: string, versions: DatasetVersion[], engine: MatchEngine, exact?: CandidateIndex): Promise<CandidateIndex | undefined> {
    const saved = exact ? [] : savedIndexKeys(dir, 'screening-');
    if (!exact && !saved.length) return undefined;
    const redo = await redoSinceSaved(this.reader, versions, exact ? undefined : (r) => saved.includes(serverIndexKey(versions, r)));
    if (!redo) return undefined;
    const { change, edited, resolutionKey } = redo;
    let index = exact;
    if (!index) {
      const { bytes, prepared } = (await readSavedIndex(dir, serverIndexKey(versions, resolutionKey!), 'screening-')) ?? {};
      index = bytes && indexFromBytes(bytes, engine, prepared);
    }
    if (!index) return undefined;
    const ids = [...new Set([...change.targets, ...edited])];
    if (!ids.length && !change.removed.length) return index;
    try {
      const updated = await this.readAgain(index, engine, versions, ids, change.removed);
      this.options.log?.(`screening index: the saved one, ${updated.taken} judged or edited entities read again`);
      return updated.index;
    } catch (err) {
      // A record gone meanwhile, say: the full build a start did before.
      this.options.log?.(`screening index: the saved one not brought up to date (${(err as Error).message}); building`, 'warn');
      return undefined;
    }
  }

  private async build(): Promise<Snapshot> {
    const first = this.snapshot === null;
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const engine = this.options.engine ?? (await loadEngine());
    const versions = await this.reader.liveVersions();
    // Start-up speed: the index of these live versions as saved by the last build (index-snapshot.ts).
    const dir = this.options.engine ? undefined : this.options.snapshotDir;
    const key = dir ? serverIndexKey(versions, await resolutionKeyOf(this.reader)) : '';
    // With the matcher's prepared forms of every entity, saved beside it by a start before (see warm).
    const { bytes, prepared } = (dir && (await readSavedIndex(dir, key, 'screening-'))) || {};
    const saved = bytes ? indexFromBytes(bytes, engine, prepared) : undefined;
    const updated = dir ? await this.fromSaved(dir, versions, engine, saved) : undefined;
    const entities = updated ? [] : await loadScreenableEntities(this.reader);
    const loaded = performance.now();
    const index = updated ?? (await CandidateIndex.buildAsync(entities, engine));
    let kept = saved !== undefined && updated !== undefined;
    // Saved only if neither a version nor the judgements changed during the build.
    if (dir && !kept && serverIndexKey(await this.reader.liveVersions(), await resolutionKeyOf(this.reader)) === key) {
      kept = await saveIndexSnapshot(dir, key, index).then(
        () => true,
        (err) => (this.options.log?.(`screening index not saved: ${(err as Error).message}`, 'warn'), false),
      );
    }
    const screener = new Screener(index, engine);
    return {
      screener,
      versions,
      loadMs: loaded - started,
      buildMs: performance.now() - started,
      builtAt: new Date().toISOString(),
      heapBytes: Math.max(0, process.memoryUsage().heapUsed - heapBefore),
      contexts: new Map(),
      preparedGoTo: first && kept && !(saved && prepared && saved.hasPacked) ? { dir: dir!, key } : undefined,
    };
  }

  private async current(): Promise<Snapshot> {
    if (!this.snapshot) await this.start();
    return this.snapshot!;
  }

  /** The default threshold of the matcher. */
  async defaultThreshold(): Promise<number> {
    return (await this.current()).screener.engine.defaultThreshold;
  }

  /** yente's `POST /match/{dataset}`. */
  async match(dataset: string, body: unknown, params: MatchParams = {}, sees: Sees = null): Promise<MatchResponse & AnswerContext> {
    const snapshot = await this.current();
    const answer = screeningScope(seenVersions(snapshot, sees), dataset);
    let scope = answer.datasets;
    const include = listParam(params.include_dataset, 'include_dataset');
    if (include.length) scope = scope.filter((d) => include.includes(d));
    const { screener } = snapshot;
    const request = parseMatchRequest(body, params, screener.engine.defaultThreshold);
    // Every live dataset in scope needs no per-candidate check.
    const everything = scope.length === snapshot.versions.length;
    const options: ScreenOptions = { ...request.options, datasets: everything ? null : scope, maxCandidates: this.options.maxCandidates, holdBack: holdBackFor(sees) };
    const responses: MatchResponse['responses'] = {};
    for (const [key, query, warnings] of request.queries) {
      const outcome = await this.screenVisible(screener, query, options, sees);
      const results = outcome.results.map(scoredResponse);
      responses[key] = {
        status: 200,
        results,
        total: { value: outcome.matches, relation: 'eq' },
        band: queryBand(results.map((r) => r.band)),
        query: { id: query.id, schema: query.schema, properties: query.properties },
        warnings,
      };
    }
    return {
      responses,
      matcher: describeMatcher(request.options.algorithm, request.options.threshold),
      limit: request.options.limit,
      ...this.answerContext(snapshot, { ...answer, datasets: scope }),
    };
  }

  /** The scope, list versions and stale warnings that an answer from `dataset` rests on (kept a minute per snapshot and scope). */
  private answerContext(snapshot: Snapshot, scope: AnswerScope): AnswerContext {
    const key = `${scope.name}\u0000${scope.datasets.join(',')}`;
    const cached = snapshot.contexts.get(key);
    const now = Date.now();
    if (cached && now - cached.at < 60_000) return cached.context;
    const context = this.describeAnswer(snapshot, scope);
    snapshot.contexts.set(key, { at: now, context });
    return context;
  }

  private describeAnswer(snapshot: Snapshot, scope: AnswerScope): AnswerContext {
    const lists: ListFreshness[] = [];
    const warnings: string[] = [];
    for (const v of snapshot.versions) {
      if (!scope.datasets.includes(v.dataset)) continue;
      const f = this.options.freshness?.(v);
      // Extra states a freshness rule may add (a retired list) pass through under their own names.
      const { ageDays, publishedAt: _published, ...rest } = (f ?? {}) as { ageDays?: number | null; publishedAt?: unknown } & Record<string, unknown>;
      lists.push({ ...rest, dataset: v.dataset, version: v.version, published_at: v.publishedAt, age_days: ageDays ?? null, stale: f?.stale ?? false, warning: f?.warning ?? null });
      if (f?.warning) warnings.push(f.warning);
    }
    if (scope.datasets.length === 0) warnings.push(`nothing was screened: no dataset of ${scope.description} is live; import or sync the lists first`);
    return { scope, lists, warnings };
  }

  /** `GET /search/{dataset}`. */
  async search(dataset: string, params: SearchParams, sees: Sees = null): Promise<SearchResponse & AnswerContext> {
    const snapshot = await this.current();
    const scope = searchScope(seenVersions(snapshot, sees), dataset);
    const whole = sees === null && (dataset === ALL_DATASETS || dataset === EVERY_DATASET);
    const request = parseSearchParams(params);
    const scopeDatasets = whole ? null : scope.datasets;
    let shown: Map<string, FtmEntity | null> | undefined;
    const holdBack = holdBackFor(sees);
    if (holdBack) {
      // Entities that also carry hidden values: found again among their visible values only, or left out.
      const { screener } = snapshot;
      const mixed = searchHits(screener, request, scopeDatasets).filter(holdBack);
      const visible = await this.visibleEntities(mixed, sees);
      shown = new Map(mixed.map((e) => [e.id, null]));
      const found = request.q ? search(Screener.build(visible, screener.engine), { ...request, offset: 0, limit: visible.length }, null).results.map((r) => r.id) : visible.map((e) => e.id);
      const byId = new Map(visible.map((e) => [e.id, e]));
      for (const id of found) shown.set(id, byId.get(id) ?? null);
    }
    return { ...search(snapshot.screener, request, scopeDatasets, shown), ...this.answerContext(snapshot, scope) };
  }

  /** Screens a query; candidates that carry hidden values are scored again on their visible values alone. */
  private async screenVisible(screener: Screener, query: QueryEntity, options: ScreenOptions, sees: Sees): Promise<{ results: ScoredEntity[]; matches: number }> {
    const outcome = screener.screen(query, options);
    if (!outcome.heldBack.length) return outcome;
    const rescored = (await this.visibleEntities(outcome.heldBack, sees)).flatMap((e) => screener.score(query, e, options) ?? []);
    return { results: [...outcome.results, ...rescored].sort(bestFirst).slice(0, options.limit), matches: outcome.matches + rescored.filter((r) => r.match).length };
  }

  /** Entities as the reader may see them: assembled from their visible statements (none left: left out). */
  private async visibleEntities(entities: FtmEntity[], sees: Sees): Promise<FtmEntity[]> {
    const out = await Promise.all(
      entities.map(async (e) => {
        const visible = assembleEntity(visibleStatements(sees, await this.reader.getStatements(e.id)));
        if (!visible) return null;
        const referents = (e.referents ?? []).filter((ref) => sees === null || sees(ref.slice(0, ref.indexOf(':'))));
        return { ...visible, id: e.id, target: e.target, referents } as FtmEntity;
      }),
    );
    return out.filter((e): e is FtmEntity => e !== null);
  }

  /** `POST /reconcile/{dataset}`: the `queries` form field, raw or parsed; `within` narrows the scope (a key limited to datasets). */
  async reconcile(dataset: string, queries: unknown, sees: Sees = null, within?: readonly string[]): Promise<Record<string, { result: ReconcileCandidate[] }>> {
    const snapshot = await this.current();
    const scope = screeningScope(seenVersions(snapshot, sees), dataset).datasets.filter((d) => !within || within.includes(d));
    const { screener } = snapshot;
    const threshold = screener.engine.defaultThreshold;
    const out: Record<string, { result: ReconcileCandidate[] }> = {};
    for (const [key, q] of parseReconcileQueries(queries)) {
      const outcome = await this.screenVisible(screener, q.query, { limit: q.limit, threshold, datasets: scope, maxCandidates: this.options.maxCandidates, holdBack: holdBackFor(sees) }, sees);
      out[key] = { result: outcome.results.map(reconcileCandidate) };
    }
    return out;
  }

  /** The scope and list versions a screening of `dataset` (within some datasets) rests on; reconcile answers do not carry them. */
  async screeningContext(dataset: string, within?: readonly string[]): Promise<AnswerContext> {
    const snapshot = await this.current();
    const answer = screeningScope(snapshot.versions, dataset);
    return this.answerContext(snapshot, within ? { ...answer, datasets: answer.datasets.filter((d) => within.includes(d)) } : answer);
  }

  /** Throws NotFoundError for an unknown dataset (the reconcile manifest checks this). */
  async checkDataset(dataset: string, sees: Sees = null): Promise<void> {
    screeningScope(seenVersions(await this.current(), sees), dataset);
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

  /** Stops listening for live changes and warming; waits for a build in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.building?.catch(() => undefined);
    await this.warming;
  }
}

/** Which entities carry values the reader may not see (null: none can). */
function holdBackFor(sees: Sees): ((e: FtmEntity) => boolean) | undefined {
  return sees === null ? undefined : (e) => !(e.datasets ?? []).every(sees);
}

/** The live versions of the datasets the reader may see: a hidden one is as unknown as a missing one. */
function seenVersions(snapshot: Snapshot, sees: Sees): DatasetVersion[] {
  return sees === null ? snapshot.versions : snapshot.versions.filter((v) => sees(v.dataset));
}

/** What screening covers: `default` the sanctions lists, `all` every live dataset, else the named one. */
export function screeningScope(versions: DatasetVersion[], dataset: string): AnswerScope {
  if (dataset === ALL_DATASETS) {
    const lists = [...sanctionsLists(versions)].sort();
    return { name: dataset, description: `the sanctions lists (${lists.join(', ') || 'none live'})`, datasets: lists };
  }
  if (dataset === EVERY_DATASET && !versions.some((v) => v.dataset === EVERY_DATASET)) {
    return { name: dataset, description: 'all data, including case files and analysts\' datasets', datasets: versions.map((v) => v.dataset).sort() };
  }
  return namedScope(versions, dataset);
}

/** What search covers: `default` and `all` every live dataset, else the named one. */
export function searchScope(versions: DatasetVersion[], dataset: string): AnswerScope {
  if (dataset === ALL_DATASETS || (dataset === EVERY_DATASET && !versions.some((v) => v.dataset === EVERY_DATASET))) {
    return { name: dataset, description: 'all data', datasets: versions.map((v) => v.dataset).sort() };
  }
  return namedScope(versions, dataset);
}

function namedScope(versions: DatasetVersion[], dataset: string): AnswerScope {
  const version = versions.find((v) => v.dataset === dataset);
  if (!version) {
    const known = versions.map((v) => v.dataset).sort();
    throw new NotFoundError(`dataset "${dataset.slice(0, 60)}" not found (live datasets: ${[ALL_DATASETS, EVERY_DATASET, ...known].join(', ')})`);
  }
  const kind = isSanctionsList(version) ? 'sanctions list' : 'dataset (not a sanctions list)';
  return { name: dataset, description: `${kind} ${dataset}`, datasets: [dataset] };
}

/** The name of the index a server saves: the live versions but analyst datasets (see isEditedInPlace), and the judgements. */
export function serverIndexKey(versions: DatasetVersion[], resolutionKey: string): string {
  return indexSnapshotKey(versions.filter((v) => !isEditedInPlace(v)), 'default', resolutionKey);
}

/**
 * The judgements a resolving reader (src/resolve/service.ts liveResolvedReader) resolves with, for
 * saved-index names; a reader of records as listed has none.
 */
export async function resolutionKeyOf(reader: EntityReader): Promise<string> {
  return (await reader.resolutionKey?.()) ?? '';
}

/** The statements a full build reads (loadScreenableEntities' schemata and their relatives). */
function isScreenedStatement(s: Statement): boolean {
  return [...MATCHABLE_SCHEMATA].some((m) => schemaIsA(s.schema, m) || schemaIsA(m, s.schema));
}

/** Every live entity of a screenable schema, assembled, with `target` set by the one rule (src/model/targets.ts). */
export async function loadScreenableEntities(reader: EntityReader, datasets?: string[]): Promise<FtmEntity[]> {
  const lists = sanctionsLists(await reader.liveVersions());
  // The lists' Sanction entities come in the same pass when the scope holds every list (cheaper than a second scan).
  const onePass = !datasets || [...lists].every((d) => datasets.includes(d));
  const entities: FtmEntity[] = [];
  const sanctions: FtmEntity[] = [];
  for await (const e of reader.iterateEntities({ schemata: onePass ? [...MATCHABLE_SCHEMATA, 'Sanction'] : [...MATCHABLE_SCHEMATA], datasets })) {
    if (e.schema === 'Sanction') sanctions.push(e);
    else entities.push(e);
  }
  if (!onePass && lists.size) for await (const s of reader.iterateEntities({ schemata: ['Sanction'], datasets: [...lists] })) sanctions.push(s);
  const targets = targetIds(entities, sanctions, lists);
  for (const e of entities) e.target = targets.has(e.id);
  // In id order (a resolving reader gives merged targets last): an edit's update finds slots by id.
  const sorted = entities.every((e, i) => i === 0 || compareBytes(entities[i - 1].id, e.id) <= 0);
  return sorted ? entities : entities.sort((a, b) => compareBytes(a.id, b.id));
}
