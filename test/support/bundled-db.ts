// One SQLite database with every bundled list, built once per test run (and cached between local runs
// while the data and the code that reads it are unchanged). Read-only tests share it; tests that write
// take a copy.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { loadBundled } from '../../src/ingest/bundled.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

function fingerprint(): string {
  const hash = createHash('sha1');
  for (const dir of ['data', 'src/sources', 'src/store', 'src/ingest', 'src/model']) {
    for (const f of filesUnder(join(ROOT, dir)).sort()) hash.update(f).update(String(statSync(f).size)).update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 12);
}

export async function buildBundledDb(): Promise<string> {
  const path = join(tmpdir(), `interdict-bundled-${fingerprint()}.db`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.partial`;
  const store = await openStore({ databaseUrl: null, sqlitePath: partial });
  try {
    await loadBundled(store);
  } finally {
    await store.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  renameSync(partial, path);
  return path;
}

/** A private copy of the bundled database, for tests that write. */
export function copyOfBundledDb(source: string, target: string): string {
  copyFileSync(source, target);
  return target;
}
