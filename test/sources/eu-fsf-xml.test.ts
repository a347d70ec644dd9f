// The EU Financial Sanctions Files XML 1.1 parser, on the official sample and hand-made bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { euFsfXml } from '../../src/sources/eu/eu-fsf-xml.ts';
import { SourceError } from '../../src/model/errors.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { makeEntityId, referentOf, type FtmEntity } from '../../src/model/entity.ts';
import { ID_PROP } from '../../src/model/statement.ts';

const SAMPLE = 'test/fixtures/eu_fsf/samples/sample_eu.xml';
const EXTRA = 'test/fixtures/eu_extra';
const DS = 'eu_fsf';
const id = (...parts: string[]) => makeEntityId(DS, ...parts);

async function failure(files: string[]): Promise<SourceError> {
  const err = await collect(euFsfXml, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

describe('euFsfXml on the official sample (without its duplicated test entry)', () => {
  let result: Collected;
  let entities: Map<string, FtmEntity>;

  beforeAll(async () => {
    result = await collect(euFsfXml, [`${EXTRA}/sample_eu_unique.xml`]);
    entities = entitiesOf(result.statements);
  });

  it('states the generation date and reads the six entries as people with sanctions', () => {
    expect(result.published).toBe('2020-04-15');
    const people = [...entities.values()].filter((e) => e.schema === 'Person');
    expect(people.map((p) => referentOf(DS, p.id)).sort()).toEqual(
      ['eu_fsf:191', 'eu_fsf:5295', 'eu_fsf:5463', 'eu_fsf:5468', 'eu_fsf:5807', 'eu_fsf:927'].sort(),
    );
    expect([...entities.values()].filter((e) => e.schema === 'Sanction')).toHaveLength(6);
  });

  it('reads names, aliases, citizenship and birth dates of entry 5295', () => {
    const e = entities.get(id('5295'))!;
    expect(e.caption).toBe('Abid Hammadou');
    expect(e.properties.alias).toEqual(['Abdelhamid Abou Zeid', 'Youcef Adel', 'Amor Mohamed Ghedeir', 'Abou Abdellah']);
    expect(e.properties.nationality).toEqual(['dz']);
    expect(e.properties.birthDate).toEqual(['1965-12-12', '1958']);
    expect(e.properties.birthPlace[0]).toMatch(/^Touggourt/);
    expect(e.properties.notes[0]).toMatch(/Mother's name is Benarouba Bachira/);
  });

  it('builds the Sanction from the regulation: programme, EU reference, dates and the official journal link', () => {
    const s = entities.get(id('5295', 'sanction'))!;
    expect(s.properties).toMatchObject({
      entity: [id('5295')],
      authority: ['European Union'],
      authorityId: ['EU.2026.82'],
      programId: ['EU-TAQA'],
      listingDate: ['2008-07-03'],
    });
    expect(s.properties.sourceUrl).toContain('https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=OJ:L:2019:097:FULL&from=EN');
    expect(entities.get(id('5463', 'sanction'))!.properties.programId).toEqual(['EU-PRK']);
    const claims = result.statements.filter((st) => st.entityId === id('5295'));
    expect(claims[0].prop).toBe(ID_PROP);
    expect(claims.every((st) => st.claimDate === '2008-07-03' && st.evidenceGrade === 'official')).toBe(true);
  });

  it('keeps function and gender on people, and skips the unknown country code 00', () => {
    expect(entities.get(id('5463'))!.properties.position).toEqual(['Director of Korea Ryongaksan General Trading Corporation']);
    const khalid = entities.get(id('191'))!;
    expect(khalid.properties.gender).toEqual(['male']);
    const passport = [...entities.values()].find((e) => e.schema === 'Passport' && e.properties.holder[0] === khalid.id)!;
    expect(passport.properties.number).toEqual(['488555']);
    expect(passport.properties.country).toBeUndefined(); // countryIso2Code="00" (UNKNOWN)
  });

  it('builds identity documents with the number also on the holder', () => {
    const aouadi = entities.get(id('927'))!;
    expect(aouadi.properties.passportNumber).toEqual(['L191609']);
    expect(aouadi.properties.idNumber).toEqual(['04643632']);
    expect(aouadi.properties.address).toEqual(['23 50th Street, Zehrouni, Tunis, TUNISIA']);
    const docs = [...entities.values()].filter((e) => e.properties.holder?.[0] === aouadi.id);
    expect(docs.map((d) => [d.schema, d.properties.number[0], d.properties.country[0]]).sort()).toEqual([
      ['Identification', '04643632', 'tn'],
      ['Passport', 'L191609', 'tn'],
    ]);
  });

  it('uses only (schema, property) pairs that exist in FtM', () => {
    for (const s of result.statements) {
      if (s.prop !== ID_PROP) expect(getSchema(s.schema).hasProperty(s.prop), `${s.schema}.${s.prop}`).toBe(true);
    }
  });

  it('is recognised by detect()', () => {
    expect(euFsfXml.detect('eu.xml', '<?xml version="1.0"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="x">')).toBe(true);
    expect(euFsfXml.detect('consolidated.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST>')).toBe(false);
  });
});

describe('euFsfXml on a hand-written export with UN references', () => {
  let result: Collected;
  let entities: Map<string, FtmEntity>;

  beforeAll(async () => {
    result = await collect(euFsfXml, [`${EXTRA}/un_linked.xml`]);
    entities = entitiesOf(result.statements);
  });

  it('keeps the UN reference as the Sanction unscId and the EU reference as authorityId', () => {
    expect(entities.get(id('900001', 'sanction'))!.properties).toMatchObject({ unscId: ['KPi.066'], authorityId: ['EU.9001.1'] });
    expect(entities.get(id('900002', 'sanction'))!.properties.unscId).toEqual(['KPe.012']);
  });

  it('reads name languages, weak aliases and year ranges', () => {
    const names = result.statements.filter((s) => s.entityId === id('900001') && /name|alias|Alias/.test(s.prop));
    expect(names.map((s) => [s.prop, s.value, s.lang ?? null])).toEqual([
      ['name', 'KIM Jong Sik', null],
      ['alias', '김정식', 'kor'],
      ['weakAlias', "Kim Cho'ng-sik", null],
    ]);
    expect(entities.get(id('900001'))!.properties.birthDate).toEqual(['1967', '1968', '1969']);
  });

  it('builds a passport with issuer, validity and flags', () => {
    expect(entities.get(id('900001', 'passport', '1'))!.properties).toMatchObject({
      authority: ['Ministry of Foreign Affairs'],
      startDate: ['2015-05-02'],
      endDate: ['2020-05-02'],
      description: ['flags: diplomatic', 'Diplomatic passport'],
    });
  });

  it('reads an enterprise as an Organization with contacts and its IMO number', () => {
    const org = entities.get(id('900002'))!;
    expect(org.schema).toBe('Organization');
    expect(org.properties).toMatchObject({ phone: ['+850 2 18111'], email: ['trade@example.kp'], imoNumber: ['IMO 1234567'], country: ['kp'] });
  });
});

describe('euFsfXml on bad input', () => {
  it('refuses the official sample: it repeats logicalId 5468 (a test entry added by its editors)', async () => {
    const err = await failure([SAMPLE]);
    expect(err.record).toBe('5468');
    expect(err.line).toBe(110);
    expect(err.message).toMatch(/duplicate sanctionEntity logicalId 5468/);
  });

  it('names the line of malformed XML', async () => {
    const err = await failure([`${EXTRA}/malformed.xml`]);
    expect(err.file).toBe('malformed.xml');
    expect(err.line).toBe(7);
  });

  it('rejects a truncated file', async () => {
    expect((await failure([`${EXTRA}/truncated.xml`])).file).toBe('truncated.xml');
  });

  it('refuses DOCTYPE entity declarations', async () => {
    expect((await failure([`${EXTRA}/xxe.xml`])).message).toMatch(/entity declarations are refused/);
  });

  it('says clearly when the file is not an EU FSF export', async () => {
    const err = await failure(['test/fixtures/un_sc/samples/sample_unsc.xml']);
    expect(err.message).toMatch(/not an EU Financial Sanctions Files \(FSF\) XML export/);
  });

  it('refuses an empty export', async () => {
    expect((await failure([`${EXTRA}/empty.xml`])).message).toMatch(/no sanctionEntity/);
  });
});
