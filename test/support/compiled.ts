// The `interdict` processes tests start (CLI, server, worker) run the production build in dist/, as a
// user's do: through tsx, each start compiled its modules again (≈ 1 CPU-s a start, hundreds of starts a
// run). Never a stale build: the global setup rebuilds dist/ when a source is newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withLock } from './bundled-db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
/** What the build is made from: a change to any of these makes dist/ stale. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function mtimes(path: string, pick: (name: string) => boolean): number[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return pick(path) ? [stat.mtimeMs] : [];
  return readdirSync(path).flatMap((name) => mtimes(join(path, name), pick));
}

/** Whether dist/ holds a build newer than every input (its oldest module newer than the newest input). */
export function distIsCurrent(): boolean {
  const built = mtimes(DIST, (f) => f.endsWith('.js'));
  if (!existsSync(join(DIST, 'cli/main.js')) || built.length === 0) return false;
  const newestInput = Math.max(...INPUTS.flatMap((p) => mtimes(join(ROOT, p), () => true)));
  return Math.min(...built) >= newestInput;
}

/**
 * Builds dist/ unless it is current: `npm run build:server`'s compiler and settings without its type
 * check (the typecheck's job; the output is the same), into a directory beside dist/ that replaces it
 * whole, so a process starting meanwhile finds the old build or the new one, never half of one. Answers
 * whether it built. One build at a time across parallel runs (a lock).
 */
export async function buildDistUnlessCurrent(): Promise<boolean> {
  let built = false;
  await withLock(join(ROOT, '.tmp-dist.lock'), async () => {
    if (distIsCurrent()) return;
    const partial = join(ROOT, `.tmp-dist-${process.pid}`);
    rmSync(partial, { recursive: true, force: true });
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck', '--outDir', partial], { cwd: ROOT, encoding: 'utf8' });
    if (tsc.status !== 0) {
      rmSync(partial, { recursive: true, force: true });
      throw new Error(`building dist/ failed:\n${tsc.stdout}${tsc.stderr}`);
    }
    // What other scripts wrote into dist/ (build:api-types' openapi.json) stays.
    if (existsSync(join(DIST, 'openapi.json'))) renameSync(join(DIST, 'openapi.json'), join(partial, 'openapi.json'));
    const old = join(ROOT, `.tmp-dist-old-${process.pid}`);
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(partial, DIST);
    rmSync(old, { recursive: true, force: true });
    built = true;
  });
  return built;
}
