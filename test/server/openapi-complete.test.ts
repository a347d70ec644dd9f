// Issue 11: /openapi.json said `{200: {}}` for every route. Every operation of the whole server now
// declares a non-empty schema for its success answer, so the web client's generated types
// (web/src/api-types.ts) and any other client know what each route sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';


let store: Store;
let handle: AppHandle;
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }>> };

beforeAll(async () => {
  const config = { ...loadConfig({}), sqlitePath: ':memory:', databaseUrl: null, loadBundled: false };
  store = await openStore(config);
  handle = await buildApp(config, store, { logger: false });
  await handle.app.ready();
  doc = (await handle.app.inject('/openapi.json')).json();
});
afterAll(async () => {
  await handle?.app.close();
  await store?.close();
});

/** `get /entities/{id}` for each operation whose success answer has no schema, or an empty one. */
function undescribed(): string[] {
  const out: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      const described = success.some(([, r]) => Object.values(r.content ?? {}).some((m) => m.schema && Object.keys(m.schema).length > 0));
      if (!described) out.push(`${method} ${path}`);
    }
  }
  return out.sort();
}

describe('/openapi.json', () => {
  it('declares a non-empty success schema for every operation', () => {
    expect(undescribed()).toEqual([]);
  });
});
