// The OFAC legacy CSV parsers on the real official files: the bundled SDN set of 2023-12-28
// (data/us_ofac_sdn, gzipped), the complete 2021-07-07 set with sdn_comments.csv
// (test/fixtures/ofac_sdn), the Consolidated set of 2025-12-19 (data/us_ofac_cons), and small
// bad files written into a temporary directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { ofacConsCsv, ofacSdnCsv, parseCsvLine, roleFromContent } from '../../src/sources/ofac/csv.ts';
import { SourceError } from '../../src/model/errors.ts';
import { model, propertyType } from '../../src/model/ftm.ts';
import { defaultModel } from '@opensanctions/followthemoney';
import { ID_PROP, type StatementDraft } from '../../src/model/statement.ts';
import type { FtmEntity } from '../../src/model/entity.ts';

const SDN_2023 = ['sdn', 'add', 'alt'].map((f) => `data/us_ofac_sdn/2023-12-28/${f}.csv.gz`);
const SDN_2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => `test/fixtures/ofac_sdn/2021-07-07/${f}.csv`);
const CONS_2025 = ['cons_prim', 'cons_add', 'cons_alt', 'cons_comments'].map((f) => `data/us_ofac_cons/2025-12-19/${f}.csv.gz`);

const TARGET_SCHEMATA = new Set(['Person', 'LegalEntity', 'Company', 'Organization', 'Vessel', 'Airplane']);

function targets(entities: Map<string, FtmEntity>, dataset: string): FtmEntity[] {
  const re = new RegExp(`^${dataset.replace(/_/g, '-')}-\\d+$`);
  return [...entities.values()].filter((e) => re.test(e.id));
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/** Every (schema, prop) the parser yields is in the FtM model. */
function expectFtmProps(statements: StatementDraft[]): void {
  const pairs = new Set(statements.filter((s) => s.prop !== ID_PROP).map((s) => `${s.schema}.${s.prop}`));
  const bad = [...pairs].filter((p) => {
    const [schema, prop] = p.split('.');
    return !model.schemata[schema]?.hasProperty(prop);
  });
  expect(bad).toEqual([]);
  expect(pairs.size).toBeGreaterThan(50);
}

const COUNTRY_CODES = new Set(Object.keys((defaultModel as unknown as { types: { country: { values: Record<string, string> } } }).types.country.values));

/** Dates are ISO (year, month or day), countries FtM codes, genders FtM's, entity refs ids. */
function expectFtmValues(statements: StatementDraft[]): void {
  const bad: string[] = [];
  for (const s of statements) {
    if (s.prop === ID_PROP) continue;
    const type = propertyType(s.schema, s.prop);
    const ok =
      type === 'date' ? /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(s.value)
      : type === 'country' ? COUNTRY_CODES.has(s.value)
      : type === 'gender' ? ['male', 'female', 'other'].includes(s.value)
      : type === 'entity' ? /^[a-z0-9-]+-\d+(?:-[A-Za-z0-9.-]+)?$/.test(s.value)
      : type === 'number' ? /^\d+(?:\.\d+)?$/.test(s.value)
      : s.value.trim() === s.value && s.value !== '';
    if (!ok) bad.push(`${s.schema}.${s.prop}=${s.value}`);
  }
  expect(bad.slice(0, 20)).toEqual([]);
}

/** Relationship entities whose `object` is the given entity. */
function linksBetween(entities: Map<string, FtmEntity>, subject: string, object: string): FtmEntity[] {
  return [...entities.values()].filter((e) => e.schema === 'UnknownLink' && e.properties.subject?.includes(subject) && e.properties.object?.includes(object));
}

describe('OFAC SDN CSV, 2023-12-28 (bundled)', () => {
  let run: Collected;
  let entities: Map<string, FtmEntity>;
  beforeAll(async () => {
    run = await collect(ofacSdnCsv, SDN_2023);
    entities = entitiesOf(run.statements);
  });

  it('has exactly 13,821 list entries, by type as in SDN_Type', () => {
    const list = targets(entities, 'us_ofac_sdn');
    expect(list).toHaveLength(13_821);
    const bySchema = countBy(list, (e) => e.schema);
    expect(bySchema.Person).toBe(6_646);
    expect(bySchema.Vessel).toBe(764);
    expect(bySchema.Airplane).toBe(378);
    // SDN_Type empty: 6,033 entities, refined from their remarks.
    expect((bySchema.LegalEntity ?? 0) + (bySchema.Company ?? 0) + (bySchema.Organization ?? 0)).toBe(6_033);
    expect(bySchema.Company).toBeGreaterThan(3_000);
    expect(bySchema.Organization).toBeGreaterThan(50);
    expect(bySchema.LegalEntity).toBeGreaterThan(1_000);
    // One Sanction per entry.
    expect(countBy([...entities.values()], (e) => e.schema).Sanction).toBe(13_821);
  });

  it('maps the 17,091 alt.csv aliases: aka 16,507 and nka 17 to alias, fka 567 to previousName', () => {
    const fromAlt = run.statements.filter((s) => s.locator?.startsWith('alt.csv:'));
    const byProp = countBy(fromAlt, (s) => s.prop);
    expect(byProp).toEqual({ alias: 16_507 + 17, previousName: 567 });
    // Weak aliases come from the remarks ('a.k.a. ...' in single quotes), never from alt.csv.
    const weak = run.statements.filter((s) => s.prop === 'weakAlias');
    expect(weak.length).toBeGreaterThan(3_000);
    expect(weak.every((s) => s.locator?.startsWith('sdn.csv:'))).toBe(true);
  });

  it('PRIGOZHIN, Yevgeniy Viktorovich (21171)', () => {
    const p = entities.get('us-ofac-sdn-21171')!;
    expect(p.schema).toBe('Person');
    expect(p.caption).toBe('PRIGOZHIN, Yevgeniy Viktorovich');
    expect(p.properties.birthDate).toEqual(['1961-06-01']);
    expect(p.properties.birthPlace).toEqual(['Leningrad, Russia']);
    expect(p.properties.nationality).toEqual(['ru']);
    expect(p.properties.gender).toEqual(['male']);
    expect(p.properties.alias).toEqual(['PRIGOZHIN, Evgeny']);
    const s = entities.get('us-ofac-sdn-21171-sanction')!;
    expect(s.schema).toBe('Sanction');
    expect(s.properties.entity).toEqual(['us-ofac-sdn-21171']);
    expect(s.properties.authority).toEqual(['Office of Foreign Assets Control']);
    expect(s.properties.program).toEqual(['UKRAINE-EO13661', 'CYBER2', 'ELECTION-EO13848', 'RUSSIA-EO14024']);
    expect(s.properties.programId).toEqual(['OFAC-UKRAINE-EO13661', 'OFAC-CYBER2', 'OFAC-ELECTION-EO13848', 'OFAC-RUSSIA-EO14024']);
    expect(s.properties.country).toEqual(['us']);
    expect(s.properties.provisions?.some((v) => v.startsWith('Secondary sanctions risk: Ukraine-/Russia-Related'))).toBe(true);
    const ira = entities.get('us-ofac-sdn-23943')!;
    expect(ira.caption).toBe('INTERNET RESEARCH AGENCY LLC');
    const links = linksBetween(entities, 'us-ofac-sdn-21171', 'us-ofac-sdn-23943');
    expect(links).toHaveLength(1);
    expect(links[0].id).toBe('us-ofac-sdn-21171-link-23943');
    expect(links[0].properties.role).toEqual(['Linked To']);
  });

  it('the statements of an entity start with its id, and the name comes before the aliases', () => {
    const mine = run.statements.filter((s) => s.entityId === 'us-ofac-sdn-21171');
    expect(mine[0]).toMatchObject({ prop: 'id', value: 'us-ofac-sdn-21171', locator: 'sdn.csv:4498', evidenceGrade: 'official' });
    expect(mine.findIndex((s) => s.prop === 'name')).toBeLessThan(mine.findIndex((s) => s.prop === 'alias'));
    expect(mine.find((s) => s.prop === 'alias')?.locator).toMatch(/^alt\.csv:\d+$/);
    expect(mine.find((s) => s.prop === 'country')?.locator).toMatch(/^add\.csv:\d+$/);
  });

  it('RIM, Yong Hyok links to PRIGOZHIN; VERSOR S.R.O. to MKRTYCHEV, Ashot, with his passports', () => {
    expect(entities.get('us-ofac-sdn-44294')?.caption).toBe('RIM, Yong Hyok');
    expect(linksBetween(entities, 'us-ofac-sdn-44294', 'us-ofac-sdn-21171')).toHaveLength(1);
    const versor = entities.get('us-ofac-sdn-44579')!;
    expect(versor.caption).toBe('VERSOR S.R.O.');
    expect(versor.schema).toBe('Company');
    expect(versor.properties.taxNumber).toEqual(['2023480030']);
    expect(linksBetween(entities, 'us-ofac-sdn-44579', 'us-ofac-sdn-41736')).toHaveLength(1);
    const m = entities.get('us-ofac-sdn-41736')!;
    expect(m.caption).toBe('MKRTYCHEV, Ashot');
    expect(m.properties.passportNumber).toEqual(['BD3843329', 'BD5609822']);
    expect(m.properties.citizenship).toEqual(['sk']);
    const passport = entities.get('us-ofac-sdn-41736-passport-BD3843329')!;
    expect(passport.schema).toBe('Passport');
    expect(passport.properties).toMatchObject({ holder: ['us-ofac-sdn-41736'], number: ['BD3843329'], country: ['sk'], endDate: ['2029-04-08'] });
    expect(entities.get('us-ofac-sdn-41736-passport-BD5609822')?.properties.endDate).toEqual(['2024-05-19']);
  });

  it('resolves almost every Linked To reference to an entry of the same file', () => {
    const links = [...entities.values()].filter((e) => e.schema === 'UnknownLink' && e.properties.role?.[0] === 'Linked To');
    const resolved = links.filter((l) => l.properties.object?.length);
    expect(links.length).toBe(5_963);
    expect(resolved.length).toBe(5_954);
    for (const l of resolved) expect(entities.has(l.properties.object[0]), l.id).toBe(true);
    // The unresolved keep their text and are reported: 8 name entities not on the SDN list
    // (Rosneft, Gazprom, Gazprombank, the Turkish Presidency of Defense Industries), and one name
    // two entries share ("MINISTRY OF STATE SECURITY": DPRK3 and CAATSA - RUSSIA).
    const unresolved = links.filter((l) => !l.properties.object?.length);
    expect(unresolved.every((l) => l.properties.description?.[0]?.startsWith('Linked To: '))).toBe(true);
    const warned = run.warnings.filter((w) => w.includes('Linked To:'));
    expect(warned).toHaveLength(9);
    expect(warned.filter((w) => w.includes('is ambiguous (entries 20129, 25437)'))).toHaveLength(1);
  });

  it('a vessel with IMO, MMSI, flag and tonnage (15036 ARTAVIL)', () => {
    const v = entities.get('us-ofac-sdn-15036')!;
    expect(v.schema).toBe('Vessel');
    expect(v.properties).toMatchObject({
      imoNumber: ['9187629'],
      mmsi: ['572469210'],
      callSign: ['T2EU4'],
      type: ['Crude/Oil Products Tanker'],
      tonnage: ['99144'],
      grossRegisteredTonnage: ['56068'],
      flag: ['ir'],
      previousName: ['ABADAN', 'SHONA'],
      weakAlias: ['ALPHA'],
    });
    expect(linksBetween(entities, 'us-ofac-sdn-15036', 'us-ofac-sdn-15117')).toHaveLength(1);
    const withImo = targets(entities, 'us_ofac_sdn').filter((e) => e.schema === 'Vessel' && e.properties.imoNumber?.length);
    expect(withImo.length).toBeGreaterThan(750);
  });

  it('an aircraft with serial numbers, model and build date (15431 EP-GOM)', () => {
    const a = entities.get('us-ofac-sdn-15431')!;
    expect(a.schema).toBe('Airplane');
    expect(a.properties).toMatchObject({ serialNumber: ['8401', '1023409321'], model: ['IL76-TD'], buildDate: ['1992'] });
    // POUYA AIR (13109) twice: "Linked To: POUYA AIR", and "Aircraft Operator YAS AIR", one of its aliases.
    const roles = linksBetween(entities, 'us-ofac-sdn-15431', 'us-ofac-sdn-13109').map((l) => l.properties.role[0]);
    expect(roles.sort()).toEqual(['Aircraft Operator', 'Linked To']);
    expect(entities.get('us-ofac-sdn-13109')?.properties.alias).toContain('YAS AIR');
  });

  it('a DOB range (19792 O, Chong Ok) and a circa DOB (7782 SAHINPASIC, Senad)', () => {
    expect(entities.get('us-ofac-sdn-19792')?.properties.birthDate).toEqual(['1953']);
    expect(entities.get('us-ofac-sdn-7782')?.properties.birthDate).toEqual(['1951']);
  });

  it('digital currency addresses become wallets held by the entry (25308 YAN, Xiaobing)', () => {
    const w = entities.get('us-ofac-sdn-25308-wallet-12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h')!;
    expect(w.schema).toBe('CryptoWallet');
    expect(w.properties).toMatchObject({ publicKey: ['12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h'], currencySymbol: ['XBT'], holder: ['us-ofac-sdn-25308'] });
  });

  it('yields only (schema, prop) pairs of the FtM model, with locators and the official grade', () => {
    expectFtmProps(run.statements);
    expectFtmValues(run.statements);
    expect(run.statements.every((s) => /^(?:sdn|add|alt)\.csv:\d+$/.test(s.locator ?? ''))).toBe(true);
    expect(run.statements.every((s) => s.evidenceGrade === 'official')).toBe(true);
    const schemata = new Set(run.statements.map((s) => s.schema));
    for (const s of schemata) expect(model.schemata[s], s).toBeDefined();
    expect([...TARGET_SCHEMATA].every((s) => schemata.has(s))).toBe(true);
  });

  it('streams the statements it collects', async () => {
    // Its speed is bench:import's (parsing the bundled lists alone): a timed test fails on a slow machine, not on slow code.
    let n = 0;
    for await (const _ of ofacSdnCsv.parse(SDN_2023, { dataset: 'us_ofac_sdn', published: () => {}, warn: () => {} })) n++;
    expect(n).toBe(run.statements.length);
  });
});

describe('OFAC SDN CSV, 2021-07-07 with sdn_comments.csv', () => {
  let run: Collected;
  let entities: Map<string, FtmEntity>;
  beforeAll(async () => {
    run = await collect(ofacSdnCsv, SDN_2021);
    entities = entitiesOf(run.statements);
  });

  it('has 8,976 entries', () => {
    expect(targets(entities, 'us_ofac_sdn')).toHaveLength(8_976);
  });

  it('appends the remarks continuation of sdn_comments.csv (28263 TIAN, Yinyin)', () => {
    // sdn.csv cuts the remarks at "a.k.a. 'snowsjo"; sdn_comments.csv goes on "hn'; Linked To: LAZARUS GROUP."
    const t = entities.get('us-ofac-sdn-28263')!;
    expect(t.caption).toBe('TIAN, Yinyin');
    expect(t.properties.weakAlias).toContain('snowsjohn');
    expect(linksBetween(entities, 'us-ofac-sdn-28263', 'us-ofac-sdn-27307')).toHaveLength(1); // LAZARUS GROUP
    // 28264 LI, Jiadong: the ID number stands wholly in the comment.
    expect(entities.get('us-ofac-sdn-28264')?.properties.idNumber).toContain('210302198701102136');
    expect(run.warnings.filter((w) => /Digital Curr/.test(w))).toEqual([]);
  });

  it('yields only FtM (schema, prop) pairs, with values of their FtM types', () => {
    expectFtmProps(run.statements);
    expectFtmValues(run.statements);
  });
});

describe('OFAC Consolidated CSV, 2025-12-19 (bundled)', () => {
  let run: Collected;
  let entities: Map<string, FtmEntity>;
  beforeAll(async () => {
    run = await collect(ofacConsCsv, CONS_2025);
    entities = entitiesOf(run.statements);
  });

  it('has 442 entries in dataset us_ofac_cons, with 1,073 aliases from cons_alt.csv', () => {
    const list = targets(entities, 'us_ofac_cons');
    expect(list).toHaveLength(442);
    expect(countBy(list, (e) => (e.schema === 'Person' ? 'Person' : 'other'))).toEqual({ Person: 79, other: 363 });
    expect(run.statements.filter((s) => s.locator?.startsWith('cons_alt.csv:')).length).toBe(1_073);
    expect(run.statements.every((s) => s.entityId.startsWith('us-ofac-cons-'))).toBe(true);
  });

  it('describes non-SDN provisions by program and appends cons_comments.csv (17014)', () => {
    const s = entities.get('us-ofac-cons-17014-sanction')!;
    expect(s.properties.program).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    expect(s.properties.provisions?.[0]).toMatch(/^Sectoral Sanctions Identifications/);
    const e = entities.get('us-ofac-cons-17014')!;
    expect(e.schema).toBe('Company');
    expect(e.properties.weakAlias).toContain('RUSAG'); // from the comments file
    expect(e.properties.ogrnCode).toContain('1027700342890');
  });

  it('yields only FtM (schema, prop) pairs, with values of their FtM types', () => {
    expectFtmProps(run.statements);
    expectFtmValues(run.statements);
  });
});

describe('OFAC CSV format detection', () => {
  it('tells the files apart by name and by content', () => {
    const sdnLine = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n';
    const altLine = '36,12,"aka","AERO-CARIBBEAN",-0- \r\n';
    expect(ofacSdnCsv.detect('sdn.csv', sdnLine)).toBe(true);
    expect(ofacSdnCsv.detect('2023-12-28_sdn.csv.gz', sdnLine)).toBe(true);
    expect(ofacSdnCsv.detect('alt.csv', altLine)).toBe(true);
    expect(ofacSdnCsv.detect('list.csv', altLine)).toBe(true);
    expect(ofacSdnCsv.detect('cons_prim.csv', sdnLine)).toBe(false);
    expect(ofacConsCsv.detect('cons_prim.csv', sdnLine)).toBe(true);
    expect(ofacConsCsv.detect('sdn.csv', sdnLine)).toBe(false);
    expect(ofacSdnCsv.detect('sdn.csv', 'Group ID,Name 6,Name 1\r\n')).toBe(false);
    expect(ofacSdnCsv.detect('sdn.xml', '<?xml version="1.0"?>')).toBe(false);
    expect(roleFromContent(altLine)).toBe('alias');
    expect(roleFromContent('36,25,-0- ,"Havana","Cuba",-0- \r\n')).toBe('address');
    expect(roleFromContent('28263,"hn\'; Linked To: LAZARUS GROUP."\r\n')).toBe('comments');
  });

  it('parses CSV lines with -0-, doubled quotes and blanks', () => {
    expect(parseCsvLine('36,25,-0- ,"Havana","Cuba",-0- ')).toEqual(['36', '25', '', 'Havana', 'Cuba', '']);
    expect(parseCsvLine('1,"say ""hi""",x')).toEqual(['1', 'say "hi"', 'x']);
    expect(parseCsvLine('1,"open')).toBeUndefined();
    expect(parseCsvLine('1,"closed"junk,2')).toBeUndefined();
  });
});

describe('OFAC CSV bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'interdict-ofac-csv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const row = (ent: string, name: string, type = '-0- ', remarks = '-0- ') => `${ent},"${name}",${type},"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${remarks}\r\n`;
  function write(sub: string, files: Record<string, string | Buffer>): string[] {
    const paths: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      const p = join(dir, `${sub}-${name}`);
      writeFileSync(p, content);
      paths.push(p);
    }
    return paths;
  }
  async function failure(files: string[]): Promise<SourceError> {
    try {
      await collect(ofacSdnCsv, files);
    } catch (e) {
      expect(e).toBeInstanceOf(SourceError);
      return e as SourceError;
    }
    throw new Error('expected a SourceError');
  }

  it('rejects a truncated line (unbalanced quote), naming file and line', async () => {
    const files = write('trunc', { 'sdn.csv': row('1', 'ALPHA') + '2,"BRAVO,-0- ,"SDGT",-0- ,-0-\r\n' });
    const e = await failure(files);
    expect(e.file).toBe('trunc-sdn.csv');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/trunc-sdn\.csv:2: malformed CSV line/);
  });

  it('rejects a duplicate ent_num, a missing or empty primary file, a wrong field count, an unknown type', async () => {
    let e = await failure(write('dup', { 'sdn.csv': row('1', 'ALPHA') + row('1', 'BRAVO') + '\x1a' }));
    expect(e.message).toMatch(/dup-sdn\.csv:2 \(record 1\): duplicate ent_num 1 \(first on line 1\)/);
    e = await failure(write('empty', { 'sdn.csv': '' }));
    expect(e.message).toMatch(/empty-sdn\.csv: no entries/);
    e = await failure(write('ctrlz', { 'sdn.csv': '\x1a' }));
    expect(e.message).toMatch(/no entries/);
    e = await failure(write('noprim', { 'add.csv': '1,1,-0- ,-0- ,"Cuba",-0- \r\n' }));
    expect(e.message).toMatch(/no primary file \(sdn\.csv\)/);
    e = await failure(write('fields', { 'sdn.csv': '1,"ALPHA",-0- ,"SDGT"\r\n' }));
    expect(e.message).toMatch(/fields-sdn\.csv:1: expected 12 fields .* found 4/);
    e = await failure(write('type', { 'sdn.csv': row('1', 'ALPHA', '"spaceship"') }));
    expect(e.message).toMatch(/unknown SDN_Type "spaceship"/);
    e = await failure(write('entnum', { 'sdn.csv': row('x1', 'ALPHA') }));
    expect(e.message).toMatch(/ent_num is not a number/);
    e = await failure(write('unknown', { 'notes.txt': 'hello\n' }));
    expect(e.message).toMatch(/not an OFAC legacy CSV file/);
  });

  it('warns about (and skips) companion rows whose ent_num is not in sdn.csv', async () => {
    const files = write('orphan', {
      'sdn.csv': row('1', 'ALPHA') + '\x1a',
      'add.csv': '1,10,"Main St 1","Havana","Cuba",-0- \r\n99,11,-0- ,-0- ,"Cuba",-0- \r\n\x1a',
      'alt.csv': '99,5,"aka","GHOST",-0- \r\n\x1a',
    });
    const r = await collect(ofacSdnCsv, files);
    expect(r.warnings).toEqual([
      'orphan-alt.csv:1: ent_num 99 is not in orphan-sdn.csv; row ignored',
      'orphan-add.csv:2: ent_num 99 is not in orphan-sdn.csv; row ignored',
    ]);
    const e = entitiesOf(r.statements).get('us-ofac-sdn-1')!;
    expect(e.properties.address).toEqual(['Main St 1, Havana, Cuba']);
    expect(e.properties.country).toEqual(['cu']);
    expect(e.properties.alias).toBeUndefined();
  });

  it('reads Windows-1252 bytes above 0x7F where ASCII is expected', async () => {
    const bytes = Buffer.concat([Buffer.from('1,"M'), Buffer.from([0xdc]), Buffer.from('LLER, J'), Buffer.from([0xfc]), Buffer.from('rgen","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"POB K'), Buffer.from([0xf6]), Buffer.from('ln, Germany."\r\n\x1a')]);
    const r = await collect(ofacSdnCsv, write('latin', { 'sdn.csv': bytes }));
    const e = entitiesOf(r.statements).get('us-ofac-sdn-1')!;
    expect(e.caption).toBe('MÜLLER, Jürgen');
    expect(e.properties.birthPlace).toEqual(['Köln, Germany']);
  });

  it('finds the role of files with unclear names from their content, and honours the chosen dataset', async () => {
    const files = write('content', { 'part1.csv': row('1', 'ALPHA') + row('2', 'BRAVO', '-0- ', '"Linked To: ALPHA."') + '\x1a', 'part2.csv': '1,7,"fka","OLD ALPHA",-0- \r\n\x1a' });
    const r = await collect(ofacSdnCsv, files, 'my_list');
    const ents = entitiesOf(r.statements);
    expect(ents.get('my-list-1')?.properties.previousName).toEqual(['OLD ALPHA']);
    expect(linksBetween(ents, 'my-list-2', 'my-list-1')).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });
});
