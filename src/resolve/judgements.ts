// Judgements: who said two records are (not) the same target, when, why and on what evidence.
// The log is append-only: a later judgement on a pair replaces the earlier one in force, `undo`
// withdraws it, and nothing is updated or deleted, so every merge can be traced and reversed.
import { entityIdOf } from '../model/entity.ts';
import { ConflictError, NotFoundError, ValidationError } from '../model/errors.ts';

export const VERDICTS = ['same', 'not_same', 'unsure', 'undo'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface JudgementInput {
  left: string;
  right: string;
  verdict: Verdict;
  author: string;
  reason: string;
  /** What it was based on: matched names, identifiers, an official cross-reference. */
  basedOn?: unknown;
  machine?: boolean;
  score?: number | null;
  /** ISO time; default now (imports keep the original time). */
  createdAt?: string;
}

export interface Judgement {
  seq: number;
  left: string;
  right: string;
  verdict: Verdict;
  author: string;
  createdAt: string;
  reason: string;
  basedOn: unknown;
  machine: boolean;
  score: number | null;
}

/** `not-same`, `not_same`, `negative` (nomenklatura) … → the verdict; anything else is a ValidationError. */
export function parseVerdict(raw: unknown, field = 'judgement'): Verdict {
  const v = typeof raw === 'string' ? raw.trim().toLowerCase().replace(/[-\s]/g, '_') : '';
  const alias: Record<string, Verdict> = { positive: 'same', negative: 'not_same', no_judgement: 'undo', split: 'undo' };
  const verdict = alias[v] ?? v;
  if (!(VERDICTS as readonly string[]).includes(verdict)) throw new ValidationError(field, `must be one of same, not-same, unsure, undo (got ${JSON.stringify(String(raw ?? '')).slice(0, 40)})`);
  return verdict as Verdict;
}

/** The unordered pair as one key, smaller id first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Checks one input's fields; ids may be referents (`us_ofac_sdn:12211`) and are returned as entity ids. */
export function normalizeInput(input: JudgementInput, field: string): JudgementInput {
  const left = typeof input.left === 'string' ? entityIdOf(input.left.trim()) : '';
  const right = typeof input.right === 'string' ? entityIdOf(input.right.trim()) : '';
  if (!left) throw new ValidationError(`${field}.left`, 'an entity id is required');
  if (!right) throw new ValidationError(`${field}.right`, 'an entity id is required');
  if (left === right) throw new ValidationError(`${field}.right`, `a record cannot be judged against itself (${left})`);
  const author = typeof input.author === 'string' ? input.author.trim() : '';
  if (!author) throw new ValidationError(`${field}.author`, 'an author is required');
  if (input.score !== undefined && input.score !== null && !(typeof input.score === 'number' && Number.isFinite(input.score))) throw new ValidationError(`${field}.score`, 'must be a number');
  if (input.createdAt !== undefined && (typeof input.createdAt !== 'string' || Number.isNaN(Date.parse(input.createdAt)))) throw new ValidationError(`${field}.createdAt`, 'must be an ISO date and time');
  return {
    ...input,
    left,
    right,
    verdict: parseVerdict(input.verdict, `${field}.judgement`),
    author: author.slice(0, 200),
    reason: typeof input.reason === 'string' ? input.reason.slice(0, 2000) : '',
  };
}

/** The judgement in force per pair (latest wins; `undo` leaves none). `log` must be in append order. */
export function inForce(log: readonly Judgement[]): Map<string, Judgement> {
  const current = new Map<string, Judgement>();
  for (const j of log) {
    const key = pairKey(j.left, j.right);
    if (j.verdict === 'undo') current.delete(key);
    else current.set(key, j);
  }
  return current;
}

/** Union-find over ids. */
export class Components {
  private parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let x = id; x !== root; ) {
      const next = this.parent.get(x)!;
      this.parent.set(x, root);
      x = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id leads, so a component's root does not depend on the order of unions.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    if (!this.parent.has(ra)) this.parent.set(ra, ra);
    if (!this.parent.has(rb)) this.parent.set(rb, rb);
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  ids(): IterableIterator<string> {
    return this.parent.keys();
  }
}

function describe(j: Judgement): string {
  const who = j.machine ? `machine (${j.author})` : j.author;
  return `${j.left} ${j.verdict.replace('_', '-')} ${j.right}${j.seq > 0 ? ` (judgement #${j.seq} by ${who}, ${j.createdAt.slice(0, 10)})` : ' (in this batch)'}`;
}

/**
 * Refuses a batch that contradicts itself or what is in force: two verdicts on one pair in one batch,
 * or a `not-same` pair that `same` judgements join (directly or through others). The message names
 * the judgements involved and how to resolve it (undo, or split a record off first).
 */
export function checkConsistency(existing: readonly Judgement[], batch: readonly Judgement[]): void {
  const inBatch = new Map<string, Judgement>();
  for (const j of batch) {
    const key = pairKey(j.left, j.right);
    const earlier = inBatch.get(key);
    if (earlier && earlier.verdict !== j.verdict && earlier.verdict !== 'undo' && j.verdict !== 'undo') throw new ConflictError(`the batch contradicts itself: ${describe(earlier)} and ${describe(j)}`);
    inBatch.set(key, j);
  }
  const force = inForce([...existing, ...batch]);
  const components = new Components();
  const sameEdges = new Map<string, Judgement[]>();
  for (const j of force.values()) {
    if (j.verdict !== 'same') continue;
    components.union(j.left, j.right);
    (sameEdges.get(j.left) ?? sameEdges.set(j.left, []).get(j.left)!).push(j);
    (sameEdges.get(j.right) ?? sameEdges.set(j.right, []).get(j.right)!).push(j);
  }
  for (const j of force.values()) {
    if (j.verdict !== 'not_same' || !components.has(j.left) || !components.has(j.right)) continue;
    if (components.find(j.left) !== components.find(j.right)) continue;
    const path = samePath(sameEdges, j.left, j.right);
    throw new ConflictError(
      `contradiction: ${describe(j)}, but ${path.map(describe).join('; ')} make them the same target; undo one of these judgements or split the record off first`,
    );
  }
}

/** The `same` judgements linking two ids (breadth-first), to name them in a refusal. */
function samePath(edges: Map<string, Judgement[]>, from: string, to: string): Judgement[] {
  const via = new Map<string, Judgement | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === to) break;
    for (const j of edges.get(id) ?? []) {
      const next = j.left === id ? j.right : j.left;
      if (via.has(next)) continue;
      via.set(next, j);
      queue.push(next);
    }
  }
  const path: Judgement[] = [];
  for (let id = to, j = via.get(to); j; j = via.get(id)) {
    path.unshift(j);
    id = j.left === id ? j.right : j.left;
  }
  return path;
}

/** Refuses ids that name no live record (and no canonical id), listing them. */
export async function checkKnownIds(inputs: readonly JudgementInput[], exists: (id: string) => Promise<boolean>): Promise<void> {
  const unknown: string[] = [];
  const checked = new Map<string, boolean>();
  for (const j of inputs) {
    for (const id of [j.left, j.right]) {
      if (!checked.has(id)) checked.set(id, await exists(id));
      if (!checked.get(id) && !unknown.includes(id)) unknown.push(id);
    }
  }
  if (unknown.length) throw new NotFoundError(`unknown entity id${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}; nothing was recorded`);
}
