// Starts the real server in-process on a free local port over a SQLite database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/types.ts';
import { copyOfBundledDbWithSnapshots, prepareBundledSnapshots } from './bundled-db.ts';
import { authHeaders } from './credentials.ts';

export interface RunningServer {
  url: string;
  store: Store;
  /** An admin API key's Authorization header: every request needs credentials (see authHeaders for other roles). */
  headers: { authorization: string };
  stop(): Promise<void>;
}

/** With `writable`, the server gets its own copy of the bundled database; otherwise it shares it read-mostly. */
export async function startServer(options: { writable?: boolean; empty?: boolean } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-server-'));
  const shared = inject('bundledDb');
  // Both start from the index and graph saved for the bundled lists (built by the first test that asks).
  if (!options.empty && !options.writable) await prepareBundledSnapshots(shared);
  const sqlitePath = options.empty ? join(dir, 'empty.db') : options.writable ? await copyOfBundledDbWithSnapshots(shared, join(dir, 'copy.db')) : shared;
  // The JSON log shows warnings and errors (a 500's stack) in the test output, not every request.
  const config = { ...loadConfig({ INTERDICT_LOG_LEVEL: process.env.INTERDICT_LOG_LEVEL ?? 'warn' }), sqlitePath, databaseUrl: null, loadBundled: !options.empty };
  const store = await openStore(config);
  const { app, prepare } = await buildApp(config, store);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  await prepare();
  return {
    url: address,
    store,
    headers: await authHeaders(store),
    async stop() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
