// `interdict worker` as its own process: a full re-screen queued through the API (by a server that runs
// no jobs itself) is taken by the worker, which prints it, and shows `completed` with its result in
// GET /jobs/{id}. Then `interdict import` brings a version of OFAC where KIM Jong Un's birth date
// changed: on SQLite the import re-screens by itself, on PostgreSQL it queues the re-screen and the
// worker raises the alert. SIGTERM stops the worker cleanly. On SQLite (the jobs table is the queue)
// and on PostgreSQL (pg-boss) when INTERDICT_TEST_PG_URL is set. OFAC's list is the real subset
// (test/support/ofac-files.ts): the point is the worker, not the size.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { authHeaders } from '../support/credentials.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreForBlock } from '../support/imported.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const BIN = new URL('../../bin/interdict.js', import.meta.url).pathname;
const CUSTOMERS = ['id,schema,name,birth_date,nationality', 'C-002,Person,Kim Jong Un,1984-01-08,kp', 'C-003,Person,Maria Schmidt,1980-05-05,de', 'C-004,Company,Korea Mining Development Trading Corporation,,kp'].join('\n') + '\n';

/** The 2021-07-07 files with KIM Jong Un's birth date moved a year: a new version with one changed target. */
function changedList(dir: string): string[] {
  return SDN_2021_SUBSET.map((path) => {
    const copy = join(dir, basename(path));
    if (basename(path) !== 'sdn.csv') copyFileSync(path, copy);
    else {
      const lines = readFileSync(path, 'latin1').split('\n');
      const kim = lines.findIndex((l) => l.startsWith('20157,"KIM, Jong Un"'));
      lines[kim] = lines[kim].replace('DOB 08 Jan 1984', 'DOB 08 Jan 1983');
      writeFileSync(copy, lines.join('\n'), 'latin1');
    }
    return copy;
  });
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

for (const engine of ENGINES) {
  describe(`interdict worker on ${engine}`, () => {
    const t = importedStoreForBlock(engine, SDN_2021_SUBSET, { author: 'test' });
    let handle: AppHandle;
    let worker: ChildProcess | undefined;
    let output = '';
    let exited: Promise<number | null>;
    const files = mkdtempSync(join(tmpdir(), 'interdict-worker-'));
    const env = () => ({ INTERDICT_DB: t.sqlitePath, DATABASE_URL: t.url ?? '' });

    beforeAll(async () => {
      const config = { ...loadConfig({}), sqlitePath: t.sqlitePath, databaseUrl: t.url, loadBundled: false };
      handle = await buildApp(config, t.store, { logger: false });
    });
    afterAll(async () => {
      worker?.kill('SIGKILL');
      await handle?.app.close();
      rmSync(files, { recursive: true, force: true });
    });

    it('runs a re-screen queued through the API and reports it done', async () => {
      const headers = await authHeaders(t.store, 'analyst');
      const up = await handle.app.inject({ method: 'PUT', url: '/portfolios/customers', headers: { ...headers, 'content-type': 'text/csv' }, payload: CUSTOMERS });
      expect(up.statusCode, up.body).toBe(200);
      expect((await handle.app.inject({ method: 'POST', url: '/portfolios/nobody/rescreen', headers })).statusCode).toBe(404);
      const viewer = await authHeaders(t.store, 'viewer');
      expect((await handle.app.inject({ method: 'POST', url: '/portfolios/customers/rescreen', headers: viewer })).statusCode).toBe(403);

      const queued = await handle.app.inject({ method: 'POST', url: '/portfolios/customers/rescreen', headers });
      expect(queued.statusCode, queued.body).toBe(202);
      const job = JSON.parse(queued.body);
      expect(job).toMatchObject({ name: 'rescreen', state: 'queued', data: { portfolio: 'customers', full: true }, worker: null });
      // Nothing in this process runs it: it waits for the worker.
      await new Promise((r) => setTimeout(r, 500));
      expect(JSON.parse((await handle.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: viewer })).body).state).toBe('queued');
      const depth = () => handle.app.inject({ method: 'GET', url: '/metrics', headers: viewer }).then((r) => /^interdict_job_queue_depth (\d+)$/m.exec(r.body)?.[1]);
      expect(await depth()).toBe('1');

      worker = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] });
      worker.stdout!.on('data', (d) => (output += d));
      worker.stderr!.on('data', (d) => (output += d));
      exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));

      const deadline = Date.now() + 90_000;
      let done = job;
      while (done.state !== 'completed' && done.state !== 'failed' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        done = JSON.parse((await handle.app.inject({ method: 'GET', url: `/jobs/${job.id}`, headers: viewer })).body);
      }
      expect(done, output).toMatchObject({ state: 'completed', progress: 1, attempts: 1, error: null, result: { portfolio: 'customers', records: 3, alerts: 0 } });
      const name = /worker (\S+) running rescreen and webhook-delivery jobs/.exec(output)?.[1];
      expect(name, output).toBeDefined();
      expect(done.worker).toBe(name);
      expect(output).toMatch(new RegExp(`job rescreen ${job.id} started \\(attempt 1\\)`));
      // The job is marked completed before the worker's line saying so has come through its pipe.
      const completedLine = new RegExp(`job rescreen ${job.id} completed in \\d+ ms`);
      for (const until = Date.now() + 10_000; !completedLine.test(output) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
      expect(output).toMatch(completedLine);

      const listed = JSON.parse((await handle.app.inject({ method: 'GET', url: '/jobs?name=rescreen', headers: viewer })).body).results;
      expect(listed.map((j: { id: string; state: string }) => [j.id, j.state])).toEqual([[job.id, 'completed']]);
      expect(await depth()).toBe('0');
    });

    it(`re-screens after \`interdict import\` ${engine === 'postgres' ? 'in the worker, from the queue' : 'in the import itself'}`, async () => {
      const imported = await cli(['import', ...changedList(files)], env());
      expect(imported.code, imported.stderr).toBe(0);
      const viewer = await authHeaders(t.store, 'viewer');
      if (engine === 'postgres') {
        const id = /re-screen of us_ofac_sdn after version \d+ → \d+ queued as job (\S+)/.exec(imported.stderr)?.[1];
        expect(id, imported.stderr).toBeDefined();
        const deadline = Date.now() + 90_000;
        let job = { state: 'queued' } as { state: string; result?: unknown; worker?: string };
        while (job.state !== 'completed' && job.state !== 'failed' && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250));
          job = JSON.parse((await handle.app.inject({ method: 'GET', url: `/jobs/${id}`, headers: viewer })).body);
        }
        expect(job, output).toMatchObject({ state: 'completed', result: { dataset: 'us_ofac_sdn', mode: 'delta', alerts: 1, kinds: { 'new-hit': 0, 'changed-hit': 1, lifted: 0 } } });
        expect(job.worker).not.toBeNull();
      } else {
        expect(imported.stderr).toMatch(/monitoring: us_ofac_sdn \S+ → \S+: \d+ targets changed; delta re-screen of \d+ records raised 1 alerts \(0 new hits, 1 changed, 0 lifted\)/);
      }
      const alerts = JSON.parse((await handle.app.inject({ method: 'GET', url: '/alerts?kind=changed-hit', headers: viewer })).body);
      expect(alerts.results.map((a: { ref: string; reason: string }) => [a.ref, a.reason])).toEqual([['C-002', 'birth date 1984-01-08 → 1983-01-08']]);

      worker!.kill('SIGTERM');
      expect(await exited, output).toBe(0);
      expect(output).toContain('worker stopping');
    });
  });
}
