// Webhooks end to end with the real OFAC 2021-07-07 list (its real subset, test/support/ofac-files.ts:
// the point is the deliveries, not the size) and a real receiver (node:http on 127.0.0.1):
// an admin registers a webhook and sees its secret once; a portfolio upload raises alerts that reach
// the receiver signed with HMAC-SHA256 over `<timestamp>.<body>`, checked here with node:crypto; a
// decision is told too; a receiver that answers 500 twice and then 200 gets three attempts, all logged.
// On SQLite (the jobs table retries) and PostgreSQL (pg-boss retries) when INTERDICT_TEST_PG_URL is set.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/access/audit.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { authHeaders } from '../support/credentials.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreForBlock } from '../support/imported.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const CUSTOMERS = ['id,schema,name,birth_date,nationality', 'C-002,Person,Kim Jong Un,1984-01-08,kp', 'C-003,Person,Maria Schmidt,1980-05-05,de', 'C-004,Company,Korea Mining Development Trading Corporation,,kp'].join('\n') + '\n';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on a free local port; `answer` picks each request's status (by its 1-based number). */
async function receiver(answer: (n: number) => number = () => 200): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer(received.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/interdict`, received, server };
}

/** The check a receiver makes: HMAC-SHA256 with the secret over `<timestamp>.<raw body>`, compared in constant time. */
function signatureValid(r: Received, secret: string): boolean {
  const timestamp = String(r.headers['x-interdict-timestamp']);
  const given = Buffer.from(String(r.headers['x-interdict-signature']));
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const engine of ENGINES) describe(`webhooks on ${engine}`, () => {
  const t = importedStoreForBlock(engine, SDN_2021_SUBSET, { author: 'test' });
  let handle: AppHandle;
  const receivers: Server[] = [];
  const as = (role: 'viewer' | 'analyst' | 'reviewer' | 'admin') => authHeaders(t.store, role);
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, role: 'viewer' | 'analyst' | 'reviewer' | 'admin', payload?: object) => {
    const res = await handle.app.inject({ method, url, headers: await as(role), ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };

  beforeAll(async () => {
    // Retries a second apart (then two), so three attempts take about three seconds.
    const config = { ...loadConfig({}), sqlitePath: t.sqlitePath, databaseUrl: t.url, loadBundled: false, webhookAttempts: 4, webhookRetrySeconds: 1 };
    handle = await buildApp(config, t.store, { logger: false });
    await handle.jobs.work();
  });
  afterAll(async () => {
    await handle?.app.close();
    for (const r of receivers) r.close();
  });

  let secret = '';
  let hookId = '';
  let hook: Awaited<ReturnType<typeof receiver>>;

  it('tells a new alert to the receiver, signed with the secret shown once', async () => {
    hook = await receiver();
    receivers.push(hook.server);
    expect((await call('POST', '/webhooks', 'analyst', { url: hook.url, events: ['alert.created'] })).status).toBe(403);
    expect((await call('POST', '/webhooks', 'admin', { url: 'file:///etc/passwd', events: ['alert.created'] })).status).toBe(400);
    const created = await call('POST', '/webhooks', 'admin', { url: hook.url, events: ['alert.created', 'alert.decided'] });
    expect(created.status).toBe(201);
    ({ id: hookId, secret } = created.body);
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    const listed = await call('GET', '/webhooks', 'admin');
    expect(listed.body.results).toEqual([{ id: hookId, url: hook.url, events: ['alert.created', 'alert.decided'], created_at: expect.any(String), created_by: expect.stringMatching(/^key:/) }]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // The audit trail records the registration but never the secret.
    const audited = await AuditTrail.of(t.store).list({ action: 'webhook.create' });
    expect(audited.total).toBe(1);
    expect(JSON.stringify(audited)).not.toContain(secret);

    const up = await handle.app.inject({ method: 'PUT', url: '/portfolios/customers', headers: { ...(await as('analyst')), 'content-type': 'text/csv' }, payload: CUSTOMERS });
    expect(up.statusCode, up.body).toBe(200);
    const raised = JSON.parse(up.body).alerts as number;
    expect(raised).toBe(2);

    const got = await until('two alert.created deliveries', () => (hook.received.length >= 2 ? hook.received : undefined));
    await new Promise((r) => setTimeout(r, 700)); // no third delivery follows (each alert once)
    expect(got).toHaveLength(2);
    const alerts = (await call('GET', '/alerts?portfolio=customers', 'viewer')).body.results as { id: string; ref: string }[];
    for (const r of got) {
      expect(signatureValid(r, secret)).toBe(true);
      expect(signatureValid(r, `${secret}x`)).toBe(false);
      expect(Math.abs(Number(r.headers['x-interdict-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(r.headers['content-type']).toBe('application/json');
      // A body changed in transit no longer matches its signature.
      expect(signatureValid({ ...r, body: r.body.replace('customers', 'customerz') }, secret)).toBe(false);
    }
    const bodies = got.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => [b.event, b.data.portfolio, b.data.kind]).sort()).toEqual([['alert.created', 'customers', 'new-hit'], ['alert.created', 'customers', 'new-hit']]);
    expect(bodies.map((b) => b.data.ref).sort()).toEqual(['C-002', 'C-004']);
    expect(bodies.map((b) => b.data.id).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(got.map((r) => r.headers['x-interdict-delivery']).sort()).toEqual(bodies.map((b) => b.id).sort());

    const log = await until('the delivery log', async () => {
      const d = (await call('GET', `/webhooks/${hookId}/deliveries`, 'admin')).body.results;
      return d.length === 2 ? d : undefined;
    });
    expect(log.map((d: { event: string; attempt: number; status_code: number; error: string | null }) => [d.event, d.attempt, d.status_code, d.error])).toEqual([
      ['alert.created', 1, 200, null],
      ['alert.created', 1, 200, null],
    ]);
    const jobs = (await call('GET', '/jobs?name=webhook-delivery&state=completed', 'viewer')).body.results;
    expect(jobs).toHaveLength(2);
  });

  it('retries a receiver that answers 500 twice, then 200: three attempts, each in the log', async () => {
    const flaky = await receiver((n) => (n <= 2 ? 500 : 200));
    receivers.push(flaky.server);
    const created = await call('POST', '/webhooks', 'admin', { url: flaky.url, events: ['alert.decided'] });
    expect(created.status).toBe(201);
    const alert = (await call('GET', '/alerts?portfolio=customers&status=open', 'viewer')).body.results.find((a: { ref: string }) => a.ref === 'C-004');
    const decided = await call('POST', `/alerts/${alert.id}/decisions`, 'analyst', { status: 'false_positive', reason: 'a different company' });
    expect(decided.status).toBe(200);

    const log = await until(
      'three attempts',
      async () => {
        const d = (await call('GET', `/webhooks/${created.body.id}/deliveries`, 'admin')).body.results;
        return d.length === 3 ? d : undefined;
      },
      30_000,
    );
    expect(log.map((d: { attempt: number; status_code: number; error: string | null }) => [d.attempt, d.status_code, d.error])).toEqual([
      [3, 200, null],
      [2, 500, 'the receiver answered 500'],
      [1, 500, 'the receiver answered 500'],
    ]);
    // Backed off: the second retry waited about twice as long as the first.
    const at = log.map((d: { at: string }) => Date.parse(d.at)).reverse();
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(900);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(1800);
    expect(flaky.received).toHaveLength(3);
    for (const r of flaky.received) {
      expect(signatureValid(r, created.body.secret)).toBe(true);
      expect(JSON.parse(r.body)).toMatchObject({ event: 'alert.decided', data: { alert_id: alert.id, ref: 'C-004', status: 'false_positive', reason: 'a different company' } });
    }
    // The same event, delivered once to the first webhook too; only one job per webhook and event.
    const first = await until('the decision at the first receiver', () => hook.received.find((r) => JSON.parse(r.body).event === 'alert.decided'));
    expect(JSON.parse(first.body).id).toBe(JSON.parse(flaky.received[0].body).id);
    expect(signatureValid(first, secret)).toBe(true);

    const removed = await call('DELETE', `/webhooks/${created.body.id}`, 'admin');
    expect(removed.status).toBe(200);
    expect((await call('GET', `/webhooks/${created.body.id}/deliveries`, 'admin')).status).toBe(404);
  });
});
