// The resolver's domain functions, shared by the CLI and the HTTP routes: judge, cross-reference,
// list candidates, import and export judgements, and read resolved entities.
import { entityIdOf } from '../model/entity.ts';
import { ConflictError, ValidationError } from '../model/errors.ts';
import type { EntityFilter, EntityReader, ResolutionChange, Store } from '../store/types.ts';
import { pairKey, type Judgement, type JudgementInput } from './judgements.ts';
import { judgementLine, parseJudgementLines } from './interop.ts';
import { ResolvedReader, type ResolvedEntity } from './reader.ts';
import { Resolution } from './resolution.ts';
import { planSplit } from './split.ts';
import { onJudgementsAppended, ResolveStore, type CandidateQuery } from './store.ts';
import { SqlStore } from '../store/sql-store.ts';
import { DEFAULT_AUTO_THRESHOLD } from './thresholds.ts';
import { autoMerges, findCandidates, machineJudgement, statusOf, type Candidate, type CandidateStatus, type XrefOptions } from './xref.ts';

export interface XrefReport {
  targets: number;
  candidates: number;
  /** Candidates with a judgement in force (or already in one target) after this run. */
  decided: number;
  waiting: number;
  /** Contradicted official cross-references: possible list errors, waiting for a person. */
  flagged: number;
  /** Machine `same` judgements this run added. */
  merged: number;
  millis: number;
}

export interface CandidatePage {
  total: number;
  offset: number;
  limit: number;
  results: (Candidate & { status: CandidateStatus })[];
}

const resolvers = new WeakMap<Store, Resolver>();

/** One resolver per store, so its judgement log and resolution are read once and reused. */
export function resolverFor(store: Store): Resolver {
  let r = resolvers.get(store);
  if (!r) resolvers.set(store, (r = new Resolver(store)));
  return r;
}

/** An EntityReader that also names the judgements it resolves with (for saved-index keys). */
export interface LiveResolvedReader extends EntityReader {
  /** Changes whenever the judgements in force change: `j<last sequence number>`. */
  resolutionKey(): Promise<string>;
  changeSinceSaved(saved: (resolutionKey: string) => boolean): Promise<{ resolutionKey: string; change: TargetChange } | undefined>;
}

/**
 * An EntityReader over the live lists that resolves with the judgements in force at each call (the
 * log is re-read only when it has grown), for services built once and queried many times.
 */
export function liveResolvedReader(store: Store): LiveResolvedReader {
  const current = () => resolverFor(store).reader();
  async function* entities(filter?: EntityFilter) {
    yield* (await current()).iterateEntities(filter);
  }
  async function* statements(filter?: EntityFilter) {
    yield* (await current()).iterateStatements(filter);
  }
  return {
    getEntity: async (id) => (await current()).getEntity(id),
    getStatements: async (id) => (await current()).getStatements(id),
    getReferencing: async (id) => (await current()).getReferencing(id),
    iterateEntities: entities,
    iterateStatements: statements,
    liveVersions: () => store.liveVersions(),
    resolutionKey: async () => `j${await resolverFor(store).judgementsStore.lastSeq()}`,
    // The log is append-only: what was in force at `j<n>` is its judgements up to n.
    changeSinceSaved: async (saved) => {
      const now = await resolverFor(store).resolution();
      const seqs = now.log.map((j) => j.seq);
      const seq = [...seqs.slice(0, -1).reverse(), 0].find((n) => saved(`j${n}`));
      if (seq === undefined) return undefined;
      return { resolutionKey: `j${seq}`, change: targetChange(new Resolution(now.log.filter((j) => j.seq <= seq)), now) };
    },
  };
}

/** What screening and the graph read: resolved entities where the store keeps judgements (SQL), else the records. */
export function downstreamReader(store: Store): EntityReader {
  return store instanceof SqlStore ? liveResolvedReader(store) : store;
}

/**
 * What new judgements change downstream: the ids whose entries go (the records of every target they
 * touch, before and after, and those targets' former ids) and the targets to read again (the ids
 * those records resolve to now). Everything else stays as it was.
 */
export type TargetChange = ResolutionChange;

/** The targets the judgements after `before` touch, comparing the resolution before and after them. */
export function targetChange(before: Resolution, after: Resolution): TargetChange {
  const known = new Set(before.log.map((j) => j.seq));
  const records = new Set<string>();
  for (const j of after.log) {
    if (known.has(j.seq)) continue;
    for (const id of [j.left, j.right]) {
      for (const m of before.members(before.canonical(id))) records.add(m);
      for (const m of after.members(after.canonical(id))) records.add(m);
    }
  }
  const removed = new Set<string>();
  const targets = new Set<string>();
  for (const r of records) {
    removed.add(r).add(before.canonical(r)).add(after.canonical(r));
    targets.add(after.canonical(r));
  }
  return { removed: [...removed].sort(), targets: [...targets].sort() };
}

/**
 * Calls `onChange` when the judgements in force change: at once for this process's appends, and
 * within `intervalMs` for another's (the CLI's `judge`, `xref` or `import` beside a server), with
 * the targets they touch (see TargetChange; none when that cannot be told: rebuild).
 */
export function watchJudgements(store: Store, onChange: (change?: TargetChange) => void, intervalMs = 2_000): { check(): Promise<void>; stop(): void } {
  if (!(store instanceof SqlStore)) return { check: async () => undefined, stop: () => undefined };
  const resolver = resolverFor(store);
  const judgements = resolver.judgementsStore;
  let known: number | undefined;
  let resolution: Resolution | undefined;
  let chain: Promise<void> = Promise.resolve();
  const check = () =>
    (chain = chain.then(async () => {
      const seq = await judgements.lastSeq().catch(() => known);
      if (seq === undefined) return;
      if (known !== undefined && seq === known) return;
      const before = resolution;
      resolution = await resolver.resolution().catch(() => undefined);
      // The log read may be newer than `seq`: what it holds is what has been told.
      const told = resolution ? (resolution.log.at(-1)?.seq ?? 0) : seq;
      if (known !== undefined && told !== known) onChange(before && resolution ? targetChange(before, resolution) : undefined);
      known = told;
    }));
  void check();
  const unsubscribe = onJudgementsAppended(store, () => void check());
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    check,
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}

export interface MemberView {
  id: string;
  referent: string;
  dataset: string;
  /** The `same` judgements in force that hold this record in its target. */
  judgements: Judgement[];
}

export class Resolver {
  readonly judgementsStore: ResolveStore;
  private resolved: { log: readonly Judgement[]; resolution: Resolution } | undefined;

  constructor(readonly store: Store) {
    this.judgementsStore = ResolveStore.of(store);
  }

  async resolution(): Promise<Resolution> {
    const log = await this.judgementsStore.judgements();
    if (this.resolved?.log !== log) this.resolved = { log, resolution: new Resolution(log) };
    return this.resolved.resolution;
  }

  /** The member records of a target with the judgements behind each (a record alone: itself, none). */
  async members(id: string): Promise<MemberView[]> {
    const resolution = await this.resolution();
    const reader = new ResolvedReader(this.store, resolution);
    const entity = await reader.getResolved(id);
    return (entity?.members ?? []).map((m) => ({ ...m, judgements: resolution.judgementsOf(m.id) }));
  }

  /** An EntityReader that hands out resolved entities (for screening, graph and transfers). */
  async reader(): Promise<ResolvedReader> {
    return new ResolvedReader(this.store, await this.resolution());
  }

  /** Records judgements (all or nothing); canonical ids and referents are accepted and stored as a member record. */
  async judge(inputs: JudgementInput[]): Promise<Judgement[]> {
    if (!inputs.length) throw new ValidationError('judgements', 'at least one judgement is required');
    const resolution = await this.resolution();
    return this.judgementsStore.append(inputs, (id) => resolution.memberFor(entityIdOf(id)));
  }

  /** Splits a record off its target (src/resolve/split.ts): every other member stays where it was. */
  async split(member: string, author: string, reason: string): Promise<Judgement[]> {
    return this.judgementsStore.append(planSplit(await this.resolution(), entityIdOf(member), author, reason));
  }

  /** Finds candidates, stores them, and records machine `same` judgements for the pairs it may merge. */
  async xref(options: XrefOptions & { autoThreshold?: number } = {}): Promise<XrefReport> {
    const threshold = options.autoThreshold ?? DEFAULT_AUTO_THRESHOLD;
    if (!(threshold > 0 && threshold <= 1)) throw new ValidationError('auto-threshold', 'must be a number above 0 and at most 1');
    const findings = await findCandidates(this.store, options);
    await this.judgementsStore.saveCandidates(findings.candidates, options.datasets);
    const before = await this.resolution();
    const proposals = findings.candidates.filter((c) => autoMerges(c, threshold) && statusOf(c, before) === 'waiting');
    const merged = await this.appendMachine(proposals.map(machineJudgement), before);
    const after = await this.resolution();
    const statuses = findings.candidates.map((c) => statusOf(c, after));
    return {
      targets: findings.targets,
      candidates: findings.candidates.length,
      decided: statuses.filter((s) => s === 'decided').length,
      waiting: statuses.filter((s) => s === 'waiting').length,
      flagged: statuses.filter((s) => s === 'flagged').length,
      merged,
      millis: findings.millis,
    };
  }

  /** Machine judgements never override a person: those that would contradict a judgement in force are left waiting. */
  private async appendMachine(proposals: JudgementInput[], resolution: Resolution): Promise<number> {
    if (!proposals.length) return 0;
    const negatives = new Set<string>();
    for (const j of resolution.force.values()) if (j.verdict === 'not_same') negatives.add(j.left).add(j.right);
    const clear = proposals.filter((p) => !negatives.has(p.left) && !negatives.has(p.right));
    const touchy = proposals.filter((p) => negatives.has(p.left) || negatives.has(p.right));
    let count = 0;
    if (clear.length) count += (await this.judgementsStore.append(clear)).length;
    for (const p of touchy) {
      try {
        await this.judgementsStore.append([p]);
        count++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return count;
  }

  /** The stored candidates, filtered, sorted by score (best first) and paged. */
  async candidates(query: CandidateQuery = {}): Promise<CandidatePage> {
    const resolution = await this.resolution();
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const all = (await this.judgementsStore.candidates())
      .filter((c) => !query.dataset || c.leftDataset === query.dataset || c.rightDataset === query.dataset)
      .filter((c) => (query.min === undefined || c.score >= query.min) && (query.max === undefined || c.score <= query.max))
      .map((c) => ({ ...c, status: statusOf(c, resolution) }))
      .filter((c) => !query.status || query.status === 'all' || c.status === query.status);
    return { total: all.length, offset, limit, results: all.slice(offset, offset + limit) };
  }

  /** The resolved entity with its members for any member, referent or canonical id. */
  async entity(id: string): Promise<ResolvedEntity | undefined> {
    return (await this.reader()).getResolved(id);
  }

  /** The judgements in force (as nomenklatura exports its edges), in log order. */
  async exportJudgements(): Promise<string[]> {
    const resolution = await this.resolution();
    return [...resolution.force.values()].sort((a, b) => a.seq - b.seq).map(judgementLine);
  }

  /**
   * Imports judgements from JSON lines, all or nothing. The file is read as a history: per pair its
   * last line counts, and `same` and `not same` on one pair with no undo between them is a file that
   * contradicts itself. Pairs already judged that way are skipped, so importing an export twice is a no-op.
   */
  async importJudgements(text: string, file: string): Promise<{ imported: number; skipped: number }> {
    const inputs = parseJudgementLines(text, file);
    const resolution = await this.resolution();
    const last = new Map<string, { input: JudgementInput; line: number }>();
    inputs.forEach((input, i) => {
      const key = pairKey(resolution.memberFor(entityIdOf(input.left)), resolution.memberFor(entityIdOf(input.right)));
      const before = last.get(key);
      if (before && before.input.verdict !== 'undo' && input.verdict !== 'undo' && before.input.verdict !== input.verdict)
        throw new ConflictError(`${file}: the file contradicts itself: judgement ${before.line} says ${before.input.verdict.replace('_', '-')} and judgement ${i + 1} says ${input.verdict.replace('_', '-')} for ${input.left} and ${input.right}; nothing was imported`);
      last.set(key, { input, line: i + 1 });
    });
    const fresh = [...last].filter(([key, { input }]) => {
      const current = resolution.force.get(key);
      return current ? current.verdict !== input.verdict : input.verdict !== 'undo';
    }).map(([, { input }]) => input);
    if (fresh.length) await this.judgementsStore.append(fresh, (id) => resolution.memberFor(id));
    return { imported: fresh.length, skipped: inputs.length - fresh.length };
  }
}
