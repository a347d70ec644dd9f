// `sync` against a local HTTP server serving the official fixture files, and failing in every way a
// publisher's server can: the previous version must stay live each time.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDatasets } from '../../src/ingest/sync.ts';
import { freshStore, type TestStore } from '../support/engines.ts';
import { runCli } from '../support/cli.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;
const unSample = readFileSync(join(FIX, 'un_sc/samples/sample_unsc.xml'));

let server: Server;
let base = '';
let t: TestStore;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path === '/ok/consolidated.xml') return res.end(unSample);
    if (path === '/error/consolidated.xml') return res.writeHead(500).end('boom');
    if (path === '/slow/consolidated.xml') return; // never answers
    if (path === '/truncated/consolidated.xml') {
      res.writeHead(200, { 'content-length': String(unSample.length) });
      res.write(unSample.subarray(0, 2000));
      return setTimeout(() => res.destroy(), 50);
    }
    if (path === '/garbage/consolidated.xml') return res.end('<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await freshStore('sqlite');
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await t?.dispose();
});

const sync = (route: string) =>
  syncDatasets(t.store, ['un_sc_sanctions'], { urls: { un_sc_sanctions: [`${base}/${route}/consolidated.xml`] }, timeoutMs: 1000 });

describe('sync', () => {
  it('downloads, verifies and imports a list', async () => {
    const [r] = await sync('ok');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.outcome.version.publishedAt).toBe('2024-10-17');
    expect(r.outcome.version.schemaCounts.Person).toBe(7);
    expect(r.downloaded[0].bytes).toBe(unSample.length);
  });

  it.each([
    ['error', /HTTP 500/],
    ['slow', /no answer within 1000 ms/],
    ['truncated', /download failed|truncated/],
    ['garbage', /consolidated\.xml:\d+: malformed XML/],
    ['missing', /HTTP 404/],
  ])('keeps the previous version live when the server is %s', async (route, message) => {
    const before = await t.store.liveVersions();
    const [r] = await sync(route);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(message);
    expect(await t.store.liveVersions()).toEqual(before);
  });

  it('exits non-zero from the CLI and says the previous version stays live', async () => {
    const env = { INTERDICT_DB: t.sqlitePath, INTERDICT_SYNC_URLS: `un_sc_sanctions=${base}/error/consolidated.xml` };
    const r = await runCli(['sync', 'un_sc_sanctions'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/un_sc_sanctions: sync FAILED, previous version stays live: .*HTTP 500/);
  });

  it('refuses a dataset it has no source for', async () => {
    await expect(syncDatasets(t.store, ['my_own_list'])).rejects.toThrow(/no download source for "my_own_list"/);
  });
});
