// One SQLite database with every bundled list, built once per test run (and cached between local runs
// while the data and the code that reads it are unchanged). Read-only tests share it; tests that write
// take a copy.
//
// A server's start is mostly building the screening index and the graph (≈ 20 s of CPU over the
// bundled lists); both are saved beside the database (`<db>.cache/`, keyed by the live versions, the
// judgements and the matching code) and read back on the next start. They are built once, by the
// first test that asks (prepareBundledSnapshots), so a test's copy starts from them in a second or two.
// Snapshots are named by the code that built them: an `interdict` process runs dist/, not the sources
// this process runs, so it has its own set, saved once per build of dist/ (prepareCompiledSnapshots).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { loadBundled } from '../../src/ingest/bundled.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/** A hash of every file under `dirs`, by path and content. */
function filesFingerprint(dirs: string[]): string {
  const hash = createHash('sha1');
  for (const dir of dirs) for (const f of filesUnder(dir).sort()) hash.update(f).update(String(statSync(f).size)).update(readFileSync(f));
  return hash.digest('hex');
}

/** The data and the code that reads it: a change of either means a fresh build. */
export function codeFingerprint(): string {
  return filesFingerprint(['data', 'src/sources', 'src/store', 'src/ingest', 'src/model'].map((dir) => join(ROOT, dir))).slice(0, 12);
}

/** Written whole under a temporary name, then renamed: a parallel run never sees half a database. */
async function buildOnce(path: string, fill: (partial: string) => Promise<void>): Promise<string> {
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.partial`;
  await fill(partial);
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  renameSync(partial, path);
  return path;
}

export async function buildBundledDb(): Promise<string> {
  return buildOnce(join(tmpdir(), `interdict-bundled-${codeFingerprint()}.db`), async (partial) => {
    const store = await openStore({ databaseUrl: null, sqlitePath: partial });
    try {
      await loadBundled(store);
    } finally {
      await store.close();
    }
  });
}

/** The bundled database with the shipped judgements loaded: only its snapshots are used (see above). */
const judgedDbOf = (bundled: string) => bundled.replace(/\.db$/, '') + '-judged.db';

/**
 * Saves the screening index (with the matcher's prepared forms) and graph snapshots a server saves
 * at its first start over the bundled database (and, with `judged`, over it with the shipped
 * judgements loaded), unless saved ones are still valid. Done once however many test files ask at
 * the same time (a lock beside the database).
 */
export async function prepareBundledSnapshots(bundled: string, options: { judged?: boolean } = {}): Promise<void> {
  await withLock(`${bundled}.snapshots.lock`, () => startOnceUnlessSaved(bundled));
  if (!options.judged) return;
  const judged = judgedDbOf(bundled);
  await withLock(`${judged}.snapshots.lock`, async () => {
    const { loadShippedJudgements } = await import('../../src/resolve/shipped.ts');
    await buildOnce(judged, async (partial) => {
      copyFileSync(bundled, partial);
      const store = await openStore({ databaseUrl: null, sqlitePath: partial });
      try {
        await loadShippedJudgements(store);
      } finally {
        await store.close();
      }
    });
    await startOnceUnlessSaved(judged);
  });
}

/** Starts (and stops) a server's services over `sqlitePath` unless the snapshots they would read are there. */
async function startOnceUnlessSaved(sqlitePath: string): Promise<void> {
  const { loadConfig } = await import('../../src/config.ts');
  const { buildApp } = await import('../../src/server/app.ts');
  const { downstreamReader } = await import('../../src/resolve/service.ts');
  const { resolutionKeyOf, serverIndexKey } = await import('../../src/screening/service.ts');
  const { snapshotKey } = await import('../../src/graph/snapshot.ts');
  const config = { ...loadConfig({}), sqlitePath, databaseUrl: null, loadBundled: false };
  const store = await openStore(config);
  try {
    const reader = downstreamReader(store);
    const versions = await reader.liveVersions();
    const resolution = await resolutionKeyOf(reader);
    const cache = `${sqlitePath}.cache`;
    const index = `screening-${serverIndexKey(versions, resolution)}`;
    const saved = [`${index}.v8`, `${index}.prepared`, `graph-${snapshotKey(versions, resolution)}.v8`];
    if (saved.every((name) => existsSync(join(cache, name)))) return;
    const { app, prepare, warmed } = await buildApp(config, store, { logger: false });
    await prepare();
    await warmed();
    await app.close();
  } finally {
    await store.close();
  }
}

/** Runs `fn` holding a lock directory (mkdir is atomic) that names its process: a dead one's lock is taken over. */
export async function withLock(lock: string, fn: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (heldByDeadProcess(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Whether the process named in the lock has gone (a lock without a name yet is being taken: alive). */
export function heldByDeadProcess(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 10_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A private copy of the bundled database, for tests that write. Its first server start builds the index and the graph. */
export function copyOfBundledDb(source: string, target: string): string {
  copyFileSync(source, target);
  return target;
}

/**
 * A private copy of the bundled database with the saved screening index and graph (as imported, and
 * with `judged` also with the shipped judgements loaded), so a server on it starts without building
 * them; they are built first if none are saved for this code and data. With `compiled`, those an
 * `interdict` process (dist/) reads instead of those of this process's sources; with `graphOnly`, the
 * graph's alone (a server on it builds the screening index).
 */
export async function copyOfBundledDbWithSnapshots(source: string, target: string, options: { judged?: boolean; compiled?: boolean; graphOnly?: boolean } = {}): Promise<string> {
  if (options.compiled && options.judged) throw new Error('no compiled snapshots are saved with the shipped judgements');
  const dirs = options.compiled ? [await prepareCompiledSnapshots(source)] : [`${source}.cache`, ...(options.judged ? [`${judgedDbOf(source)}.cache`] : [])];
  if (!options.compiled) await prepareBundledSnapshots(source, options);
  copyFileSync(source, target);
  const cache = `${target}.cache`;
  mkdirSync(cache, { recursive: true });
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /\.(v8|prepared)$/.test(n) && (!options.graphOnly || n.startsWith('graph-')))) linkOrCopy(join(dir, name), join(cache, name));
  }
  return target;
}

/** Snapshots are written whole and renamed, never changed in place: a hard link is as good as a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

const DIST = join(ROOT, 'dist');
/**
 * dist/'s modules a snapshot's name depends on: the union of the CODE_DIRS of
 * src/screening/index-snapshot.ts and src/graph/snapshot.ts (names/ left out here once let a change
 * to the matcher's legal forms meet the snapshots of the build before).
 */
const SNAPSHOT_CODE = ['screening', 'names', 'graph', 'model', 'resolve'];

/** The compiled code the snapshots are named by: a new build of dist/ means new snapshots. */
const compiledFingerprint = () => filesFingerprint(SNAPSHOT_CODE.map((dir) => join(DIST, dir)));

/**
 * Saves the index and graph an `interdict serve` over a copy of the bundled database reads, once per
 * build of dist/ however many test files ask (a lock): one such server starts over a copy of its own
 * (its first start adds an admin to it) and stops once ready. Answers the directory they are in.
 */
async function prepareCompiledSnapshots(bundled: string): Promise<string> {
  const db = bundled.replace(/\.db$/, '') + '-compiled.db';
  const cache = `${db}.cache`;
  const stamp = join(cache, 'dist-fingerprint');
  await withLock(`${db}.snapshots.lock`, async () => {
    const built = compiledFingerprint();
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === built) return;
    rmSync(cache, { recursive: true, force: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    copyFileSync(bundled, db);
    await serveUntilReady(db);
    writeFileSync(stamp, built);
  });
  return cache;
}

/** Whether a file named like `name` came into `dir` within `ms`. */
async function untilThere(dir: string, name: RegExp, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (existsSync(dir) && readdirSync(dir).some((n) => name.test(n))) return true;
  }
  return false;
}

/** Runs `interdict serve` over `sqlitePath` until it is ready and has saved its snapshots, then stops it. */
function serveUntilReady(sqlitePath: string): Promise<void> {
  const env = { ...process.env, INTERDICT_DB: sqlitePath, INTERDICT_NO_BUNDLED: '1', DATABASE_URL: '', INTERDICT_SERVER_JOBS: '0', INTERDICT_LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [join(ROOT, 'bin/interdict.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    let ready = false;
    let saved = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (!ready && /ready in \d+ ms/.test(log)) {
        ready = true;
        // Stopped once it has saved the matcher's prepared forms too (after warming, in the background).
        void untilThere(`${sqlitePath}.cache`, /^screening-[0-9a-f]{20}\.prepared$/, 120_000).then((there) => {
          saved = there;
          child.kill('SIGTERM');
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (saved) resolve();
      else if (ready) reject(new Error(`interdict serve was ready but saved no prepared forms beside its index within 120 s:\n${log}`));
      else reject(new Error(`interdict serve exited (${code}) before it was ready:\n${log}`));
    });
  });
}
