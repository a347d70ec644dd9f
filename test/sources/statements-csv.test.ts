// The statements CSV: graded, cited claims in, statements out.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { collect, entitiesOf } from '../../src/sources/collect.ts';
import { statementsCsv, writeStatementsCsv, STATEMENT_COLUMNS, type CsvStatementDraft } from '../../src/sources/statements/statements-csv.ts';
import { ukSanctionsList } from '../../src/sources/uk/fcdo-sanctions-list.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { ID_PROP } from '../../src/model/statement.ts';
import { SourceError } from '../../src/model/errors.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const SAMPLE = 'test/fixtures/statements/claims-sample.csv';
const HEADER = STATEMENT_COLUMNS.join(',');
const tmp = tempDirForFile('statements');

function file(name: string, rows: string[]): string {
  const path = join(tmp, name);
  writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
  return path;
}

async function failure(path: string): Promise<SourceError> {
  const err = await collect(statementsCsv, [path], 'case_sample').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

describe('statements CSV import', () => {
  it('reads graded, cited claims with their provenance', async () => {
    const r = await collect(statementsCsv, [SAMPLE], 'case_sample');
    expect(r.warnings).toEqual([]);
    const entities = entitiesOf(r.statements);
    expect([...entities.keys()].sort()).toEqual(['case-sample-broker', 'case-sample-company', 'case-sample-own-1', 'case-sample-ship']);
    expect(entities.get('case-sample-own-1')!.properties).toMatchObject({ owner: ['case-sample-broker'], asset: ['case-sample-company'], percentage: ['100'] });
    const hangul = r.statements.find((s) => s.value === '량철호') as CsvStatementDraft;
    expect(hangul).toMatchObject({ lang: 'kor', locator: 'p. 3 fn. 12', claimDate: '2023-03-30', evidenceGrade: 'reported', sourceDocument: 'doc-sample-report-2023', dataset: 'case_sample' });
    const denial = r.statements.find((s) => s.evidenceGrade === 'denied');
    expect(denial).toMatchObject({ prop: 'description', sourceDocument: 'https://example.org/statement-denial' });
    expect(new Set(r.statements.map((s) => s.evidenceGrade))).toEqual(new Set(['official', 'corroborated', 'reported', 'alleged', 'denied']));
    for (const s of r.statements) expect(s.prop === ID_PROP || getSchema(s.schema).hasProperty(s.prop), `${s.schema}.${s.prop}`).toBe(true);
  });

  it('adds the id statement of an entity written without one, before its first claim', async () => {
    const r = await collect(statementsCsv, [SAMPLE], 'case_sample');
    const firstOf = new Map<string, string>();
    for (const s of r.statements) if (!firstOf.has(s.entityId)) firstOf.set(s.entityId, s.prop);
    expect([...firstOf.values()].every((p) => p === ID_PROP)).toBe(true);
    expect(r.statements.filter((s) => s.prop === ID_PROP)).toHaveLength(4); // one written, three added
    const rows = readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1;
    expect(r.statements).toHaveLength(rows + 3);
  });

  it('rejects a claim below official without a source document, naming the line', async () => {
    const err = await failure(file('uncited.csv', ['p1,name,Person,A Person,,,,,,,,2023-01-01,official', 'p1,alias,Person,Another,,,,,,,,2023-01-01,alleged']));
    expect(err.line).toBe(3);
    expect(err.message).toBe('uncited.csv:3 (record p1): a claim graded "alleged" needs a source_document');
  });

  it('rejects unknown grades, schemata, properties, bad dates and countries, each with its line', async () => {
    const cases: [string, RegExp][] = [
      ['p1,name,Person,A,,,,,,doc,,,probable', /evidence_grade "probable" is not one of official, corroborated/],
      ['p1,name,Spaceship,A,,,,,,doc,,,reported', /unknown FtM schema "Spaceship"/],
      ['p1,shoeSize,Person,42,,,,,,doc,,,reported', /Person has no property "shoeSize"/],
      ['p1,birthDate,Person,01/02/1961,,,,,,doc,,,reported', /Person\.birthDate: "01\/02\/1961" is not an ISO date/],
      ['p1,nationality,Person,North Korea,,,,,,doc,,,reported', /Person\.nationality: "North Korea" is not an FtM country code/],
      ['p1,name,Person,A,,,,,,doc,,yesterday,reported', /claim_date "yesterday" is not an ISO date/],
      ['p1,name,Person,,,,,,,doc,,,reported', /value is empty/],
      ['p 1,name,Person,A,,,,,,doc,,,reported', /invalid entity_id "p 1"/],
    ];
    for (const [i, [row, pattern]] of cases.entries()) {
      const err = await failure(file(`bad-${i}.csv`, ['p0,name,Person,Fine,,,,,,,,,official', row]));
      expect(err.line, row).toBe(3);
      expect(err.message, row).toMatch(pattern);
    }
  });

  it('rejects an entity written with two incompatible schemata', async () => {
    const err = await failure(file('schemas.csv', ['x1,name,Person,X,,,,,,,,,official', 'x1,imoNumber,Vessel,9999993,,,,,,,,,official']));
    expect(err.message).toMatch(/schemas\.csv:3 .*x1 is a Person on an earlier line, not a Vessel/);
  });

  it('rejects a missing column, an empty file and a file without rows', async () => {
    const noGrade = join(tmp, 'no-grade.csv');
    writeFileSync(noGrade, 'entity_id,prop,schema,value\np1,name,Person,A\n');
    expect((await failure(noGrade)).message).toMatch(/no-grade\.csv:1: not a statements CSV header: missing column\(s\) evidence_grade/);
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    expect((await failure(empty)).message).toMatch(/empty file/);
    expect((await failure(file('header-only.csv', []))).message).toMatch(/no statements/);
  });

  it('is detected by its header', () => {
    expect(statementsCsv.detect('claims.csv', readFileSync(SAMPLE, 'latin1'))).toBe(true);
    expect(statementsCsv.detect('claims.csv', 'Name 6,Name 1\n')).toBe(false);
  });
});

describe('statements CSV export', () => {
  it('writes statements that read back the same, with their provenance', async () => {
    const fcdo = await collect(ukSanctionsList, ['test/fixtures/uk_extra/UK-Sanctions-List-sample.csv']);
    const drafts: CsvStatementDraft[] = fcdo.statements.map((s) => ({ ...s, dataset: 'gb_fcdo_sanctions' }));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const n = await writeStatementsCsv(drafts, out);
    out.end();
    expect(n).toBe(drafts.length);
    const path = join(tmp, 'export.csv');
    writeFileSync(path, Buffer.concat(chunks));
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(HEADER);
    const again = await collect(statementsCsv, [path], 'gb_fcdo_sanctions');
    expect(again.statements).toHaveLength(drafts.length);
    for (const [i, s] of again.statements.entries()) {
      expect(s).toMatchObject({ entityId: drafts[i].entityId, prop: drafts[i].prop, value: drafts[i].value, locator: drafts[i].locator, evidenceGrade: 'official', claimDate: drafts[i].claimDate });
    }
  });
});
