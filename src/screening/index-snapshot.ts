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

const fileOf = (dir: string, key: string) => join(dir, `screening-${key}.v8`);

interface Saved {
  entities: FtmEntity[];
  keyIds: { hashes: Uint32Array; ids: Int32Array; size: number };
  offsets: Int32Array;
  slots: Int32Array;
}

/** The index saved under `key`, or undefined (none, or unreadable: then it is rebuilt). */
export async function loadIndexSnapshot(dir: string, key: string, engine: MatchEngine): Promise<CandidateIndex | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(fileOf(dir, key));
  } catch {
    return undefined;
  }
  try {
    const s = deserialize(bytes) as Saved;
    if (!Array.isArray(s.entities) || s.offsets.length !== s.keyIds.size + 1) return undefined;
    return new CandidateIndex(s.entities, engine, { keyIds: HashIds.fromParts(s.keyIds), offsets: s.offsets, slots: s.slots });
  } catch {
    return undefined;
  }
}

/** Saves the index (written whole, then renamed) and removes older index snapshots. */
export async function saveIndexSnapshot(dir: string, key: string, index: CandidateIndex): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const { keyIds, offsets, slots } = index.postings();
  const saved: Saved = { entities: index.entities, keyIds: keyIds.parts(), offsets, slots };
  const target = fileOf(dir, key);
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, serialize(saved));
  await rename(partial, target);
  for (const name of readdirSync(dir)) {
    if (name.startsWith('screening-') && join(dir, name) !== target && !name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
  }
}
