// The server's schemas are compiled once per process, when a route is first used (schema-compilers.ts):
// requests are still checked, coerced and completed by Fastify's Ajv, and answers written by
// fast-json-stringify, in every app of the process. A wrapper that lost Ajv's errors let a bad request
// through to its handler (a 404 here, for the unknown list, instead of the 400).
import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { sharedCompilers } from '../../src/server/schema-compilers.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { authHeaders } from '../support/credentials.ts';

let store: Store;
const apps: AppHandle[] = [];
let headers: Record<string, string>;

beforeAll(async () => {
  const config = { ...loadConfig({}), sqlitePath: ':memory:', databaseUrl: null, loadBundled: false };
  store = await openStore(config);
  for (let i = 0; i < 2; i++) {
    const handle = await buildApp(config, store, { logger: false });
    await handle.app.ready();
    apps.push(handle);
  }
  headers = await authHeaders(store);
});
afterAll(async () => {
  for (const handle of apps) await handle.app.close();
  await store?.close();
});

describe('schemas compiled on first use, shared by the apps of a process', () => {
  it('rejects a request that breaks only its schema, with the field named, in each app', async () => {
    for (const { app } of apps) {
      for (const query of ['limit=abc', 'limit=0', 'kind=renamed']) {
        const answer = await app.inject({ url: `/datasets/no_such_list/diff?${query}`, headers });
        expect(answer.statusCode, query).toBe(400);
        expect(answer.json().error, query).toMatch(/^querystring\/(limit|kind) must /);
      }
      // Coerced ("5" to 5) and so valid: the handler answers, for the unknown list.
      expect((await app.inject({ url: '/datasets/no_such_list/diff?limit=5', headers })).statusCode).toBe(404);
    }
  });

  it('writes answers through their response schemas, in each app', async () => {
    // A route whose handler answers more, and other types, than its schema declares (buildApp allows
    // no route without an access rule: these apps have the compilers alone).
    for (let i = 0; i < 2; i++) {
      const app = Fastify({ schemaController: { compilersFactory: sharedCompilers } });
      app.get('/loose', { schema: { response: { 200: Type.Object({ count: Type.Integer() }) } } }, async () => ({ count: '7', secret: 'not declared' }));
      const answer = await app.inject('/loose');
      expect(answer.body).toBe('{"count":7}');
      await app.close();
    }
  });
});
