// Issue 18: after `interdict import` of a new OFAC version from the CLI, a running server kept
// screening against the old list (more than 50 s later) and /entities/us-ofac-sdn-41736 gave 404.
// Two real processes: `interdict serve`, then `interdict import` of the version that adds MKRTYCHEV,
// Ashot (ent_num 41736); the server must answer from the new version within seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';

const BIN = new URL('../../bin/interdict.js', import.meta.url).pathname;
const FIX = new URL('../fixtures/ofac_xml/csv_2023-12-28/', import.meta.url).pathname;
const FILES = ['sdn.csv', 'add.csv', 'alt.csv'];
const NEW_ID = 'us-ofac-sdn-41736';

/** The fixture's files without the rows of ent_num 41736: the version before MKRTYCHEV was listed. */
function writeVersionBefore(dir: string): string[] {
  return FILES.map((f) => {
    const lines = readFileSync(join(FIX, f), 'latin1').split('\r\n');
    const path = join(dir, f);
    writeFileSync(path, lines.filter((l) => !l.startsWith('41736,')).join('\r\n'), 'latin1');
    return path;
  });
}

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** `interdict serve` on a free port; resolves with its URL once it says it is ready. */
function serve(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let url = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
      url ||= /listening on (http:\/\/\S+)/.exec(stderr)?.[1] ?? '';
      if (url && /ready in \d+ ms/.test(stderr)) resolve({ url, child });
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** A key made as an operator makes one (`interdict keys create`): every request needs credentials. */
let headers: Record<string, string> = {};
const get = (url: string) => fetch(url, { headers });

async function topMatch(url: string): Promise<string | undefined> {
  const body = { queries: { q: { schema: 'Person', properties: { name: ['Ashot Mkrtychev'] } } } };
  const r = await fetch(`${url}/match/default`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await r.json()) as any;
  return json.responses.q.results[0]?.id;
}

describe.each(ENGINES)('a server on %s follows imports made by another process', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-live-'));
  let pgDb: TestStore | undefined;
  let server: ChildProcess | undefined;
  let url = '';
  let env: Record<string, string>;

  beforeAll(async () => {
    if (engine === 'postgres') pgDb = await freshStore('postgres');
    env = { INTERDICT_DB: join(dir, 'live.db'), DATABASE_URL: pgDb?.url ?? '', INTERDICT_NO_BUNDLED: '1' };
    const first = await cli(['import', ...writeVersionBefore(dir)], env);
    expect(first.code, first.stderr).toBe(0);
    const key = await cli(['keys', 'create', '--name', 'cross-process test', '--role', 'viewer'], env);
    expect(key.code, key.stderr).toBe(0);
    headers = { authorization: `ApiKey ${key.stdout.trim()}` };
    ({ url, child: server } = await serve(env));
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const closed = new Promise((r) => server!.once('close', r));
      server.kill('SIGTERM');
      await closed;
    }
    await pgDb?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /match and /entities from the new version within seconds of a CLI import', async () => {
    expect((await get(`${url}/entities/${NEW_ID}`)).status).toBe(404);
    expect(await topMatch(url)).not.toBe(NEW_ID);

    const second = await cli(['import', ...FILES.map((f) => join(FIX, f))], env);
    expect(second.code, second.stderr).toBe(0);
    const imported = Date.now();

    let matched = false;
    let resolved = false;
    while (Date.now() - imported < 15_000 && !(matched && resolved)) {
      resolved ||= (await get(`${url}/entities/${NEW_ID}`)).status === 200;
      matched ||= (await topMatch(url)) === NEW_ID;
      if (!(matched && resolved)) await new Promise((r) => setTimeout(r, 200));
    }
    const took = Date.now() - imported;
    expect({ matched, resolved }).toEqual({ matched: true, resolved: true });
    expect(took).toBeLessThan(5_000);
    const catalog = (await (await get(`${url}/catalog`)).json()) as any;
    expect(catalog.datasets.find((d: any) => d.name === 'us_ofac_sdn').versions).toBe(2);
  }, 60_000);
});
