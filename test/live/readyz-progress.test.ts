// Issue 18: during a start the web app could not say that data was loading, nor how far it was.
// /readyz now names the stage and a progress figure, which the app shows until the server is ready.
// The copy comes with the graph saved and no screening index: the index build is the step under watch
// (seconds); the graph, ten CPU-seconds more to build, is read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import { copyOfBundledDbWithSnapshots } from '../support/bundled-db.ts';

describe('/readyz while the server starts', () => {
  it('says which step of three it is in and how far, then ready', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interdict-readyz-'));
    const sqlitePath = await copyOfBundledDbWithSnapshots(inject('bundledDb'), join(dir, 'copy.db'), { graphOnly: true });
    const store = await openStore({ databaseUrl: null, sqlitePath });
    const { app, prepare } = await buildApp({ ...loadConfig({}), sqlitePath, databaseUrl: null }, store);
    try {
      const seen: any[] = [];
      const started = prepare();
      let done = false;
      void started.then(() => (done = true));
      while (!done) {
        const r = await app.inject({ method: 'GET', url: '/readyz' });
        if (r.statusCode === 503) seen.push(r.json());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await started;
      expect(seen).toContainEqual({ status: 'starting', stage: 'building the screening index', progress: { step: 2, steps: 3, percent: 33 } });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', stage: 'ready' });
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
