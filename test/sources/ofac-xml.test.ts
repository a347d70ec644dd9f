// OFAC SDN classic XML (sdn.xml): the official sample, a fixture built from the 2023-12-28 set
// whose entities must equal the CSV parser's for the same entries, and bad input.
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ofacSdnXml } from '../../src/sources/ofac/xml.ts';
import { ofacSdnAdvancedXml } from '../../src/sources/ofac/advanced.ts';
import { ofacSdnCsv } from '../../src/sources/ofac/csv.ts';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { ID_PROP } from '../../src/model/statement.ts';
import { SourceError } from '../../src/model/errors.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const SAMPLE = 'test/fixtures/ofac_sdn/samples/sdn.xml';
const SUBSET = 'test/fixtures/ofac_xml/sdn_2023_subset.xml';
const SUBSET_CSV = ['sdn.csv', 'add.csv', 'alt.csv'].map((f) => `test/fixtures/ofac_xml/csv_2023-12-28/${f}`);

let sample: Collected;
let subset: Collected;
const dir = tempDirForFile('ofac-xml');

beforeAll(async () => {
  sample = await collect(ofacSdnXml, [SAMPLE]);
  subset = await collect(ofacSdnXml, [SUBSET]);
});

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(files: string[], parser = ofacSdnXml): Promise<SourceError> {
  const err = await collect(parser, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

function expectValidFtm(statements: Collected['statements']): void {
  const bad = new Set<string>();
  for (const s of statements) {
    if (s.prop !== ID_PROP && !getSchema(s.schema).hasProperty(s.prop)) bad.add(`${s.schema}.${s.prop}`);
  }
  expect([...bad]).toEqual([]);
}

describe('ofacSdnXml on the official sample (8 entries, published 2020-04-22)', () => {
  it('reads every entry, the publication date, and says the header count is off', () => {
    const entities = entitiesOf(sample.statements);
    const targets = [...entities.values()].filter((e) => /^us-ofac-sdn-\d+$/.test(e.id));
    expect(targets).toHaveLength(8);
    expect(sample.published).toBe('2020-04-22');
    expect(sample.warnings).toContain('sdn.xml: the header says 8197 records, the file holds 8');
    const sanctions = [...entities.values()].filter((e) => e.schema === 'Sanction');
    expect(sanctions).toHaveLength(8);
  });

  it('keeps strong and weak aliases apart, and reads dates, places, documents and programs', () => {
    const saeed = entitiesOf(sample.statements).get('us-ofac-sdn-10689')!;
    expect(saeed.schema).toBe('Person');
    expect(saeed.caption).toBe('SAEED, Muhammad');
    expect(saeed.properties.alias).toContain('SAEED, Hafiz Muhammad');
    expect(saeed.properties.alias).toHaveLength(8);
    expect(saeed.properties.weakAlias).toEqual(['HAFIZ SAHIB', 'TATA JI']);
    expect(saeed.properties.birthDate).toEqual(['1950-06-05']);
    expect(saeed.properties.birthPlace).toEqual(['Sargodha, Punjab, Pakistan']);
    expect(saeed.properties.nationality).toEqual(['pk']);
    expect(saeed.properties.passportNumber?.sort()).toEqual(['A5250088', 'BE5978421']);
    expect(saeed.properties.idNumber?.sort()).toEqual(['23250460642', '3520025509842-7']);
    expect(saeed.properties.address).toEqual(['House No. 116 E, Mohalla Johar, Town: Lahore, Tehsil:, Lahore City, Lahore District, Pakistan']);

    const entities = entitiesOf(sample.statements);
    const passport = entities.get('us-ofac-sdn-10689-passport-BE5978421')!;
    expect(passport.properties).toMatchObject({ number: ['BE5978421'], country: ['pk'], startDate: ['2007-11-14'], endDate: ['2012-11-12'], holder: ['us-ofac-sdn-10689'] });
    const naqdi = entities.get('us-ofac-sdn-12057')!;
    // "1951 to 1953" and "1960 to 1962" become each year; "Apr 1961" a month.
    expect(naqdi.properties.birthDate?.sort()).toEqual(['1951', '1952', '1953', '1960', '1961', '1961-04', '1962']);
    expect(naqdi.properties.gender).toEqual(['male']);
    const sanction = entities.get('us-ofac-sdn-12057-sanction')!;
    expect(sanction.properties.entity).toEqual(['us-ofac-sdn-12057']);
    expect(sanction.properties.program).toEqual(['IFSR', 'IRGC', 'NPWMD', 'IRAN-HR', 'SDGT', 'IRAN-EO13876']);
    expect(sanction.properties.programId).toContain('OFAC-IRAN-EO13876');
    expect(sanction.properties.provisions).toContain('Additional Sanctions Information - Subject to Secondary Sanctions');
    expect(entities.get('us-ofac-sdn-19187')!.properties.taxNumber).toEqual(['991715-1-534344']);
  });

  it('keeps an unresolvable Linked To as text and warns', () => {
    const link = entitiesOf(sample.statements).get('us-ofac-sdn-15496-link-SUMIYOSHI-KAI')!;
    expect(link.schema).toBe('UnknownLink');
    expect(link.properties).toMatchObject({ subject: ['us-ofac-sdn-15496'], role: ['Linked To'], description: ['Linked To: SUMIYOSHI-KAI'] });
    expect(link.properties.object).toBeUndefined();
    expect(sample.warnings.some((w) => w.includes('SUMIYOSHI-KAI') && w.includes('names no entry'))).toBe(true);
  });

  it('gives every statement an id-first order, a locator and the official grade; every (schema, prop) exists in FtM', () => {
    expectValidFtm(sample.statements);
    expectValidFtm(subset.statements);
    const seen = new Set<string>();
    for (const s of [...sample.statements, ...subset.statements]) {
      if (!seen.has(s.entityId)) {
        expect(s.prop).toBe(ID_PROP);
        seen.add(s.entityId);
      }
      expect(s.locator).toMatch(/^sdn(_2023_subset)?\.xml:\d+$/);
      expect(s.evidenceGrade).toBe('official');
    }
  });
});

describe('ofacSdnXml matches the CSV parser entry for entry', () => {
  it('yields the same entities, schemata and values as the 2023-12-28 CSV rows of the same nine entries', async () => {
    const csv = entitiesOf((await collect(ofacSdnCsv, SUBSET_CSV)).statements);
    const xml = entitiesOf(subset.statements);
    expect([...xml.keys()].sort()).toEqual([...csv.keys()].sort());
    for (const [id, e] of xml) {
      const other = csv.get(id)!;
      expect(e.schema, id).toBe(other.schema);
      const sorted = (p: Record<string, string[]>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [...v].sort()]));
      expect(sorted(e.properties), id).toEqual(sorted(other.properties));
    }
  });

  it('resolves Linked To across the file (forward and backward) and reads vessels, aircraft, wallets', () => {
    const entities = entitiesOf(subset.statements);
    expect(subset.published).toBe('2023-12-28');
    expect(entities.get('us-ofac-sdn-44294-link-21171')!.properties).toMatchObject({ subject: ['us-ofac-sdn-44294'], object: ['us-ofac-sdn-21171'], role: ['Linked To'] });
    // PRIGOZHIN (21171) is read before the agency (23943) he is linked to.
    expect(entities.get('us-ofac-sdn-21171-link-23943')!.properties.object).toEqual(['us-ofac-sdn-23943']);
    // An aircraft's operator on the list: linked by its strong alias "YAS AIR" (POUYA AIR).
    expect(entities.get('us-ofac-sdn-15431-operator-13109')!.properties).toMatchObject({ subject: ['us-ofac-sdn-15431'], object: ['us-ofac-sdn-13109'], role: ['Aircraft Operator'] });
    expect(entities.get('us-ofac-sdn-15431-link-13109')!.properties.role).toEqual(['Linked To']);
    const aircraft = entities.get('us-ofac-sdn-15431')!;
    expect(aircraft.schema).toBe('Airplane');
    expect(aircraft.properties).toMatchObject({ model: ['IL76-TD'], buildDate: ['1992'] });
    expect(aircraft.properties.serialNumber?.sort()).toEqual(['1023409321', '8401']);
    const vessel = entities.get('us-ofac-sdn-23729')!;
    expect(vessel.properties).toMatchObject({ imoNumber: ['8660313'], flag: ['kp'] });
    const wallet = entities.get('us-ofac-sdn-26137-wallet-149w62rY42aZBox8fGcmqNsXUzSStKeq8C')!;
    expect(wallet.properties).toMatchObject({ publicKey: ['149w62rY42aZBox8fGcmqNsXUzSStKeq8C'], currencySymbol: ['XBT'], holder: ['us-ofac-sdn-26137'] });
    const ali = entities.get('us-ofac-sdn-26137')!;
    expect(ali.properties.email).toHaveLength(5);
    expect(ali.properties.weakAlias).toEqual(['Mastercartaria', 'Iranvisacart']);
    expect(entities.get('us-ofac-sdn-44579')!.schema).toBe('Company');
    expect(entities.get('us-ofac-sdn-13109')!.properties.website).toEqual(['www.pouyaair.com']);
  });
});

describe('ofacSdnXml on bad input', () => {
  it('detects sdn.xml and not the other formats', () => {
    const head = readFileSync(SAMPLE, 'latin1').slice(0, 4096);
    expect(ofacSdnXml.detect('sdn.xml', head)).toBe(true);
    expect(ofacSdnAdvancedXml.detect('sdn.xml', head)).toBe(false);
    expect(ofacSdnXml.detect('sdn_advanced.xml', readFileSync('test/fixtures/ofac_xml/sdn_advanced_sample.xml', 'latin1').slice(0, 4096))).toBe(false);
    expect(ofacSdnXml.detect('sample_eu.xml', readFileSync('test/fixtures/eu_fsf/samples/sample_eu.xml', 'latin1').slice(0, 4096))).toBe(false);
  });

  it('names the line of a mismatched tag', async () => {
    const text = readFileSync(SAMPLE, 'utf8').split('\n');
    text[9] = text[9].replace('</lastName>', '</lastname>'); // line 10: <lastName>SAEED</lastName>
    const err = await failure([write('mismatch.xml', text.join('\n'))]);
    expect(err.line).toBe(10);
    expect(err.message).toMatch(/^mismatch\.xml:10: malformed XML/);
  });

  it('rejects a truncated file, also gzipped', async () => {
    const bytes = readFileSync(SAMPLE);
    const err = await failure([write('cut.xml', bytes.subarray(0, 5000))]);
    expect(err.message).toMatch(/cut\.xml:\d+: malformed XML: unclosed tag/);
    const gz = gzipSync(bytes);
    expect((await failure([write('cut.xml.gz', gz.subarray(0, gz.length - 200))])).message).toMatch(/cut\.xml\.gz/);
  });

  it('refuses XXE and billion-laughs documents', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid><lastName>&e;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>\n';
    const err = await failure([write('xxe.xml', xxe)]);
    expect(err.message).toMatch(/xxe\.xml:2: XML entity declarations are refused/);
    const lol =
      '<?xml version="1.0"?>\n<!DOCTYPE sdnList [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n' +
      '<sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid><lastName>&c;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>\n';
    expect((await failure([write('lol.xml', lol)])).message).toMatch(/entity declarations are refused/);
  });

  it('says so when given another list or the advanced format', async () => {
    const un = await failure(['data/un_sc_sanctions/2026-02-27/consolidated.xml.gz']);
    expect(un.message).toMatch(/not an OFAC SDN XML file \(sdn\.xml\): the root element is <CONSOLIDATED_LIST>/);
    const adv = await failure(['test/fixtures/ofac_xml/sdn_advanced_sample.xml']);
    expect(adv.message).toMatch(/root element is <Sanctions> in namespace http:\/\/www\.un\.org\/sanctions\/1\.0/);
  });

  it('rejects an empty list, a duplicate uid and an entry without uid', async () => {
    const head = '<?xml version="1.0"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n';
    const entry = (uid: string) => `<sdnEntry><uid>${uid}</uid><lastName>X ${uid}</lastName><sdnType>Entity</sdnType></sdnEntry>\n`;
    expect((await failure([write('empty.xml', `${head}</sdnList>\n`)])).message).toMatch(/no <sdnEntry> records/);
    const dup = await failure([write('dup.xml', `${head}${entry('7')}${entry('8')}${entry('7')}</sdnList>\n`)]);
    expect(dup.message).toMatch(/dup\.xml:5 \(record 7\): duplicate sdnEntry uid 7/);
    expect((await failure([write('nouid.xml', `${head}<sdnEntry><lastName>X</lastName></sdnEntry>\n</sdnList>\n`)])).message).toMatch(/nouid\.xml:3: sdnEntry without a numeric <uid>/);
  });
});

describe('ofacSdnXml keeps what it cannot map', () => {
  it('keeps a vessel flag the country table does not know as a note, as the CSV parser does', async () => {
    const vessel = (uid: string, flag: string) =>
      `<sdnEntry><uid>${uid}</uid><lastName>SHIP ${uid}</lastName><sdnType>Vessel</sdnType><vesselInfo><vesselFlag>${flag}</vesselFlag></vesselInfo></sdnEntry>\n`;
    const xml = '<?xml version="1.0"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n' + vessel('1', 'Atlantis') + vessel('2', 'Panama') + '</sdnList>\n';
    const entities = entitiesOf((await collect(ofacSdnXml, [write('flags.xml', xml)])).statements);
    expect(entities.get('us-ofac-sdn-1')!.properties).toMatchObject({ notes: ['Vessel flag: Atlantis'] });
    expect(entities.get('us-ofac-sdn-1')!.properties.flag).toBeUndefined();
    expect(entities.get('us-ofac-sdn-2')!.properties.flag).toEqual(['pa']);
  });
});

describe('ofacSdnXml resolves Linked To by the same names as the CSV parser', () => {
  it('finds an entry by a former name (f.k.a.), not by a weak alias', async () => {
    const aka = (uid: string, type: string, category: string, name: string) =>
      `<aka><uid>${uid}</uid><type>${type}</type><category>${category}</category><lastName>${name}</lastName></aka>`;
    const xml =
      '<?xml version="1.0"?>\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">\n' +
      `<sdnEntry><uid>1</uid><lastName>NEW NAME LLC</lastName><sdnType>Entity</sdnType><akaList>${aka('11', 'f.k.a.', 'strong', 'OLD NAME LLC')}${aka('12', 'a.k.a.', 'weak', 'NAMECO')}</akaList></sdnEntry>\n` +
      '<sdnEntry><uid>2</uid><lastName>FORMER LINK</lastName><sdnType>Entity</sdnType><remarks>(Linked To: OLD NAME LLC)</remarks></sdnEntry>\n' +
      '<sdnEntry><uid>3</uid><lastName>WEAK LINK</lastName><sdnType>Entity</sdnType><remarks>(Linked To: NAMECO)</remarks></sdnEntry>\n' +
      '</sdnList>\n';
    const run = await collect(ofacSdnXml, [write('former.xml', xml)]);
    const entities = entitiesOf(run.statements);
    expect(entities.get('us-ofac-sdn-1')!.properties.previousName).toEqual(['OLD NAME LLC']);
    expect(entities.get('us-ofac-sdn-2-link-1')!.properties).toMatchObject({ subject: ['us-ofac-sdn-2'], object: ['us-ofac-sdn-1'], role: ['Linked To'] });
    expect(entities.get('us-ofac-sdn-3-link-NAMECO')!.properties.object).toBeUndefined();
    expect(run.warnings.filter((w) => w.includes('Linked To'))).toEqual(['former.xml:5 (uid 3): "Linked To: NAMECO" names no entry of the list; kept as text']);
  });
});
