// One immutable screening snapshot: the index over the live entities and the matcher. The service
// swaps whole snapshots when a live version changes; worker threads build their own copy.
import type { FtmEntity } from '../model/entity.ts';
import { CandidateIndex, type Hit, type Scope } from './candidate-index.ts';
import { setHas, type PackedSetsBuilder } from './id-sets.ts';
import type { MatchEngine } from './engine.ts';
import type { Explanation } from './engine-types.ts';
import type { QueryEntity } from './query.ts';
import { bandOf, reasonOf, REVIEW_THRESHOLD, type Band } from './bands.ts';
import type { BriefResult } from './batch-output.ts';

/** Candidates scored per query at most. Recall of candidate generation is measured in bench:screen. */
export const DEFAULT_MAX_CANDIDATES = 32;
/**
 * Candidates whose shared-key weight is below this share of the best candidate's are not scored:
 * on mangled list names the right entity's weight was at least 0.65 of the best in 99.9% of cases,
 * and the cut saves most of the scoring work. The first MIN_SCORED are always scored.
 */
const RELATIVE_CUTOFF = 0.4;
const MIN_SCORED = 3;

export interface ScreenOptions {
  /** Results returned (best first). */
  limit: number;
  /** Score at which a result is a match. */
  threshold: number;
  /** Results scoring at or below this are dropped (yente's `cutoff`). */
  cutoff?: number;
  /** Datasets to screen against; null for all. */
  datasets?: string[] | null;
  /** Datasets and schemata to leave out (yente's exclude_dataset, exclude_schema). */
  excludeDatasets?: string[];
  excludeSchemata?: string[];
  /** Only entities with one of these FtM topics (yente's `topics`). */
  topics?: string[];
  weights?: Record<string, number>;
  /** The matcher to score with (algorithms.ts; absent: the default). */
  algorithm?: string;
  maxCandidates?: number;
  /**
   * Only the candidates in the index's slots marked 1 are scored (CandidateIndex.slotsOf): candidates are
   * found and cut as in a screening of all, and the others passed over. A delta re-screen's sieve: the
   * targets a list change added or changed, scored exactly where a full re-screen scores them.
   */
  within?: Uint8Array;
  /**
   * Candidates that also carry values the reader may not see (a confidential workspace's claims):
   * held back unscored, for the caller to score on their visible values only (ScreeningService).
   */
  holdBack?: (entity: FtmEntity) => boolean;
}

export interface ScoredEntity {
  entity: FtmEntity;
  score: number;
  match: boolean;
  /** match / review / clear (bands.ts). */
  band: Band;
  explanations: Explanation[];
  features: Record<string, number>;
  /** Orders results of equal score (the matcher's evidence beyond a score of 1). */
  rank?: number;
}

export interface ScreenOutcome {
  results: ScoredEntity[];
  /** Number of candidates that are matches (yente's `total`). */
  matches: number;
  /** Candidates scored. */
  candidates: number;
  /** Candidates held back by `holdBack`, in neither `results` nor `matches`. */
  heldBack: FtmEntity[];
}

/**
 * What a monitored record was and is scored against. `known`: with `within`, the targets it was scored
 * against before (sorted id hashes, id-sets.ts); its candidates not among them are scored too: a target
 * that entered its candidates since (their ranking moved with the list) is scored by a full re-screen,
 * and nothing says how it scores. `considered` receives the targets a screening with all scored scores
 * (the candidates before the cut), to be kept as the next `known`.
 */
export interface ConsideredTargets {
  known?: Uint32Array;
  considered?: PackedSetsBuilder;
}

export type { BriefResult } from './batch-output.ts';

export class Screener {
  constructor(
    readonly index: CandidateIndex,
    readonly engine: MatchEngine,
  ) {}

  static build(entities: Iterable<FtmEntity>, engine: MatchEngine): Screener {
    return new Screener(CandidateIndex.build(entities, engine), engine);
  }

  screen(query: QueryEntity, options: ScreenOptions, targets?: ConsideredTargets): ScreenOutcome {
    const { scored, matches, candidates, heldBack } = this.scoreCandidates(query, options, undefined, targets);
    scored.sort(bestFirst);
    return { results: scored.slice(0, options.limit), matches, candidates, heldBack };
  }

  /**
   * Whether `screen` would return a result that is not clear: what a sieve asks, without the
   * results. It stops at the first candidate scoring at the review threshold or above (the best
   * result is then not clear either); otherwise it ranks what was scored as `screen` does, because a
   * near-exact name scoring lower is not clear only when it is among the `limit` best.
   */
  sifts(query: QueryEntity, options: ScreenOptions, targets?: ConsideredTargets): boolean {
    const review = Math.min(REVIEW_THRESHOLD, options.threshold);
    const { scored, stopped } = this.scoreCandidates(query, options, (r) => r.score >= review, targets);
    if (stopped) return true;
    scored.sort(bestFirst);
    return scored.slice(0, options.limit).some((r) => r.band !== 'clear');
  }

  /** The candidates of `query` scored (above the cutoff), in candidate order; stops after the first one `stop` accepts. */
  private scoreCandidates(query: QueryEntity, options: ScreenOptions, stop?: (r: ScoredEntity) => boolean, targets?: ConsideredTargets): Omit<ScreenOutcome, 'results'> & { scored: ScoredEntity[]; stopped: boolean } {
    const scope: Scope = this.index.scope(options.datasets ?? null, query.schema);
    const keys = this.index.queryKeys(query, this.engine);
    const hits = this.index.candidates(keys, scope, options.maxCandidates ?? DEFAULT_MAX_CANDIDATES);
    const excludedDatasets = new Set(options.excludeDatasets ?? []);
    const excludedSchemata = new Set(options.excludeSchemata ?? []);
    const cutoff = options.cutoff ?? 0;
    const compareOptions = { threshold: options.threshold, weights: options.weights, algorithm: options.algorithm };
    let prepared: unknown; // made when the first candidate is scored
    const scored: ScoredEntity[] = [];
    const heldBack: FtmEntity[] = [];
    let matches = 0;
    const floor = (hits[0]?.weight ?? 0) * RELATIVE_CUTOFF;
    let cut = hits.length;
    for (let i = MIN_SCORED; i < hits.length; i++) {
      if (hits[i].weight < floor) {
        cut = i;
        break;
      }
    }
    const known = targets?.known;
    if (targets?.considered) targets.considered.add(this.idHashes(hits, cut).sort());
    const within = options.within;
    for (let i = 0; i < cut; i++) {
      const hit = hits[i];
      if (within && within[hit.slot] !== 1 && (!known || setHas(known, this.index.idHashOf(hit.slot)))) continue;
      const entity = this.index.entities[hit.slot];
      if (excludedSchemata.has(entity.schema)) continue;
      if (excludedDatasets.size && (entity.datasets ?? []).every((d) => excludedDatasets.has(d))) continue;
      if (options.holdBack?.(entity)) {
        heldBack.push(entity);
        continue;
      }
      if (options.topics?.length && !(entity.properties.topics ?? []).some((t) => options.topics!.includes(t))) continue;
      const result = this.engine.compare((prepared ??= this.engine.prepareQuery(query)), this.index.preparedAt(hit.slot), compareOptions);
      if (!(result.score > cutoff)) continue;
      const match = result.score >= options.threshold;
      if (match) matches++;
      const features = result.features ?? {};
      const r: ScoredEntity = { entity, score: result.score, match, band: bandOf({ score: result.score, features }, options.threshold), explanations: result.explanations, features, rank: result.rank };
      scored.push(r);
      if (stop?.(r)) return { scored, matches, candidates: hits.length, heldBack, stopped: true };
    }
    return { scored, matches, candidates: hits.length, heldBack, stopped: false };
  }

  /** The id hashes of the first `count` hits, in a scratch array (valid until the next call). */
  private idHashes(hits: Hit[], count: number): Uint32Array {
    if (this.hashScratch.length < count) this.hashScratch = new Uint32Array(count);
    for (let i = 0; i < count; i++) this.hashScratch[i] = this.index.idHashOf(hits[i].slot);
    return this.hashScratch.subarray(0, count);
  }
  private hashScratch = new Uint32Array(DEFAULT_MAX_CANDIDATES);

  /** Scores an entity that is not (as it is) in the index, as `screen` scores candidates. */
  score(query: QueryEntity, entity: FtmEntity, options: ScreenOptions): ScoredEntity | null {
    if (options.excludeSchemata?.includes(entity.schema)) return null;
    if (options.excludeDatasets?.length && (entity.datasets ?? []).every((d) => options.excludeDatasets!.includes(d))) return null;
    if (options.topics?.length && !(entity.properties.topics ?? []).some((t) => options.topics!.includes(t))) return null;
    const result = this.engine.compare(this.engine.prepareQuery(query), this.engine.prepare(entity), { threshold: options.threshold, weights: options.weights, algorithm: options.algorithm });
    if (!(result.score > (options.cutoff ?? 0))) return null;
    const features = result.features ?? {};
    return { entity, score: result.score, match: result.score >= options.threshold, band: bandOf({ score: result.score, features }, options.threshold), explanations: result.explanations, features, rank: result.rank };
  }
}

/** Best score first; ties by the matcher's rank, then by id (stable answers). */
export function bestFirst(a: ScoredEntity, b: ScoredEntity): number {
  return b.score - a.score || (b.rank ?? b.score) - (a.rank ?? a.score) || a.entity.id.localeCompare(b.entity.id);
}

/** One query's results as JSON text (an array of BriefResult): strings cross threads cheaply. */
export interface ScreenedJson {
  json: string;
  /** Whether any result is a match. */
  matched: boolean;
  /** The best band among the results (clear without results). */
  band: Band;
}

export function screenedJson(results: ScoredEntity[]): ScreenedJson {
  return { json: JSON.stringify(results.map(briefResult)), matched: results.some((r) => r.match), band: bestBand(results) };
}

function bestBand(results: ScoredEntity[]): Band {
  return results.some((r) => r.band === 'match') ? 'match' : results.some((r) => r.band === 'review') ? 'review' : 'clear';
}

/** A scored result as it crosses threads: the entity by id (the receiver holds the same index). */
type ScoredJson = Omit<ScoredEntity, 'entity'> & { id: string };

/** One query's results whole (features and rank too, which BriefResult leaves out), as JSON text. */
export function scoredJson(results: ScoredEntity[]): ScreenedJson {
  const json = JSON.stringify(results.map(({ entity, ...rest }): ScoredJson => ({ id: entity.id, ...rest })));
  return { json, matched: results.some((r) => r.match), band: bestBand(results) };
}

/** `scoredJson`'s text read back, each entity taken from `entities` (by id: the index the thread screened with). */
export function fromScoredJson(json: string, entities: ReadonlyMap<string, FtmEntity>): ScoredEntity[] {
  return (JSON.parse(json) as ScoredJson[]).map(({ id, ...rest }) => ({ entity: entities.get(id)!, ...rest }));
}

export function briefResult(r: ScoredEntity): BriefResult {
  const e = r.entity;
  return {
    id: e.id,
    caption: e.caption ?? e.id,
    schema: e.schema,
    score: r.score,
    band: r.band,
    match: r.match,
    target: e.target === true,
    reason: reasonOf(r.band, r.score, r.explanations),
    referents: e.referents ?? [],
    datasets: e.datasets ?? [],
    explanations: r.explanations,
  };
}
