// The judgement log and the xref candidates in the store's database (tables in
// src/store/judgements-schema.ts), the same on SQLite and PostgreSQL. Appends are all or nothing.
import type { Kysely } from 'kysely';
import { SqlStore } from '../store/sql-store.ts';
import type { ResolveTables } from '../store/judgements-schema.ts';
import type { Store } from '../store/types.ts';
import { InterdictError } from '../model/errors.ts';
import { checkConsistency, checkKnownIds, normalizeInput, type Judgement, type JudgementInput, type Verdict } from './judgements.ts';
import type { Candidate, CandidateStatus } from './xref.ts';

export interface CandidateQuery {
  dataset?: string;
  min?: number;
  max?: number;
  /** waiting (no judgement in force), decided, flagged, or all. */
  status?: CandidateStatus | 'all';
  limit?: number;
  offset?: number;
}

/** Listeners told after a batch of judgements is committed, by store (services rebuild on it). */
const appendListeners = new WeakMap<object, Set<() => void>>();

/** Calls `listener` after every batch of judgements this process commits to `store`; returns an unsubscribe. */
export function onJudgementsAppended(store: object, listener: () => void): () => void {
  let set = appendListeners.get(store);
  if (!set) appendListeners.set(store, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export class ResolveStore {
  private cache: Judgement[] | undefined;

  constructor(
    private readonly db: Kysely<ResolveTables>,
    /** Whether an id names a live record (used to refuse unknown ids). */
    private readonly exists: (id: string) => Promise<boolean>,
    /** Whose listeners hear of appended judgements (onJudgementsAppended). */
    private readonly owner?: object,
  ) {}

  static of(store: Store): ResolveStore {
    if (!(store instanceof SqlStore)) throw new InterdictError('judgements need the SQL store');
    return new ResolveStore(store.db as unknown as Kysely<ResolveTables>, async (id) => (await store.getStatements(id)).length > 0, store);
  }

  /** The last judgement's sequence number (0: none): the log is append-only, so it names the judgements in force. */
  async lastSeq(): Promise<number> {
    const last = await this.db.selectFrom('judgements').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return last?.seq == null ? 0 : Number(last.seq);
  }

  /** Every judgement in append order. */
  async judgements(): Promise<Judgement[]> {
    // Another process (the CLI beside a server) may have appended: the last sequence number tells.
    const lastSeq = await this.lastSeq();
    if (this.cache && (this.cache.at(-1)?.seq ?? 0) === lastSeq) return this.cache;
    const rows = await this.db.selectFrom('judgements').selectAll().orderBy('seq').execute();
    this.cache = rows.map((r) => ({
      seq: Number(r.seq),
      left: r.left_id,
      right: r.right_id,
      verdict: r.judgement as Verdict,
      author: r.author,
      createdAt: r.created_at,
      reason: r.reason,
      basedOn: JSON.parse(r.based_on),
      machine: r.machine === 1,
      score: r.score === null ? null : Number(r.score),
    }));
    return this.cache;
  }

  /**
   * Appends a batch after checking every field, every id and consistency with what is in force;
   * one bad judgement refuses the whole batch and nothing is written. `resolveId` maps canonical
   * ids to a member so judgements always name records.
   */
  async append(inputs: JudgementInput[], resolveId: (id: string) => string = (id) => id): Promise<Judgement[]> {
    const normalized = inputs.map((j, i) => {
      const n = normalizeInput(j, inputs.length > 1 ? `judgements[${i}]` : 'judgement');
      return { ...n, left: resolveId(n.left), right: resolveId(n.right) };
    });
    await checkKnownIds(normalized, this.exists);
    const now = new Date().toISOString();
    const batch: Judgement[] = normalized.map((j) => ({
      seq: 0,
      left: j.left,
      right: j.right,
      verdict: j.verdict,
      author: j.author,
      createdAt: j.createdAt ?? now,
      reason: j.reason,
      basedOn: j.basedOn ?? null,
      machine: !!j.machine,
      score: j.score ?? null,
    }));
    checkConsistency(await this.judgements(), batch);
    this.cache = undefined;
    const rows = batch.map((j) => ({
      left_id: j.left,
      right_id: j.right,
      judgement: j.verdict,
      author: j.author,
      created_at: j.createdAt,
      reason: j.reason,
      based_on: JSON.stringify(j.basedOn),
      machine: j.machine ? 1 : 0,
      score: j.score,
    }));
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('judgements').values(rows.slice(i, i + 500)).execute();
    });
    const all = await this.judgements();
    for (const listener of (this.owner && appendListeners.get(this.owner)) ?? []) listener();
    return all.slice(all.length - batch.length);
  }

  /** Replaces the candidates among these datasets (all when none are named) with a run's (judgements stay). */
  async saveCandidates(candidates: Candidate[], datasets?: string[]): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      let stale = trx.deleteFrom('xref_candidates');
      if (datasets?.length) stale = stale.where('left_dataset', 'in', datasets).where('right_dataset', 'in', datasets);
      await stale.execute();
      const rows = candidates.map((c) => ({
        left_id: c.left,
        right_id: c.right,
        score: c.score,
        left_dataset: c.leftDataset,
        right_dataset: c.rightDataset,
        explanation: JSON.stringify({ evidence: c.evidence, conflicts: c.conflicts, official: c.official, explanations: c.explanations, nameScore: c.nameScore }),
        flagged: c.flagged ? 1 : 0,
        created_at: now,
      }));
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('xref_candidates').values(rows.slice(i, i + 500)).execute();
    });
  }

  async candidates(): Promise<Candidate[]> {
    const rows = await this.db.selectFrom('xref_candidates').selectAll().orderBy('score', 'desc').orderBy('left_id').orderBy('right_id').execute();
    return rows.map((r) => {
      const e = JSON.parse(r.explanation);
      return {
        left: r.left_id,
        right: r.right_id,
        score: Number(r.score),
        leftDataset: r.left_dataset,
        rightDataset: r.right_dataset,
        flagged: r.flagged === 1,
        nameScore: e.nameScore,
        evidence: e.evidence,
        conflicts: e.conflicts,
        official: e.official,
        explanations: e.explanations,
      };
    });
  }
}
