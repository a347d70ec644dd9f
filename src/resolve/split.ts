// Splitting a record off its target, as judgements: the `same` judgements that hold it are undone,
// `not same` is recorded between it and every other member (so xref never merges it back), and where
// it was the only link between other members (a chain A–B–C split at B) a `same` judgement keeps them
// together, so every other member stays in the target it was in. Nothing is deleted: the split is
// reversed by undoing its `not same` judgements and judging the record `same` again.
import { ConflictError } from '../model/errors.ts';
import { Components, type JudgementInput } from './judgements.ts';
import type { Resolution } from './resolution.ts';

export function planSplit(resolution: Resolution, member: string, author: string, reason: string): JudgementInput[] {
  const held = resolution.judgementsOf(member);
  if (!held.length) throw new ConflictError(`${member} is not merged with any other record`);
  const others = resolution.members(member).filter((m) => m !== member);
  // The pieces the other members fall into without the member's own judgements.
  const pieces = new Components();
  for (const id of others) pieces.union(id, id);
  for (const j of resolution.force.values()) {
    if (j.verdict === 'same' && j.left !== member && j.right !== member) pieces.union(j.left, j.right);
  }
  const leaders = [...new Set(others.map((id) => pieces.find(id)))].sort();
  const basedOn = { split: member, undone: held.map((j) => j.seq) };
  return [
    ...held.map((j) => ({ left: j.left, right: j.right, verdict: 'undo' as const, author, reason, basedOn })),
    ...others.map((o) => ({ left: member, right: o, verdict: 'not_same' as const, author, reason, basedOn })),
    ...leaders.slice(1).map((leader) => ({
      left: leaders[0],
      right: leader,
      verdict: 'same' as const,
      author,
      reason: `kept together when ${member} was split off (they were joined through it): ${reason}`,
      basedOn,
    })),
  ];
}
