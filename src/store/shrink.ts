// The shrink guard: a new version that loses much of its list is far more often a broken or forged
// file (cut at a line boundary, one entity in an otherwise valid file) than a publisher delisting a
// tenth of a list at once. Such a version is refused unless the import says `--allow-shrink`.
import { ConflictError } from '../model/errors.ts';
import type { DatasetVersion } from './types.ts';

/** The share of a list's entities (or of its list entries) a new version may remove. */
export const SHRINK_LIMIT = 0.1;
/** Changes this small pass whatever their share, so tiny lists can change at all. */
export const SHRINK_FLOOR = 10;

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

/** Throws a ConflictError with the figures when `next` removes too much of `previous`. */
export function checkShrink(dataset: string, previous: DatasetVersion, next: DatasetVersion, removedEntities: number): void {
  const problems: string[] = [];
  if (removedEntities > SHRINK_FLOOR && removedEntities > previous.entityCount * SHRINK_LIMIT) {
    problems.push(`removes ${fmt(removedEntities)} of its ${fmt(previous.entityCount)} entities (${pct(removedEntities / previous.entityCount)})`);
  }
  const before = previous.schemaCounts.$targets ?? 0;
  const after = next.schemaCounts.$targets ?? 0;
  if (before - after > SHRINK_FLOOR && before - after > before * SHRINK_LIMIT) {
    problems.push(`has ${fmt(after)} list entries where version ${previous.version} had ${fmt(before)} (${pct((before - after) / before)} fewer)`);
  }
  if (problems.length === 0) return;
  throw new ConflictError(
    `${dataset}: the new version ${problems.join(' and ')}; more than the ${pct(SHRINK_LIMIT)} a version may remove, so it was refused ` +
      `and ${previous.version} stays live. A truncated or wrong file is the usual cause; if the publisher really shrank the list, import again with --allow-shrink.`,
  );
}
