// The resolver's HTTP routes and commands over a copy of the bundled lists.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { runCli } from '../support/cli.ts';
import { authHeaders, keyAuthor } from '../support/credentials.ts';
import { Resolver } from '../../src/resolve/service.ts';

let server: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'interdict-resolve-cli-'));
beforeAll(async () => {
  server = await startServer({ writable: true });
  // candidates among the UN and UK lists (the whole bundle is bench:xref's job)
  await new Resolver(server.store).xref({ datasets: ['un_sc_sanctions', 'gb_hmt_sanctions'] });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A request with the admin key unless other `headers` (or none: `{}`) are given. */
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = server.headers) => {
  const res = await fetch(server.url + path, { method, headers: body ? { 'content-type': 'application/json', ...headers } : headers, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: (await res.json()) as any };
};

describe('HTTP', () => {
  it('pages candidates by score with their evidence, filtered by dataset, score and status', async () => {
    const { status, body } = await call('GET', '/xref/candidates?status=all&limit=5');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(500);
    expect(body.results).toHaveLength(5);
    const scores = body.results.map((c: any) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const flagged = (await call('GET', '/xref/candidates?status=flagged&dataset=gb_hmt_sanctions')).body;
    expect(flagged.results.length).toBeGreaterThan(0);
    expect(flagged.results[0]).toMatchObject({ flagged: true, status: 'flagged', official: expect.any(String), conflicts: expect.arrayContaining(['official.names_differ']) });
    const band = (await call('GET', '/xref/candidates?status=waiting&min=0.8&max=0.9')).body;
    expect(band.results.every((c: any) => c.score >= 0.8 && c.score <= 0.9 && c.status === 'waiting')).toBe(true);
    expect((await call('GET', '/xref/candidates?status=maybe')).status).toBe(400);
  });

  it('records a judgement with its author, and the entity answers for member and canonical ids with its members', async () => {
    const refused = await call('POST', '/judgements', { left: 'gb_hmt_sanctions:13360', right: 'us_ofac_sdn:23090', judgement: 'same', reason: 'JO Kyong Chol' }, {});
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/API key/);
    const made = await call('POST', '/judgements', { left: 'gb_hmt_sanctions:13360', right: 'us_ofac_sdn:23090', judgement: 'same', reason: 'JO Kyong Chol, same name, DPRK' }, await authHeaders(server.store, 'analyst'));
    expect(made.status).toBe(201);
    const canonical = made.body.targets[0].canonical_id;
    expect(canonical).toMatch(/^NK-/);
    for (const id of ['us_ofac_sdn:23090', 'gb-hmt-sanctions-13360', canonical]) {
      const { status, body } = await call('GET', `/entities/${id}`);
      expect(status).toBe(200);
      expect(body.id).toBe(canonical);
      expect(body.referents).toEqual(['gb_hmt_sanctions:13360', 'us_ofac_sdn:23090']);
      expect(body.members.map((m: any) => m.referent)).toEqual(['gb_hmt_sanctions:13360', 'us_ofac_sdn:23090']);
      expect(body.members[0].judgements[0]).toMatchObject({ author: await keyAuthor(server.store, 'analyst'), reason: 'JO Kyong Chol, same name, DPRK' });
    }
    const contradiction = await call('POST', '/judgements', { judgements: [{ left: 'gb_hmt_sanctions:13360', right: 'us_ofac_sdn:23090', judgement: 'not-same', reason: 'x' }, { left: 'us_ofac_sdn:23090', right: 'gb_hmt_sanctions:13360', judgement: 'same', reason: 'y' }] });
    expect(contradiction.status).toBe(409);
    expect((await call('POST', '/judgements', { left: 'us_ofac_sdn:1', right: 'us_ofac_sdn:99999999', judgement: 'same', reason: 'x' })).status).toBe(404);
  });
});

describe('command line', () => {
  const env = () => ({ INTERDICT_DB: sqlitePath, INTERDICT_NO_BUNDLED: '1' });
  let sqlitePath = '';
  beforeAll(async () => {
    sqlitePath = join(dir, 'cli.db');
    const { copyFileSync } = await import('node:fs');
    const { inject } = await import('vitest');
    copyFileSync(inject('bundledDb'), sqlitePath);
  });

  it('judges, refuses contradictions with exit code 5, and moves judgements out and in', async () => {
    const ok = await runCli(['judge', 'gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034', 'same', '--reason', 'UN Ref KPi.034', '--author', 'analyst-a'], env());
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/judgement #1: gb-hmt-sanctions-13419 same un-sc-sanctions-KPi.034 \(by analyst-a\)/);
    const bad = await runCli(['judge', 'un-sc-sanctions-KPi.034', 'gb-hmt-sanctions-13419', 'not-same', '--reason', 'no', '--author', 'analyst-b'], env());
    expect(bad.code).toBe(0); // a later judgement on the same pair replaces the earlier one
    const unknown = await runCli(['judge', 'un-sc-sanctions-KPi.999', 'gb-hmt-sanctions-13419', 'same', '--reason', 'x'], env());
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toMatch(/unknown entity id: un-sc-sanctions-KPi.999/);
    const file = join(dir, 'judgements.jsonl');
    expect((await runCli(['judgements', 'export', file], env())).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({ judgement: 'negative', user: 'analyst-b', source: 'gb-hmt-sanctions-13419', target: 'un-sc-sanctions-KPi.034' });
    writeFileSync(join(dir, 'bad.jsonl'), '{"source":"gb-hmt-sanctions-13419","target":"un-sc-sanctions-KPi.034","judgement":"positive","user":"x"}\n{"source":"gb-hmt-sanctions-13419","target":"un-sc-sanctions-KPi.034","judgement":"negative","user":"x"}\n');
    const refused = await runCli(['judgements', 'import', join(dir, 'bad.jsonl')], env());
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/contradicts itself/);
  });

  it('exports one FtM entity per target with every member as a referent', async () => {
    expect((await runCli(['judge', 'gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034', 'undo', '--reason', 'retry', '--author', 'a'], env())).code).toBe(0);
    expect((await runCli(['judge', 'gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034', 'same', '--reason', 'UN Ref', '--author', 'a'], env())).code).toBe(0);
    const out = join(dir, 'un.ftm.jsonl');
    const run = await runCli(['export', 'un_sc_sanctions', '--resolved', '--format', 'ftm', '--output', out], env());
    expect(run.code, run.stderr).toBe(0);
    const entities = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const jo = entities.find((e) => e.referents?.includes('un_sc_sanctions:KPi.034'));
    expect(jo.id).toMatch(/^NK-/);
    expect(jo.referents).toEqual(['gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034']);
    expect(entities.filter((e) => e.referents?.includes('un_sc_sanctions:KPi.034'))).toHaveLength(1);
    expect((await runCli(['export', '--resolved', '--format', 'csv'], env())).code).toBe(2);
  });
});
