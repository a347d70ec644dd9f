// The built graph kept on disk, so a restart or a CLI `paths` call reads it back in a fraction of a
// second instead of streaming every live statement again (seconds on the bundled lists). A snapshot
// is valid only for the live versions and the graph code it was built with: both are in its name.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DatasetVersion } from '../store/types.ts';
import { Graph } from './graph.ts';
import { StringPool } from './pool.ts';
import { isEditedInPlace } from '../model/targets.ts';

/** The code that decides what a graph holds (graph, model and resolve, whole folders: a moved or new file counts too). */
const CODE_DIRS = ['./', '../model/', '../resolve/'];
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

/**
 * The snapshot name for these live versions, resolved with the judgements `resolution` names (none:
 * records as listed). Analyst datasets are left out (an edit appends in place): a graph read back has
 * every entity they touch redone (GraphService.load).
 */
export function snapshotKey(versions: DatasetVersion[], resolution = ''): string {
  const hash = createHash('sha1').update(codeFingerprint()).update(`\n${resolution}`);
  for (const v of versions.filter((v) => !isEditedInPlace(v)).sort((a, b) => a.dataset.localeCompare(b.dataset))) {
    hash.update(`\n${v.dataset}\t${v.id}\t${v.importedAt}\t${v.statementCount}`);
  }
  return hash.digest('hex').slice(0, 20);
}

const fileOf = (dir: string, key: string) => join(dir, `graph-${key}.v8`);

/** The keys of the graphs saved in `dir` (one, after a save: saving removes the others). */
export function savedGraphKeys(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => /^graph-([0-9a-f]{20})\.v8$/.exec(name)?.[1] ?? []);
}

/** The graph saved under `key`, or undefined when there is none (or it cannot be read). */
export async function loadSnapshot(dir: string, key: string): Promise<Graph | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(fileOf(dir, key));
  } catch {
    return undefined;
  }
  try {
    const parts = deserialize(bytes) as unknown[];
    const pool = new StringPool();
    for (const v of parts[POOL] as string[]) pool.intern(v);
    parts[POOL] = pool;
    return new (Graph as unknown as new (...args: unknown[]) => Graph)(...parts);
  } catch {
    return undefined; // a damaged file is rebuilt, never trusted
  }
}

/** Saves the graph under `key` (written whole, then renamed) and removes older snapshots. */
export async function saveSnapshot(dir: string, key: string, g: Graph): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const parts = [
    g.nodeIds, g.nodeSchema, g.nodeCaption, g.nodeFlags, g.nodeDatasets, g.nodeSanctionedBy, g.sets, g.schemata, g.nodeIndex,
    g.edgeIds, g.edgeSrc, g.edgeDst, g.edgeType, g.edgeGrade, g.edgeStart, g.edgeEnd, g.edgePct, g.edgeRole, g.types,
    g.edgeDataset, g.edgeVersion, g.edgeSource, g.edgeClaimDate, g.edgeFirstSeen, g.edgeLastSeen, g.edgeAuthor, g.edgeLocator,
    g.pool.values, g.extraProvenance, g.adjOffset, g.adjEdge, g.warnings, g.builtAt,
  ];
  const target = fileOf(dir, key);
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, serialize(parts));
  await rename(partial, target);
  for (const name of readdirSync(dir)) {
    if (name.startsWith('graph-') && join(dir, name) !== target && !name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
  }
}

/** Position of the string pool among the constructor's arguments (saved as its values). */
const POOL = 27;

/** Where a store's graph snapshots live: beside the SQLite file, or per PostgreSQL database in the temp folder. */
export function snapshotDirFor(location: { databaseUrl: string | null; sqlitePath: string }): string | undefined {
  if (location.databaseUrl) return join(tmpdir(), 'interdict-cache', createHash('sha1').update(location.databaseUrl).digest('hex').slice(0, 16));
  // No database file, no snapshots: the store in use is not the configured one (an in-memory store).
  if (!location.sqlitePath || location.sqlitePath === ':memory:' || !existsSync(location.sqlitePath)) return undefined;
  return `${location.sqlitePath}.cache`;
}
