// One EU FSF entry as both EU formats describe it (the XML has one element per entry, the CSV one
// row per name/address/birth date/... combination), and its statements. Keeping one model means the
// XML and the CSV of the same list give the same entities.
//
// subjectType `person` -> Person; `enterprise` -> Organization (the EU uses it for companies,
// banks, armed groups and parties alike, so we do not guess Company); anything else LegalEntity.
import { makeEntityId, SANCTION_TOPIC } from '../../model/entity.ts';
import type { StatementDraft } from '../../model/statement.ts';
import { EntityDraft, RecordDrafts, isoDate, joinParts } from '../drafts.ts';
import { scriptLanguage } from '../script.ts';

export interface EuRegulation {
  programme?: string;
  publicationDate?: string;
  entryIntoForceDate?: string;
  numberTitle?: string;
  publicationUrl?: string;
}

export interface EuName {
  wholeName?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  title?: string;
  function?: string;
  /** M / F as the FSF writes it. */
  gender?: string;
  /** ISO 639-3, already mapped. */
  lang?: string;
  /** false for the FSF's weak aliases (`strong="false"`). */
  strong: boolean;
  remarks: string[];
  locator?: string;
}

export interface EuBirth {
  date?: string;
  years: string[];
  city?: string;
  place?: string;
  region?: string;
  country?: string;
  countryDescription?: string;
  locator?: string;
}

export interface EuAddress {
  street?: string;
  poBox?: string;
  zipCode?: string;
  city?: string;
  region?: string;
  place?: string;
  country?: string;
  countryDescription?: string;
  contacts: { key: string; value: string }[];
  remarks: string[];
  locator?: string;
}

export interface EuIdentification {
  /** FSF type code: passport, id, tin, fiscalcode, regnumber, swiftbic, imo, other... */
  typeCode?: string;
  typeDescription?: string;
  number?: string;
  latinNumber?: string;
  country?: string;
  issuedBy?: string;
  issueDate?: string;
  validFrom?: string;
  validTo?: string;
  notes: string[];
  locator?: string;
}

export interface EuEntry {
  logicalId: string;
  subjectType?: string;
  euReferenceNumber?: string;
  unitedNationId?: string;
  designationDate?: string;
  designationDetails?: string;
  delistingDate?: string;
  remarks: string[];
  regulations: EuRegulation[];
  names: EuName[];
  citizenships: { country?: string; description?: string; locator?: string }[];
  births: EuBirth[];
  addresses: EuAddress[];
  identifications: EuIdentification[];
  /** "<file>:<line>" of the entry. */
  locator: string;
}

export function emptyEntry(logicalId: string, locator: string): EuEntry {
  return { logicalId, locator, remarks: [], regulations: [], names: [], citizenships: [], births: [], addresses: [], identifications: [] };
}

const AUTHORITY = 'European Union';
const SOURCE_URL = 'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions';

// Programme codes of the FSF with the regime they stand for; others keep their code.
const PROGRAMMES: Record<string, string> = {
  PRK: "Democratic People's Republic of Korea (North Korea)",
  TAQA: "ISIL (Da'esh) and Al-Qaida",
  TERR: 'Terrorist groups and persons (Common Position 2001/931/CFSP)',
  IRQ: 'Iraq',
  IRN: 'Iran',
  RUS: 'Russia',
  UKR: 'Ukraine',
  BLR: 'Belarus',
  SYR: 'Syria',
  LBY: 'Libya',
  ZWE: 'Zimbabwe',
  COD: 'Democratic Republic of the Congo',
  AFG: 'Afghanistan',
  SDN: 'Sudan',
  SSD: 'South Sudan',
  SOM: 'Somalia',
  YEM: 'Yemen',
  MLI: 'Mali',
  CAF: 'Central African Republic',
  MMR: 'Myanmar (Burma)',
  VEN: 'Venezuela',
  CYB: 'Cyber-attacks',
  CHEM: 'Chemical weapons',
};

// The FSF identification types that FtM has a holder property for.
const HOLDER_PROPS: Record<string, string> = {
  passport: 'passportNumber',
  id: 'idNumber',
  tin: 'taxNumber',
  fiscalcode: 'taxNumber',
  regnumber: 'registrationNumber',
  swiftbic: 'swiftBic',
  imo: 'imoNumber',
  ssn: 'socialSecurityNumber',
};

/** All statements of one EU entry: the target, its Sanction and its identity documents. */
export function entryStatements(entry: EuEntry, dataset: string): StatementDraft[] {
  const id = makeEntityId(dataset, entry.logicalId);
  const listed = isoDate(entry.designationDate);
  const drafts = new RecordDrafts({ locator: entry.locator, claimDate: listed });
  const type = (entry.subjectType ?? '').toLowerCase();
  const schema = type === 'person' || type === 'p' ? 'Person' : type === 'enterprise' || type === 'e' ? 'Organization' : 'LegalEntity';
  const target = drafts.entity(id, schema);
  const isPerson = schema === 'Person';

  // The first name is the caption; the FSF lists the primary name first.
  const names = entry.names.filter((n) => n.wholeName || n.firstName || n.lastName);
  const spelled = new Set<string>(); // a spelling repeated under another name record is not an alias of itself
  names.forEach((n, i) => {
    const whole = n.wholeName || [n.firstName, n.middleName, n.lastName].filter(Boolean).join(' ');
    const at = n.locator ? { locator: n.locator } : {};
    const lang = n.lang ?? scriptLanguage(whole);
    if (!spelled.has(whole)) target.add(i === 0 ? 'name' : n.strong ? 'alias' : 'weakAlias', whole, { ...at, lang });
    spelled.add(whole);
    if (isPerson) {
      target.add('firstName', n.firstName, at).add('middleName', n.middleName, at).add('lastName', n.lastName, at);
      target.add('title', n.title, at).add('position', n.function, at);
      const g = n.gender?.toUpperCase();
      if (g === 'M' || g === 'F') target.add('gender', g === 'M' ? 'male' : 'female', at);
    }
    for (const r of n.remarks) target.add('notes', r, at);
  });

  const programmes = [...new Set(entry.regulations.map((r) => r.programme).filter((p): p is string => !!p))];
  target.add('topics', SANCTION_TOPIC);
  for (const p of programmes) target.add('program', PROGRAMMES[p] ?? p).add('programId', `EU-${p}`);
  for (const r of entry.remarks) target.add('notes', r);
  target.add('sourceUrl', SOURCE_URL);

  for (const c of entry.citizenships) target.add(isPerson ? 'nationality' : 'country', c.country, { locator: c.locator, originalValue: c.description });
  for (const b of entry.births) {
    if (!isPerson) break;
    const at = b.locator ? { locator: b.locator } : {};
    for (const date of b.date ? [b.date] : b.years) target.add('birthDate', date, at);
    target.add('birthPlace', joinParts(b.city, b.place, b.region, b.countryDescription), at);
    target.add('birthCountry', b.country, at);
  }
  for (const a of entry.addresses) {
    const at = a.locator ? { locator: a.locator } : {};
    const text = joinParts(a.street, a.poBox && `P.O. Box ${a.poBox}`, a.zipCode, a.city, a.place, a.region, a.countryDescription);
    if (text && text !== a.countryDescription) target.add('address', text, at);
    target.add('country', a.country, at);
    for (const c of a.contacts) addContact(target, c.key, c.value, at);
    for (const r of a.remarks) target.add('notes', r, at);
  }
  entry.identifications.forEach((doc, i) => addIdentification(drafts, target, doc, entry.logicalId, i + 1, dataset));

  const sanction = drafts.entity(makeEntityId(dataset, entry.logicalId, 'sanction'), 'Sanction');
  sanction
    .add('entity', id)
    .add('authority', AUTHORITY)
    .add('authorityId', entry.euReferenceNumber)
    .add('unscId', entry.unitedNationId)
    .add('listingDate', listed)
    .add('startDate', listed)
    .add('endDate', isoDate(entry.delistingDate))
    .add('provisions', 'Asset freeze')
    .add('description', entry.designationDetails)
    .add('recordId', entry.logicalId);
  for (const p of programmes) sanction.add('program', PROGRAMMES[p] ?? p).add('programId', `EU-${p}`);
  for (const r of entry.remarks) sanction.add('reason', r);
  for (const reg of entry.regulations) {
    sanction.add(
      'summary',
      joinParts(
        reg.numberTitle && `Regulation ${reg.numberTitle}`,
        reg.publicationDate && `published ${reg.publicationDate}`,
        reg.entryIntoForceDate && `in force ${reg.entryIntoForceDate}`,
      ),
    );
    sanction.add('sourceUrl', reg.publicationUrl);
  }
  sanction.add('sourceUrl', SOURCE_URL);
  return drafts.statements;
}

function addContact(target: EntityDraft, key: string, value: string, at: { locator?: string }): void {
  const k = key.toUpperCase();
  const prop = k.includes('PHONE') || k === 'FAX' ? 'phone' : k.includes('EMAIL') ? 'email' : k.includes('WEB') || k === 'URL' ? 'website' : undefined;
  if (prop) target.addIfAllowed(prop, value, at);
}

function addIdentification(drafts: RecordDrafts, holder: EntityDraft, doc: EuIdentification, logicalId: string, n: number, dataset: string): void {
  const number = doc.number || doc.latinNumber;
  if (!number) return;
  const code = (doc.typeCode ?? '').toLowerCase();
  const isPassport = code === 'passport' || /passport/i.test(doc.typeDescription ?? '');
  const at = doc.locator ? { locator: doc.locator } : {};
  const document = drafts.entity(makeEntityId(dataset, logicalId, isPassport ? 'passport' : 'identification', n), isPassport ? 'Passport' : 'Identification');
  document
    .add('holder', holder.id, at)
    .add('number', number, at)
    .add('type', doc.typeDescription ?? doc.typeCode, at)
    .add('country', doc.country, at)
    .add('authority', doc.issuedBy, at)
    .add('startDate', isoDate(doc.issueDate) ?? isoDate(doc.validFrom), at)
    .add('endDate', isoDate(doc.validTo), at);
  if (doc.latinNumber && doc.latinNumber !== number) document.add('number', doc.latinNumber, at);
  for (const note of doc.notes) document.add('description', note, at);
  holder.addIfAllowed(isPassport ? 'passportNumber' : (HOLDER_PROPS[code] ?? 'idNumber'), number, at);
}
