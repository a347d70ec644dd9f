// Issue 10, point 6: the server answered any Host header (a page on another site could reach a
// localhost server through DNS rebinding), and with INTERDICT_HOST=0.0.0.0 it logged that it listened
// on 127.0.0.1, with no warning that it was reachable from the network.
import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { hostAllowed, listenAndDescribe } from '../../src/server/binding.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';

describe('Host check', () => {
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await store?.close();
  });

  it('answers IP literals, localhost and configured names; refuses any other name with 421', async () => {
    store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
    const config = { ...loadConfig({ INTERDICT_ALLOWED_HOSTS: 'screening.example.org, .corp.example' }), loadBundled: false };
    ({ app } = await buildApp(config, store));
    const status = async (host: string) => (await app!.inject({ url: '/healthz', headers: { host } })).statusCode;
    for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', '10.0.0.5', 'screening.example.org', 'a.corp.example:443', 'LOCALHOST']) {
      expect(await status(host), host).toBe(200);
    }
    for (const host of ['evil.example', 'rebind.attacker.test:8080', 'screening.example.org.evil.test', 'corp.example.evil']) {
      expect(await status(host), host).toBe(421);
    }
    const refused = await app.inject({ url: '/catalog', headers: { host: 'evil.example' } });
    expect(refused.json()).toMatchObject({ status: 421, field: 'Host' });
    expect(refused.json().error).toMatch(/INTERDICT_ALLOWED_HOSTS/);
  });

  it('parses Host headers with ports and brackets', () => {
    expect(hostAllowed('127.0.0.1:1', [])).toBe(true);
    expect(hostAllowed('[::ffff:127.0.0.1]:80', [])).toBe(true);
    expect(hostAllowed('intranet:8080', [])).toBe(false);
    expect(hostAllowed('intranet:8080', ['intranet'])).toBe(true);
  });
});

describe('binding', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('logs the address it really binds and warns loudly beyond loopback', async () => {
    app = Fastify();
    const lines: string[] = [];
    await listenAndDescribe(app, '0.0.0.0', 0, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^listening on http:\/\/0\.0\.0\.0:\d+ \(every network interface; API description at http:\/\/127\.0\.0\.1:\d+\/openapi\.json\)$/);
    expect(lines[1]).toMatch(/^WARNING: bound to 0\.0\.0\.0, beyond loopback, WITHOUT TLS/);
  });

  it('says nothing alarming on loopback', async () => {
    app = Fastify();
    const lines: string[] = [];
    const url = await listenAndDescribe(app, '127.0.0.1', 0, (l) => lines.push(l));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines).toHaveLength(1);
    // The same line as before for loopback (test/web/server.ts reads the URL from it).
    expect(lines[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+ \(API description at http:\/\/127\.0\.0\.1:\d+\/openapi\.json\)$/);
  });
});

describe('interdict serve', () => {
  it('with INTERDICT_HOST=0.0.0.0 logs 0.0.0.0 (not 127.0.0.1) and the warning', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'interdict-serve-'));
    const bin = new URL('../../bin/interdict.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: { ...process.env, INTERDICT_HOST: '0.0.0.0', INTERDICT_DB: join(dir, 'db.db'), INTERDICT_NO_BUNDLED: '1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no warning in:\n${log}`)), 30_000);
      child.stderr.on('data', (d) => {
        log += d;
        if (/WARNING: bound to/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    expect(log).toMatch(/interdict: listening on http:\/\/0\.0\.0\.0:\d+ \(every network interface;/);
    expect(log).not.toMatch(/listening on http:\/\/127\.0\.0\.1/);
    expect(log).toMatch(/interdict: WARNING: bound to 0\.0\.0\.0, beyond loopback, WITHOUT TLS/);
  }, 60_000);
});
