// The engines a store test runs against: SQLite always; PostgreSQL when INTERDICT_TEST_PG_URL names a
// server (`.ci/run` starts a throwaway cluster and sets it). Each store gets a fresh database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';

export const PG_URL = process.env.INTERDICT_TEST_PG_URL ?? '';
export const PG_SKIP_REASON = PG_URL
  ? ''
  : 'PostgreSQL suite skipped: INTERDICT_TEST_PG_URL is not set (run `bash .ci/run`, which starts a throwaway PostgreSQL 15 cluster, or set it to a server URL)';

export const ENGINES: ('sqlite' | 'postgres')[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestStore {
  store: Store;
  url: string | null;
  sqlitePath: string;
  dispose(): Promise<void>;
}

/** Runs `fn` on a PostgreSQL connection of its own to `url` (the test cluster's by default), ended after. */
export async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>, url: string = PG_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated, empty store on the given engine. */
export async function freshStore(engine: 'sqlite' | 'postgres'): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-test-'));
  const sqlitePath = join(dir, 'test.db');
  if (engine === 'sqlite') {
    const store = await openStore({ databaseUrl: null, sqlitePath });
    return { store, url: null, sqlitePath, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `interdict_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withPgClient((admin) => admin.query(`create database ${name}`));
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), sqlitePath });
  return {
    store,
    url: url.toString(),
    sqlitePath,
    dispose: async () => {
      await store.close();
      await withPgClient((admin) => admin.query(`drop database if exists ${name}`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh store for the tests of one describe block: made before them, disposed after. */
export function freshStoreForBlock(engine: 'sqlite' | 'postgres'): TestStore {
  return storeForBlock(() => freshStore(engine));
}

/**
 * A store made by `make` before a describe block's tests and disposed after them, usable as a value at
 * once: each property is read from the store made (an error before beforeAll has run).
 */
export function storeForBlock<T extends TestStore>(make: () => Promise<T>, timeout?: number): T {
  let t: T | undefined;
  beforeAll(async () => {
    t = await make();
  }, timeout);
  afterAll(async () => t?.dispose());
  return new Proxy({} as T, {
    get(_, key) {
      if (!t) throw new Error('the store is made in beforeAll');
      const value = Reflect.get(t, key);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}
