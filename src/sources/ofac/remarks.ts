// OFAC's remarks field: a `; `-separated run of labelled facts ("DOB 01 Jun 1961; POB Leningrad,
// Russia; nationality Russia; Passport BD3843329 (Slovakia) expires 08 Apr 2029; Linked To: X.").
// The legacy CSV keeps almost all structure here, so this module turns it into FtM properties.
//
// `parseRemarks(text, schema)` is pure: no I/O, no ids. The caller (csv.ts, and the XML parsers
// for sdn.xml's remarks) turns the result into entities. Nothing is dropped: a part we do not
// understand goes to `notes`, a value that does not fit the schema goes to `notes` too.
import { hasProperty, model } from '../../model/ftm.ts';
import { countryCode, countryOfPlace } from '../countries.ts';

/** An identity or registration document found in the remarks (a Passport or Identification entity). */
export interface RemarkIdentification {
  schema: 'Passport' | 'Identification';
  /** OFAC's label for the document: "Passport", "National ID No.", "Tax ID No.", "Cedula No." */
  type: string;
  number: string;
  /** FtM country code of the issuing country, when stated in parentheses. */
  country?: string;
  /** ISO date of issue (`issued 23 Jun 1999`). */
  startDate?: string;
  /** ISO date of expiry (`expires 08 Apr 2029`). */
  endDate?: string;
  /** Other qualifiers in parentheses that are not a country ("Stuttgart"), or an unparsed date. */
  note?: string;
  /** The remark part as written. */
  raw: string;
}

/** A reference to another list entry by its name: `Linked To: NAME`, or an aircraft's operator. */
export interface RemarkLink {
  /** Name as written (final full stop of the remarks removed). */
  name: string;
  /** "Linked To" or "Aircraft Operator". */
  role: string;
  raw: string;
}

/** A `Digital Currency Address - XBT 1Abc...` remark: becomes a CryptoWallet entity. */
export interface RemarkWallet {
  /** OFAC's currency code: XBT, ETH, USDT, LTC, XMR... */
  currency: string;
  address: string;
  raw: string;
}

export interface ParsedRemarks {
  /** The schema to use: the input schema, or for LegalEntity a more specific one the remarks show. */
  schema: string;
  /** Values for the listed entity, by FtM property, in order of appearance. */
  properties: Record<string, string[]>;
  identifications: RemarkIdentification[];
  links: RemarkLink[];
  wallets: RemarkWallet[];
  /** Designation details for the Sanction entity. */
  sanction: { provisions: string[]; programUrl: string[] };
  /** Parts that looked like a known fact but could not be read. Not fatal. */
  warnings: string[];
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', sept: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * An OFAC date as ISO: `01 Jun 1961` -> `1961-06-01`, `Jun 1961` -> `1961-06`, `1961` -> `1961`.
 * A trailing full stop is allowed. Returns undefined for anything else.
 */
export function parseOfacDate(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '').trim();
  let m = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2].slice(0, 3).toLowerCase()];
    const day = Number(m[1]);
    if (!month || day < 1 || day > 31) return undefined;
    return `${m[3]}-${month}-${String(day).padStart(2, '0')}`;
  }
  m = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[1].slice(0, 3).toLowerCase()];
    return month ? `${m[2]}-${month}` : undefined;
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return m[1];
  return undefined;
}

/** Widest year span expanded into one value per year; wider ranges keep their two ends. */
const MAX_RANGE_YEARS = 10;

/**
 * A date value as OFAC writes it in `DOB`, with qualifiers, as FtM dates (several values mean
 * "one of these"):
 * - `01 Jun 1961`, `Jun 1961`, `1961` -> one value;
 * - `circa 1961` -> `1961` (FtM has no approximate date; the year already says as much);
 * - `01 Jan 1953 to 31 Dec 1953` -> `1953` (a whole year), a whole month likewise;
 * - `1958 to 1962`, `circa 1979-1982`, `01 Jan 1958 to 31 Dec 1962` -> each year 1958..1962
 *   (up to 10 years; wider ranges and other partial ranges give their two ends).
 * Returns undefined when the text is not a date.
 */
export function parseDateValue(text: string): string[] | undefined {
  let t = text.trim().replace(/\.$/, '').trim();
  t = t.replace(/^(circa|approximately|approx\.?|about|ca\.?|c\.)\s+/i, '');
  const range = /^(.+?)\s*(?:\bto\b|-|–)\s*(.+)$/i.exec(t);
  if (range && !/^\d{4}-\d{2}(?:-\d{2})?$/.test(t)) {
    const a = parseOfacDate(range[1]);
    const b = parseOfacDate(range[2]);
    if (a && b) return expandRange(a, b);
  }
  const single = parseOfacDate(t);
  return single ? [single] : undefined;
}

function expandRange(a: string, b: string): string[] {
  if (a === b) return [a];
  const ya = Number(a.slice(0, 4));
  const yb = Number(b.slice(0, 4));
  const wholeYears = (a.length === 4 || a.endsWith('-01-01')) && (b.length === 4 || b.endsWith('-12-31'));
  if (wholeYears && yb >= ya && yb - ya < MAX_RANGE_YEARS) {
    const years: string[] = [];
    for (let y = ya; y <= yb; y++) years.push(String(y));
    return years;
  }
  // 01 Mar 1970 to 31 Mar 1970 -> 1970-03
  if (a.length === 10 && b.length === 10 && a.slice(0, 7) === b.slice(0, 7) && a.endsWith('-01') && Number(b.slice(8)) >= 28) return [a.slice(0, 7)];
  return [a, b];
}

/**
 * Split remarks into parts at `;` outside parentheses. The final full stop of the whole text is
 * removed. A quoted alias cut by a `;` inside its quotes (`a.k.a. 'A; B'`) is joined back.
 */
export function splitRemarks(text: string): string[] {
  const t = text.trim().replace(/\.$/, '');
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && depth > 0) depth--;
    else if (c === 59 /* ; */ && depth === 0) {
      parts.push(t.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(t.slice(start));
  const out: string[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    const prev = out[out.length - 1];
    // An alias part whose closing quote is in the next part: join them back.
    if (prev !== undefined && ALIAS_OPEN.test(prev) && !/'\.?$/.test(prev) && /'\.?$/.test(p) && !startsWithKnownLabel(p)) {
      out[out.length - 1] = `${prev}; ${p}`;
      continue;
    }
    out.push(p);
  }
  return out;
}

const ALIAS_OPEN = /^(?:alt\.\s+)?([afn])\.k\.a\.?,?\s*'/i;

/** Where an identifier goes on the holder, and which document entity it makes. */
interface IdRule {
  label: RegExp;
  /** Document type written on the Passport/Identification; defaults to the matched label. */
  type?: string;
  /** Holder properties: the number goes in each of them the schema has (else in idNumber). */
  holder: string[];
  /** Document entity to make, or none for codes that are not documents (LEI, SWIFT, ISIN). */
  doc?: 'Passport' | 'Identification';
  /** True when the identifier shows the holder is a business (LegalEntity -> Company). */
  corporate?: boolean;
}

// Longest and most specific labels first: the first rule whose label matches wins.
const ID_RULES: IdRule[] = [
  // Vessels and companies: IMO numbers appear under several labels.
  { label: /^(?:(?:Vessel Registration Identification|Identification Number|Company Number|Registration Number)?\s*IMO\b\.?|International Maritime Organization(?: No\.| Number)?)/i, type: 'IMO', holder: ['imoNumber'] },
  { label: /^MMSI\b/i, holder: ['mmsi'] },
  { label: /^Vessel Registration Identification\b/i, holder: ['registrationNumber'] },
  { label: /^(?:Diplomatic Passport|Official Passport|Service Passport|Stateless Person Passport|Passport Booklet|Passport)\b/i, holder: ['passportNumber'], doc: 'Passport' },
  { label: /^(?:SSN|Social Security Number)\b/i, holder: ['socialSecurityNumber'], doc: 'Identification' },
  // Codes that are identifiers but not documents.
  { label: /^Legal Entity Number\b/i, holder: ['leiCode'], corporate: true },
  { label: /^D-U-N-S Number\b/i, holder: ['dunsCode'], corporate: true },
  { label: /^SWIFT\/BIC\b/i, holder: ['swiftBic'], corporate: true },
  { label: /^BIK \(RU\)/i, holder: ['bikCode'], corporate: true },
  { label: /^ISIN\b/i, holder: ['isinCode'], corporate: true },
  { label: /^Equity Ticker\b/i, holder: ['ticker'], corporate: true },
  { label: /^(?:Unified|United) Social Credit Code(?: Certificate)?(?: \(USCCC?\))?/i, type: 'Unified Social Credit Code (USCC)', holder: ['uscCode', 'registrationNumber'], doc: 'Identification', corporate: true },
  { label: /^V\.A\.T\. Number\b/i, holder: ['vatCode'], doc: 'Identification', corporate: true },
  // Tax numbers.
  {
    label: /^(?:Tax ID No\.|Tax ID|Tax Number|Taxpayer Identification Number|NIT #|RUC #|RIF #|R\.F\.C\.|C\.U\.I\.T\.|C\.U\.I\.L\.|C\.U\.I\.|US FEIN|RTN|C\.I\.F\.|N\.I\.F\.|Fiscal Code|Italian Fiscal Code|Paraguayan tax identification number|Numero Unico de Identificacao Tributaria(?: \(NUIT\))?|NUIT|Tax Registration Number|KPP|TIN)(?=\s|$)/i,
    holder: ['taxNumber'],
    doc: 'Identification',
    corporate: true,
  },
  // Company and trade registers.
  {
    label: /^(?:Company Number|UK Company Number|Registration Number|Registration ID|Business Registration Number|Business Registration Document #|Business Number|Commercial Registry Number|Commercial Registration Number|C\.R\. No\.|Folio Mercantil No\.?|Matricula Mercantil No\.?|Trade License No\.?|Chamber of Commerce Number|Istanbul Chamber of Comm\. No\.|Dubai Chamber of Commerce Membership No\.|Central Registration System Number|Economic Register Number(?: \(CBLS\))?|Public Registration Number|Certificate of Incorporation Number|Enterprise Number|Branch Unit Number|Government Gazette Number|Registered Charity No\.|Charity Number|Registration No\.|Business License Number|Commercial Registry|Registered Number)(?=\s|$)/i,
    holder: ['registrationNumber'],
    doc: 'Identification',
    corporate: true,
  },
  { label: /^(?:[A-Z][A-Za-z ]* )?(?:License|Licence)(?: No\.| Number)?(?=\s|$)/, holder: ['licenseNumber'], doc: 'Identification', corporate: true },
  // Personal identity documents.
  {
    label: /^(?:National ID No\.|National ID|National Foreign ID Number|Cedula No\.|D\.N\.I\.|Identification Number|Personal ID Card|Citizen's Card Number|Turkish Identification Number|Numero de Identidad|Credencial electoral|C\.U\.R\.P\.|Residency Number|Birth Certificate Number|Driver's License No\.|Travel Document Number|Military Registration Number|Cartilla de Servicio Militar Nacional|Tazkira National ID Card|UAE Identification|Kenyan ID No\.|Refugee ID Card|Immigration No\.|Electoral Registry No\.|Identity Card|ID Card|Moroccan Personal ID No\.|N\.I\.E\.|Personal Number|Resident Card|Residence Permit|Seafarer's Identification Document|Pasaporte)(?=\s|$)/i,
    holder: ['idNumber'],
    doc: 'Identification',
  },
];

// Generic identifiers we have no rule for ("Istanbul Chamber of Comm. No.", "LE Number 07552116"):
// a label ending in No./Number/#/ID/Code followed by a value with a digit.
const GENERIC_ID = /^((?:[A-Z][\w.'/&-]*\s+)*?(?:No\.?|Number|#|ID|Code|Certificate))\s+(\S*\d.*)$/;

/** Where a remark part is an identifier: the rule and the label it matched. */
function matchIdRule(part: string): { rule: IdRule; label: string; rest: string } | undefined {
  for (const rule of ID_RULES) {
    const m = rule.label.exec(part);
    if (m && m[0].length > 0) return { rule, label: m[0].trim(), rest: part.slice(m[0].length).trim() };
  }
  const g = GENERIC_ID.exec(part);
  if (g && !/^(?:Phone|Telephone|Fax|Tel)\b/i.test(g[1])) {
    return { rule: { label: GENERIC_ID, holder: ['idNumber'], doc: 'Identification' }, label: g[1].trim(), rest: g[2].trim() };
  }
  return undefined;
}

/**
 * The value after an identifier's label: `BD3843329 (Slovakia) expires 08 Apr 2029`,
 * `G025057 issued 23 Jun 1999 expires 05 Feb 2004`, `HRA 738077 (Stuttgart) (Germany)`.
 */
export function parseIdValue(text: string): { number: string; country?: string; startDate?: string; endDate?: string; note?: string } {
  let t = text.trim().replace(/\.$/, '').trim();
  const notes: string[] = [];
  let startDate: string | undefined;
  let endDate: string | undefined;
  let m = /\s+expire[sd]?:?\s+(.+)$/i.exec(t);
  if (m) {
    endDate = parseOfacDate(m[1]);
    if (!endDate) notes.push(`expires ${m[1]}`);
    t = t.slice(0, m.index).trim();
  }
  m = /\s+issued:?\s+(.+)$/i.exec(t);
  if (m) {
    // "issued 23 Jun 1999" or "issued in Tehran 1999": keep what is not a date as a note.
    startDate = parseOfacDate(m[1]);
    if (!startDate) notes.push(`issued ${m[1]}`);
    t = t.slice(0, m.index).trim();
  }
  let country: string | undefined;
  // Trailing parenthesised qualifiers preceded by a blank: "(Slovakia)", "(Stuttgart) (Germany)".
  for (;;) {
    const p = /\s+\(([^()]*)\)$/.exec(t);
    if (!p) break;
    const code = countryCode(p[1]);
    if (code && !country) country = code;
    else notes.unshift(p[1]);
    t = t.slice(0, p.index).trim();
  }
  return { number: t.replace(/[,;]$/, '').trim(), country, startDate, endDate, note: notes.length ? notes.join('; ') : undefined };
}

// Person titles and offices OFAC writes without a label ("Minister of Health", "Brigadier General").
const POSITION = /^(?:former\s+|Former\s+|Acting\s+|Deputy\s+|Vice\s+|First\s+|Second\s+|Senior\s+)*(?:Minister|Deputy|Director|President|Vice|Chairman|Chairperson|Chairwoman|Member of|Head of|Head,|Governor|Commander|General|Lieutenant|Lt\.|Colonel|Col\.|Major|Brigadier|Admiral|Captain|Ambassador|Judge|Prosecutor|Secretary|Chief|Leader|Representative|Prime Minister|Advisor|Adviser|Manager|Managing Director|Chief Executive|CEO|Officer|Mayor|Senator|Minister|Commissioner|Inspector|Founder|Co-founder|Owner|Shareholder|Official|Spokesman|Spokesperson|Emir|Amir|Governor|Consul|Attache|Diplomat|Financier|Head)\b/;

// Honorifics written alone ("Dr", "Haji", "Shaykh").
const HONORIFIC = /^(?:Dr\.?|Doctor|Prof\.?|Professor|Haji|Hajji|Alhaji|Shaykh|Sheikh|Shaikh|Maulana|Maulawi|Mawlawi|Mawlana|Mullah|Mulla|Ustad|Ustadh|Hojjatoleslam|Hojatoleslam|Ayatollah|Qari|Sayyid|Sayed|Imam|Mufti|Eng\.?|Engineer)$/i;

// Parts that belong to the Sanction, not the target.
const PROVISION = /^(?:Secondary sanctions risk|Transactions Prohibited|Additional Sanctions Information|Executive Order \d+ (?:Directive|information)|IFCA Determination|CAATSA Section|Listing Date \(|Effective Date \(|Purchase\/Sales For Divestment Date|Effective Dat|Subject to Directive|Sanctions Program|Hong Kong Autonomy Act|PEESA|Section \d+ of)/i;
const MORE_INFO = /^(?:All offices worldwide\.?\s*)?For more information(?: on directives)?,? please (?:visit|reference) the following link:?\s*(\S+)/i;

/** Labels whose presence at the start of a part marks it as a new fact (used to rejoin aliases). */
function startsWithKnownLabel(part: string): boolean {
  const p = part.replace(/^alt\.\s+/i, '');
  return (
    /^(?:DOB|POB|nationality|citizen|Gender|Linked To:|[afn]\.k\.a\.|Website|Email|Phone|Organization|Digital Currency|Aircraft|Vessel|Former Vessel|Other Vessel)\b/i.test(p) ||
    PROVISION.test(p) ||
    matchIdRule(p) !== undefined
  );
}

type Fact = { prop: string; value: string; raw: string };

// For a LegalEntity: which facts show a more specific schema.
const COMPANY_TARGET_TYPES = /^(?:Private Company|State-Owned Enterprise|Financial Institution|Publicly Traded Company|Company)/i;
const ORGANIZATION_TARGET_TYPES = /^(?:Government Entity|Non-Governmental Organization|Charity|Military|Political)/i;

/**
 * Parse a remarks field for an entry of the given schema (Person, LegalEntity, Vessel, Airplane,
 * or a more specific one). See the module comment; the returned properties all exist in the
 * returned schema.
 *
 * Schema refinement (LegalEntity only): Company when an identifier only businesses carry is
 * present (ISIN, ticker, BIK), else Organization when `Target Type` names a government body or
 * similar, else Company when there is business evidence (a company, trade or tax register number,
 * LEI, SWIFT/BIC, D-U-N-S, VAT, `Organization Type: <activity>`, `Target Type Private Company` and
 * the like, an IMO company number), else Organization when the remarks give
 * `Organization Established Date`, else LegalEntity.
 */
export function parseRemarks(text: string | null | undefined, schema: string): ParsedRemarks {
  const facts: Fact[] = [];
  const result: ParsedRemarks = {
    schema,
    properties: {},
    identifications: [],
    links: [],
    wallets: [],
    sanction: { provisions: [], programUrl: [] },
    warnings: [],
  };
  if (!text || text.trim() === '' || text.trim() === '-0-') return result;
  const isPerson = model.schemata[schema]?.isA('Person') ?? false;
  let corporate = false;
  let companyOnly = false;
  let organizationHint = false;
  const ids: { id: RemarkIdentification; holder: string[] }[] = [];
  const st: Collector = { facts, warnings: result.warnings };

  for (const raw of splitRemarks(text)) {
    // "alt." marks another value of the same fact ("alt. DOB 1962", "alt. Passport ...").
    const part = raw.replace(/^alt\.?\s+/i, '').trim();
    let m: RegExpExecArray | null;

    if ((m = ALIAS_OPEN.exec(part))) {
      const name = part.slice(m[0].length).replace(/\.$/, '').replace(/'$/, '').trim();
      if (name) fact(st, 'weakAlias', name, raw);
      else warn(st, 'empty alias', raw);
      continue;
    }
    if ((m = /^Linked To:?\s*(.+)$/i.exec(part))) {
      result.links.push({ name: m[1].trim(), role: 'Linked To', raw });
      continue;
    }
    if ((m = /^DOB\.?:?\s+(.+)$/i.exec(part))) {
      const dates = parseDateValue(m[1]);
      if (dates) for (const d of dates) fact(st, 'birthDate', d, raw);
      else warn(st, 'unreadable date of birth', raw);
      continue;
    }
    if ((m = /^(?:POB|Place of Birth)\.?:?\s+(.+)$/i.exec(part))) {
      const place = m[1].replace(/\.$/, '').trim();
      fact(st, 'birthPlace', place, raw);
      fact(st, 'birthCountry', countryOfPlace(place), raw);
      continue;
    }
    if ((m = /^Nationality of Registration\s+(.+)$/i.exec(part))) {
      const code = countryCode(m[1]);
      if (code) fact(st, 'jurisdiction', code, raw);
      else warn(st, 'unknown country of registration', raw);
      continue;
    }
    if ((m = /^(nationality|citizen(?:ship)?)\.?:?\s+(.+)$/i.exec(part))) {
      const prop = m[1].toLowerCase() === 'nationality' ? 'nationality' : 'citizenship';
      const value = m[2].replace(/^possibly\s+/i, '');
      const code = countryCode(value);
      if (code) fact(st, prop, code, raw);
      else warn(st, `unknown country in ${prop}`, raw);
      continue;
    }
    if ((m = /^Gender\.?:?\s+(.+)$/i.exec(part))) {
      const g = m[1].replace(/\.$/, '').trim().toLowerCase();
      if (g === 'male' || g === 'female') fact(st, 'gender', g, raw);
      else {
        fact(st, 'gender', 'other', raw);
        note(st, raw);
      }
      continue;
    }
    if ((m = /^ethnicity\s+(.+)$/i.exec(part))) {
      fact(st, 'ethnicity', m[1], raw);
      continue;
    }
    if ((m = /^(?:Email Address|Email|E-mail|EMAIL)\.?:?\s+(\S+)$/i.exec(part))) {
      fact(st, 'email', m[1].replace(/\.$/, ''), raw);
      continue;
    }
    if ((m = /^(?:Website|Web site|URL)\.?:?\s+(\S+)$/i.exec(part))) {
      fact(st, 'website', m[1], raw);
      continue;
    }
    if ((m = /^(?:Phone Number|Phone|Telephone(?: No\.| Number)?|Tel\.?|Fax(?: No\.| Number)?|Mobile(?: Number)?)\.?:?\s+(.+)$/i.exec(part))) {
      fact(st, 'phone', m[1], raw);
      continue;
    }
    if ((m = /^Digital Currency Address\s*-\s*([A-Za-z0-9]+)\s+(\S+)$/i.exec(part))) {
      result.wallets.push({ currency: m[1].toUpperCase(), address: m[2], raw });
      continue;
    }
    if (/^Digital Curr/i.test(part)) {
      warn(st, 'incomplete digital currency address', raw);
      continue;
    }
    if ((m = /^Organization Established Date\s+(.+)$/i.exec(part))) {
      const dates = parseDateValue(m[1]);
      if (dates) for (const d of dates) fact(st, 'incorporationDate', d, raw);
      else warn(st, 'unreadable establishment date', raw);
      organizationHint = true;
      continue;
    }
    if ((m = /^Organization Type:?\s+(.+)$/i.exec(part))) {
      fact(st, 'sector', m[1], raw);
      corporate = true;
      continue;
    }
    if ((m = /^Target Type:?\s+(.+)$/i.exec(part))) {
      fact(st, 'classification', m[1], raw);
      if (ORGANIZATION_TARGET_TYPES.test(m[1])) organizationHint = true;
      else if (COMPANY_TARGET_TYPES.test(m[1])) corporate = true;
      continue;
    }
    // Vessels.
    if ((m = /^(?:Other )?Vessel Call Sign\s+(.+)$/i.exec(part))) {
      fact(st, 'callSign', m[1], raw);
      continue;
    }
    if ((m = /^(?:Other )?Vessel Flag\s+(.+)$/i.exec(part))) {
      const code = countryCode(m[1]);
      if (code) fact(st, 'flag', code, raw);
      else note(st, raw);
      continue;
    }
    if ((m = /^Former Vessel Flag\s+(.+)$/i.exec(part))) {
      const code = countryCode(m[1]);
      if (code) fact(st, 'pastFlags', code, raw);
      else note(st, raw); // "Former Vessel Flag None Identified"
      continue;
    }
    if ((m = /^(?:Other )?Vessel Type\s+(.+)$/i.exec(part))) {
      fact(st, 'type', m[1], raw);
      continue;
    }
    if ((m = /^Vessel Year of Build\s+(.+)$/i.exec(part))) {
      const d = parseDateValue(m[1]);
      if (d) for (const v of d) fact(st, 'buildDate', v, raw);
      else warn(st, 'unreadable build year', raw);
      continue;
    }
    // Aircraft.
    if ((m = /^Aircraft (?:Construction Number \(also called L\/N or S\/N or F\/N\)|Manufacturer's Serial Number \(MSN\)|Serial Identification|Serial Number|Construction Number)\s+(.+)$/i.exec(part))) {
      fact(st, 'serialNumber', m[1], raw);
      continue;
    }
    if ((m = /^Aircraft Tail Number\s+(.+)$/i.exec(part))) {
      fact(st, 'registrationNumber', m[1], raw);
      continue;
    }
    if ((m = /^Aircraft Model\s+(.+)$/i.exec(part))) {
      fact(st, 'model', m[1], raw);
      continue;
    }
    if ((m = /^Aircraft Manufacture Date\s+(.+)$/i.exec(part))) {
      const d = parseDateValue(m[1]);
      if (d) for (const v of d) fact(st, 'buildDate', v, raw);
      else warn(st, 'unreadable manufacture date', raw);
      continue;
    }
    if ((m = /^Aircraft Mode S Transponder Code\s+(.+)$/i.exec(part))) {
      fact(st, 'icaoCode', m[1], raw);
      continue;
    }
    if ((m = /^Aircraft Manufacturer\s+(.+)$/i.exec(part))) {
      fact(st, 'manufacturer', m[1], raw);
      continue;
    }
    if ((m = /^Aircraft Operator\s+(.+)$/i.exec(part))) {
      note(st, raw);
      result.links.push({ name: m[1].trim(), role: 'Aircraft Operator', raw });
      continue;
    }
    // Designation details.
    if ((m = MORE_INFO.exec(part))) {
      result.sanction.programUrl.push(m[1].replace(/[.;]$/, ''));
      continue;
    }
    if (PROVISION.test(part)) {
      result.sanction.provisions.push(raw);
      continue;
    }
    // A telegraph code for the Chinese characters of a name: not an identifier.
    if (/^Chinese Commercial Code\b/i.test(part)) {
      note(st, raw);
      continue;
    }
    // Identifiers and documents.
    const idm = matchIdRule(part);
    if (idm) {
      const { rule, label, rest } = idm;
      const v = parseIdValue(rest);
      if (!v.number) {
        warn(st, 'identifier without a number', raw);
        continue;
      }
      if (rule.corporate) corporate = true;
      const holder = [...rule.holder];
      // Russian tax numbers are INNs, Russian registration numbers OGRNs: FtM has properties for both.
      if (v.country === 'ru' && rule.holder[0] === 'taxNumber' && /^\d{10}(?:\d{2})?$/.test(v.number)) holder.unshift('innCode');
      if (v.country === 'ru' && rule.holder[0] === 'registrationNumber' && /^\d{13}(?:\d{2})?$/.test(v.number)) holder.unshift('ogrnCode');
      if (holder[0] === 'imoNumber' || holder[0] === 'mmsi') {
        fact(st, holder[0], v.number.replace(/\s+/g, ''), raw);
        // IMO numbers of non-vessels are IMO company numbers: ship owners and managers.
        if (holder[0] === 'imoNumber' && !isPerson) corporate = true;
        continue;
      }
      if (rule.doc) {
        ids.push({
          id: { schema: rule.doc, type: rule.type ?? label, number: v.number, country: v.country, startDate: v.startDate, endDate: v.endDate, note: v.note, raw },
          holder,
        });
      } else {
        // Not a document: only the holder property ("SWIFT/BIC VTBRRUMM").
        facts.push({ prop: `?${holder.join('|')}`, value: v.number, raw });
        if (holder.some((h) => h === 'isinCode' || h === 'ticker' || h === 'bikCode')) companyOnly = true;
      }
      continue;
    }
    // Unlabelled honorifics, offices and titles of people.
    if (isPerson && HONORIFIC.test(part)) {
      fact(st, 'title', part, raw);
      continue;
    }
    if (isPerson && POSITION.test(part)) {
      fact(st, 'position', part, raw);
      continue;
    }
    note(st, raw);
  }

  // Schema refinement for LegalEntity.
  if (schema === 'LegalEntity') {
    if (companyOnly) result.schema = 'Company';
    else if (organizationHint && !corporate) result.schema = 'Organization';
    else if (corporate) result.schema = 'Company';
  }
  const target = model.schemata[result.schema];
  const props = result.properties;
  const sch = result.schema;
  for (const f of facts) {
    if (f.prop.startsWith('?')) {
      let prop: string | undefined;
      for (const p of f.prop.slice(1).split('|')) if (hasProperty(sch, p)) { prop = p; break; }
      if (prop) put(props, prop, f.value);
      else put(props, 'notes', f.raw);
    } else if (hasProperty(sch, f.prop)) put(props, f.prop, f.value);
    else put(props, 'notes', f.raw);
  }
  // Documents: the number also goes on the holder, in every holder property the schema has
  // (a Russian tax number is innCode and taxNumber), else in idNumber, else in notes.
  const canHoldDocs = target?.isA('LegalEntity') ?? false;
  for (const { id, holder } of ids) {
    let placed = false;
    for (const p of holder) {
      if (hasProperty(sch, p)) {
        put(props, p, id.number);
        placed = true;
      }
    }
    if (!placed && hasProperty(sch, 'idNumber')) put(props, 'idNumber', id.number);
    if (canHoldDocs) result.identifications.push(id);
    else put(props, 'notes', id.raw);
  }
  return result;
}

// Helpers of parseRemarks, at module level: closures made per call cost more than the work here.
interface Collector {
  facts: Fact[];
  warnings: string[];
}

function fact(st: Collector, prop: string, value: string | undefined, raw: string): void {
  if (value === undefined) return;
  const v = value.trim();
  if (v !== '') st.facts.push({ prop, value: v, raw });
}

function note(st: Collector, raw: string): void {
  fact(st, 'notes', raw, raw);
}

function warn(st: Collector, msg: string, raw: string): void {
  st.warnings.push(`${msg}: "${raw}"`);
  note(st, raw);
}

function put(props: Record<string, string[]>, prop: string, value: string): void {
  const values = (props[prop] ??= []);
  if (!values.includes(value)) values.push(value);
}
