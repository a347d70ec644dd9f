// Stale-list alerts on SQLite with the UN sample (published 2024-10-17): a list older than its expected
// interval raises one alert however often it is checked, the alert reaches the inbox (API included) and
// the webhook outbox, a list's own interval overrides the default, and a new version resolves it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { Monitor } from '../../src/monitor/monitor.ts';
import { Webhooks } from '../../src/monitor/webhooks.ts';
import { buildApp } from '../../src/server/app.ts';
import { checkLists } from '../../src/server/list-changes.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { authHeaders } from '../support/credentials.ts';

const UN_SAMPLE = new URL('../fixtures/un_sc/samples/sample_unsc.xml', import.meta.url).pathname;
const DEFAULTS = { staleAfterDays: 30, staleDaysByList: {} };
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('stale-list alerts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-stale-'));
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    const config = { ...loadConfig({}), sqlitePath: join(dir, 'interdict.db'), databaseUrl: null, loadBundled: false, staleCheckMinutes: 0, serverJobs: false };
    store = await openStore(config);
    await importFiles(store, [UN_SAMPLE], { author: 'test' });
    await Webhooks.of(store).register({ url: 'http://127.0.0.1:9/hook', events: ['list.stale'] }, 'user:admin');
    ({ app } = await buildApp(config, store, { logger: false }));
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('raises nothing while a list is within its interval', async () => {
    expect(await checkLists(store, DEFAULTS, day('2024-11-01'))).toEqual({ raised: [], resolved: 0 });
    // A list's own interval wins over the default.
    expect((await checkLists(store, { staleAfterDays: 30, staleDaysByList: { un_sc_sanctions: 365 } }, day('2025-03-01'))).raised).toEqual([]);
  });

  it('raises one alert per stale list and episode, however often it is checked', async () => {
    const { raised } = await checkLists(store, DEFAULTS, day('2025-01-01'));
    expect(raised).toEqual([expect.objectContaining({ kind: 'list-stale', portfolio: '', ref: 'un_sc_sanctions', status: 'open', reason: expect.stringMatching(/published 2024-10-17, 76 days ago \(older than 30 days\)/) })]);
    expect((await checkLists(store, DEFAULTS, day('2025-01-02'))).raised).toEqual([]);
    expect((await checkLists(store, { staleAfterDays: 7, staleDaysByList: {} }, day('2025-02-01'))).raised).toEqual([]);

    const monitor = Monitor.of(store);
    expect((await monitor.alerts({ kind: 'list-stale' })).results.map((a) => a.id)).toEqual([raised[0].id]);
    expect((await monitor.alerts({ status: 'open' })).total).toBe(1);
    expect((await monitor.alerts({ portfolio: 'customers' })).total).toBe(0);
    // Told to the webhooks that listen for it, once.
    const pending = await Webhooks.of(store).pending();
    expect(pending.map((e) => [e.deliveries[0].event, (e.deliveries[0].data as { ref: string }).ref])).toEqual([['list.stale', 'un_sc_sanctions']]);
  });

  it('shows in the inbox and the alert page over the API', async () => {
    const headers = await authHeaders(store, 'viewer');
    const inbox = await app.inject({ method: 'GET', url: '/alerts?kind=list-stale', headers });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const [alert] = JSON.parse(inbox.body).results;
    expect(alert).toMatchObject({ portfolio: '', ref: 'un_sc_sanctions', detail: { list: { dataset: 'un_sc_sanctions' }, expected_days: 30 } });
    const detail = await app.inject({ method: 'GET', url: `/alerts/${alert.id}`, headers });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(JSON.parse(detail.body)).toMatchObject({ alert: { id: alert.id }, record: null });
  });

  it('resolves itself when a new version of the list arrives', async () => {
    const next = join(dir, 'consolidated.xml');
    writeFileSync(next, readFileSync(UN_SAMPLE, 'utf8').replace('dateGenerated="2024-10-17', 'dateGenerated="2025-01-10'));
    await importFiles(store, [next], { author: 'test' });
    expect(await checkLists(store, DEFAULTS, day('2025-01-12'))).toEqual({ raised: [], resolved: 1 });
    const monitor = Monitor.of(store);
    const [alert] = (await monitor.alerts({ kind: 'list-stale' })).results;
    expect(alert.status).toBe('resolved');
    expect((await monitor.alerts({ status: 'resolved' })).total).toBe(1);
    expect(await monitor.history(alert.id)).toEqual([expect.objectContaining({ actor: 'system:freshness', action: 'resolve', status: 'resolved', reason: expect.stringMatching(/published 2025-01-10\) is live/) })]);
    // The new version going stale in turn is a new episode: a new alert.
    expect((await checkLists(store, DEFAULTS, day('2025-03-01'))).raised).toHaveLength(1);
  });
});
