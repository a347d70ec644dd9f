// FtM entity JSON lines and delta files (OpenSanctions exports from the yente test fixtures), and export.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { collect, entitiesOf } from '../../src/sources/collect.ts';
import { ftmDatasetOf, ftmDelta, ftmJson, ftmJsonParser } from '../../src/sources/ftm/ftm-json.ts';
import { ENTITIES_CSV_COLUMNS, writeEntitiesCsv, writeFtmJsonLines } from '../../src/sources/ftm/export.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { referentOf, type FtmEntity } from '../../src/model/entity.ts';
import { ID_PROP } from '../../src/model/statement.ts';
import { SourceError } from '../../src/model/errors.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const T1 = 'test/fixtures/opensanctions_ftm/yente_t1/entities.ftm.json';
const ZALA = 'test/fixtures/opensanctions_ftm/yente_zala/entities.ftm.json';
const DELTA = 'test/fixtures/opensanctions_ftm/yente_delta/entities.delta.json';
const tmp = tempDirForFile('ftm');

function rawLines(path: string): Record<string, any>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

function expectFtmValid(statements: { schema: string; prop: string }[]): void {
  const pairs = new Set(statements.map((s) => `${s.schema}.${s.prop}`));
  for (const pair of pairs) {
    const [schema, prop] = pair.split('.');
    expect(prop === ID_PROP || getSchema(schema).hasProperty(prop), pair).toBe(true);
  }
}

async function toText(write: (out: PassThrough) => Promise<number>): Promise<{ text: string; n: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const n = await write(out);
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), n };
}

describe('FtM entity JSON lines', () => {
  it('imports every entity of the OpenSanctions files with its ids and values unchanged', async () => {
    for (const path of [T1, ZALA]) {
      const raw = rawLines(path);
      const r = await collect(ftmJsonParser({ referents: 'drop' }), [path]);
      const entities = entitiesOf(r.statements);
      expect(entities.size).toBe(raw.length);
      for (const e of raw) {
        const got = entities.get(e.id)!;
        expect(got.schema).toBe(e.schema);
        for (const [prop, values] of Object.entries(e.properties as Record<string, string[]>)) {
          expect(new Set(got.properties[prop]), `${e.id}.${prop}`).toEqual(new Set(values));
        }
        // The caption value is emitted first, so it stays the caption (edges have captions of their own).
        if (getSchema(e.schema).caption.some((p) => e.properties[p]?.includes(e.caption))) expect(got.caption).toBe(e.caption);
      }
      expectFtmValid(r.statements);
      expect(r.warnings).toEqual([]);
    }
  });

  it('reads the 7 eu_fsf entities of t1 (no trailing newline), with locators and first/last seen', async () => {
    const r = await collect(ftmJson, [T1]);
    const ids = new Set(r.statements.map((s) => s.entityId));
    expect(ids.size).toBe(7);
    const first = r.statements[0];
    expect(first).toMatchObject({ entityId: 'NK-2GdmHtZTeNXjNVrBGEXZNj', prop: 'id', locator: 'entities.ftm.json:1', firstSeen: '2023-04-20T18:00:25', lastSeen: '2024-06-01T10:57:03' });
    expect(r.statements.filter((s) => s.prop === 'name' && s.entityId === 'NK-2GdmHtZTeNXjNVrBGEXZNj')[0].value).toBe('RAB „Inter Tobacco“');
    // OpenSanctions referents (the source records merged into the entity) are kept as one note.
    const note = r.statements.find((s) => s.entityId === 'NK-2GdmHtZTeNXjNVrBGEXZNj' && s.prop === 'notes' && s.value.startsWith('Referents:'));
    expect(note?.value).toContain('ofac-32733');
    // Publisher ids are kept, so the referent reads `<dataset named in the file>:<id in the file>`.
    const dataset = await ftmDatasetOf(T1);
    expect(dataset).toBe('eu_fsf');
    expect(referentOf(dataset!, first.entityId)).toBe('eu_fsf:NK-2GdmHtZTeNXjNVrBGEXZNj');
    expect(await ftmDatasetOf(ZALA)).toBeUndefined(); // several datasets
  });

  it('can drop the referents instead', async () => {
    const r = await collect(ftmJsonParser({ referents: 'drop' }), [T1]);
    expect(r.statements.some((s) => s.value.startsWith('Referents:'))).toBe(false);
  });

  it('rejects malformed JSON naming the line', async () => {
    const lines = readFileSync(T1, 'utf8').split('\n');
    const path = join(tmp, 'broken.ftm.json');
    writeFileSync(path, [...lines.slice(0, 3), '{"id": "x", "schema": "Person", ', ...lines.slice(3)].join('\n'));
    const err = await collect(ftmJson, [path]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).line).toBe(4);
    expect((err as SourceError).message).toMatch(/^broken\.ftm\.json:4: malformed JSON/);
  });

  it('rejects an unknown schema with its line, and skips unknown properties with a warning', async () => {
    const path = join(tmp, 'schema.ftm.json');
    writeFileSync(path, ['{"id":"a1","schema":"Person","properties":{"name":["A"],"shoeSize":["42"]}}', '{"id":"b1","schema":"Spaceship","properties":{"name":["B"]}}'].join('\n'));
    await expect(collect(ftmJson, [path])).rejects.toThrow(/schema\.ftm\.json:2 \(record b1\): unknown FtM schema "Spaceship"/);
    const ok = join(tmp, 'prop.ftm.json');
    writeFileSync(ok, '{"id":"a1","schema":"Person","properties":{"name":["A"],"shoeSize":["42"]}}\n');
    const r = await collect(ftmJson, [ok]);
    expect(r.statements.map((s) => s.prop)).toEqual(['id', 'name']);
    expect(r.warnings).toEqual(['prop.ftm.json:1: property Person.shoeSize is not in the FtM model; skipped (1 entity)']);
  });

  it('rejects an empty file and non-entity lines', async () => {
    const empty = join(tmp, 'empty.ftm.json');
    writeFileSync(empty, '\n\n');
    await expect(collect(ftmJson, [empty])).rejects.toThrow(/empty file/);
    const arr = join(tmp, 'array.ftm.json');
    writeFileSync(arr, '[1,2]\n');
    await expect(collect(ftmJson, [arr])).rejects.toThrow(/array\.ftm\.json:1: expected an FtM entity object/);
  });

  it('merges a repeated entity id with a warning, and rejects a repeat with an incompatible schema', async () => {
    const path = join(tmp, 'dup.ftm.json');
    writeFileSync(path, ['{"id":"c1","schema":"LegalEntity","properties":{"name":["C"]}}', '{"id":"c1","schema":"Company","properties":{"name":["C Ltd"]}}'].join('\n'));
    const r = await collect(ftmJson, [path]);
    const c1 = entitiesOf(r.statements).get('c1')!;
    expect(c1.schema).toBe('Company');
    expect(c1.properties.name).toEqual(['C', 'C Ltd']);
    expect(r.warnings).toEqual(['dup.ftm.json:2: entity c1 repeats dup.ftm.json:1; merged']);
    const bad = join(tmp, 'dup-bad.ftm.json');
    writeFileSync(bad, ['{"id":"c1","schema":"Person","properties":{"name":["C"]}}', '{"id":"c1","schema":"Vessel","properties":{"name":["C"]}}'].join('\n'));
    await expect(collect(ftmJson, [bad])).rejects.toThrow(/dup-bad\.ftm\.json:2 \(record c1\): entity c1 repeats .* incompatible schema Vessel/);
  });

  it('detects entity files apart from delta files', () => {
    const head = (p: string) => readFileSync(p, 'latin1').slice(0, 4096);
    expect(ftmJson.detect('entities.ftm.json', head(T1))).toBe(true);
    expect(ftmJson.detect('entities.delta.json', head(DELTA))).toBe(false);
    expect(ftmDelta.detect('entities.delta.json', head(DELTA))).toBe(true);
    expect(ftmDelta.detect('entities.ftm.json', head(T1))).toBe(false);
  });
});

describe('FtM delta files', () => {
  it('reads the 1,700 operations: ADD and MOD as statements, DEL as deletions', async () => {
    const raw = rawLines(DELTA);
    const r = await collect(ftmDelta, [DELTA]);
    expect(ftmDelta.delta).toBe(true);
    expect(r.deletions).toHaveLength(raw.filter((o) => o.op === 'DEL').length);
    expect(r.deletions).toHaveLength(571);
    expect(r.deletions[0]).toBe('NK-3MDjERC9RyRHv3wEq9xWe4');
    const entities = entitiesOf(r.statements);
    expect(entities.size).toBe(90 + 1039);
    const bySchema: Record<string, number> = {};
    for (const e of entities.values()) bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
    expect(bySchema).toMatchObject({ Sanction: 547, Person: 451, Organization: 97, LegalEntity: 27 });
    const aqi = entities.get('NK-2T3S8Hu29ktYnKSTgQp2wL')!;
    expect(aqi.caption).toBe('AL-QAIDA IN IRAQ');
    expect(aqi.properties.alias).toContain('ISIL');
    expectFtmValid(r.statements);
  });

  it('rejects an unknown operation with its line', async () => {
    const path = join(tmp, 'bad.delta.json');
    writeFileSync(path, '{"op":"DEL","entity":{"id":"x1"}}\n{"op":"UPSERT","entity":{"id":"x2","schema":"Person","properties":{}}}\n');
    await expect(collect(ftmDelta, [path])).rejects.toThrow(/bad\.delta\.json:2: unknown delta operation "UPSERT"/);
  });
});

describe('FtM export', () => {
  const zalaRaw = new Map(rawLines(ZALA).map((l) => [l.id as string, l]));

  /** The imported entities, with the datasets and referents the publisher states for each. */
  async function zalaEntities(): Promise<FtmEntity[]> {
    const r = await collect(ftmJsonParser({ referents: 'drop' }), [ZALA]);
    return [...entitiesOf(r.statements).values()].map((e) => ({ ...e, datasets: zalaRaw.get(e.id)!.datasets, referents: zalaRaw.get(e.id)!.referents }));
  }

  it('writes FtM JSON lines that read back to the same entities', async () => {
    const entities = await zalaEntities();
    const { text, n } = await toText((out) => writeFtmJsonLines(entities, out));
    expect(n).toBe(91);
    const path = join(tmp, 'roundtrip.ftm.json');
    writeFileSync(path, text);
    // Read back as written: the referents are the publisher's, not notes of the entity.
    const again = entitiesOf((await collect(ftmJsonParser({ referents: 'drop' }), [path])).statements);
    for (const e of entities) {
      const got = again.get(e.id)!;
      expect(got.schema).toBe(e.schema);
      expect(got.caption).toBe(e.caption);
      expect(Object.keys(got.properties).sort()).toEqual(Object.keys(e.properties).sort());
      for (const [prop, values] of Object.entries(e.properties)) expect(new Set(got.properties[prop]), `${e.id}.${prop}`).toEqual(new Set(values));
    }
    const first = JSON.parse(text.split('\n')[0]);
    expect(Object.keys(first)).toEqual(['id', 'caption', 'schema', 'properties', 'referents', 'datasets']);
    expect({ referents: first.referents, datasets: first.datasets }).toEqual({ referents: zalaRaw.get(first.id)!.referents, datasets: zalaRaw.get(first.id)!.datasets });
  });

  it('writes a flat CSV of one row per thing (not sanctions or relationships)', async () => {
    const entities = await zalaEntities();
    const { text, n } = await toText((out) => writeEntitiesCsv(entities, out));
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...ENTITIES_CSV_COLUMNS]);
    // The fixture's 91 entities hold 28 things (6 Person, 11 Company, 11 Address); sanctions,
    // relationships and the passport are left out.
    const things = [...zalaRaw.values()].filter((l) => getSchema(l.schema).isA('Thing'));
    expect(things).toHaveLength(28);
    expect(n).toBe(28);
    expect(rows.map((r) => r.id).sort()).toEqual(things.map((l) => l.id).sort());
    for (const row of rows) expect({ schema: row.schema, caption: row.caption }, row.id).toEqual({ schema: zalaRaw.get(row.id)!.schema, caption: zalaRaw.get(row.id)!.caption });
    const osetrova = rows.find((r) => r.id === 'NK-2Tbri3s6GgNtAwsSXh4qpL')!;
    expect(osetrova).toMatchObject({ schema: 'Person', caption: 'Maria Aleksandrovna Osetrova', birth_date: '1988-01-07' });
    expect(osetrova.datasets.split(';')).toEqual(['gb_coh_disqualified', 'us_sam_exclusions', 'gb_fcdo_sanctions', 'us_ofac_sdn', 'ua_nsdc_sanctions', 'ext_ru_egrul', 'us_trade_csl']);
    expect(osetrova.referents.split(';')).toHaveLength(15);
    expect(osetrova.referents.split(';')).toContain('ua-nsdc-26852-zaharova-maria-oleksandrivna');
    expect(osetrova.identifiers.split(';')).toContain('183116181362');
    expect(osetrova.countries.split(';')).toContain('ru');
  });
});
