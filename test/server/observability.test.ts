// The server's JSON log (request ids, errors with their stack) and its Prometheus /metrics.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import { SDN_2023_SUBSET } from '../support/ofac-files.ts';
import { authHeaders } from '../support/credentials.ts';
import { freshStore, type TestStore } from '../support/engines.ts';
import { startServer, type RunningServer } from '../support/server.ts';

describe('JSON log', () => {
  let db: TestStore;
  const lines: Record<string, any>[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>['app'];
  beforeAll(async () => {
    db = await freshStore('sqlite');
    const config = { ...loadConfig({ INTERDICT_LOG_LEVEL: 'info' }), loadBundled: false };
    ({ app } = await buildApp(config, db.store, { logStream: { write: (line) => void lines.push(JSON.parse(line)) } }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('keeps a plain request id the client sends, answers it, and logs every line of the request under it', async () => {
    const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'case-42.a' } });
    expect(res.headers['x-request-id']).toBe('case-42.a');
    const mine = lines.filter((l) => l.reqId === 'case-42.a');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 } });
  });

  it('makes its own id when the client sends none or a hostile one', async () => {
    const plain = await app.inject({ url: '/healthz' });
    const hostile = await app.inject({ url: '/healthz', headers: { 'x-request-id': '"}\n{"level":60' } });
    for (const res of [plain, hostile]) expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a 500 as an error with its stack, while the client gets no internals', async () => {
    const headers = await authHeaders(db.store);
    await db.store.close(); // the database goes away under the server
    const res = await app.inject({ url: '/catalog', headers });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: 'internal error', status: 500 });
    const error = lines.find((l) => l.level === 50 && l.reqId === res.headers['x-request-id']);
    expect(error?.err?.stack).toMatch(/\n\s+at /);
    expect(error?.err?.message).toBeTruthy();
  });

  it('refuses an unknown level, naming the variable', () => {
    expect(() => loadConfig({ INTERDICT_LOG_LEVEL: 'loud' })).toThrow(/INTERDICT_LOG_LEVEL: "loud" is not one of fatal, error/);
  });
});

describe('the indexes in the JSON log', () => {
  // The screening index's and the graph's own lines went nowhere: a server whose index or graph could
  // not be saved (or brought up to date, or built) said nothing of it.
  it('logs the screening index built, and as warnings the index and graph that could not be saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interdict-log-'));
    const lines: Record<string, any>[] = [];
    const config = { ...loadConfig({ INTERDICT_LOG_LEVEL: 'info' }), sqlitePath: join(dir, 'interdict.db'), databaseUrl: null, loadBundled: false };
    const store = await openStore(config);
    const handle = await buildApp(config, store, { logStream: { write: (line) => void lines.push(JSON.parse(line)) } });
    try {
      await importFiles(store, SDN_2023_SUBSET);
      writeFileSync(`${config.sqlitePath}.cache`, 'a file where the saved indexes go');
      await handle.prepare();
      const said = (level: number, pattern: RegExp) => lines.filter((l) => l.level === level && pattern.test(l.msg));
      expect(said(30, /^screening index: \d+ entities in \d+ ms$/)).toHaveLength(1);
      expect(said(40, /^screening index not saved: /)).toHaveLength(1);
      expect(said(40, /^graph not saved: /)).toHaveLength(1);
    } finally {
      await handle.app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('/metrics over the bundled lists', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.stop());

  const metrics = async () => {
    const res = await fetch(`${server.url}/metrics`, { headers: server.headers });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series + ' '));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('has latency histograms per route pattern and status, not per URL', async () => {
    await fetch(`${server.url}/entities/us-ofac-sdn-21171`, { headers: server.headers });
    await fetch(`${server.url}/entities/no-such-entity`, { headers: server.headers });
    const text = await metrics();
    expect(value(text, 'interdict_http_request_duration_seconds_count{method="GET",route="/entities/:id",status_code="200"}')).toBe(1);
    expect(value(text, 'interdict_http_request_duration_seconds_count{method="GET",route="/entities/:id",status_code="404"}')).toBe(1);
    expect(text).toMatch(/interdict_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/entities\/:id",status_code="200"\} \d/);
    expect(text).not.toContain('us-ofac-sdn-21171');
  });

  it('has the index size and age, each list freshness and the job queue', async () => {
    const text = await metrics();
    expect(value(text, 'interdict_index_entities')).toBeGreaterThan(15_000);
    expect(value(text, 'interdict_index_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'interdict_index_building')).toBe(0);
    expect(value(text, 'interdict_list_stale{dataset="us_ofac_sdn"}')).toBe(1);
    expect(value(text, 'interdict_list_entities{dataset="un_sc_sanctions"}')).toBeGreaterThan(1_000);
    // OFAC SDN was published 2023-12-28: over two years old
    expect(value(text, 'interdict_list_age_seconds{dataset="us_ofac_sdn"}')).toBeGreaterThan(2 * 365 * 86_400);
    expect(value(text, 'interdict_job_queue_depth')).toBe(0);
    expect(text).toContain('# TYPE interdict_process_resident_memory_bytes gauge');
  });
});
