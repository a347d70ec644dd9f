// Monitoring over HTTP with the real OFAC 2021-07-07 list (its real subset, test/support/ofac-files.ts):
// a portfolio uploaded as CSV is screened on arrival; the inbox filters; an analyst marks a false
// positive; a true match needs a second person with the reviewer role (four eyes); a viewer may read
// but not decide; every decision is audited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AuditTrail } from '../../src/access/audit.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/types.ts';
import { extractText, getDocumentProxy } from 'unpdf';
import { authHeaders } from '../support/credentials.ts';
import { importedSqliteFile } from '../support/imported.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const CUSTOMERS = ['id,schema,name,birth_date,nationality', 'C-002,Person,Kim Jong Un,1984-01-08,kp', 'C-003,Person,Maria Schmidt,1980-05-05,de', 'C-004,Company,Korea Mining Development Trading Corporation,,kp', 'C-005,Person,,,'].join('\n') + '\n';

describe('monitoring API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-monitor-api-'));
  let store: Store;
  let app: FastifyInstance;
  const as = async (role: 'viewer' | 'analyst' | 'reviewer') => authHeaders(store, role);

  beforeAll(async () => {
    const config = { ...loadConfig({}), sqlitePath: join(dir, 'interdict.db'), databaseUrl: null, loadBundled: false };
    await importedSqliteFile(config.sqlitePath, SDN_2021_SUBSET, { author: 'test' });
    store = await openStore(config);
    ({ app } = await buildApp(config, store, { logger: false }));
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('screens an uploaded CSV on arrival and names the record it cannot screen', async () => {
    const viewer = await app.inject({ method: 'PUT', url: '/portfolios/customers', headers: { ...(await as('viewer')), 'content-type': 'text/csv' }, payload: CUSTOMERS });
    expect(viewer.statusCode).toBe(403);
    const up = await app.inject({ method: 'PUT', url: '/portfolios/customers', headers: { ...(await as('analyst')), 'content-type': 'text/csv' }, payload: CUSTOMERS });
    expect(up.statusCode, up.body).toBe(200);
    expect(JSON.parse(up.body)).toMatchObject({ portfolio: 'customers', added: 3, unscreenable: [{ ref: 'C-005', line: 5 }] });
    const list = JSON.parse((await app.inject({ method: 'GET', url: '/portfolios', headers: await as('viewer') })).body);
    expect(list.results).toEqual([expect.objectContaining({ name: 'customers', records: 3 })]);
  });

  it('reads FtM JSON lines streamed as the body, and refuses a body over 100 MB with 413, keeping nothing of it', async () => {
    const lines = [{ id: 'J-1', schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'] } }, { id: 'J-2', schema: 'Person', properties: { name: ['Maria Schmidt'] } }];
    const jsonl = await app.inject({ method: 'PUT', url: '/portfolios/streamed', headers: { ...(await as('analyst')), 'content-type': 'application/x-ndjson' }, payload: Readable.from(lines.map((l) => JSON.stringify(l) + '\n')) });
    expect(jsonl.statusCode, jsonl.body).toBe(200);
    expect(JSON.parse(jsonl.body)).toMatchObject({ portfolio: 'streamed', added: 2 });

    // 101 MB of valid CSV rows, produced as they are sent: refused as they pass the limit.
    const row = 'X-0,Person,Somebody Unlisted,,\n';
    const rows = function* () {
      yield 'id,schema,name,birth_date,nationality\n';
      for (let sent = 0; sent <= 101 * 1024 * 1024; sent += 64 * 1024) yield row.repeat(Math.floor((64 * 1024) / row.length));
    };
    const big = await app.inject({ method: 'PUT', url: '/portfolios/too-big', headers: { ...(await as('analyst')), 'content-type': 'text/csv' }, payload: Readable.from(rows()) });
    expect(big.statusCode, big.body).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ status: 413, error: expect.stringContaining('100 MB') });
    const names = JSON.parse((await app.inject({ method: 'GET', url: '/portfolios', headers: await as('viewer') })).body).results.map((p: { name: string }) => p.name);
    expect(names).not.toContain('too-big');
  });

  it('decides alerts: a false positive by an analyst, a true match closed only by a second person who reviews', async () => {
    const inbox = JSON.parse((await app.inject({ method: 'GET', url: '/alerts?portfolio=customers&status=open', headers: await as('viewer') })).body);
    const byRef = new Map<string, { id: string }>(inbox.results.map((a: { ref: string; id: string }) => [a.ref, a]));
    expect([...byRef.keys()].sort()).toEqual(['C-002', 'C-004']);
    const decide = async (role: 'viewer' | 'analyst' | 'reviewer', id: string, status: string, reason: string) =>
      app.inject({ method: 'POST', url: `/alerts/${id}/decisions`, headers: await as(role), payload: { status, reason } });

    expect((await decide('viewer', byRef.get('C-004')!.id, 'false_positive', 'x')).statusCode).toBe(403);
    const fp = await decide('analyst', byRef.get('C-004')!.id, 'false_positive', 'a different company');
    expect(fp.statusCode, fp.body).toBe(200);
    expect(JSON.parse(fp.body)).toMatchObject({ status: 'false_positive', pending: false });

    const kim = byRef.get('C-002')!.id;
    const proposed = JSON.parse((await decide('analyst', kim, 'true_match', 'same birth date and nationality')).body);
    expect(proposed).toMatchObject({ status: 'in_review', pending: true });
    expect((await decide('analyst', kim, 'true_match', 'again')).statusCode).toBe(409);
    const closed = JSON.parse((await decide('reviewer', kim, 'true_match', 'confirmed')).body);
    expect(closed).toMatchObject({ status: 'true_match', pending: false });

    const detail = JSON.parse((await app.inject({ method: 'GET', url: `/alerts/${kim}`, headers: await as('viewer') })).body);
    const actors = detail.history.map((e: { actor: string; action: string }) => `${e.action} ${e.actor.split(':')[0]}`);
    expect(actors).toEqual(['propose-true-match key', 'decide key']);
    expect(new Set(detail.history.map((e: { actor: string }) => e.actor)).size).toBe(2);
    const audited = await AuditTrail.of(store).list({ action: 'alert.decision' });
    expect(audited.total).toBe(3);
  });

  it('reports an alert decision as PDF and HTML: the list version, both deciders, a Hangul name as itself', async () => {
    const headers = { ...(await as('analyst')), 'content-type': 'text/csv' };
    const merged = await app.inject({ method: 'PUT', url: '/portfolios/customers?mode=merge', headers, payload: 'id,schema,name,nationality\nC-006,Person,김정은,kp\n' });
    expect(merged.statusCode, merged.body).toBe(200);
    const inbox = JSON.parse((await app.inject({ method: 'GET', url: '/alerts?status=true_match', headers: await as('viewer') })).body);
    const kim = inbox.results[0];
    const pdf = await app.inject({ method: 'GET', url: `/reports/alerts/${kim.id}`, headers: await as('viewer') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    const version = (await store.liveVersions()).find((v) => v.dataset === 'us_ofac_sdn')!.version;
    expect(text).toContain(version);
    const deciders = JSON.parse((await app.inject({ method: 'GET', url: `/alerts/${kim.id}`, headers: await as('viewer') })).body).history.map((e: { actor: string }) => e.actor);
    for (const who of deciders) expect(text).toContain(who);
    expect(text).toContain('Kim Jong Un');

    const hangulAlert = JSON.parse((await app.inject({ method: 'GET', url: '/alerts?portfolio=customers', headers: await as('viewer') })).body).results.find((a: { ref: string }) => a.ref === 'C-006');
    expect(hangulAlert, 'the Hangul record hits the same target').toBeTruthy();
    const hangulPdf = await app.inject({ method: 'GET', url: `/reports/alerts/${hangulAlert.id}`, headers: await as('viewer') });
    const hangulText = (await extractText(await getDocumentProxy(new Uint8Array(hangulPdf.rawPayload)), { mergePages: true })).text;
    expect(hangulText).toContain('김정은');

    const html = await app.inject({ method: 'GET', url: `/reports/alerts/${kim.id}?format=html`, headers: await as('viewer') });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(html.body).toContain(version);
    expect((await app.inject({ method: 'GET', url: `/reports/alerts/${kim.id}` })).statusCode).toBe(401);
  });

  it('filters the inbox by age: alerts older than N days, or raised since a date', async () => {
    const get = async (query: string) => JSON.parse((await app.inject({ method: 'GET', url: `/alerts?portfolio=customers&${query}`, headers: await as('viewer') })).body);
    const all = (await get('limit=500')).results as { id: string; ref: string; created_at: string }[];
    expect(all.length).toBeGreaterThan(2);
    // One alert waited 40 days (its raise time moved back in the database), the others were raised today.
    const old = all.find((a) => a.ref === 'C-004')!;
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await (store as SqlStore).db.updateTable('alerts' as never).set({ created_at: fortyDaysAgo } as never).where('id' as never, '=', old.id as never).execute();
    const refs = (page: { results: { ref: string }[] }) => page.results.map((a) => a.ref).sort();

    const older = await get('older_than_days=30');
    expect(older.total).toBe(1);
    expect(refs(older)).toEqual(['C-004']);
    const recent = await get(`since=${new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10)}`);
    expect(recent.total).toBe(all.length - 1);
    expect(refs(recent)).not.toContain('C-004');
    expect((await get(`since=${fortyDaysAgo.slice(0, 10)}&older_than_days=30`)).total).toBe(1);
    expect((await get('older_than_days=0')).total).toBe(all.length);
    expect((await app.inject({ method: 'GET', url: '/alerts?since=yesterday', headers: await as('viewer') })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/alerts?since=2024-13-45', headers: await as('viewer') })).statusCode).toBe(400);
  });

  it('refuses a portfolio name that is not plain, and a body that is not text', async () => {
    const bad = await app.inject({ method: 'PUT', url: '/portfolios/%3Cscript%3E', headers: { ...(await as('analyst')), 'content-type': 'text/csv' }, payload: CUSTOMERS });
    expect(bad.statusCode).toBe(400);
    const binary = await app.inject({ method: 'PUT', url: '/portfolios/x', headers: { ...(await as('analyst')), 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF') });
    expect(binary.statusCode).toBe(415);
  });
});
