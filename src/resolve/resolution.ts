// Which records are one target: the connected components of the `same` judgements in force.
//
// Canonical ids never renumber. A component's canonical id is `NK-` plus a hash of its oldest `same`
// judgement's pair (by time, then ids): a new list version or a new member adds younger judgements and
// leaves it alone. When two components are joined, the one with the older judgement keeps its id and
// the other's id redirects (every id ever issued comes from a judgement still in the log, which is
// append-only). A record in no component is its own canonical id.
import { createHash } from 'node:crypto';
import { Components, inForce, pairKey, type Judgement } from './judgements.ts';

export const CANONICAL_PREFIX = 'NK-';

export function canonicalIdOf(j: Pick<Judgement, 'left' | 'right'>): string {
  const [a, b] = j.left < j.right ? [j.left, j.right] : [j.right, j.left];
  return CANONICAL_PREFIX + createHash('sha1').update(`${a}\u0000${b}`).digest('hex').slice(0, 20);
}

function older(a: Judgement, b: Judgement): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && pairKey(a.left, a.right) < pairKey(b.left, b.right));
}

export class Resolution {
  /** Member id → canonical id, for records in a component. */
  private readonly canonicalOf = new Map<string, string>();
  /** Canonical id → member ids (sorted). */
  private readonly membersOf = new Map<string, string[]>();
  /** Every canonical id ever issued → the pair of records it named (for redirects of superseded ids). */
  private readonly issued = new Map<string, [string, string]>();
  /** The judgement in force per pair. */
  readonly force: Map<string, Judgement>;

  constructor(readonly log: readonly Judgement[]) {
    this.force = inForce(log);
    const components = new Components();
    const oldest = new Map<string, Judgement>();
    for (const j of this.force.values()) if (j.verdict === 'same') components.union(j.left, j.right);
    for (const j of this.force.values()) {
      if (j.verdict !== 'same') continue;
      const root = components.find(j.left);
      const o = oldest.get(root);
      if (!o || older(j, o)) oldest.set(root, j);
    }
    for (const id of components.ids()) {
      const canonical = canonicalIdOf(oldest.get(components.find(id))!);
      this.canonicalOf.set(id, canonical);
      (this.membersOf.get(canonical) ?? this.membersOf.set(canonical, []).get(canonical)!).push(id);
    }
    for (const m of this.membersOf.values()) m.sort();
    for (const j of log) if (j.verdict === 'same') this.issued.set(canonicalIdOf(j), [j.left, j.right]);
  }

  /** The canonical id of a record or canonical id (redirecting superseded ones); the id itself when unmerged. */
  canonical(id: string): string {
    const direct = this.canonicalOf.get(id);
    if (direct) return direct;
    if (this.membersOf.has(id)) return id;
    const named = this.issued.get(id);
    if (!named) return id;
    // A superseded id follows its records: to the target one of them is still in (after a split, the
    // target the others stay in), else to the first record alone.
    return this.canonicalOf.get(named[0]) ?? this.canonicalOf.get(named[1]) ?? named[0];
  }

  /** The records a canonical (or member) id stands for: itself when unmerged. */
  members(id: string): string[] {
    return this.membersOf.get(this.canonical(id)) ?? [this.canonical(id)];
  }

  /** A record to store in a judgement for an id that may be canonical; record ids stay as they are. */
  memberFor(id: string): string {
    return this.membersOf.has(id) || this.issued.has(id) ? this.members(id)[0] : id;
  }

  isMerged(id: string): boolean {
    return this.canonicalOf.has(id);
  }

  /** Canonical id → members, for every merged target. */
  clusters(): ReadonlyMap<string, string[]> {
    return this.membersOf;
  }

  /** The judgement in force between two records, if any. */
  judgementOn(a: string, b: string): Judgement | undefined {
    return this.force.get(pairKey(a, b));
  }

  /** The `same` judgements in force that hold a member in its target (for "why is this merged"). */
  judgementsOf(member: string): Judgement[] {
    return [...this.force.values()].filter((j) => j.verdict === 'same' && (j.left === member || j.right === member));
  }
}
