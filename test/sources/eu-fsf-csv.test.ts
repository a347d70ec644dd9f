// The EU Financial Sanctions Files CSV v1.0 parser, on the real 2018 extract (Windows-1252, re-saved
// by a spreadsheet), the same rows in the clean official layout, and bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { euFsfCsv, identificationOf } from '../../src/sources/eu/eu-fsf-csv.ts';
import { SourceError } from '../../src/model/errors.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { makeEntityId, type FtmEntity } from '../../src/model/entity.ts';
import { ID_PROP, type StatementDraft } from '../../src/model/statement.ts';
import { tempDirForTest } from '../support/temp-dir.ts';

const REAL = 'test/fixtures/eu_fsf/EUSanctionsShort.csv';
const EXTRA = 'test/fixtures/eu_extra';
const DS = 'eu_fsf';
const id = (...parts: string[]) => makeEntityId(DS, ...parts);

async function failure(files: string[]): Promise<SourceError> {
  const err = await collect(euFsfCsv, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

/** Statements without locators, to compare two files holding the same rows. */
const facts = (statements: StatementDraft[]) => statements.map((s) => [s.entityId, s.prop, s.value, s.lang ?? null].join('|'));

describe('euFsfCsv on the real extract of 2018', () => {
  let result: Collected;
  let entities: Map<string, FtmEntity>;

  beforeAll(async () => {
    result = await collect(euFsfCsv, [REAL]);
    entities = entitiesOf(result.statements);
  });

  it('states Date_file (dd/mm/yyyy) as the publication date', () => {
    expect(result.published).toBe('2018-07-04');
  });

  it('groups the rows into 93 entries with logical ids 1 to 481, each with one Sanction', () => {
    const targets = [...entities.values()].filter((e) => e.schema === 'Person' || e.schema === 'Organization');
    expect(targets).toHaveLength(93);
    const ids = targets.map((e) => Number(e.id.slice('eu-fsf-'.length)));
    expect(Math.min(...ids)).toBe(1);
    expect(Math.max(...ids)).toBe(481);
    expect([...entities.values()].filter((e) => e.schema === 'Sanction')).toHaveLength(93);
  });

  it('reads entry 1 (Mugabe): names, function, birth, passport, regulations', () => {
    const e = entities.get(id('1'))!;
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('Robert Gabriel Mugabe');
    expect(e.properties.alias).toBeUndefined(); // the second name record repeats the same spelling
    expect(e.properties.birthDate).toEqual(['1924-02-21']);
    expect(e.properties.birthPlace).toEqual(['Kutama']);
    expect(e.properties.passportNumber).toEqual(['AD001095']);
    const s = entities.get(id('1', 'sanction'))!;
    expect(s.properties).toMatchObject({ authorityId: ['EU.36.64'], programId: ['EU-ZWE'] });
    expect(s.properties.summary).toEqual(['Regulation 2018/223 (OJ L43), published 2018-02-16', 'Regulation 1643/2002 (OJ L247), published 2002-09-13']);
  });

  it('decodes Windows-1252 letters and tags names with their language', () => {
    const names = result.statements.filter((s) => s.entityId === id('20') && (s.prop === 'name' || s.prop === 'alias'));
    expect(names).toContainEqual(expect.objectContaining({ value: 'Qoussaï Saddam Hussein Al-Tikriti', lang: 'fra' }));
    const ano = entities.get(id('201'))!;
    expect(ano.properties.alias).toEqual(expect.arrayContaining(['Arabische Revolutionäre Brigaden', 'Organização Abu Nidal', 'Fatah-Forradalmi Tanács']));
  });

  it('drops spellings whose letters this copy lost ("?") and says so', () => {
    const all = result.statements.filter((s) => ['name', 'alias', 'weakAlias'].includes(s.prop));
    expect(all.filter((s) => s.value.includes('?'))).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(/165 name rows skipped/)]);
  });

  it('restores the commas the spreadsheet turned into tabs', () => {
    expect(entities.get(id('13'))!.properties.birthPlace).toEqual(['al-Awja, near Tikrit']);
  });

  it('unpacks identification type and notes from the number column', () => {
    expect(identificationOf('AD001095 (passport-National passport) ((passport))')).toEqual({
      number: 'AD001095',
      typeCode: 'passport',
      typeDescription: 'National passport',
      notes: [],
    });
    expect(identificationOf('33301/862 (other-Other identification number) (issued: 17 october 1997 expires: 1 october 2005)')).toMatchObject({
      number: '33301/862',
      typeCode: 'other',
      notes: ['issued: 17 october 1997 expires: 1 october 2005'],
    });
  });

  it('uses only (schema, property) pairs that exist in FtM, with locators on every statement', () => {
    for (const s of result.statements) {
      if (s.prop !== ID_PROP) expect(getSchema(s.schema).hasProperty(s.prop), `${s.schema}.${s.prop}`).toBe(true);
      expect(s.locator).toMatch(/^EUSanctionsShort\.csv:\d+$/);
    }
  });

  it('gives the same facts from the clean official layout, in UTF-8 and in Windows-1252', async () => {
    const clean = await collect(euFsfCsv, [`${EXTRA}/clean_utf8.csv`]);
    const win = await collect(euFsfCsv, [`${EXTRA}/clean_win1252.csv`]);
    expect(facts(win.statements)).toEqual(facts(clean.statements));
    const cleanIds = new Set(clean.statements.map((s) => s.entityId));
    expect(cleanIds.has(id('20'))).toBe(true);
    // Entities 1-25 are complete in lines 1-40; their facts match the re-saved original exactly.
    const complete = (s: StatementDraft) => Number(/^eu-fsf-(\d+)/.exec(s.entityId)![1]) <= 25;
    expect(facts(clean.statements.filter(complete))).toEqual(facts(result.statements.filter(complete)));
  });

  it('is recognised by detect(), wrapped or not', () => {
    expect(euFsfCsv.detect('EUSanctionsShort.csv', '"Date_filexxxx;Entity_logical_id;Subject_type;')).toBe(true);
    expect(euFsfCsv.detect('eu.csv', 'Date_file;Entity_logical_id;Subject_type;')).toBe(true);
    expect(euFsfCsv.detect('sdn.csv', '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"')).toBe(false);
  });
});

describe('euFsfCsv on bad input', () => {
  it('refuses a file with only a header', async () => {
    expect((await failure([`${EXTRA}/header_only.csv`])).message).toMatch(/no rows/);
  });

  it('rejects a truncated spreadsheet-saved file, naming the line', async () => {
    const err = await failure([`${EXTRA}/truncated.csv`]);
    expect(err.line).toBe(21);
  });

  it('names the line of an unclosed quote', async () => {
    const err = await failure([`${EXTRA}/malformed.csv`]);
    expect(err.message).toMatch(/malformed CSV/);
    expect(err.line).toBe(3);
  });

  it('refuses rows of one entity that are not consecutive, naming it', async () => {
    const err = await failure([`${EXTRA}/not_consecutive.csv`]);
    expect(err.record).toBe('1');
    expect(err.line).toBe(6);
  });

  it('names the line where a UTF-8 file turns into another encoding, and a truncated gzip file', async () => {
    const dir = tempDirForTest('eu-csv');
    const lines = readFileSync(`${EXTRA}/clean_utf8.csv`).toString('latin1').split('\n');
    lines[4] = lines[4].replace(';', ';\xc9'); // a lone Windows-1252 É on line 5
    const mixed = join(dir, 'mixed.csv');
    writeFileSync(mixed, Buffer.from(lines.join('\n'), 'latin1'));
    expect((await failure([mixed])).message).toMatch(/^mixed\.csv:5: not valid UTF-8/);
    const gz = gzipSync(readFileSync(REAL));
    const cut = join(dir, 'cut.csv.gz');
    writeFileSync(cut, gz.subarray(0, gz.length - 300));
    expect((await failure([cut])).message).toMatch(/^cut\.csv:\d+: cannot read file: .*truncated or corrupt/);
  });

  it('says clearly when the file is not an EU FSF CSV', async () => {
    const err = await failure(['test/fixtures/ofac_sdn/2021-07-07/sdn.csv']);
    expect(err.message).toMatch(/not an EU FSF CSV file/);
    expect(err.line).toBe(1);
  });
});
