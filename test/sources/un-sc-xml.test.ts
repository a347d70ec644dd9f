// The UN Security Council consolidated list parser, on the bundled official list of 2026-02-27,
// the official sample, and hand-made bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, entitiesOf, type Collected } from '../../src/sources/collect.ts';
import { unScXml } from '../../src/sources/un/un-sc-xml.ts';
import { linkShape, referencesIn, sentences } from '../../src/sources/un/associations.ts';
import { SourceError } from '../../src/model/errors.ts';
import { getSchema } from '../../src/model/ftm.ts';
import { makeEntityId, referentOf, type FtmEntity } from '../../src/model/entity.ts';
import { ID_PROP } from '../../src/model/statement.ts';

const FULL = 'data/un_sc_sanctions/2026-02-27/consolidated.xml.gz';
const SAMPLE = 'test/fixtures/un_sc/samples/sample_unsc.xml';
const EXTRA = 'test/fixtures/un_extra';
const DS = 'un_sc_sanctions';
const id = (ref: string) => makeEntityId(DS, ref);

async function failure(files: string[]): Promise<SourceError> {
  const err = await collect(unScXml, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  return err as SourceError;
}

function targets(entities: Map<string, FtmEntity>): FtmEntity[] {
  return [...entities.values()].filter((e) => e.schema === 'Person' || e.schema === 'Organization');
}

describe('unScXml on the full list of 2026-02-27', () => {
  let result: Collected;
  let entities: Map<string, FtmEntity>;

  beforeAll(async () => {
    // Its speed is bench:import's (parsing the bundled lists alone), not a timed test's.
    result = await collect(unScXml, [FULL]);
    entities = entitiesOf(result.statements);
  });

  it('states its publication date', () => {
    expect(result.published).toBe('2026-02-27');
  });

  it('has 1,003 entries: 730 individuals and 273 entities, each with one Sanction', () => {
    const listed = targets(entities);
    expect(listed).toHaveLength(1003);
    expect(listed.filter((e) => e.schema === 'Person')).toHaveLength(730);
    expect(listed.filter((e) => e.schema === 'Organization')).toHaveLength(273);
    const sanctions = [...entities.values()].filter((e) => e.schema === 'Sanction');
    expect(sanctions).toHaveLength(1003);
    expect(new Set(sanctions.map((s) => s.properties.entity[0])).size).toBe(1003);
  });

  it('has 155 entries under the DPRK regime: 80 KPi and 75 KPe', () => {
    const dprk = [...entities.values()].filter((e) => e.schema === 'Sanction' && e.properties.programId?.[0] === 'UN-1718');
    expect(dprk).toHaveLength(155);
    const refs = dprk.map((s) => s.properties.unscId[0]);
    expect(refs.filter((r) => r.startsWith('KPi.'))).toHaveLength(80);
    expect(refs.filter((r) => r.startsWith('KPe.'))).toHaveLength(75);
  });

  it('reads "former Soviet Union" as the Soviet Union (QDi.290)', () => {
    expect(entities.get(id('QDi.290'))!.properties.nationality).toEqual(['ru', 'suhh']);
  });

  it('reads KPi.066 with its names, birth years, nationality and designation', () => {
    const kim = entities.get(id('KPi.066'))!;
    expect(referentOf(DS, kim.id)).toBe('un_sc_sanctions:KPi.066');
    expect(kim.schema).toBe('Person');
    expect(kim.caption).toBe('KIM JONG SIK');
    expect(kim.properties.alias).toEqual(['Kim Cho’ng-sik']);
    expect(kim.properties.lastName).toEqual(['KIM']);
    expect(kim.properties.firstName).toEqual(['JONG SIK']);
    expect(kim.properties.birthDate).toEqual(['1967', '1968', '1969']); // BETWEEN 1967 and 1969
    expect(kim.properties.nationality).toEqual(['kp']);
    expect(kim.properties.gender).toEqual(['male']); // stated only in COMMENTS1
    expect(kim.properties.position[0]).toMatch(/Munitions Industry Department/);

    const sanction = entities.get(makeEntityId(DS, 'KPi.066', 'sanction'))!;
    expect(sanction.properties).toMatchObject({
      entity: [kim.id],
      unscId: ['KPi.066'],
      authority: ['United Nations Security Council'],
      listingDate: ['2017-12-22'],
      programId: ['UN-1718'],
    });
    const statements = result.statements.filter((s) => s.entityId === kim.id);
    expect(statements[0].prop).toBe(ID_PROP);
    for (const s of statements) {
      expect(s.claimDate).toBe('2017-12-22');
      expect(s.evidenceGrade).toBe('official');
      expect(s.locator).toMatch(/^[\w.]+\.xml:\d+$/);
    }
  });

  it('keeps alias qualities apart: Good/a.k.a. -> alias, Low -> weakAlias, f.k.a. -> previousName', () => {
    const gaston = entities.get(id('CDi.003'))!; // IYAMUREMYE: Low "Rumuli", Good "Victor Rumuri"
    expect(gaston.properties.weakAlias).toEqual(['Rumuli']);
    expect(gaston.properties.alias).toContain('Victor Rumuri');
    const adf = entities.get(id('CDe.001'))!;
    expect(adf.properties.alias).toEqual(['Allied Democratic Forces']);
    expect(adf.properties.previousName).toContain('ADF/NALU');
  });

  it('strips quotes around whole aliases', () => {
    expect(entities.get(id('KPe.001'))!.properties.alias).toContain('KOMID');
  });

  it('skips an original-script name that the published file already garbled (U+FFFD), with a warning', () => {
    expect(result.warnings).toContainEqual(expect.stringMatching(/TAi\.068: name in original script has lost characters/));
    expect(entities.get(id('TAi.068'))!.properties.name).toEqual(['MOHAMMADULLAH MATI']);
  });

  it('tags names in the original script with their language', () => {
    const langs = (ref: string) =>
      result.statements.filter((s) => s.entityId === id(ref) && s.prop === 'name').map((s) => [s.value, s.lang ?? null]);
    expect(langs('QDi.290')).toContainEqual(['Умаров Доку Хаматович', 'rus']);
    expect(langs('QDi.237')).toContainEqual(['جابر عبد الله جابر أحمد الجلاهمة', 'ara']);
  });

  it('builds passports with holder, number, country and dates', () => {
    const passports = [...entities.values()].filter((e) => e.schema === 'Passport' && e.properties.holder[0] === id('KPi.067'));
    expect(passports).toHaveLength(1);
    expect(passports[0].properties.number).toEqual(['836210029']);
    expect(entities.get(id('KPi.067'))!.properties.passportNumber).toEqual(['836210029']);
  });

  it('turns comment references into relationships: the Haqqani family and network', () => {
    const links = [...entities.values()].filter((e) => e.id.startsWith(makeEntityId(DS, 'TAi.150', 'link')));
    // TAi.150: "Senior member of the Haqqani Network (TAe.012), which operates out of North Waziristan ..."
    const member = links.find((l) => l.schema === 'Membership')!;
    expect(member.properties).toMatchObject({ member: [id('TAi.150')], organization: [id('TAe.012')], role: ['member'] });
    // "... Brother of Jalaluddin Haqqani (TAi.040) and uncle of Sirajuddin Jallaloudine Haqqani (TAi.144)."
    const family = links.filter((l) => l.schema === 'Family');
    expect(family.map((l) => [l.schema, l.properties.person, l.properties.relative, l.properties.relationship])).toEqual([
      ['Family', [id('TAi.040')], [id('TAi.150')], ['brother']],
      ['Family', [id('TAi.144')], [id('TAi.150')], ['uncle']],
    ]);
    expect(family[0].properties.description[0]).toMatch(/^Brother of Jalaluddin Haqqani \(TAi\.040\)/);
    // TAe.012: "Founded by Jalaluddin Haqqani (TAi.040) and currently headed by his son ... (TAi.144)."
    const network = [...entities.values()].filter(
      (e) => e.schema === 'Membership' && e.properties.organization?.[0] === id('TAe.012') && e.id.includes('TAe.012'),
    );
    const roles = Object.fromEntries(network.map((m) => [m.properties.member[0], m.properties.role?.[0]]));
    expect(roles[id('TAi.040')]).toBe('founder');
    expect(roles[id('TAi.144')]).toBe('head');
  });

  it('points every resolved link at an entry of the list and warns about the others', () => {
    const known = new Set(targets(entities).map((e) => e.id));
    const edges = [...entities.values()].filter((e) => getSchema(e.schema).isEdge);
    expect(edges.length).toBeGreaterThan(400);
    let unresolved = 0;
    for (const e of edges) {
      for (const [prop, values] of Object.entries(e.properties)) {
        if (getSchema(e.schema).getProperty(prop).type.name !== 'entity') continue;
        for (const v of values) expect(known.has(v)).toBe(true);
      }
      if (e.properties.summary?.[0]?.startsWith('unresolved')) unresolved++;
    }
    expect(unresolved).toBeGreaterThan(0);
    expect(result.warnings.filter((w) => /not in the list/.test(w))).toHaveLength(unresolved);
  });

  it('uses only (schema, property) pairs that exist in FtM, with country codes FtM knows', () => {
    const countryCodes = new Set(getSchema('Thing').getProperty('country').type.values.keys());
    const pairs = new Map<string, string>(); // "Schema.prop" -> property type
    for (const s of result.statements) {
      if (s.prop === ID_PROP) continue;
      const key = `${s.schema}.${s.prop}`;
      if (!pairs.has(key)) {
        const schema = getSchema(s.schema);
        expect(schema.hasProperty(s.prop), key).toBe(true);
        pairs.set(key, schema.getProperty(s.prop).type.name);
      }
      if (pairs.get(key) === 'country') expect(countryCodes.has(s.value), `${key} = ${s.value}`).toBe(true);
    }
    expect(pairs.size).toBeGreaterThan(40);
    expect(result.warnings.filter((w) => /unknown country/.test(w))).toEqual([]);
  });
});

describe('unScXml on the official sample', () => {
  it('parses the 7 individuals of the 2024-10-17 sample', async () => {
    const result = await collect(unScXml, [SAMPLE]);
    expect(result.published).toBe('2024-10-17');
    const entities = entitiesOf(result.statements);
    expect(targets(entities)).toHaveLength(7);
    const jaber = entities.get(id('QDi.237'))!;
    expect(jaber.caption).toBe('JABER ABDALLAH JABER AHMAD AL-JALAHMAH');
    expect(jaber.properties.birthDate).toEqual(['1959-09-24']);
    expect(jaber.properties.weakAlias).toEqual(['Abdul-Ghani', 'Abu Muhammad']);
  });

  it('is recognised by detect()', () => {
    expect(unScXml.detect('consolidated.xml', '<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="x">')).toBe(true);
    expect(unScXml.detect('sdn.xml', '<?xml version="1.0"?>\n<sdnList>')).toBe(false);
  });
});

describe('unScXml on bad input', () => {
  it('names the line of malformed XML', async () => {
    const err = await failure([`${EXTRA}/malformed.xml`]);
    expect(err.file).toBe('malformed.xml');
    expect(err.line).toBe(13);
    expect(err.message).toMatch(/malformed XML/);
  });

  it('rejects a truncated file and a truncated gzip stream', async () => {
    expect((await failure([`${EXTRA}/truncated.xml`])).message).toMatch(/truncated\.xml/);
    expect((await failure([`${EXTRA}/truncated.xml.gz`])).message).toMatch(/truncated\.xml/);
  });

  it('refuses DOCTYPE entity declarations (XXE and entity expansion)', async () => {
    for (const name of ['xxe.xml', 'billion-laughs.xml']) {
      const err = await failure([`${EXTRA}/${name}`]);
      expect(err.message).toMatch(/entity declarations are refused/);
      expect(err.line).toBeGreaterThan(0);
      expect(err.line).toBeLessThanOrEqual(13); // within the DOCTYPE, before any record
    }
  });

  it('says clearly when the file is not a UN consolidated list', async () => {
    const err = await failure(['test/fixtures/eu_fsf/samples/sample_eu.xml']);
    expect(err.message).toMatch(/not a UN consolidated list/);
  });

  it('refuses an empty list', async () => {
    expect((await failure([`${EXTRA}/empty.xml`])).message).toMatch(/no entries/);
  });

  it('refuses duplicate reference numbers, naming the record', async () => {
    const err = await failure([`${EXTRA}/duplicate.xml`]);
    expect(err.record).toBe('KPi.066');
    expect(err.line).toBe(13);
    expect(err.message).toMatch(/duplicate reference number KPi\.066/);
  });
});

describe('comment references', () => {
  it('splits sentences without breaking on abbreviations or reference numbers', () => {
    expect(sentences('Arrested on 5 Oct. 2010 in Germany. Member of Al-Qaida (QDe.004). Brother of X (QDi.300).')).toEqual([
      'Arrested on 5 Oct. 2010 in Germany.',
      'Member of Al-Qaida (QDe.004).',
      'Brother of X (QDi.300).',
    ]);
  });

  it('normalises typos in reference numbers and skips self-references', () => {
    const refs = referencesIn('Associated with AQIM (Qde.014) and itself (QDe.145).', 'QDe.145');
    expect(refs.map((r) => r.ref)).toEqual(['QDe.014']);
  });

  it('reads the kind of relationship from the clause before the reference', () => {
    const shape = (self: string, text: string) => linkShape(self, referencesIn(text, self)[0]);
    expect(shape('QDi.293', "Father's name is Abu Bakar Ba'asyir (QDi.217).")).toMatchObject({
      schema: 'Family',
      subjectProp: 'person',
      qualifier: { value: 'father' },
    });
    expect(shape('QDi.433', 'He is the brother-in-law of Hafiz Muhammad Saeed (QDi.263).')).toMatchObject({
      schema: 'Family',
      subjectProp: 'relative',
      qualifier: { value: 'brother-in-law' },
    });
    expect(shape('QDe.157', 'Money exchange business and owned by Umar (QDi.412) as of mid-2016.')).toMatchObject({
      schema: 'Ownership',
      subjectProp: 'asset',
      objectProp: 'owner',
    });
    expect(shape('QDi.124', 'Founding member of JI (QDe.092) who worked on Al-Qaida’s (QDe.004) program.')).toMatchObject({ schema: 'Membership' });
    expect(linkShape('QDi.124', referencesIn('Founding member of JI (QDe.092) who worked on Al-Qaida’s (QDe.004) program.', 'QDi.124')[1]).schema).toBe(
      'UnknownLink',
    );
  });
});
