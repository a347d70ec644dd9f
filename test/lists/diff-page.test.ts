// Issue 18: a list diff took 5–7 s to render: a 2.4 MB response listing thousands of passport
// sub-records first, with no filter. The route now answers a page, list entries first, filtered by
// kind, schema and name, with counts per schema; the CLI pages the same way.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';
import { authHeaders } from '../support/credentials.ts';

const FIX = new URL('../fixtures/ofac_xml/csv_2023-12-28/', import.meta.url).pathname;
const FILES = ['sdn.csv', 'add.csv', 'alt.csv'];
const dir = mkdtempSync(join(tmpdir(), 'interdict-diff-'));
const db = join(dir, 'diff.db');

/** The fixture without ent_num 41736 (MKRTYCHEV, Ashot, listed with two Slovak passports). */
function versionBefore(): string[] {
  return FILES.map((f) => {
    const path = join(dir, f);
    writeFileSync(path, readFileSync(join(FIX, f), 'latin1').split('\r\n').filter((l) => !l.startsWith('41736,')).join('\r\n'), 'latin1');
    return path;
  });
}

describe('a page of a list diff', () => {
  let store: Store;
  let app: FastifyInstance;
  const get = async (query: string) => {
    const r = await app.inject({ method: 'GET', url: `/datasets/us_ofac_sdn/diff${query}`, headers: await authHeaders(store) });
    return { status: r.statusCode, body: r.json() as any, bytes: r.body.length };
  };

  beforeAll(async () => {
    store = await openStore({ databaseUrl: null, sqlitePath: db });
    await importFiles(store, versionBefore());
    await importFiles(store, FILES.map((f) => join(FIX, f)));
    ({ app } = await buildApp({ ...loadConfig({}), sqlitePath: db, databaseUrl: null, loadBundled: false }, store));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the list entry before its passports, and counts both', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ kind: 'added', id: 'us-ofac-sdn-41736', caption: 'MKRTYCHEV, Ashot', schema: 'Person', target: true });
    expect(body.results.slice(1).every((r: any) => !r.target)).toBe(true);
    expect(body.results.slice(1).map((r: any) => r.schema)).toContain('Passport');
    expect(body.counts.targets).toEqual({ added: 1, removed: 0, changed: 0 });
    // VERSOR's "Linked To: MKRTYCHEV, Ashot" was text before he was listed; now it links his entry.
    expect(body.counts).toMatchObject({ added: 5, removed: 1, changed: 0 });
    expect(body.total).toBe(6);
    expect(body.schemata).toContainEqual({ schema: 'Person', added: 1, removed: 0, changed: 0 });
  });

  it('filters by schema (and its descendants), kind and name, and pages', async () => {
    const people = await get('?schema=Person');
    expect(people.body.results.map((r: any) => r.id)).toEqual(['us-ofac-sdn-41736']);
    expect((await get('?schema=LegalEntity')).body.results.map((r: any) => r.id)).toEqual(['us-ofac-sdn-41736']);
    expect((await get('?kind=removed')).body.results.map((r: any) => r.id)).toEqual(['us-ofac-sdn-44579-link-MKRTYCHEV-Ashot']);
    expect((await get('?q=mkrtychev')).body.results.map((r: any) => r.id)).toEqual(['us-ofac-sdn-41736', 'us-ofac-sdn-44579-link-MKRTYCHEV-Ashot']);
    const all = (await get('')).body;
    const second = (await get('?offset=1&limit=1')).body;
    expect(second).toMatchObject({ offset: 1, limit: 1, total: all.total });
    expect(second.results).toEqual([all.results[1]]);
  });

  it('refuses an unknown schema or kind with 400 naming the field', async () => {
    const bad = await get('?schema=Spaceship');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/schema.*Spaceship/);
    expect((await get('?kind=renamed')).status).toBe(400);
  });

  it('the CLI pages the same way', async () => {
    const r = await runCli(['diff', 'us_ofac_sdn', '--schema', 'Person'], { INTERDICT_DB: db, INTERDICT_NO_BUNDLED: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/list entries: 1 added, 0 removed, 0 changed/);
    expect(r.stdout).toMatch(/^1 match --schema Person; showing 1-1, list entries first:\n {2}\+ MKRTYCHEV, Ashot \[Person, list entry\] us-ofac-sdn-41736$/m);
    const bad = await runCli(['diff', 'us_ofac_sdn', '--kind', 'renamed'], { INTERDICT_DB: db, INTERDICT_NO_BUNDLED: '1' });
    expect(bad.code).toBe(2);
  }, 60_000);
});
