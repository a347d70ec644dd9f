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
import { CandidateIndex } from './candidate-index.ts';
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
export async function readIndexSnapshot(dir: string, key: string, kind: SnapshotKind = 'screening-'): Promise<Buffer | undefined> {
  try {
    return await readFile(fileOf(dir, key, kind));
  } catch {
    return undefined;
  }
}

/** The index saved under `key`, or undefined (none, or unreadable: then it is rebuilt). */
export async function loadIndexSnapshot(dir: string, key: string, engine: MatchEngine, kind: SnapshotKind = 'screening-'): Promise<CandidateIndex | undefined> {
  const bytes = await readIndexSnapshot(dir, key, kind);
  return bytes ? indexFromBytes(bytes, engine) : undefined;
}

/** An index from its serialised form (a snapshot file, or what a worker thread is handed), or undefined if unreadable. */
export function indexFromBytes(bytes: Uint8Array, engine: MatchEngine): CandidateIndex | undefined {
  try {
    const s = deserialize(bytes) as Saved;
    if (!Array.isArray(s.entities) || s.offsets.length !== s.keyIds.size + 1) return undefined;
    return new CandidateIndex(s.entities, engine, { keyIds: HashIds.fromParts(s.keyIds), offsets: s.offsets, slots: s.slots });
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
  const target = fileOf(dir, key, kind);
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, index instanceof Uint8Array ? index : indexToBytes(index));
  await rename(partial, target);
  const ours = new RegExp(`^${kind}[0-9a-f]{20}\\.v8$`);
  for (const name of readdirSync(dir)) {
    if (ours.test(name) && join(dir, name) !== target) rmSync(join(dir, name), { force: true });
  }
}
