// The production build: src/ compiled by tsc runs the CLI, and batch screening in worker threads
// (which start the compiled worker module, no tsx) answers exactly as the sources do. The build is the
// dist/ the global setup keeps current (test/support/compiled.ts: tsc with the build's settings, its
// type check left to `npm run typecheck`, which covers src/ with the same options); compiling a second
// copy here cost ≈ 18 CPU-s a run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { distIsCurrent } from '../support/compiled.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = join(ROOT, 'dist/cli/main.js');
const work = mkdtempSync(join(ROOT, '.tmp-build-work-'));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the compiled CLI', () => {
  it('is built from the current sources', () => {
    expect(distIsCurrent()).toBe(true);
  });

  it('prints its help without TypeScript tooling', () => {
    const r = run([MAIN, '--help'], { INTERDICT_FROM_SOURCE: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: interdict/);
    expect(r.stdout).toMatch(/serve/);
  });

  // A command's declarations load no store, matcher, server or their packages (the door rule
  // cli-declares-then-loads in .dependency-cruiser.cjs): `--help` took ≈ 1 s when they did.
  it('prints its help having loaded the declarations of its commands alone', () => {
    const log = join(work, 'loaded.txt');
    const r = run(['--import', join(ROOT, 'test/support/loaded-modules.mjs'), MAIN, '--help'], { INTERDICT_LOADED_LOG: log, INTERDICT_FROM_SOURCE: '' });
    expect(r.code).toBe(0);
    const loaded = readFileSync(log, 'utf8').trim().split('\n');
    expect(loaded.filter((url) => url.endsWith('/dist/cli/commands/serve.js'))).toHaveLength(1);
    const packages = new Set(loaded.flatMap((url) => url.match(/\/node_modules\/((@[^/]+\/)?[^/]+)\//)?.[1] ?? []));
    expect([...packages]).toEqual(['commander']);
    // The constants modules the declarations name (option defaults, choices); nothing else of the domain.
    const light = /\/dist\/(cli\/(?!run\/)|config\.js|jobs\/cron\.js|model\/(errors|params)\.js|store\/(shrink|types)\.js|screening\/(algorithms|scopes|threads)\.js|resolve\/thresholds\.js|access\/roles\.js)/;
    expect(loaded.filter((url) => url.includes('/dist/') && !light.test(url))).toEqual([]);
  });

  // A user's `interdict export us_ofac_sdn | head` printed "error: write EPIPE" and exited 1; `datasets | head`
  // printed an unhandled 'error' event's stack trace.
  it('stops quietly, as SIGPIPE stops a Unix tool, when its reader closes the pipe', async () => {
    const child = spawn(process.execPath, [MAIN, 'export', 'us_ofac_sdn'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', INTERDICT_DB: inject('bundledDb') } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [first] = (await new Promise((resolve) => child.stdout.once('data', (chunk) => resolve([chunk])))) as Buffer[];
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(first.toString()).toMatch(/^\{"id":"us-ofac-sdn-/);
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('screens in worker threads started from the compiled module, as the sources do', () => {
    const input = join(work, 'queries.csv');
    writeFileSync(input, 'id,schema,name\n1,Organization,Korea Mining Development Trading Corporation\n2,Person,Kim Jong Un\n3,Person,Jane Smith\n');
    const args = ['screen', '--input', input, '--workers', '2', '--dataset', 'un_sc_sanctions'];
    const env = { INTERDICT_DB: inject('bundledDb') };
    const compiled = run([MAIN, ...args], { ...env, INTERDICT_FROM_SOURCE: '' });
    expect(compiled.stderr).toMatch(/\(2 workers\)/);
    expect(compiled.code).toBe(0);
    const source = run([join(ROOT, 'bin/interdict.js'), ...args], { ...env, INTERDICT_FROM_SOURCE: '1' });
    expect(source.code).toBe(0);
    const lines = compiled.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['1', '2', '3']);
    expect(lines[0].results[0]).toMatchObject({ id: 'un-sc-sanctions-KPe.001', match: true });
    expect(compiled.stdout).toBe(source.stdout);
  });
});
