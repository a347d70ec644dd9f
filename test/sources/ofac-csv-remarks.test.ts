// The OFAC remarks parser on real remark strings (copied from sdn.csv of 2023-12-28 unless noted),
// and the shared country lookup.
import { describe, expect, it } from 'vitest';
import { parseDateValue, parseIdValue, parseOfacDate, parseRemarks, splitRemarks } from '../../src/sources/ofac/remarks.ts';
import { countryCode, countryOfPlace } from '../../src/sources/countries.ts';
import { ofacProgramId, schemaForSdnType, splitPrograms } from '../../src/sources/ofac/common.ts';
import { getSchema } from '../../src/model/ftm.ts';

/** Every property of a result exists in its schema. */
function expectValidProps(r: ReturnType<typeof parseRemarks>): void {
  const schema = getSchema(r.schema);
  for (const prop of Object.keys(r.properties)) expect(schema.hasProperty(prop), `${r.schema}.${prop}`).toBe(true);
}

describe('OFAC dates', () => {
  it('reads exact, month and year dates', () => {
    expect(parseOfacDate('01 Jun 1961')).toBe('1961-06-01');
    expect(parseOfacDate('7 May 1966')).toBe('1966-05-07');
    expect(parseOfacDate('Jun 1961')).toBe('1961-06');
    expect(parseOfacDate('1961')).toBe('1961');
    expect(parseOfacDate('1961.')).toBe('1961');
    expect(parseOfacDate('31 Foo 1961')).toBeUndefined();
    expect(parseOfacDate('16/2/1421H')).toBeUndefined();
  });

  it('reads circa, whole-year ranges, year spans and partial ranges', () => {
    expect(parseDateValue('circa 1951')).toEqual(['1951']);
    expect(parseDateValue('circa 01 Jan 1960')).toEqual(['1960-01-01']);
    expect(parseDateValue('01 Jan 1953 to 31 Dec 1953')).toEqual(['1953']);
    expect(parseDateValue('1958 to 1962')).toEqual(['1958', '1959', '1960', '1961', '1962']);
    expect(parseDateValue('circa 1979-1982')).toEqual(['1979', '1980', '1981', '1982']);
    expect(parseDateValue('01 Jan 1958 to 31 Dec 1960')).toEqual(['1958', '1959', '1960']);
    expect(parseDateValue('01 Mar 1970 to 31 Mar 1970')).toEqual(['1970-03']);
    expect(parseDateValue('15 Mar 1970 to 20 Apr 1970')).toEqual(['1970-03-15', '1970-04-20']);
    expect(parseDateValue('1900 to 1960')).toEqual(['1900', '1960']); // too wide to list
    expect(parseDateValue('unknown')).toBeUndefined();
  });
});

describe('splitRemarks', () => {
  it('splits on semicolons, drops the final full stop, keeps parentheses whole', () => {
    expect(splitRemarks("DOB 01 Jun 1961; POB Leningrad, Russia; Linked To: INTERNET RESEARCH AGENCY LLC.")).toEqual([
      'DOB 01 Jun 1961',
      'POB Leningrad, Russia',
      'Linked To: INTERNET RESEARCH AGENCY LLC',
    ]);
    expect(splitRemarks('Registration Number 123 (Branch; Moscow) (Russia); Gender Male')).toEqual(['Registration Number 123 (Branch; Moscow) (Russia)', 'Gender Male']);
    // UN-style "possibly Palestinian;arrested 23 Apr 2002" has no blank after the semicolon.
    expect(splitRemarks('nationality possibly Palestinian;arrested 23 Apr 2002.')).toEqual(['nationality possibly Palestinian', 'arrested 23 Apr 2002']);
  });

  it('joins back an alias whose quotes hold a semicolon', () => {
    expect(splitRemarks("a.k.a. 'ALPHA; BETA'; Gender Male")).toEqual(["a.k.a. 'ALPHA; BETA'", 'Gender Male']);
  });
});

describe('parseIdValue', () => {
  it('reads number, country, issue and expiry', () => {
    expect(parseIdValue('BD3843329 (Slovakia) expires 08 Apr 2029')).toEqual({ number: 'BD3843329', country: 'sk', endDate: '2029-04-08', startDate: undefined, note: undefined });
    expect(parseIdValue('G025057 issued 23 Jun 1999 expires 05 Feb 2004')).toMatchObject({ number: 'G025057', startDate: '1999-06-23', endDate: '2004-02-05' });
    expect(parseIdValue('HRA 738077 (Stuttgart) (Germany)')).toMatchObject({ number: 'HRA 738077', country: 'de', note: 'Stuttgart' });
    expect(parseIdValue('K357514(4) (Hong Kong)')).toMatchObject({ number: 'K357514(4)', country: 'hk' });
    expect(parseIdValue('343997 (Mexico) issued 14 Dec 2005')).toMatchObject({ number: '343997', country: 'mx', startDate: '2005-12-14' });
  });
});

describe('parseRemarks: people', () => {
  it('PRIGOZHIN (21171)', () => {
    const r = parseRemarks(
      'DOB 01 Jun 1961; POB Leningrad, Russia; nationality Russia; Gender Male; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209; Linked To: INTERNET RESEARCH AGENCY LLC.',
      'Person',
    );
    expect(r.schema).toBe('Person');
    expect(r.properties.birthDate).toEqual(['1961-06-01']);
    expect(r.properties.birthPlace).toEqual(['Leningrad, Russia']);
    expect(r.properties.birthCountry).toEqual(['ru']);
    expect(r.properties.nationality).toEqual(['ru']);
    expect(r.properties.gender).toEqual(['male']);
    expect(r.properties.notes).toBeUndefined();
    expect(r.links).toEqual([{ name: 'INTERNET RESEARCH AGENCY LLC', role: 'Linked To', raw: 'Linked To: INTERNET RESEARCH AGENCY LLC' }]);
    expect(r.sanction.provisions).toEqual(['Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209']);
    expect(r.warnings).toEqual([]);
    expectValidProps(r);
  });

  it('MKRTYCHEV (41736): citizenship and two passports with expiry', () => {
    const r = parseRemarks(
      'DOB 07 May 1966; POB Baku, Azerbaijan; citizen Slovakia; Gender Male; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214; Passport BD3843329 (Slovakia) expires 08 Apr 2029; alt. Passport BD5609822 (Slovakia) expires 19 May 2024.',
      'Person',
    );
    expect(r.properties.citizenship).toEqual(['sk']);
    expect(r.properties.birthCountry).toEqual(['az']);
    expect(r.properties.passportNumber).toEqual(['BD3843329', 'BD5609822']);
    expect(r.identifications).toEqual([
      { schema: 'Passport', type: 'Passport', number: 'BD3843329', country: 'sk', startDate: undefined, endDate: '2029-04-08', note: undefined, raw: 'Passport BD3843329 (Slovakia) expires 08 Apr 2029' },
      { schema: 'Passport', type: 'Passport', number: 'BD5609822', country: 'sk', startDate: undefined, endDate: '2024-05-19', note: undefined, raw: 'alt. Passport BD5609822 (Slovakia) expires 19 May 2024' },
    ]);
    expect(r.sanction.provisions).toHaveLength(2);
    expectValidProps(r);
  });

  it('RODRIGUEZ OREJUELA (4107): cedulas, passports, weak aliases', () => {
    const r = parseRemarks(
      "DOB 31 Jan 1939; Cedula No. 6068015 (Colombia); alt. Cedula No. 6067015 (Colombia); Passport T321642 (Colombia); alt. Passport 6067015 (Comoros); alt. Passport 77588 (Argentina); alt. Passport 10545599 (Venezuela); a.k.a. 'THE CHESS PLAYER'; a.k.a. 'LUCAS'.",
      'Person',
    );
    expect(r.properties.idNumber).toEqual(['6068015', '6067015']);
    expect(r.properties.passportNumber).toEqual(['T321642', '6067015', '77588', '10545599']);
    expect(r.properties.weakAlias).toEqual(['THE CHESS PLAYER', 'LUCAS']);
    expect(r.identifications.map((i) => [i.schema, i.type, i.country])).toEqual([
      ['Identification', 'Cedula No.', 'co'],
      ['Identification', 'Cedula No.', 'co'],
      ['Passport', 'Passport', 'co'],
      ['Passport', 'Passport', 'km'],
      ['Passport', 'Passport', 'ar'],
      ['Passport', 'Passport', 've'],
    ]);
    expectValidProps(r);
  });

  it('a DOB range (19792 O, Chong Ok) and the position written in the remarks', () => {
    const r = parseRemarks(
      "DOB 01 Jan 1953 to 31 Dec 1953; POB North Hamgyo'ng Province, North Korea; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Director of the First Bureau of the Reconnaissance General Bureau.",
      'Person',
    );
    expect(r.properties.birthDate).toEqual(['1953']);
    expect(r.properties.birthCountry).toEqual(['kp']);
    expect(r.properties.position).toEqual(['Director of the First Bureau of the Reconnaissance General Bureau']);
  });

  it('circa DOB (7782) and several alt. DOB (11748)', () => {
    expect(parseRemarks('DOB circa 1951; POB Foca, Bosnia-Herzegovina.', 'Person').properties).toMatchObject({ birthDate: ['1951'], birthCountry: ['ba'] });
    const r = parseRemarks("nationality Somalia; DOB circa 1979-1982; alt. DOB 1982; a.k.a. 'MUSCAB, Abu'; a.k.a. 'QORGAB'.", 'Person');
    expect(r.properties.birthDate).toEqual(['1979', '1980', '1981', '1982']);
    expect(r.properties.weakAlias).toEqual(['MUSCAB, Abu', 'QORGAB']);
    expect(r.warnings).toEqual([]);
  });

  it('wallets, citizen card and the Chinese Commercial Code (25308 YAN, Xiaobing)', () => {
    const r = parseRemarks(
      "DOB 25 Mar 1977; POB Wuhan City, Hubei, China; citizen China; Gender Male; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. Digital Currency Address - XBT 1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo; Chinese Commercial Code 7346 2556 0365; Citizen's Card Number 421002197703250019 (China); a.k.a. 'ZHOU, William'; a.k.a. 'YAN, Steven'.",
      'Person',
    );
    expect(r.wallets).toEqual([
      { currency: 'XBT', address: '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h', raw: 'Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h' },
      { currency: 'XBT', address: '1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo', raw: 'alt. Digital Currency Address - XBT 1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo' },
    ]);
    expect(r.properties.idNumber).toEqual(['421002197703250019']);
    expect(r.properties.notes).toEqual(['Chinese Commercial Code 7346 2556 0365']);
    expect(r.identifications).toHaveLength(1);
  });

  it('passport issue dates and an Italian ID (7826 ABDAOUI)', () => {
    const r = parseRemarks(
      "DOB 04 Jun 1966; POB Kairouan, Tunisia; nationality Tunisia; Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004; Identification Number AO 2879097 (Italy) expires 30 Oct 2012; a.k.a. 'ABU ABDULLAH'.",
      'Person',
    );
    expect(r.identifications[0]).toMatchObject({ schema: 'Passport', number: 'G025057', startDate: '1999-06-23', endDate: '2004-02-05' });
    expect(r.identifications[1]).toMatchObject({ schema: 'Identification', type: 'Identification Number', number: 'AO 2879097', country: 'it', endDate: '2012-10-30' });
  });

  it('honorifics go to title, unknown parts to notes, never dropped', () => {
    const r = parseRemarks('DOB 1962; Haji; ICTY indictee; Gender Female.', 'Person');
    expect(r.properties.title).toEqual(['Haji']);
    expect(r.properties.notes).toEqual(['ICTY indictee']);
    expect(r.properties.gender).toEqual(['female']);
  });

  it('reports what it cannot read, and keeps it as a note', () => {
    const r = parseRemarks('DOB sometime in spring; nationality Atlantis; alt. Digital Currency A', 'Person');
    expect(r.warnings).toHaveLength(3);
    expect(r.properties.notes).toEqual(['DOB sometime in spring', 'nationality Atlantis', 'alt. Digital Currency A']);
  });
});

describe('parseRemarks: entities, vessels, aircraft', () => {
  it('VERSOR S.R.O. (44579) becomes a Company with tax and ID numbers', () => {
    const r = parseRemarks(
      'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214; Organization Established Date 14 Apr 2012; Tax ID No. 2023480030 (Slovakia); Identification Number 46622764 (Slovakia); Linked To: MKRTYCHEV, Ashot.',
      'LegalEntity',
    );
    expect(r.schema).toBe('Company');
    expect(r.properties.incorporationDate).toEqual(['2012-04-14']);
    expect(r.properties.taxNumber).toEqual(['2023480030']);
    expect(r.properties.idNumber).toEqual(['46622764']);
    expect(r.links.map((l) => l.name)).toEqual(['MKRTYCHEV, Ashot']);
    expectValidProps(r);
  });

  it('USCC, registration number and website (22685 RAYBEAM OPTRONICS)', () => {
    const r = parseRemarks(
      'Website www.raybeam.cn; Additional Sanctions Information - Subject to Secondary Sanctions; Registration Number 131082000061293 (China); Unified Social Credit Code (USCC) 9113100033607322XK (China); Linked To: LIU, Baoxia.',
      'LegalEntity',
    );
    expect(r.schema).toBe('Company');
    expect(r.properties.website).toEqual(['www.raybeam.cn']);
    expect(r.properties.uscCode).toEqual(['9113100033607322XK']);
    expect(r.properties.registrationNumber).toEqual(['131082000061293', '9113100033607322XK']);
    expect(r.sanction.provisions).toEqual(['Additional Sanctions Information - Subject to Secondary Sanctions']);
  });

  it('Russian registration numbers are OGRN, tax numbers INN; directive links are program URLs (18730)', () => {
    const r = parseRemarks(
      'Executive Order 13662 Directive Determination - Subject to Directive 1; Organization Type: Activities of holding companies; Registration ID 1097746178232 (Russia); Tax ID No. 7702070139 (Russia); For more information on directives, please visit the following link: http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives; Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY.',
      'LegalEntity',
    );
    expect(r.schema).toBe('Company');
    expect(r.properties.sector).toEqual(['Activities of holding companies']);
    expect(r.properties.ogrnCode).toEqual(['1097746178232']);
    expect(r.properties.innCode).toEqual(['7702070139']);
    expect(r.properties.taxNumber).toEqual(['7702070139']);
    expect(r.sanction.programUrl).toEqual(['http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives']);
    expect(r.sanction.provisions).toEqual(['Executive Order 13662 Directive Determination - Subject to Directive 1']);
  });

  it('NIT, RUC, US FEIN and emails (8244, 6531, 10933)', () => {
    const r = parseRemarks('NIT # 8300720300 (Colombia); US FEIN 55-2197267; RUC # 20108363101 (Peru); Business Registration Document # F01000003035 (United States).', 'LegalEntity');
    expect(r.properties.taxNumber).toEqual(['8300720300', '55-2197267', '20108363101']);
    expect(r.properties.registrationNumber).toEqual(['F01000003035']);
    expect(r.identifications.map((i) => i.country)).toEqual(['co', undefined, 'pe', 'us']);
    const e = parseRemarks('Website www.ramakdutyfree.net; Email Address dam.d.free@net.sy.', 'LegalEntity');
    expect(e.properties.email).toEqual(['dam.d.free@net.sy']);
    expect(e.schema).toBe('LegalEntity'); // nothing says what kind of entity it is
  });

  it('an entity with only an establishment date is an Organization', () => {
    expect(parseRemarks('Organization Established Date 1969.', 'LegalEntity').schema).toBe('Organization');
  });

  it('vessel ARTAVIL (15036): IMO, MMSI, former flags, weak previous name, owner link', () => {
    const r = parseRemarks(
      "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None Identified; alt. Former Vessel Flag Tanzania; Additional Sanctions Information - Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.",
      'Vessel',
    );
    expect(r.schema).toBe('Vessel');
    expect(r.properties.imoNumber).toEqual(['9187629']);
    expect(r.properties.mmsi).toEqual(['572469210']);
    expect(r.properties.pastFlags).toEqual(['mt', 'tv', 'tz']);
    expect(r.properties.weakAlias).toEqual(['ALPHA']);
    expect(r.properties.notes).toEqual(['alt. Former Vessel Flag None Identified']);
    expect(r.links[0].name).toBe('NATIONAL IRANIAN TANKER COMPANY');
    expectValidProps(r);
  });

  it('aircraft EP-GOM (15431): serial numbers, model, build date, operator', () => {
    const r = parseRemarks(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number (MSN) 1023409321; Linked To: POUYA AIR.",
      'Airplane',
    );
    expect(r.properties.serialNumber).toEqual(['8401', '1023409321']);
    expect(r.properties.buildDate).toEqual(['1992']);
    expect(r.properties.model).toEqual(['IL76-TD']);
    expect(r.properties.notes).toEqual(['Aircraft Operator YAS AIR']);
    expect(r.links).toEqual([
      { name: 'YAS AIR', role: 'Aircraft Operator', raw: 'Aircraft Operator YAS AIR' },
      { name: 'POUYA AIR', role: 'Linked To', raw: 'Linked To: POUYA AIR' },
    ]);
    expectValidProps(r);
  });

  it('facts that do not fit the schema become notes', () => {
    const r = parseRemarks('Gender Male; Tax ID No. 123 (Iran)', 'Vessel');
    expect(r.properties.gender).toBeUndefined();
    expect(r.properties.notes).toEqual(['Gender Male', 'Tax ID No. 123 (Iran)']);
    expect(r.identifications).toEqual([]); // a vessel cannot hold documents in FtM
  });

  it('empty and -0- remarks', () => {
    expect(parseRemarks('-0-', 'Person').properties).toEqual({});
    expect(parseRemarks('', 'LegalEntity').schema).toBe('LegalEntity');
  });
});

describe('countries', () => {
  it('maps the spellings of OFAC, the UN, the EU and the UK', () => {
    const cases: [string, string][] = [
      ['Korea, North', 'kp'],
      ["Democratic People's Republic of Korea", 'kp'],
      ["Korea (Democratic People's Republic of)", 'kp'],
      ['Korea, South', 'kr'],
      ['Russia', 'ru'],
      ['Russian Federation', 'ru'],
      ['Syria', 'sy'],
      ['Syrian Arab Republic', 'sy'],
      ['Iran (Islamic Republic of)', 'ir'],
      ['Burma', 'mm'],
      ['Congo, Democratic Republic of the', 'cd'],
      ['Congo, Republic of the', 'cg'],
      ['Bahamas, The', 'bs'],
      ['Man, Isle of', 'im'],
      ['Virgin Islands, British', 'vg'],
      ['North Macedonia, The Republic of', 'mk'],
      ['Cote d Ivoire', 'ci'],
      ['Region: Crimea', 'ua-cri'],
      ['Palestinian', 'ps'],
      ['St. Kitts & Nevis', 'kn'],
      ['Türkiye', 'tr'],
      ['Syrian', 'sy'],
      ['KP', 'kp'],
      ['United Kingdom of Great Britain and Northern Ireland', 'gb'],
    ];
    for (const [name, code] of cases) expect(countryCode(name), name).toBe(code);
    expect(countryCode('undetermined')).toBeUndefined();
    expect(countryCode('Atlantis')).toBeUndefined();
    expect(countryOfPlace('Culiacan, Sinaloa, Mexico')).toBe('mx');
  });
});

describe('OFAC common helpers', () => {
  it('splits programs, makes program ids and maps entry types', () => {
    expect(splitPrograms('UKRAINE-EO13661] [CYBER2] [ELECTION-EO13848] [RUSSIA-EO14024')).toEqual(['UKRAINE-EO13661', 'CYBER2', 'ELECTION-EO13848', 'RUSSIA-EO14024']);
    expect(ofacProgramId('DPRK3')).toBe('OFAC-DPRK3');
    expect(ofacProgramId('CAATSA - RUSSIA')).toBe('OFAC-CAATSA-RUSSIA');
    expect(schemaForSdnType('individual')).toBe('Person');
    expect(schemaForSdnType('Vessel')).toBe('Vessel');
    expect(schemaForSdnType('aircraft')).toBe('Airplane');
    expect(schemaForSdnType('')).toBe('LegalEntity');
    expect(schemaForSdnType('spaceship')).toBeUndefined();
  });
});

describe('countryOfPlace', () => {
  it('finds the country at the end of a place of birth as OFAC writes it', () => {
    expect(countryOfPlace('Leningrad, Russia')).toBe('ru');
    expect(countryOfPlace('Cartago, Valle Colombia')).toBe('co');
    expect(countryOfPlace('Algiers Algeria')).toBe('dz');
    expect(countryOfPlace('Tunisi (Tunisia)')).toBe('tn');
    expect(countryOfPlace('Bloomington, Indiana USA')).toBe('us');
    expect(countryOfPlace("North Hamgyo'ng Province, North Korea")).toBe('kp');
    expect(countryOfPlace('Guadalajara, Jalisco')).toBeUndefined();
    expect(countryOfPlace('Kafr al-Shaykh')).toBeUndefined();
  });
});
