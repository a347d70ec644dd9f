// The OFSI ConList parser on the full official file of 2018-04-13 and on the newer sample layout.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { readOfsiRows, ukOfsiConList } from '../../src/sources/uk/ofsi-conlist.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { makeEntityId, referentOf, type FtmEntity } from '../../src/model/entity.ts';
import { ID_PROP } from '../../src/model/statement.ts';
import { SourceError } from '../../src/model/errors.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const CONLIST_2018 = 'data/gb_hmt_sanctions/2018-04-13/ConList.csv.gz';
const SAMPLE_2020 = 'test/fixtures/uk_hmt_ofsi/samples/sample_hmt.csv';
const tmp = tempDirForFile('ofsi');

describe('OFSI ConList 2018-04-13 (official file)', () => {
  let result: Collected;
  let entities: Map<string, FtmEntity>;
  beforeAll(async () => {
    result = await collect(ukOfsiConList, [CONLIST_2018]);
    entities = entitiesOf(result.statements);
  });

  it('counts 9,487 name rows: 6,857 of individuals and 2,630 of entities', async () => {
    const byType: Record<string, number> = {};
    for await (const row of readOfsiRows(CONLIST_2018, { warn: () => undefined })) byType[row.kind] = (byType[row.kind] ?? 0) + 1;
    expect(byType).toEqual({ Individual: 6857, Entity: 2630 });
  });

  it('yields 2,106 targets, each with a name and one Sanction', () => {
    const targets = [...entities.values()].filter((e) => e.schema === 'Person' || e.schema === 'Organization');
    expect(targets).toHaveLength(2106);
    expect(targets.filter((e) => e.schema === 'Person')).toHaveLength(1426);
    expect(targets.every((e) => (e.properties.name ?? []).length > 0)).toBe(true);
    const sanctions = [...entities.values()].filter((e) => e.schema === 'Sanction');
    expect(sanctions).toHaveLength(2106);
    expect(new Set(sanctions.map((s) => s.properties.entity[0])).size).toBe(2106);
  });

  it('reads the publication date from the first line', () => {
    expect(result.published).toBe('2018-04-13');
  });

  it('uses only FtM schemata and properties, official grade and line locators', () => {
    const pairs = new Set(result.statements.map((s) => `${s.schema}.${s.prop}`));
    for (const pair of pairs) {
      const [schema, prop] = pair.split('.');
      expect(prop === ID_PROP || getSchema(schema).hasProperty(prop), pair).toBe(true);
    }
    expect(result.statements.every((s) => s.evidenceGrade === 'official' && /^ConList\.csv:\d+$/.test(s.locator ?? ''))).toBe(true);
  });

  it('emits the id statement first for every entity', () => {
    const firstProp = new Map<string, string>();
    for (const s of result.statements) if (!firstProp.has(s.entityId)) firstProp.set(s.entityId, s.prop);
    expect([...firstProp.values()].every((p) => p === ID_PROP)).toBe(true);
  });

  it('keeps the Group ID of the file as the referent of each target', async () => {
    const groups = new Set<string>();
    for await (const row of readOfsiRows(CONLIST_2018, { warn: () => undefined })) groups.add(row.key);
    const targets = [...entities.values()].filter((e) => e.schema === 'Person' || e.schema === 'Organization');
    expect(groups.size).toBe(2106);
    expect(new Set(targets.map((e) => referentOf('gb_hmt_sanctions', e.id)))).toEqual(new Set([...groups].map((g) => `gb_hmt_sanctions:${g}`)));
  });

  it('reads an individual entry', () => {
    const id = makeEntityId('gb_hmt_sanctions', '13349');
    const e = entities.get(id)!;
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('Nayef Salam Muhammad Ujaym AL-HABABI'); // the Prime Alias row, Name 6 last
    expect(e.properties.alias).toContain('Sheikh Farooq AL-QAHTANI');
    expect(e.properties.birthDate).toEqual(['1980', '1981']);
    expect(e.properties.nationality).toEqual(['sa', 'qa']);
    expect(e.properties.passportNumber).toEqual(['592667']);
    const sanction = entities.get(makeEntityId('gb_hmt_sanctions', '13349', 'sanction'))!;
    expect(sanction.properties).toMatchObject({
      entity: [id],
      program: ["The ISIL (Da'esh) and Al-Qaida organisations"],
      listingDate: ['2016-04-01'],
      unscId: ['QDe.004'],
    });
  });

  it('decodes the Windows-1252 text right (GROUPE ISLAMIQUE ARMÉ, curly quotes)', () => {
    const gia = entities.get(makeEntityId('gb_hmt_sanctions', '6963'))!;
    expect(gia.schema).toBe('Organization');
    expect(gia.caption).toBe('ARMED ISLAMIC GROUP');
    expect(gia.properties.alias).toContain('GROUPE ISLAMIQUE ARMÉ');
    expect(result.statements.some((s) => s.value.includes('\uFFFD'))).toBe(false);
    expect(result.statements.some((s) => /[‘’]/.test(s.value))).toBe(true);
  });

  it('counts the DPRK regime targets and resolves most countries', () => {
    const dprk = [...entities.values()].filter((e) => e.schema !== 'Sanction' && (e.properties.program ?? []).some((p) => p.startsWith('North Korea')));
    expect(dprk).toHaveLength(242);
    const kp = [...entities.values()].filter((e) => (e.properties.nationality ?? []).includes('kp'));
    expect(kp.length).toBeGreaterThan(50);
  });
});

describe('OFSI ConList newer layout (sample of 2020-04-27)', () => {
  it('reads the columns by name, including non-Latin names with their language', async () => {
    const r = await collect(ukOfsiConList, [SAMPLE_2020]);
    expect(r.published).toBe('2020-04-27');
    const hojati = r.statements.filter((s) => s.entityId === makeEntityId('gb_hmt_sanctions', '9053'));
    expect(hojati.find((s) => s.prop === 'name')?.value).toBe('Mohsen HOJATI');
    expect(hojati.find((s) => s.prop === 'alias')).toMatchObject({ value: 'محسن حجتی', lang: 'fas' });
    const plot = r.statements.filter((s) => s.entityId === makeEntityId('gb_hmt_sanctions', '13017') && s.prop === 'alias');
    expect(plot.map((s) => s.value)).toContain('Игорь Венедиктович ПЛОТНИЦКИЙ');
    const saeed = entitiesOf(r.statements).get(makeEntityId('gb_hmt_sanctions', '9215', 'sanction'))!;
    expect(saeed.properties.unscId).toEqual(['QDi.263']);
    expect(saeed.properties.authorityId).toEqual(['AQD0183']);
    // Groups of the sample have no primary-name row: the first alias becomes the name, with a warning.
    expect(r.warnings.some((w) => /13063 has no primary name/.test(w))).toBe(true);
  });
});

describe('OFSI ConList bad input', () => {
  const header = 'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID';

  it('rejects a header without Group ID', async () => {
    const path = join(tmp, 'no-group.csv');
    writeFileSync(path, `Last Updated,13/04/2018\r\n${header.replace(',Group ID', '')}\r\nSMITH,John,,,,,,,Individual,Prime Alias,Syria,01/01/2018,01/01/2018\r\n`);
    await expect(collect(ukOfsiConList, [path])).rejects.toThrow(/no-group\.csv:2: not an OFSI ConList header: missing column\(s\) "Group ID"/);
  });

  it('rejects an empty file and a file without rows', async () => {
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    await expect(collect(ukOfsiConList, [empty])).rejects.toThrow(SourceError);
    const headerOnly = join(tmp, 'header-only.csv');
    writeFileSync(headerOnly, `Last Updated,13/04/2018\r\n${header}\r\n`);
    await expect(collect(ukOfsiConList, [headerOnly])).rejects.toThrow(/no entries/);
  });

  it('rejects a row without a Group ID, naming its line', async () => {
    const path = join(tmp, 'row-no-id.csv');
    writeFileSync(path, `${header}\r\nSMITH,John,,,,,,,Individual,Prime Alias,Syria,01/01/2018,01/01/2018,\r\n`);
    await expect(collect(ukOfsiConList, [path])).rejects.toThrow(/row-no-id\.csv:2: row without a Group ID/);
  });

  it('rejects a truncated gzip file', async () => {
    const { readFileSync } = await import('node:fs');
    const whole = readFileSync(CONLIST_2018);
    const path = join(tmp, 'ConList.csv.gz');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(collect(ukOfsiConList, [path])).rejects.toThrow(SourceError);
  });

  it('detects the ConList by its header, in both layouts', async () => {
    const { readFileSync } = await import('node:fs');
    expect(ukOfsiConList.detect('sample_hmt.csv', readFileSync(SAMPLE_2020, 'latin1').slice(0, 4096))).toBe(true);
    expect(ukOfsiConList.detect('sdn.csv', '36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA"')).toBe(false);
  });
});
