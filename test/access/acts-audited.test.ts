// Issue 13: every claim, judgement, import and sync is in the audit trail, with who did it. Before this,
// a claim's author was whatever a request header said, and imports left no record at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AuditTrail } from '../../src/access/audit.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';
import { apiKey } from '../support/credentials.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;
const OFAC_2023 = ['sdn', 'add', 'alt'].map((f) => join(FIX, 'ofac_xml/csv_2023-12-28', `${f}.csv`));

describe('acts in the audit trail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-acts-'));
  const env = { INTERDICT_DB: join(dir, 'interdict.db'), INTERDICT_AUTHOR: 'ops', INTERDICT_NO_BUNDLED: '1' };
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    const imported = await runCli(['import', ...OFAC_2023], env);
    expect(imported.code, imported.stderr).toBe(0);
    const config = { ...loadConfig({}), sqlitePath: env.INTERDICT_DB, databaseUrl: null, loadBundled: false };
    store = await openStore(config);
    ({ app } = await buildApp(config, store, { logger: false }));
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a CLI import with the login name, the version and what changed', async () => {
    const { results } = await AuditTrail.of(store).list({ action: 'import' });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ actor: 'cli:ops', subject: 'us_ofac_sdn', detail: { format: 'ofac-sdn-csv', previous: null, removed: 0 } });
  });

  it('records an analyst claim made with an API key as that key, before the answer is sent', async () => {
    const secret = await apiKey(store, 'analyst');
    const keyId = /^idk_([0-9a-f]{12})_/.exec(secret)![1];
    const answer = await app.inject({
      method: 'POST',
      url: '/entities',
      headers: { authorization: `ApiKey ${secret}`, 'x-interdict-author': 'somebody else' },
      payload: { schema: 'Person', properties: { name: ['Test Broker'] }, source_document: 'https://example.org/report', evidence_grade: 'reported' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const created = JSON.parse(answer.body) as { id: string };
    const { results } = await AuditTrail.of(store).list({ action: 'claim.entity' });
    expect(results).toHaveLength(1);
    expect(results[0].actor).toBe(`key:${keyId}`);
    expect(JSON.stringify(results[0].detail)).toContain('Test Broker');
    expect(JSON.stringify(results[0].detail)).toContain(created.id);
    // The author stored with the claim is the key too, not the header.
    const entity = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent(created.id)}?provenance=true`, headers: { authorization: `ApiKey ${secret}` } });
    expect(entity.body).toContain(`key:${keyId}`);
    expect(entity.body).not.toContain('somebody else');
    expect((await AuditTrail.of(store).verify()).ok).toBe(true);
  });

  it('records nothing for a refused write', async () => {
    const viewer = await apiKey(store, 'viewer');
    const before = (await AuditTrail.of(store).head()).seq;
    const refused = await app.inject({ method: 'POST', url: '/statements', headers: { authorization: `ApiKey ${viewer}` }, payload: { statements: [] } });
    expect(refused.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'POST', url: '/statements', payload: { statements: [] } });
    expect(anonymous.statusCode).toBe(401);
    expect((await AuditTrail.of(store).head()).seq).toBe(before);
  });
});
