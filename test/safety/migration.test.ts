// Databases made before datasets had a kind get one on open: analysts' datasets from what wrote
// them, every other dataset a publisher's (so analysts cannot write it).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { importFiles } from '../../src/ingest/import.ts';
import { openStore } from '../../src/store/open.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/types.ts';
import { ENGINES, freshStore } from '../support/engines.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;

describe.each(ENGINES)('dataset kinds in an older database on %s', (engine) => {
  it('are decided on open from what wrote each live version', async () => {
    const t = await freshStore(engine);
    try {
      await importFiles(t.store, ['sdn', 'add', 'alt'].map((f) => join(FIX, 'ofac_xml/csv_2023-12-28', `${f}.csv`)));
      await importFiles(t.store, [join(FIX, 'statements/claims-sample.csv')], { dataset: 'claims' });
      await t.store.addStatements('analyst', [{ entityId: 'a-1', schema: 'Person', prop: 'name', value: 'A', evidenceGrade: 'reported', sourceDocument: 'x' }], 'alice');
      await sql`alter table datasets drop column kind`.execute((t.store as SqlStore).db);
      await t.store.migrate();
      expect((await t.store.datasets()).map((d) => [d.name, d.kind])).toEqual([
        ['analyst', 'analyst'],
        ['claims', 'analyst'],
        ['us_ofac_sdn', 'publisher'],
      ]);
      await expect(t.store.addStatements('us_ofac_sdn', [{ entityId: 'x', schema: 'Person', prop: 'name', value: 'X', evidenceGrade: 'reported', sourceDocument: 'x' }], 'm')).rejects.toThrow(/publisher's list/);
    } finally {
      await t.dispose();
    }
  });
});

describe.each(ENGINES)('alerts in an older database on %s', (engine) => {
  it('get the list that raised them on open, from their detail (list-stale alerts: their list)', async () => {
    const t = await freshStore(engine);
    try {
      const db = (t.store as SqlStore).db;
      const alert = (id: string, kind: string, target: string, list: object | null) =>
        sql`insert into alerts (id, portfolio_id, ref, target_id, kind, reason, detail, score, band, status, assignee, created_at, updated_at)
            values (${id}, 'p', 'r', ${target}, ${kind}, 'x', ${JSON.stringify({ list })}, 0.9, 'match', 'open', null, '2026-01-01', '2026-01-01')`.execute(db);
      await sql`drop index alerts_by_list`.execute(db);
      await sql`alter table alerts drop column dataset`.execute(db);
      await alert('a-1', 'new-hit', 'NK-1', { dataset: 'us_ofac_sdn', version: '2023-12-28.2' });
      await alert('a-2', 'new-hit', 'NK-2', null);
      await alert('a-3', 'list-stale', 'un_sc_sanctions', { dataset: 'un_sc_sanctions', version: '1' });
      await t.store.migrate();
      const rows = await sql<{ id: string; dataset: string | null }>`select id, dataset from alerts order by id`.execute(db);
      expect(rows.rows).toEqual([
        { id: 'a-1', dataset: 'us_ofac_sdn' },
        { id: 'a-2', dataset: null },
        { id: 'a-3', dataset: 'un_sc_sanctions' },
      ]);
    } finally {
      await t.dispose();
    }
  });
});

describe.each(ENGINES)('portfolio names in an older database on %s', (engine) => {
  it('become unique per workspace on open (they were unique across the database)', async () => {
    const t = await freshStore(engine);
    try {
      const db = (t.store as SqlStore).db;
      const portfolio = (id: string, name: string, workspace: string | null) =>
        sql`insert into portfolios (id, name, created_at, created_by, workspace) values (${id}, ${name}, '2026-01-01', 'test', ${workspace})`.execute(db);
      // The table as it was made before: the name unique across the database.
      await sql`drop table portfolios`.execute(db);
      await sql`create table portfolios ("id" text primary key, "name" text not null unique, "created_at" text not null, "created_by" text not null, "workspace" text)`.execute(db);
      await portfolio('p-1', 'book', 'ws_case');
      await expect(portfolio('p-2', 'book', null)).rejects.toThrow(/unique/i);
      await t.store.migrate();
      await portfolio('p-2', 'book', null);
      await portfolio('p-3', 'book', 'ws_other');
      await expect(portfolio('p-4', 'book', 'ws_case')).rejects.toThrow(/unique/i);
      await expect(portfolio('p-5', 'book', null)).rejects.toThrow(/unique/i);
      const rows = await sql<{ id: string; workspace: string | null }>`select id, workspace from portfolios order by id`.execute(db);
      expect(rows.rows).toEqual([
        { id: 'p-1', workspace: 'ws_case' },
        { id: 'p-2', workspace: null },
        { id: 'p-3', workspace: 'ws_other' },
      ]);
      await t.store.migrate(); // a second open changes nothing
    } finally {
      await t.dispose();
    }
  });
});

// A second process opening the store migrates it again. ALTER TABLE takes a table's strongest lock even
// when it changes nothing, and CREATE INDEX IF NOT EXISTS locks the table against writes before it finds
// the index: a worker starting beside another's re-screen waited on its transaction (and once, in CI,
// deadlocked with it). Opening now takes no lock when there is nothing to change.
describe.runIf(ENGINES.includes('postgres'))('opening the store on PostgreSQL again', () => {
  it.each([
    ['has read portfolios', 'select count(*) from portfolios'],
    ['is writing portfolios and alerts', "insert into portfolios (id, name, created_at, created_by) values ('p-1', 'book', 'now', 'test'); update alerts set status = status"],
  ])('beside a transaction that %s does not wait for it', async (_, work) => {
    const t = await freshStore('postgres');
    const reader = new pg.Client({ connectionString: t.url! });
    await reader.connect();
    let opening: Promise<Store> | undefined;
    try {
      await reader.query('begin');
      await reader.query(work);
      opening = openStore({ databaseUrl: t.url, sqlitePath: '' });
      const first = await Promise.race([opening, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 10_000))]);
      expect(first).not.toBe('waiting');
    } finally {
      await reader.query('rollback');
      await reader.end();
      await (await opening)?.close();
      await t.dispose();
    }
  }, 60_000);
});
