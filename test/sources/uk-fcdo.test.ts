// The UK Sanctions List (FCDO) parser on a hand-written sample of the published column layout.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { ukSanctionsList } from '../../src/sources/uk/fcdo-sanctions-list.ts';
import { ukOfsiConList } from '../../src/sources/uk/ofsi-conlist.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { makeEntityId, referentOf, type FtmEntity } from '../../src/model/entity.ts';
import { ID_PROP } from '../../src/model/statement.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const SAMPLE = 'test/fixtures/uk_extra/UK-Sanctions-List-sample.csv';
const tmp = tempDirForFile('fcdo');
const id = (uid: string, ...rest: string[]) => makeEntityId('gb_fcdo_sanctions', uid, ...rest);

describe('UK Sanctions List (FCDO) sample', () => {
  let result: Collected;
  let entities: Map<string, FtmEntity>;
  beforeAll(async () => {
    result = await collect(ukSanctionsList, [SAMPLE]);
    entities = entitiesOf(result.statements);
  });

  it('reads the report date and three designations', () => {
    expect(result.published).toBe('2024-05-02');
    const targets = [...entities.values()].filter((e) => ['Person', 'Organization', 'Vessel'].includes(e.schema));
    expect(targets.map((e) => e.id).sort()).toEqual([id('DPR9901'), id('RUS9902'), id('RUS9903')]);
    // The Unique ID column of the file is the referent.
    expect(targets.map((e) => referentOf('gb_fcdo_sanctions', e.id)).sort()).toEqual(['gb_fcdo_sanctions:DPR9901', 'gb_fcdo_sanctions:RUS9902', 'gb_fcdo_sanctions:RUS9903']);
  });

  it('reads a DPRK individual with a Hangul name, strong and weak aliases and a UN reference', () => {
    const p = entities.get(id('DPR9901'))!;
    expect(p.schema).toBe('Person');
    expect(p.caption).toBe('Chol Ho RYANG');
    expect(p.properties.alias).toEqual(['량철호', 'Chol-ho RYANG']);
    expect(p.properties.weakAlias).toEqual(['Cheol Ho YANG']);
    expect(p.properties.birthDate).toEqual(['1968-04']);
    expect(p.properties.nationality).toEqual(['kp']);
    expect(p.properties.gender).toEqual(['male']);
    expect(p.properties.passportNumber).toEqual(['836110099']);
    const hangul = result.statements.find((s) => s.value === '량철호');
    expect(hangul?.lang).toBe('kor');
    const sanction = entities.get(id('DPR9901', 'sanction'))!;
    expect(sanction.properties).toMatchObject({
      entity: [id('DPR9901')],
      unscId: ['KPi.901'],
      authorityId: ['DPR9901'],
      listingDate: ['2016-11-30'],
      provisions: ['Asset freeze', 'Travel Ban'],
      program: ["The Democratic People's Republic of Korea"],
    });
  });

  it('reads a Russian entity with its registration numbers and contacts', () => {
    const o = entities.get(id('RUS9902'))!;
    expect(o.schema).toBe('Organization');
    expect(o.properties).toMatchObject({
      innCode: ['7700000000'],
      ogrnCode: ['1027700000000'],
      country: ['ru'],
      legalForm: ['Limited Liability Company'],
      email: ['info@example-vostok.test'],
    });
    expect(o.properties.alias).toContain('ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ ВОСТОК СЭМПЛ');
    expect(entities.get(id('RUS9902', 'sanction'))!.properties.reason?.[0]).toMatch(/fictitious company/);
  });

  it('reads a ship with its IMO number and links it to its owner in the same file', () => {
    const v = entities.get(id('RUS9903'))!;
    expect(v.schema).toBe('Vessel');
    expect(v.properties).toMatchObject({ imoNumber: ['9999993'], flag: ['ru'], buildDate: ['2004'], alias: ['OCEAN SAMPLE'] });
    const links = [...entities.values()].filter((e) => e.schema === 'Ownership');
    expect(links).toHaveLength(1);
    expect(links[0].properties).toMatchObject({ owner: [id('RUS9902')], asset: [id('RUS9903')] });
    // The previous owner is not on the list: kept as a note, with a warning.
    expect(v.properties.notes).toContain('Previous owner/operator: OCEAN SAMPLE SHIPPING LTD');
    expect(result.warnings.some((w) => /1 company\/owner references/.test(w))).toBe(true);
  });

  it('uses only FtM schemata and properties', () => {
    for (const s of result.statements) expect(s.prop === ID_PROP || getSchema(s.schema).hasProperty(s.prop), `${s.schema}.${s.prop}`).toBe(true);
  });

  it('tolerates reordered and unknown columns, with a warning', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    const rows = lines.slice(1).filter(Boolean).map((l) => l.split(','));
    // Simple rows only (no quoted commas) are reordered: move "Unique ID" to the end, add a column.
    const simple = rows.filter((r, i) => i === 0 || r.length === rows[0].length);
    const reordered = simple.map((r, i) => [...r.slice(0, 1), ...r.slice(2), r[1], i === 0 ? 'Extra column' : 'x'].join(','));
    const path = join(tmp, 'reordered.csv');
    writeFileSync(path, [lines[0], ...reordered].join('\r\n'));
    const r = await collect(ukSanctionsList, [path]);
    expect(r.warnings.some((w) => /unknown column\(s\) ignored: Extra column/.test(w))).toBe(true);
    expect(new Set(r.statements.map((s) => s.entityId))).toContain(id('DPR9901'));
  });

  it('rejects a file without the Unique ID column, and an empty file', async () => {
    const path = join(tmp, 'no-unique-id.csv');
    writeFileSync(path, 'Report Date: 02-May-2024\r\nName 6,Designation Type\r\nX,Entity\r\n');
    await expect(collect(ukSanctionsList, [path])).rejects.toThrow(/missing column\(s\) "Unique ID"/);
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    await expect(collect(ukSanctionsList, [empty])).rejects.toThrow(/empty file/);
  });

  it('is told apart from the OFSI ConList by detection', () => {
    const head = readFileSync(SAMPLE, 'latin1').slice(0, 4096);
    expect(ukSanctionsList.detect('UK-Sanctions-List.csv', head)).toBe(true);
    expect(ukOfsiConList.detect('UK-Sanctions-List.csv', head)).toBe(false);
  });
});
