// OFAC SDN Advanced XML. There is no official sample in the repository, so the fixture
// test/fixtures/ofac_xml/sdn_advanced_sample.xml was written by hand from real 2023-12-28 entries
// and validated against the official XSD with
//   xmllint --noout --schema test/fixtures/ofac_sdn/schemas/sdn_advanced.xsd test/fixtures/ofac_xml/sdn_advanced_sample.xml
// (libxml2-utils; see test/fixtures/ofac_xml/ORIGIN.md). These tests do not need xmllint.
import { describe, expect, it, beforeAll } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ofacSdnAdvancedXml } from '../../src/sources/ofac/advanced.ts';
import { ofacSdnXml } from '../../src/sources/ofac/xml.ts';
import { ofacSdnCsv } from '../../src/sources/ofac/csv.ts';
import { relationFor } from '../../src/sources/ofac/xml-relations.ts';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { ID_PROP } from '../../src/model/statement.ts';
import { SourceError } from '../../src/model/errors.ts';
import type { FtmEntity } from '../../src/model/entity.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const FIXTURE = 'test/fixtures/ofac_xml/sdn_advanced_sample.xml';
const CSV_2023 = ['sdn.csv', 'add.csv', 'alt.csv'].map((f) => `test/fixtures/ofac_xml/csv_2023-12-28/${f}`);

let result: Collected;
let entities: Map<string, FtmEntity>;
const dir = tempDirForFile('ofac-adv');

beforeAll(async () => {
  result = await collect(ofacSdnAdvancedXml, [FIXTURE]);
  entities = entitiesOf(result.statements);
});

const get = (id: string): FtmEntity => {
  const e = entities.get(id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
};

async function failure(path: string): Promise<SourceError> {
  const err = await collect(ofacSdnAdvancedXml, [path]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

/** The fixture with one edit, written to a temp file. */
function variant(name: string, edit: (text: string) => string): string {
  const path = join(dir, name);
  const text = readFileSync(FIXTURE, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(path, edited);
  return path;
}

describe('ofacSdnAdvancedXml on the XSD-valid fixture', () => {
  it('reads the issue date, all seven parties and their schemata', () => {
    expect(result.published).toBe('2023-12-28');
    expect(result.warnings).toEqual([]);
    const targets = [...entities.values()].filter((e) => /^us-ofac-sdn-\d+$/.test(e.id));
    expect(Object.fromEntries(targets.map((e) => [e.id.slice('us-ofac-sdn-'.length), e.schema]))).toEqual({
      '21171': 'Person',
      '23943': 'LegalEntity',
      '41736': 'Person',
      '44294': 'Person',
      '44579': 'Company', // a tax number shows a business, as in the CSV
      '23729': 'Vessel',
      '15431': 'Airplane',
    });
  });

  it('builds names from name parts: LAST, First Middle; other scripts as aliases; weak and former names apart', () => {
    const p = get('us-ofac-sdn-21171');
    expect(p.caption).toBe('PRIGOZHIN, Yevgeniy Viktorovich');
    expect(p.properties.name).toEqual(['PRIGOZHIN, Yevgeniy Viktorovich']);
    expect(p.properties.alias).toEqual(['ПРИГОЖИН Евгений Викторович', 'PRIGOZHIN, Evgeny']);
    expect(get('us-ofac-sdn-44294').properties.alias).toEqual(['림영혁']);
    const ira = get('us-ofac-sdn-23943');
    expect(ira.properties).toMatchObject({ alias: ['MEDIASINTEZ LLC'], previousName: ['GLAVSET LLC'], weakAlias: ['TROLL FACTORY'] });
  });

  it('decodes features: dates, places, countries, gender, vessel and aircraft details', () => {
    const p = get('us-ofac-sdn-21171');
    expect(p.properties).toMatchObject({ birthDate: ['1961-06-01'], birthPlace: ['Leningrad, Russia'], nationality: ['ru'], gender: ['male'], country: ['ru'] });
    const m = get('us-ofac-sdn-41736');
    expect(m.properties).toMatchObject({ citizenship: ['sk'], birthCountry: ['az'], address: ['Hana Melichkova Street 3448/37, Bratislava 84105, Slovakia'] });
    expect(get('us-ofac-sdn-44579').properties.incorporationDate).toEqual(['2012-04-14']);
    expect(get('us-ofac-sdn-23729').properties).toMatchObject({ imoNumber: ['8660313'], flag: ['kp'], type: ['Oil Tanker'] });
    // A whole-year DatePeriod (1992-01-01 to 1992-12-31) is the year.
    expect(get('us-ofac-sdn-15431').properties).toMatchObject({ buildDate: ['1992'], model: ['IL76-TD'], notes: ['Aircraft Operator YAS AIR'] });
  });

  it('attaches ID documents, read before the parties, to their holders', () => {
    expect(get('us-ofac-sdn-41736').properties.passportNumber).toEqual(['BD3843329', 'BD5609822']);
    expect(get('us-ofac-sdn-41736-passport-BD3843329').properties).toMatchObject({ number: ['BD3843329'], country: ['sk'], endDate: ['2029-04-08'], holder: ['us-ofac-sdn-41736'], type: ['Passport'] });
    expect(get('us-ofac-sdn-44579').properties).toMatchObject({ taxNumber: ['2023480030'], idNumber: ['46622764'] });
    expect(get('us-ofac-sdn-44579-identification-46622764').properties.type).toEqual(['Identification Number']);
  });

  it('makes each SanctionsEntry a Sanction with programs, listing date (also as claim date) and provisions', () => {
    const s = get('us-ofac-sdn-21171-sanction');
    expect(s.properties).toMatchObject({
      entity: ['us-ofac-sdn-21171'],
      program: ['UKRAINE-EO13661', 'CYBER2', 'ELECTION-EO13848', 'RUSSIA-EO14024'],
      listingDate: ['2016-12-20'],
      modifiedAt: ['2022-03-03'],
      authority: ['Office of Foreign Assets Control'],
    });
    expect(s.properties.provisions).toContain('Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209');
    expect(s.properties.provisions).toContain('Executive Order 13661 (Ukraine-related)');
    const claim = result.statements.filter((x) => x.entityId === 'us-ofac-sdn-21171-sanction').map((x) => x.claimDate);
    expect(new Set(claim)).toEqual(new Set(['2016-12-20']));
    // The target carries its program ids, as from the CSV.
    expect(get('us-ofac-sdn-21171').properties.programId).toEqual(['OFAC-UKRAINE-EO13661', 'OFAC-CYBER2', 'OFAC-ELECTION-EO13848', 'OFAC-RUSSIA-EO14024']);
    expect([...entities.values()].filter((e) => e.schema === 'Sanction')).toHaveLength(7);
  });

  it("gives a party's entry on a second list its own Sanction, with the same details as the first", async () => {
    const path = variant('two-lists.xml', (t) =>
      t
        .replace('<List ID="1550">SDN List</List>', '<List ID="1550">SDN List</List>\n      <List ID="1551">Non-SDN Menu-Based Sanctions List</List>')
        .replace(
          '  </SanctionsEntries>',
          '    <SanctionsEntry ID="1008" ProfileID="21171" ListID="1551">\n' +
            '      <EntryEvent ID="2099" EntryEventTypeID="1" LegalBasisID="102"><Date CalendarTypeID="1"><Year>2023</Year><Month>5</Month><Day>19</Day></Date></EntryEvent>\n' +
            '      <SanctionsMeasure ID="3099" SanctionsTypeID="1"><Comment>NS-ISA</Comment></SanctionsMeasure>\n' +
            '    </SanctionsEntry>\n  </SanctionsEntries>',
        ),
    );
    const two = entitiesOf((await collect(ofacSdnAdvancedXml, [path])).statements);
    expect(two.get('us-ofac-sdn-21171-sanction')!.properties).toEqual(get('us-ofac-sdn-21171-sanction').properties);
    const second = two.get('us-ofac-sdn-21171-sanction-1008')!;
    expect(second.schema).toBe('Sanction');
    expect(second.properties).toMatchObject({
      entity: ['us-ofac-sdn-21171'],
      authority: ['Office of Foreign Assets Control'],
      authorityId: ['21171'],
      program: ['NS-ISA'],
      programId: ['OFAC-NS-ISA'],
      listingDate: ['2023-05-19'],
      description: ['Non-SDN Menu-Based Sanctions List'],
    });
    expect(second.properties.provisions).toContain('Non-SDN Menu-Based Sanctions list: sanctions chosen from the menu of the Iran Sanctions Act');
    expect(second.properties.provisions).toContain('Executive Order 14024 (Russia-related)');
    expect(second.properties.provisions).not.toContain('Blocked: property and interests in property of the listed party are blocked (SDN list)');
  });

  it('turns ProfileRelationships into typed FtM relationships between the two parties', () => {
    const linked = get('us-ofac-sdn-44294-link-21171');
    expect(linked.schema).toBe('UnknownLink');
    expect(linked.properties).toMatchObject({ subject: ['us-ofac-sdn-44294'], object: ['us-ofac-sdn-21171'], role: ['Linked To'], description: ['Linked To: PRIGOZHIN, Yevgeniy Viktorovich'] });
    const owned = get('us-ofac-sdn-44579-link-41736');
    expect(owned.schema).toBe('Ownership');
    expect(owned.properties).toMatchObject({ asset: ['us-ofac-sdn-44579'], owner: ['us-ofac-sdn-41736'], role: ['Owned or Controlled By'] });
    expect(get('us-ofac-sdn-21171-link-23943').properties).toMatchObject({ subject: ['us-ofac-sdn-21171'], object: ['us-ofac-sdn-23943'], role: ['Providing support to'] });
    const claim = result.statements.find((x) => x.entityId === 'us-ofac-sdn-44579-link-41736')!.claimDate;
    expect(claim).toBe('2023-08-16'); // the listing date of the relationship's SanctionsEntry
  });

  it('every (schema, prop) exists in FtM; ids first; locators and grade on every statement', () => {
    const bad = new Set<string>();
    const seen = new Set<string>();
    for (const s of result.statements) {
      if (s.prop !== ID_PROP && !getSchema(s.schema).hasProperty(s.prop)) bad.add(`${s.schema}.${s.prop}`);
      if (!seen.has(s.entityId)) {
        expect(s.prop, s.entityId).toBe(ID_PROP);
        seen.add(s.entityId);
      }
      expect(s.locator).toMatch(/^sdn_advanced_sample\.xml:\d+$/);
      expect(s.evidenceGrade).toBe('official');
    }
    expect([...bad]).toEqual([]);
  });

  it('gives the same targets as the CSV rows of the same entries, apart from what only the advanced file holds', async () => {
    const csv = entitiesOf((await collect(ofacSdnCsv, CSV_2023)).statements);
    for (const uid of ['21171', '41736', '44294', '44579', '15431']) {
      const a = get(`us-ofac-sdn-${uid}`);
      const b = csv.get(`us-ofac-sdn-${uid}`)!;
      expect(a.schema, uid).toBe(b.schema);
      for (const prop of ['name', 'birthDate', 'birthPlace', 'nationality', 'citizenship', 'gender', 'passportNumber', 'taxNumber', 'idNumber', 'incorporationDate', 'programId', 'topics', 'serialNumber', 'model']) {
        expect(a.properties[prop]?.slice().sort(), `${uid}.${prop}`).toEqual(b.properties[prop]?.slice().sort());
      }
    }
  });
});

describe('relationFor', () => {
  it('maps OFAC relation types to the closest FtM schema and falls back to UnknownLink', () => {
    expect(relationFor('Associate Of', 'Person', 'Person')).toEqual({ schema: 'Associate', fromProp: 'person', toProp: 'associate' });
    expect(relationFor('Associate Of', 'Person', 'Company').schema).toBe('UnknownLink');
    expect(relationFor('Family member of', 'Person', 'Person').schema).toBe('Family');
    expect(relationFor('Owned or Controlled By', 'Vessel', 'Company')).toEqual({ schema: 'Ownership', fromProp: 'asset', toProp: 'owner' });
    expect(relationFor('Leader or official of', 'Person', 'Organization')).toEqual({ schema: 'Directorship', fromProp: 'director', toProp: 'organization' });
    expect(relationFor('Acting for or on behalf of', 'Person', 'Company')).toEqual({ schema: 'Representation', fromProp: 'agent', toProp: 'client' });
    expect(relationFor('Providing support to', 'Person', 'Company').schema).toBe('UnknownLink');
  });
});

describe('ofacSdnAdvancedXml on bad input', () => {
  it('detects its own format only', () => {
    const head = readFileSync(FIXTURE, 'latin1').slice(0, 4096);
    expect(ofacSdnAdvancedXml.detect('sdn_advanced.xml', head)).toBe(true);
    expect(ofacSdnXml.detect('sdn_advanced.xml', head)).toBe(false);
    const newer = head.replace('http://www.un.org/sanctions/1.0', 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML');
    expect(ofacSdnAdvancedXml.detect('SDN_ADVANCED.XML', newer)).toBe(true);
  });

  it('rejects a UN list, an EU list and the classic sdn.xml as the wrong kind of file', async () => {
    expect((await failure('data/un_sc_sanctions/2026-02-27/consolidated.xml.gz')).message).toMatch(/not an OFAC SDN Advanced XML file: the root element is <CONSOLIDATED_LIST>/);
    expect((await failure('test/fixtures/eu_fsf/samples/sample_eu.xml')).message).toMatch(/not an OFAC SDN Advanced XML file/);
    expect((await failure('test/fixtures/ofac_sdn/samples/sdn.xml')).message).toMatch(/root element is <sdnList>/);
  });

  it('names the line of malformed XML and rejects a truncated file', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('<Value>Bratislava</Value>'));
    const broken = variant('broken.xml', (t) => t.replace('<Value>Bratislava</Value>', '<Value>Bratislava</Valeu>'));
    const err = await failure(broken);
    expect(err.line).toBe(at + 1);
    expect(err.message).toMatch(/malformed XML/);
    const text = readFileSync(FIXTURE, 'utf8');
    writeFileSync(join(dir, 'cut.xml'), text.slice(0, text.indexOf('<SanctionsEntries>')));
    expect((await failure(join(dir, 'cut.xml'))).message).toMatch(/cut\.xml:\d+: malformed XML: unclosed tag/);
  });

  it('refuses DOCTYPEs with entities (XXE, billion laughs)', async () => {
    const xxe = variant('xxe.xml', (t) => t.replace('<Sanctions ', '<!DOCTYPE Sanctions [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<Sanctions '));
    expect((await failure(xxe)).message).toMatch(/entity declarations are refused/);
  });

  it('rejects duplicate parties, unknown party types, entries for missing profiles and an empty list', async () => {
    const dup = variant('dup.xml', (t) => t.replace('<DistinctParty FixedRef="23943">\n      <Profile ID="23943"', '<DistinctParty FixedRef="21171">\n      <Profile ID="21171"'));
    expect((await failure(dup)).message).toMatch(/\(record 21171\): duplicate DistinctParty profile 21171/);
    const sub = variant('subtype.xml', (t) => t.replace('<Profile ID="15431" PartySubTypeID="2">', '<Profile ID="15431" PartySubTypeID="99">'));
    expect((await failure(sub)).message).toMatch(/unknown PartySubTypeID 99/);
    const orphan = variant('orphan.xml', (t) => t.replace('<SanctionsEntry ID="1007" ProfileID="15431"', '<SanctionsEntry ID="1007" ProfileID="99999"'));
    expect((await failure(orphan)).message).toMatch(/SanctionsEntry 1007 refers to profile 99999/);
    const empty = variant('empty.xml', (t) => t.replace(/<DistinctParties>[\s\S]*<\/DistinctParties>/, '<DistinctParties/>').replace(/<ProfileRelationships>[\s\S]*<\/SanctionsEntries>/, '<ProfileRelationships/><SanctionsEntries/>'));
    expect((await failure(empty)).message).toMatch(/no <DistinctParty> records/);
  });

  it('warns about and skips a relationship to a profile not in the file', async () => {
    const path = variant('rel.xml', (t) => t.replace('To-ProfileID="23943"', 'To-ProfileID="77777"'));
    const r = await collect(ofacSdnAdvancedXml, [path]);
    expect(r.warnings.some((w) => /relationship 9003 \(Providing support to\) refers to profile 77777/.test(w))).toBe(true);
    expect(entitiesOf(r.statements).has('us-ofac-sdn-21171-link-23943')).toBe(false);
  });
});
