// OFAC SDN Advanced XML (`sdn_advanced.xml`), the format OFAC recommends. Everything in it is
// coded against reference values, and the file runs in a fixed order (per its XSD):
//   DateOfIssue, ReferenceValueSets, Locations, IDRegDocuments, DistinctParties,
//   ProfileRelationships, SanctionsEntries, SanctionsEntryLinks.
// One streaming pass. The sections before the parties are kept as compact maps; each party is
// emitted as soon as it is read (same entities as the CSV parser makes, see xml-common.ts);
// a party's Sanction and program ids follow when its SanctionsEntry is read; relationships are
// held back (a few thousand small records) and emitted last, dated by their entry's listing.
import { basename } from 'node:path';
import { SourceError } from '../../model/errors.ts';
import type { StatementDraft } from '../../model/statement.ts';
import { makeEntityId } from '../../model/entity.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { logicalName } from '../io.ts';
import { child, childText, children, descend, streamXmlRecords, textOf, type XmlElement } from '../xml.ts';
import { EntityDraft, OFAC_LICENCE, OFAC_PUBLISHER, SDN_PROVISION, consolidatedProvisions, flattenBatches, ofacProgramId, ofacSanction } from './common.ts';
import { OFAC_SDN_DATASET, buildOfacEntry, documentRemark, ofacDateText, type OfacAddress, type OfacEntryInput, type OfacName, type OfacVessel } from './xml-common.ts';
import { ChildIds, NameIndex, linkEntity, type LinkScope, type PendingLink } from './references.ts';
import { relationFor } from './xml-relations.ts';

/** Namespaces of the format: the XSD's own and the one OFAC's list service writes since 2024. */
export const SDN_ADVANCED_NAMESPACES = [
  'http://www.un.org/sanctions/1.0',
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML',
];

export const ofacSdnAdvancedXml: SourceParser = {
  format: 'ofac-sdn-advanced-xml',
  defaultDataset: OFAC_SDN_DATASET,
  title: 'OFAC Specially Designated Nationals (SDN) list, Advanced XML',
  publisher: OFAC_PUBLISHER,
  licence: OFAC_LICENCE,
  officialUrls: { 'sdn_advanced.xml': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML' },
  detect(_fileName, head) {
    return /<Sanctions[\s>]/.test(head) && SDN_ADVANCED_NAMESPACES.some((ns) => head.includes(ns));
  },
  parse(files, ctx) {
    return flattenBatches(parseAdvanced(files, ctx));
  },
};

interface RefValue {
  text: string;
  attrs: Record<string, string>;
}
type Refs = (set: string, id: string | undefined) => RefValue | undefined;

interface LocationInfo extends OfacAddress {
  /** Country name only, for features that point at a country ("Nationality Country"). */
  countryName?: string;
}
interface DocInfo {
  id: number;
  remark: string;
}
interface PartyInfo {
  schema: string;
  /** Primary name, for the relationship descriptions the CSV writes ("Linked To: NAME"). */
  name: string;
  locator: string;
  /** Designation details found among the party's features, used when its entry comes. */
  provisions: string[];
  programUrl: string[];
  entries: number;
}
interface PendingRelation {
  id: number;
  from: string;
  to: string;
  type: string;
  former: boolean;
  entryId?: string;
  start?: string;
  end?: string;
  comment?: string;
  locator: string;
}

/** Statements in batches (one per party or entry): cheaper than one async step per statement. */
async function* parseAdvanced(files: string[], ctx: ParseContext): AsyncGenerator<StatementDraft[]> {
  for (const path of files) yield* parseFile(path, ctx);
}

async function* parseFile(path: string, ctx: ParseContext): AsyncGenerator<StatementDraft[]> {
  const file = logicalName(path);
  const ds = ctx.dataset;
  const refSets = new Map<string, Map<string, RefValue>>(); // AliasType → ID → value
  const locations = new Map<string, LocationInfo>();
  const docsByIdentity = new Map<string, DocInfo[]>();
  const parties = new Map<string, PartyInfo>(); // profile ID (= the CSV's ent_num) → party
  const names = new NameIndex();
  const remarkLinks: PendingLink[] = [];
  const relations: PendingRelation[] = [];
  const listingDates = new Map<string, string>(); // SanctionsEntry ID → listing date
  const warned = new Set<string>();

  const ref: Refs = (set, id) => {
    if (id === undefined) return undefined;
    const value = refSets.get(set)?.get(id);
    if (!value && !warned.has(`${set}:${id}`)) {
      warned.add(`${set}:${id}`);
      ctx.warn(`${file}: unknown ${set} ID ${id}`);
    }
    return value;
  };

  const records = streamXmlRecords(path, {
    fileName: basename(path),
    root: { name: 'Sanctions', namespaces: SDN_ADVANCED_NAMESPACES, kind: 'an OFAC SDN Advanced XML file' },
    records: (p) => (p.length === 2 && p[1] === 'DateOfIssue') || (p.length === 3 && SECTIONS.has(p[1])),
  });

  for await (const el of records) {
    const locator = `${file}:${el.line}`;
    switch (el.name) {
      case 'DateOfIssue': {
        const date = pointOf(el);
        if (date) ctx.published(date);
        break;
      }
      case 'Location':
        locations.set(el.attrs.ID, readLocation(el, ref));
        break;
      case 'IDRegDocument': {
        const doc = readDocument(el, ref);
        if (!doc) break;
        const list = docsByIdentity.get(el.attrs.IdentityID);
        if (list) list.push(doc);
        else docsByIdentity.set(el.attrs.IdentityID, [doc]);
        break;
      }
      case 'DistinctParty': {
        const input = readParty(el, file, ref, locations, docsByIdentity, ctx);
        if (parties.has(input.uid)) throw new SourceError(file, `duplicate DistinctParty profile ${input.uid}`, el.line, input.uid);
        let built;
        try {
          built = buildOfacEntry(ds, input, { locator }, false);
        } catch (e) {
          throw new SourceError(file, (e as Error).message, el.line, input.uid);
        }
        for (const w of built.warnings) ctx.warn(`${locator} (profile ${input.uid}): ${w}`);
        const schema = built.target.schema;
        parties.set(input.uid, { schema, name: input.names.find((n) => n.prop === 'name')!.value, locator, ...built.sanctionDetails, entries: 0 });
        for (const n of input.names) names.addName(input.uid, n.prop, n.value);
        for (const link of built.links) remarkLinks.push({ uid: input.uid, schema, link, locator });
        const batch = [...built.target.statements()];
        for (const d of built.documents) batch.push(...d.statements());
        yield batch;
        break;
      }
      case 'ProfileRelationship':
        relations.push({
          id: Number(el.attrs.ID),
          from: el.attrs['From-ProfileID'],
          to: el.attrs['To-ProfileID'],
          type: ref('RelationType', el.attrs.RelationTypeID)?.text ?? 'Related to',
          former: el.attrs.Former === 'true',
          entryId: el.attrs.SanctionsEntryID,
          ...periodBounds(child(el, 'DatePeriod')),
          comment: childText(el, 'Comment'),
          locator,
        });
        break;
      case 'SanctionsEntry': {
        const party = parties.get(el.attrs.ProfileID);
        if (!party) throw new SourceError(file, `SanctionsEntry ${el.attrs.ID} refers to profile ${el.attrs.ProfileID}, which is not in the file`, el.line, el.attrs.ID);
        const entry = readSanctionsEntry(el, el.attrs.ProfileID, party, ref, ds, locator);
        names.addPrograms(el.attrs.ProfileID, entry.programs);
        if (entry.listingDate) listingDates.set(el.attrs.ID, entry.listingDate);
        yield entry.statements;
        break;
      }
      default:
        // A reference value set: <AliasTypeValues><AliasType ID="1400">A.K.A.</AliasType>...
        if (el.name.endsWith('Values')) {
          const set = new Map<string, RefValue>();
          for (const v of el.children) if (v.attrs.ID !== undefined) set.set(v.attrs.ID, { text: textOf(v), attrs: v.attrs });
          refSets.set(el.name.slice(0, -'Values'.length), set);
        }
    }
  }
  if (parties.size === 0) throw new SourceError(file, 'the list has no <DistinctParty> records (empty or not an SDN list)');

  // Every party is on some list; one no entry covered still gets its Sanction.
  for (const [uid, party] of parties) {
    if (party.entries > 0) continue;
    yield [...ofacSanction(ds, uid, makeEntityId(ds, uid), [], [SDN_PROVISION, ...party.provisions], { locator: party.locator }).statements()];
  }
  // Links found among the features (aircraft operators, vessel owners), resolved by name.
  const ids = new Map<string, ChildIds>();
  const idsOf = (uid: string): ChildIds => {
    let c = ids.get(uid);
    if (!c) ids.set(uid, (c = new ChildIds(ds, uid)));
    return c;
  };
  const scope: LinkScope = { dataset: ds, names, schemaOf: (u) => parties.get(u)?.schema, warn: (m) => ctx.warn(m), uidLabel: 'uid', listName: 'the list' };
  for (const p of remarkLinks) {
    const rel = linkEntity(scope, p, idsOf(p.uid));
    if (rel) yield [...rel.statements()];
  }
  yield [...relationStatements(ds, relations, parties, listingDates, idsOf, ctx)];
}

const SECTIONS = new Set(['ReferenceValueSets', 'Locations', 'IDRegDocuments', 'DistinctParties', 'ProfileRelationships', 'SanctionsEntries']);

// ---------- dates ----------

function pointOf(el: XmlElement | undefined): string | undefined {
  const y = childText(el, 'Year');
  if (!y || !/^\d{4}$/.test(y)) return undefined;
  const m = childText(el, 'Month');
  const d = childText(el, 'Day');
  if (!m) return y;
  return d ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : `${y}-${m.padStart(2, '0')}`;
}

/** Earliest start and latest end of a DatePeriod. */
function periodBounds(period: XmlElement | undefined): { start?: string; end?: string } {
  if (!period) return {};
  const start = pointOf(descend(period, 'Start', 'From')) ?? pointOf(descend(period, 'Start', 'To'));
  const end = pointOf(descend(period, 'End', 'To')) ?? pointOf(descend(period, 'End', 'From'));
  return { start, end };
}

/**
 * A DatePeriod in OFAC's remark style: `01 Jun 1961`, or `01 Jan 1951 to 31 Dec 1953` for a
 * range (which `parseRemarks` turns into years or a month as for the CSV), `circa` when approximate.
 */
function periodText(period: XmlElement | undefined): string | undefined {
  const { start, end } = periodBounds(period);
  const first = start ?? end;
  if (!first) return undefined;
  const approx = descend(period, 'Start')?.attrs.Approximate === 'true' ? 'circa ' : '';
  if (!end || !start || start === end) return approx + ofacDateText(first);
  return `${approx}${ofacDateText(start)} to ${ofacDateText(end)}`;
}

// ---------- sections read before the parties ----------

function readLocation(el: XmlElement, ref: Refs): LocationInfo {
  const byType = new Map<string, string[]>();
  for (const part of children(el, 'LocationPart')) {
    const type = (ref('LocPartType', part.attrs.LocPartTypeID)?.text ?? '').toUpperCase();
    const values = children(part, 'LocationPartValue');
    const value = childText(values.find((v) => v.attrs.Primary === 'true') ?? values[0], 'Value');
    if (!value) continue;
    const list = byType.get(type);
    if (list) list.push(value);
    else byType.set(type, [value]);
  }
  const take = (...types: string[]) => types.flatMap((t) => byType.get(t) ?? []);
  // As the CSV's columns: street lines; "City, State Postal"; the country.
  const street = take('ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'UNKNOWN').join(', ');
  const cityState = take('CITY', 'STATE/PROVINCE', 'REGION').join(', ');
  const city = [cityState, ...take('POSTAL CODE')].filter(Boolean).join(' ');
  const countryName = ref('Country', child(el, 'LocationCountry')?.attrs.CountryID)?.text;
  return { address: street || undefined, city: city || undefined, country: countryName, countryName };
}

function readDocument(el: XmlElement, ref: Refs): DocInfo | undefined {
  const type = ref('IDRegDocType', el.attrs.IDRegDocTypeID)?.text;
  const number = childText(el, 'IDRegistrationNo');
  if (!type || !number) return undefined;
  let issued: string | undefined;
  let expires: string | undefined;
  for (const date of children(el, 'DocumentDate')) {
    const kind = (ref('IDRegDocDateType', date.attrs.IDRegDocDateTypeID)?.text ?? '').toLowerCase();
    const text = periodText(child(date, 'DatePeriod'));
    if (kind.includes('issue')) issued = text;
    else if (kind.includes('expir')) expires = text;
  }
  const country = ref('Country', el.attrs['IssuedBy-CountryID'])?.text;
  return { id: Number(el.attrs.ID), remark: documentRemark(type, number, country, issued, expires) };
}

// ---------- parties ----------

/** Scripts whose names are written without spaces between the parts. */
const UNSPACED_SCRIPTS = new Set(['hangul', 'korean', 'han', 'chinese', 'japanese', 'kanji']);

/** How each feature type reaches the entry: a remark label, a vessel column, or an address. */
const FEATURE_REMARK: Record<string, string> = {
  birthdate: 'DOB',
  'place of birth': 'POB',
  'nationality country': 'nationality',
  'citizenship country': 'citizen',
};
const FEATURE_VESSEL: Record<string, keyof OfacVessel> = {
  'vessel call sign': 'callSign',
  'vessel type': 'type',
  'vessel tonnage': 'tonnage',
  'vessel gross registered tonnage': 'grossRegisteredTonnage',
  'vessel flag': 'flag',
  'vessel owner': 'owner',
};
const COUNTRY_FEATURE = /country|flag|nationality of registration/i;

function readParty(
  el: XmlElement,
  file: string,
  ref: Refs,
  locations: Map<string, LocationInfo>,
  docsByIdentity: Map<string, DocInfo[]>,
  ctx: ParseContext,
): OfacEntryInput {
  const profile = child(el, 'Profile');
  const uid = profile?.attrs.ID ?? el.attrs.FixedRef;
  if (!profile || !uid) throw new SourceError(file, 'DistinctParty without a Profile', el.line, el.attrs.FixedRef);
  const subType = ref('PartySubType', profile.attrs.PartySubTypeID);
  if (!subType) throw new SourceError(file, `unknown PartySubTypeID ${profile.attrs.PartySubTypeID}`, el.line, uid);
  const sub = subType.text.toLowerCase();
  const type = sub === 'vessel' || sub === 'aircraft' ? sub : (ref('PartyType', subType.attrs.PartyTypeID)?.text ?? 'Entity');

  const identities = children(profile, 'Identity').sort((a, b) => Number(b.attrs.Primary === 'true') - Number(a.attrs.Primary === 'true'));
  const names: OfacName[] = [];
  for (const identity of identities) names.push(...identityNames(identity, ref));
  if (!names.some((n) => n.prop === 'name')) throw new SourceError(file, `profile ${uid} has no primary name`, el.line, uid);

  const parts: string[] = [];
  const addresses: OfacAddress[] = [];
  const vessel: OfacVessel = {};
  for (const feature of children(profile, 'Feature')) {
    const typeName = ref('FeatureType', feature.attrs.FeatureTypeID)?.text;
    if (!typeName) continue;
    const key = typeName.trim().toLowerCase();
    for (const version of children(feature, 'FeatureVersion')) {
      if (key === 'location') {
        for (const vl of children(version, 'VersionLocation')) {
          const loc = locations.get(vl.attrs.LocationID);
          if (loc) addresses.push(loc);
          else ctx.warn(`${file}:${el.line}: profile ${uid} refers to unknown Location ${vl.attrs.LocationID}`);
        }
        continue;
      }
      for (const value of featureValues(version, typeName, ref, locations)) {
        const column = FEATURE_VESSEL[key];
        if (column) vessel[column] ??= value;
        else parts.push(`${FEATURE_REMARK[key] ?? typeName.trim()} ${value}`);
      }
    }
  }
  // Documents by ascending ID, the order the CSV's remarks list them.
  const docs = identities.flatMap((i) => docsByIdentity.get(i.attrs.ID) ?? []).sort((a, b) => a.id - b.id);
  for (const doc of docs) parts.push(doc.remark);
  for (const identity of identities) docsByIdentity.delete(identity.attrs.ID);
  for (const comment of [...children(el, 'Comment'), ...children(profile, 'Comment')]) {
    const text = textOf(comment);
    if (text) parts.push(text);
  }
  return {
    uid,
    type,
    names,
    programs: [],
    remarkParts: parts,
    addresses,
    vessel: Object.keys(vessel).length > 0 ? vessel : undefined,
  };
}

/** The values of one FeatureVersion as text: dates OFAC-style, lookups decoded, places by name. */
function featureValues(version: XmlElement, typeName: string, ref: Refs, locations: Map<string, LocationInfo>): string[] {
  const values: string[] = [];
  for (const period of children(version, 'DatePeriod')) {
    const text = periodText(period);
    if (text) values.push(text);
  }
  for (const detail of children(version, 'VersionDetail')) {
    const text = textOf(detail) || ref('DetailReference', detail.attrs.DetailReferenceID)?.text;
    if (text) values.push(text);
  }
  for (const vl of children(version, 'VersionLocation')) {
    const loc = locations.get(vl.attrs.LocationID);
    if (!loc) continue;
    const text = COUNTRY_FEATURE.test(typeName) ? loc.countryName : [loc.address, loc.city, loc.countryName].filter(Boolean).join(', ');
    if (text) values.push(text);
  }
  return values;
}

/**
 * Names of an identity: the primary alias's Latin name is `name` ("LAST, First Middle" as the
 * CSV writes it); other scripts are aliases; LowQuality aliases are weak, F.K.A. previous names.
 */
function identityNames(identity: XmlElement, ref: Refs): OfacName[] {
  const groupTypes = new Map<string, string>();
  for (const master of children(child(identity, 'NamePartGroups'), 'MasterNamePartGroup')) {
    for (const group of children(master, 'NamePartGroup')) {
      groupTypes.set(group.attrs.ID, (ref('NamePartType', group.attrs.NamePartTypeID)?.text ?? '').toLowerCase());
    }
  }
  const primaryIdentity = identity.attrs.Primary === 'true' && identity.attrs.False !== 'true';
  const aliases = children(identity, 'Alias').sort((a, b) => Number(b.attrs.Primary === 'true') - Number(a.attrs.Primary === 'true'));
  const out: OfacName[] = [];
  for (const alias of aliases) {
    const aliasType = (ref('AliasType', alias.attrs.AliasTypeID)?.text ?? '').toLowerCase();
    const primary = primaryIdentity && alias.attrs.Primary === 'true';
    const documented = children(alias, 'DocumentedName')
      .map((dn) => documentedName(dn, groupTypes, ref))
      .sort((a, b) => Number(b.latin) - Number(a.latin));
    for (const name of documented) {
      if (!name.text) continue;
      let prop: OfacName['prop'];
      if (alias.attrs.LowQuality === 'true') prop = 'weakAlias';
      else if (aliasType.startsWith('f.k.a')) prop = 'previousName';
      else if (primary && name.latin && !out.some((n) => n.prop === 'name')) prop = 'name';
      else prop = 'alias';
      out.push({ prop, value: name.text });
    }
  }
  return out;
}

function documentedName(dn: XmlElement, groupTypes: Map<string, string>, ref: Refs): { text: string; latin: boolean } {
  const parts: [string, string][] = [];
  let script = '';
  for (const part of children(dn, 'DocumentedNamePart')) {
    const value = child(part, 'NamePartValue');
    const text = textOf(value);
    if (!value || !text) continue;
    script ||= (ref('Script', value.attrs.ScriptID)?.text ?? '').toLowerCase();
    parts.push([groupTypes.get(value.attrs.NamePartGroupID) ?? '', text]);
  }
  const latin = script === '' || script === 'latin';
  if (!latin) return { text: parts.map(([, v]) => v).join(UNSPACED_SCRIPTS.has(script) ? '' : ' '), latin };
  const last = parts.filter(([t]) => t === 'last name').map(([, v]) => v);
  const rest = parts.filter(([t]) => t !== 'last name').map(([, v]) => v);
  const text = last.length > 0 && rest.length > 0 ? `${last.join(' ')}, ${rest.join(' ')}` : parts.map(([, v]) => v).join(' ');
  return { text, latin };
}

// ---------- after the parties ----------

function readSanctionsEntry(el: XmlElement, uid: string, party: PartyInfo, ref: Refs, ds: string, locator: string): { statements: StatementDraft[]; listingDate?: string; programs: string[] } {
  const events = children(el, 'EntryEvent')
    .map((e) => ({ type: (ref('EntryEventType', e.attrs.EntryEventTypeID)?.text ?? '').toLowerCase(), date: pointOf(child(e, 'Date')), basis: ref('LegalBasis', e.attrs.LegalBasisID)?.text }))
    .filter((e): e is { type: string; date: string; basis: string | undefined } => e.date !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date));
  const created = events.find((e) => e.type.includes('creat')) ?? events[0];
  const listingDate = created?.date;

  const programs: string[] = [];
  const measures: string[] = [];
  for (const measure of children(el, 'SanctionsMeasure')) {
    const type = ref('SanctionsType', measure.attrs.SanctionsTypeID)?.text ?? '';
    const comment = childText(measure, 'Comment');
    if (type.toLowerCase() === 'program') {
      if (comment && !programs.includes(comment)) programs.push(comment);
    } else if (type && type.toLowerCase() !== 'block') measures.push(comment ? `${type}: ${comment}` : type);
  }
  const list = ref('List', el.attrs.ListID)?.text;
  const sdn = !list || /^sdn/i.test(list);
  const provisions = [...(sdn ? [SDN_PROVISION] : consolidatedProvisions(programs)), ...party.provisions, ...measures];
  const targetId = makeEntityId(ds, uid);
  // A party's first entry is "the" sanction, as in the CSV; another list's entry gets its own.
  const id = party.entries === 0 ? undefined : makeEntityId(ds, uid, 'sanction', el.attrs.ID);
  party.entries++;
  const draft = ofacSanction(ds, uid, targetId, programs, provisions, { locator, claimDate: listingDate ?? null }, id);
  for (const url of party.programUrl) draft.add('programUrl', url);
  draft.add('listingDate', listingDate);
  draft.add('startDate', listingDate);
  const last = events[events.length - 1];
  if (last && last !== created) draft.add('modifiedAt', last.date);
  // The legal basis of each listing event (an Executive Order) is part of what the listing imposes.
  for (const e of events) draft.add('provisions', e.basis);
  if (list && !sdn) draft.add('description', list);
  draft.add('summary', childText(el, 'LimitationsToListing'));
  for (const info of children(el, 'SupportingInfo')) draft.add('notes', childText(info, 'Text'));

  // The target's program ids: known only now, added to the entity emitted earlier.
  const statements = [...draft.statements()];
  for (const p of programs) {
    statements.push({ entityId: targetId, schema: party.schema, prop: 'programId', value: ofacProgramId(p), locator, claimDate: listingDate ?? null, evidenceGrade: 'official' });
  }
  return { statements, listingDate, programs };
}

/**
 * ProfileRelationships as FtM relationships, with the CSV's ids for its `Linked To` references
 * (`<dataset>-<from uid>-link-<to uid>`), so the same link keeps its id across the formats.
 */
function* relationStatements(
  ds: string,
  relations: PendingRelation[],
  parties: Map<string, PartyInfo>,
  listingDates: Map<string, string>,
  idsOf: (uid: string) => ChildIds,
  ctx: ParseContext,
): Generator<StatementDraft> {
  relations.sort((a, b) => a.id - b.id);
  for (const rel of relations) {
    const from = parties.get(rel.from);
    const to = parties.get(rel.to);
    if (!from || !to) {
      ctx.warn(`${rel.locator}: relationship ${rel.id} (${rel.type}) refers to profile ${from ? rel.to : rel.from}, which is not in the file; skipped`);
      continue;
    }
    const shape = relationFor(rel.type, from.schema, to.schema);
    const link = new EntityDraft(idsOf(rel.from).next('link', rel.to), shape.schema, {
      locator: rel.locator,
      claimDate: rel.entryId ? (listingDates.get(rel.entryId) ?? null) : null,
    });
    link.add(shape.fromProp, makeEntityId(ds, rel.from));
    link.add(shape.toProp, makeEntityId(ds, rel.to));
    link.add(link.accepts('role') ? 'role' : 'relationship', rel.type);
    link.add('startDate', rel.start);
    link.add('endDate', rel.end);
    if (rel.former) link.add(link.accepts('status') ? 'status' : 'description', 'former');
    link.add('description', `${rel.type}: ${to.name}`);
    link.add('description', rel.comment);
    yield* link.statements();
  }
}
