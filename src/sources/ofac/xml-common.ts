// Shared by the two OFAC XML parsers (classic sdn.xml and SDN Advanced). OFAC writes its legacy
// CSV remarks from the same records the XML files hold ("DOB 01 Jun 1961; Passport BD3843329
// (Slovakia) expires 08 Apr 2029; Secondary sanctions risk: ..."). So the XML parsers render each
// structured fact in that remark style and hand it to the CSV parser's `parseRemarks`: the same
// facts then become the same FtM properties, schema refinements and documents as from the CSV, and
// a user moving from CSV to XML sees no diff storm. What only the XML has (names in other
// scripts, listing dates, typed relationships) is added on top by each parser.
import { makeEntityId, SANCTION_TOPIC } from '../../model/entity.ts';
import { countryCode } from '../countries.ts';
import { EntityDraft, SDN_PROVISION, documentDrafts, ofacProgramId, ofacSanction, schemaForSdnType, type StatementBase } from './common.ts';
import { ChildIds } from './references.ts';
import { parseRemarks, type RemarkLink } from './remarks.ts';

export const OFAC_SDN_DATASET = 'us_ofac_sdn';

export interface OfacName {
  prop: 'name' | 'alias' | 'weakAlias' | 'previousName';
  value: string;
}

export interface OfacAddress {
  /** Street lines joined with ", " (the CSV's Address column). */
  address?: string;
  /** City, state and postal code as the CSV writes them ("Richardson, TX 75081"). */
  city?: string;
  /** Country name as OFAC writes it. */
  country?: string;
}

/** The legacy CSV's vessel columns; the XML files hold the same values. */
export interface OfacVessel {
  callSign?: string;
  type?: string;
  tonnage?: string;
  grossRegisteredTonnage?: string;
  flag?: string;
  owner?: string;
}

/** One list entry as read from either XML format, before it becomes entities. */
export interface OfacEntryInput {
  uid: string;
  /** OFAC party type: Individual, Entity, Vessel, Aircraft (case-insensitive). */
  type: string;
  /** Names in order; the first `name` is the caption. */
  names: OfacName[];
  /** Program codes (SDGT, RUSSIA-EO14024). Absent in the advanced format until its SanctionsEntry. */
  programs: string[];
  /** Offices (sdn.xml `title`). */
  title?: string;
  /** Facts in OFAC remark style, one per part ("DOB 01 Jun 1961"). */
  remarkParts: string[];
  addresses: OfacAddress[];
  vessel?: OfacVessel;
}

export interface OfacEntryResult {
  target: EntityDraft;
  /** The Sanction (null when the caller builds it later, as the advanced format does). */
  sanction?: EntityDraft;
  /** Passports, identifications and wallets. */
  documents: EntityDraft[];
  /** `Linked To`, aircraft operators and vessel owners, to resolve once every entry is known. */
  links: RemarkLink[];
  /** Designation details found among the facts (provisions, program URLs). */
  sanctionDetails: { provisions: string[]; programUrl: string[] };
  warnings: string[];
}

/**
 * Turn one entry into the entities the CSV parser makes for it: the target (same id, same
 * properties), its Sanction, documents and wallets. Links are returned for later resolution.
 */
export function buildOfacEntry(dataset: string, input: OfacEntryInput, base: StatementBase, withSanction = true): OfacEntryResult {
  const baseSchema = schemaForSdnType(input.type);
  if (!baseSchema) throw new Error(`unknown OFAC party type "${input.type}"`);
  const parsed = parseRemarks(input.remarkParts.join('; '), baseSchema);
  const targetId = makeEntityId(dataset, input.uid);
  const target = new EntityDraft(targetId, parsed.schema, base);
  const note = (text: string) => target.add('notes', text);

  for (const n of input.names) if (n.prop === 'name') target.add('name', n.value);
  for (const n of input.names) if (n.prop !== 'name') target.add(n.prop, n.value);
  target.add('topics', SANCTION_TOPIC);
  for (const p of input.programs) target.add('programId', ofacProgramId(p));

  for (const t of input.title ? input.title.split(/;\s*/) : []) target.addOrNote('position', t.replace(/\.$/, ''), `Title: ${t}`);
  const links: RemarkLink[] = [...parsed.links];
  const v = input.vessel;
  if (v) {
    if (v.callSign) target.addOrNote('callSign', v.callSign, `Call sign: ${v.callSign}`);
    if (v.type) target.addOrNote('type', v.type, `Vessel type: ${v.type}`);
    if (v.tonnage) target.addOrNote('tonnage', v.tonnage.replace(/,/g, ''), `Tonnage: ${v.tonnage}`);
    if (v.grossRegisteredTonnage) target.addOrNote('grossRegisteredTonnage', v.grossRegisteredTonnage.replace(/,/g, ''), `GRT: ${v.grossRegisteredTonnage}`);
    target.addFlag(v.flag);
    if (v.owner) {
      note(`Vessel owner: ${v.owner}`);
      links.push({ name: v.owner, role: 'Vessel Owner', raw: `Vessel owner: ${v.owner}` });
    }
  }
  for (const [prop, values] of Object.entries(parsed.properties)) for (const value of values) target.add(prop, value);

  for (const a of input.addresses) {
    const code = countryCode(a.country);
    // A bare country (most addresses of people) is a country, not an address.
    if (a.address || a.city) target.add('address', [a.address, a.city, a.country].filter((p) => p).join(', '));
    if (code) target.add('country', code);
    else if (a.country && !/^undetermined$/i.test(a.country)) note(`Address country: ${a.country}`);
  }

  let sanction: EntityDraft | undefined;
  if (withSanction) {
    sanction = ofacSanction(dataset, input.uid, targetId, input.programs, [SDN_PROVISION, ...parsed.sanction.provisions], base);
    for (const url of parsed.sanction.programUrl) sanction.add('programUrl', url);
  }

  const ids = new ChildIds(dataset, input.uid);
  const documents = documentDrafts(parsed, target, (kind, key) => ids.next(kind, key), base);
  return { target, sanction, documents, links, sanctionDetails: parsed.sanction, warnings: parsed.warnings };
}

// ---------- OFAC-style text ----------

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ISO date (yyyy, yyyy-mm, yyyy-mm-dd) in OFAC's remark style: `01 Jun 1961`, `Jun 1961`, `1961`. */
export function ofacDateText(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!month) return m[1];
  return m[3] ? `${m[3]} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** An identity document as a remark part: `Passport BD3843329 (Slovakia) issued 01 Jan 2019 expires 08 Apr 2029`. */
export function documentRemark(type: string, number: string, country?: string, issued?: string, expires?: string): string {
  let text = `${type.trim()} ${number.trim()}`;
  if (country) text += ` (${country})`;
  if (issued) text += ` issued ${issued}`;
  if (expires) text += ` expires ${expires}`;
  return text;
}
