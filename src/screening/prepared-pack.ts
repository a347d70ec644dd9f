// Listed entities as the matcher prepared them (compare.ts), packed into a batch's saved index so
// that each worker thread reads them back instead of preparing every entity it meets again: that
// preparation, done once per worker, was a fifth of `interdict screen`'s CPU (docs/BENCHMARKS.md).
// Only the names are packed (the costly part); birth dates, countries and identifiers are read
// again from the properties. Objects are rebuilt where they are first made, so they have the hidden
// classes the matcher's loops expect: read back as the serialiser makes them, the same names were
// screened ≈ 15 % slower.
import { deserialize, serialize } from 'node:v8';
import type { FtmEntity } from '../model/entity.ts';
import { keepingNames } from '../names/memo.ts';
import { adoptReading, adoptToken, type NameKind, type NameToken, type PreparedName } from '../names/tokens.ts';
import { prepareCandidate, type NameEntry, type PreparedCandidate } from './compare.ts';

type PackedNames = [NameKind, NameEntry[]][];

/**
 * The name entries of the prepared entities, slot for slot, without the tokens' key caches and
 * joined words (remade on use). Readings and tokens shared between entities stay shared: the
 * serialiser keeps object identity.
 */
export function packPrepared(prepared: PreparedCandidate[]): Uint8Array {
  const tokens = new Map<NameToken, NameToken>();
  const bareToken = (t: NameToken) => tokens.get(t) ?? tokens.set(t, { ...t, keyLists: [undefined, undefined], keyHashes: [undefined, undefined] }).get(t)!;
  const readings = new Map<PreparedName[], PreparedName[]>();
  const bareReadings = (rs: PreparedName[]) =>
    readings.get(rs) ?? readings.set(rs, rs.map((r) => ({ ...r, tokens: r.tokens.map(bareToken), joins: r.joins.map(({ token: _made, ...join }) => join) }))).get(rs)!;
  const packed: PackedNames[] = prepared.map((p) => [...p.names].map(([kind, entries]) => [kind, entries.map((e) => ({ ...e, readings: bareReadings(e.readings) }))]));
  return serialize(packed);
}

/** The prepared entities back, their tokens interned in this process; undefined if they do not fit `entities`. */
export function unpackPrepared(bytes: Uint8Array, entities: FtmEntity[]): PreparedCandidate[] | undefined {
  const packed = deserialize(bytes) as PackedNames[];
  if (!Array.isArray(packed) || packed.length !== entities.length) return undefined;
  const tokens = new Map<NameToken, NameToken>();
  const adopt = (t: NameToken) => tokens.get(t) ?? tokens.set(t, adoptToken(t)).get(t)!;
  const readings = new Map<PreparedName[], PreparedName[]>();
  const adoptReadings = (rs: PreparedName[]) => readings.get(rs) ?? readings.set(rs, rs.map((r) => adoptReading(r, adopt))).get(rs)!;
  return keepingNames(() =>
    packed.map((names, slot) => {
      const byKind = new Map<NameKind, NameEntry[]>();
      // The fields in buildEntries' order (compare.ts).
      for (const [kind, entries] of names) byKind.set(kind, entries.map((e) => ({ value: e.value, prop: e.prop, strength: e.strength, readings: adoptReadings(e.readings), keys: e.keys })));
      return prepareCandidate(entities[slot], byKind);
    }),
  );
}
