// The order an EntityReader's full scan gives statements in (SqlStore.liveGroups), for code that
// reads a few entities again and must assemble them exactly as a full build would: values in the
// same order.
import type { Statement } from './statement.ts';

/** Byte order of UTF-8 strings, as SQLite's BINARY and PostgreSQL's "C" collations sort them. */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // UTF-16 and UTF-8 agree on order except where surrogates meet U+E000..U+FFFF.
  if (Math.max(a.charCodeAt(i) || 0, b.charCodeAt(i) || 0) >= 0xd800) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}

/** Each live version's place in `liveVersions` order, by version id: made once for many sortAsStreamed calls. */
export function versionOrder(liveVersions: readonly { id: number }[]): ReadonlyMap<number, number> {
  return new Map(liveVersions.map((v, i) => [v.id, i]));
}

/**
 * Sorts one entity's statements as streamed: record by record in id order (a resolved target's
 * members come from the base stream one after another), each record's by live version (`order`),
 * then statement id.
 */
export function sortAsStreamed(statements: Statement[], order: ReadonlyMap<number, number>): Statement[] {
  return statements.sort((a, b) => compareBytes(a.entityId, b.entityId) || (order.get(a.versionId) ?? 0) - (order.get(b.versionId) ?? 0) || compareBytes(a.id, b.id));
}
