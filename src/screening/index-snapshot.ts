// The screening index kept on disk, so a restart reads the listed entities and their blocking keys
// back instead of reading the store and computing every name's keys again (most of a start). A
// snapshot is valid only for the live versions and the matching code it was built with: both are
// in its name, so a changed transliteration table or key rule means a fresh build.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FtmEntity } from '../model/entity.ts';
import type { DatasetVersion } from '../store/types.ts';
import { CandidateIndex, type PackedPrepared } from './candidate-index.ts';
import type { MatchEngine } from './engine.ts';
import { HashIds } from './hash-ids.ts';

/** The code the index depends on: names (readings, keys), screening (the engine), model (schemata), resolve (merged entities). */
const CODE_DIRS = ['../names/', './', '../model/', '../resolve/'];

let codeHash: string | undefined;
function codeFingerprint(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  for (const d of CODE_DIRS) walk(new URL(d, import.meta.url).pathname);
  return (codeHash = hash.digest('hex'));
}

/** `resolution` names the judgements the entities were resolved with (none: records as listed). */
export function indexSnapshotKey(versions: DatasetVersion[], engineName: string, resolution = ''): string {
  const hash = createHash('sha1').update(codeFingerprint()).update(engineName).update(`\n${resolution}`);
  for (const v of [...versions].sort((a, b) => a.dataset.localeCompare(b.dataset))) {
    hash.update(`\n${v.dataset}\t${v.id}\t${v.importedAt}\t${v.statementCount}`);
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * Snapshot files are `<kind><key>.v8`: the server keeps one of every live dataset (`screening-`), the
 * CLI one of the scope it screens (`screening-cli-`), monitoring one of the live sanctions lists it
 * re-screens against (`screening-live-`); each cleans up only its own kind.
 */
export type SnapshotKind = 'screening-' | 'screening-cli-' | 'screening-live-';

const fileOf = (dir: string, key: string, kind: SnapshotKind) => join(dir, `${kind}${key}.v8`);

interface Saved {
  entities: FtmEntity[];
  keyIds: { hashes: Uint32Array; ids: Int32Array; size: number };
  offsets: Int32Array;
  slots: Int32Array;
}

/** The bytes saved under `key`, or undefined (none, or unreadable). */
function readIndexSnapshot(dir: string, key: string, kind: SnapshotKind = 'screening-'): Promise<Buffer | undefined> {
  return readIfThere(fileOf(dir, key, kind));
}

const readIfThere = (path: string): Promise<Buffer | undefined> => readFile(path).catch(() => undefined);

/** Written whole under another name, then renamed: a reader never meets half a file. */
async function writeWhole(target: string, bytes: Uint8Array): Promise<void> {
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, target);
}

/**
 * An index from its serialised form (a snapshot file, or what a worker thread is handed), or undefined
 * if unreadable; `prepared`: the prepared forms saved beside it (preparedFromBytes), if any.
 */
export function indexFromBytes(bytes: Uint8Array, engine: MatchEngine, prepared?: Uint8Array): CandidateIndex | undefined {
  try {
    const s = deserialize(bytes) as Saved;
    if (!Array.isArray(s.entities) || s.offsets.length !== s.keyIds.size + 1) return undefined;
    const packed = prepared ? preparedFromBytes(prepared) : undefined;
    return new CandidateIndex(s.entities, engine, { keyIds: HashIds.fromParts(s.keyIds), offsets: s.offsets, slots: s.slots }, packed);
  } catch {
    return undefined;
  }
}

/** The index serialised: entities and postings, no per-entity matcher state (that is rebuilt on use). */
export function indexToBytes(index: CandidateIndex): Buffer {
  const { keyIds, offsets, slots } = index.postings();
  const saved: Saved = { entities: index.entities, keyIds: keyIds.parts(), offsets, slots };
  return serialize(saved);
}

/** Saves the index (written whole, then renamed) and removes older snapshots of the same kind. */
export async function saveIndexSnapshot(dir: string, key: string, index: CandidateIndex | Uint8Array, kind: SnapshotKind = 'screening-'): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await writeWhole(fileOf(dir, key, kind), index instanceof Uint8Array ? index : indexToBytes(index));
  // Older snapshots of this kind go, with the prepared forms saved beside them.
  const ours = new RegExp(`^${kind}[0-9a-f]{20}\\.(?:v8|prepared)$`);
  for (const name of readdirSync(dir)) {
    if (ours.test(name) && !name.startsWith(`${kind}${key}.`)) rmSync(join(dir, name), { force: true });
  }
}

// The prepared forms a run's worker threads made (CandidateIndex.packPrepared), saved beside the
// index as `<kind><key>.prepared`: the next run's workers read them instead of preparing again.
// Laid out so a worker reads them in place from shared memory: uint32 "IPP2", n, t, t table
// lengths; n slots (int32); n ends (uint32); n table numbers (uint8, padded to 4); the tables; the bytes.
const PREPARED_MAGIC = 0x32505049; // "IPP2" little-endian

export function preparedToBytes(packed: PackedPrepared): Uint8Array {
  const n = packed.slots.length;
  const t = packed.tables.length;
  const head = 4 * (3 + t) + 8 * n + pad4(n);
  const tablesLength = packed.tables.reduce((sum, table) => sum + table.length, 0);
  const out = new Uint8Array(head + tablesLength + packed.bytes.length);
  const words = new Uint32Array(out.buffer, 0, 3 + t);
  words.set([PREPARED_MAGIC, n, t, ...packed.tables.map((table) => table.length)]);
  let at = 4 * (3 + t);
  for (const part of [packed.slots, packed.ends]) {
    out.set(new Uint8Array(part.buffer, part.byteOffset, 4 * n), at);
    at += 4 * n;
  }
  out.set(packed.tableOf, at);
  at += pad4(n);
  for (const table of [...packed.tables, packed.bytes]) {
    out.set(table, at);
    at += table.length;
  }
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Views onto `bytes` (copied first if they do not start on a 4-byte boundary); undefined if they are not prepared forms. */
export function preparedFromBytes(bytes: Uint8Array): PackedPrepared | undefined {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (b.length < 12) return undefined;
  const [magic, n, t] = new Uint32Array(b.buffer, b.byteOffset, 3);
  if (magic !== PREPARED_MAGIC || b.length < 4 * (3 + t)) return undefined;
  const tableLengths = new Uint32Array(b.buffer, b.byteOffset + 12, t);
  let at = 4 * (3 + t);
  if (b.length < at + 8 * n + pad4(n)) return undefined;
  const slots = new Int32Array(b.buffer, b.byteOffset + at, n);
  const ends = new Uint32Array(b.buffer, b.byteOffset + at + 4 * n, n);
  const tableOf = b.subarray(at + 8 * n, at + 8 * n + n);
  at += 8 * n + pad4(n);
  const tables: Uint8Array[] = [];
  for (const length of tableLengths) {
    tables.push(b.subarray(at, at + length));
    at += length;
  }
  const data = b.subarray(at);
  if ((n > 0 && ends[n - 1] !== data.length) || tableOf.some((table) => table >= t)) return undefined;
  return { slots, ends, tableOf, tables, bytes: data };
}

/** How many entities have prepared forms in `bytes` (preparedToBytes), without reading them. */
export function preparedCount(bytes: Uint8Array): number {
  return bytes.length >= 12 ? new DataView(bytes.buffer, bytes.byteOffset, 12).getUint32(4, true) : 0;
}

const preparedFileOf = (dir: string, key: string, kind: SnapshotKind) => join(dir, `${kind}${key}.prepared`);

/** The keys of the indexes of `kind` saved in `dir` (one, after a save: saving removes the others). */
export function savedIndexKeys(dir: string, kind: SnapshotKind): string[] {
  const ours = new RegExp(`^${kind}([0-9a-f]{20})\\.v8$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => ours.exec(name)?.[1] ?? []);
}

/** The index saved under `key` as bytes, with the prepared forms saved beside it if any; undefined when no index is saved. */
export async function readSavedIndex(dir: string, key: string, kind: SnapshotKind): Promise<{ bytes: Uint8Array; prepared?: Uint8Array } | undefined> {
  const bytes = await readIndexSnapshot(dir, key, kind);
  return bytes && { bytes, prepared: await readPreparedSnapshot(dir, key, kind) };
}

/** The prepared forms saved beside the index under `key`, or undefined. */
function readPreparedSnapshot(dir: string, key: string, kind: SnapshotKind): Promise<Uint8Array | undefined> {
  return readIfThere(preparedFileOf(dir, key, kind));
}

/** Saves prepared forms beside the index under `key` (saving an index removes those of other keys). */
export function savePreparedSnapshot(dir: string, key: string, kind: SnapshotKind, packed: PackedPrepared): Promise<void> {
  return writeWhole(preparedFileOf(dir, key, kind), preparedToBytes(packed));
}
