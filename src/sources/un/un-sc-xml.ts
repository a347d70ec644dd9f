// The UN Security Council consolidated list (CONSOLIDATED_LIST XML, per the UN's sc-sanctions.xsd).
//
// Each INDIVIDUAL becomes a Person, each ENTITY an Organization: the UN list does not say whether an
// entity is a company, a bank, an armed group or a charity, so we use FtM's Organization (which
// screening matches against Company and LegalEntity queries alike) rather than guess from the
// name. The entry's id is its REFERENCE_NUMBER (`un_sc_sanctions:KPi.066`); its designation is a
// Sanction (unscId = the reference number). References to other entries in COMMENTS1 become
// relationships (see associations.ts), emitted after the whole file set is read so that forward
// references resolve.
import { SourceError } from '../../model/errors.ts';
import { makeEntityId, SANCTION_TOPIC } from '../../model/entity.ts';
import type { StatementDraft } from '../../model/statement.ts';
import { countryCode } from '../countries.ts';
import { logicalName } from '../io.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { child, childText, children, streamXmlRecords, textOf, type XmlElement } from '../xml.ts';
import { linkShape, referencesIn, type ReferenceInText } from './associations.ts';
import { EntityDraft, RecordDrafts, isoDate, joinParts, textDate, yearRange } from '../drafts.ts';
import { unRegime } from './regimes.ts';
import { scriptLanguage } from '../script.ts';

const AUTHORITY = 'United Nations Security Council';
const SOURCE_URL = 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list';

interface PendingLinks {
  subjectRef: string;
  subjectId: string;
  locator: string;
  claimDate?: string;
  refs: ReferenceInText[];
}

export const unScXml: SourceParser = {
  format: 'un-sc-xml',
  defaultDataset: 'un_sc_sanctions',
  title: 'UN Security Council Consolidated List',
  publisher: 'United Nations Security Council',
  licence: 'UN website terms of use (published for public use; no open licence)',
  officialUrls: { 'consolidated.xml': 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' },

  detect(fileName, head) {
    return /\.xml$/i.test(logicalName(fileName)) && /<CONSOLIDATED_LIST[\s>]/.test(head);
  },

  async *parse(files, ctx) {
    const seen = new Map<string, string>(); // reference number -> "<file>:<line>"
    const pending: PendingLinks[] = [];
    for (const path of files) {
      const file = logicalName(path);
      let count = 0;
      const records = streamXmlRecords(path, {
        fileName: file,
        root: { name: 'CONSOLIDATED_LIST', kind: 'a UN consolidated list' },
        records: (p) => p.length === 3 && ((p[1] === 'INDIVIDUALS' && p[2] === 'INDIVIDUAL') || (p[1] === 'ENTITIES' && p[2] === 'ENTITY')),
        onRoot: (root) => {
          const date = isoDate(root.attrs.dateGenerated);
          if (date) ctx.published(date);
        },
      });
      for await (const el of records) {
        count++;
        const ref = childText(el, 'REFERENCE_NUMBER');
        if (!ref) throw new SourceError(file, `entry without REFERENCE_NUMBER (DATAID ${childText(el, 'DATAID') ?? '?'})`, el.line, childText(el, 'DATAID'));
        const previous = seen.get(ref);
        if (previous) throw new SourceError(file, `duplicate reference number ${ref} (first at ${previous})`, el.line, ref);
        seen.set(ref, `${file}:${el.line}`);
        const { statements, links } = parseEntry(el, ref, file, ctx);
        if (links) pending.push(links);
        yield* statements;
      }
      if (count === 0) throw new SourceError(file, 'the list has no entries (no INDIVIDUAL or ENTITY): refusing to import an empty list');
    }
    for (const links of pending) yield* linkStatements(links, seen, ctx);
  },
};

function parseEntry(el: XmlElement, ref: string, file: string, ctx: ParseContext): { statements: StatementDraft[]; links?: PendingLinks } {
  const isPerson = el.name === 'INDIVIDUAL';
  const ds = ctx.dataset;
  const id = makeEntityId(ds, ref);
  const listedOn = isoDate(childText(el, 'LISTED_ON'));
  const locator = `${file}:${el.line}`;
  const drafts = new RecordDrafts({ locator, claimDate: listedOn });
  const target = drafts.entity(id, isPerson ? 'Person' : 'Organization');
  const at = (e: XmlElement) => ({ locator: `${file}:${e.line}` });

  // Names: the UN's own order of FIRST..FOURTH_NAME is the full name; the original script follows.
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => namePart(childText(el, n)));
  const fullName = parts.filter(Boolean).join(' ');
  if (!fullName) throw new SourceError(file, `entry ${ref} has no name`, el.line, ref);
  target.add('name', fullName);
  const original = childText(el, 'NAME_ORIGINAL_SCRIPT');
  if (original?.includes('\uFFFD')) {
    // The published file itself has replacement characters here (TAi.068 in 2026-02-27).
    ctx.warn(`UN ${ref}: name in original script has lost characters (U+FFFD), skipped: ${original}`);
  } else if (original) {
    target.add('name', original, { lang: scriptLanguage(original) });
  }
  if (isPerson) addNameParts(target, parts, ref);

  const listType = childText(el, 'UN_LIST_TYPE') ?? '';
  const regime = unRegime(listType);
  const comments = childText(el, 'COMMENTS1');
  target.add('topics', SANCTION_TOPIC);
  target.add('program', regime.program);
  target.add('programId', regime.programId);
  target.add('notes', comments);
  target.add('sourceUrl', SOURCE_URL);
  const updated = children(child(el, 'LAST_DAY_UPDATED'), 'VALUE').map((v) => isoDate(textOf(v))).filter((d): d is string => !!d).sort();
  target.add('modifiedAt', updated[updated.length - 1]);

  if (isPerson) {
    for (const v of children(child(el, 'TITLE'), 'VALUE')) target.add('title', textOf(v));
    for (const v of children(child(el, 'DESIGNATION'), 'VALUE')) target.add('position', textOf(v));
    for (const tag of ['NATIONALITY', 'NATIONALITY2']) {
      for (const v of children(child(el, tag), 'VALUE')) addCountry(target, 'nationality', textOf(v), ctx, ref);
    }
    // Older entries state the gender only in the comments ("Gender: male").
    const gender = (childText(el, 'GENDER') ?? /\bgender:\s*(male|female)\b/i.exec(comments ?? '')?.[1])?.toLowerCase();
    if (gender === 'male' || gender === 'female') target.add('gender', gender);
  }

  addAliases(target, children(el, isPerson ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS'), at, ctx, ref);
  for (const a of children(el, isPerson ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS')) {
    const country = childText(a, 'COUNTRY');
    const text = joinParts(childText(a, 'STREET'), childText(a, 'CITY'), childText(a, 'STATE_PROVINCE'), childText(a, 'ZIP_CODE'), country);
    // A bare country is a country, not an address.
    if (text && text !== country) target.add('address', text, at(a));
    addCountry(target, 'country', country, ctx, ref);
  }
  if (isPerson) {
    for (const d of children(el, 'INDIVIDUAL_DATE_OF_BIRTH')) for (const date of birthDates(d)) target.add('birthDate', date, at(d));
    for (const p of children(el, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
      const country = childText(p, 'COUNTRY');
      target.add('birthPlace', joinParts(childText(p, 'CITY'), childText(p, 'STATE_PROVINCE'), country), at(p));
      addCountry(target, 'birthCountry', country, ctx, ref);
    }
    let n = 0;
    for (const doc of children(el, 'INDIVIDUAL_DOCUMENT')) if (childText(doc, 'NUMBER')) addDocument(drafts, target, doc, ref, ++n, at(doc), ctx);
  }

  const sanction = drafts.entity(makeEntityId(ds, ref, 'sanction'), 'Sanction');
  sanction
    .add('entity', id)
    .add('authority', AUTHORITY)
    .add('authorityId', ref)
    .add('unscId', ref)
    .add('program', regime.program)
    .add('programId', regime.programId)
    .add('provisions', isPerson ? regime.individuals : regime.entities)
    .add('listingDate', listedOn)
    .add('startDate', listedOn)
    .add('endDate', isoDate(childText(el, 'DELISTED_ON')))
    .add('reason', comments)
    .add('recordId', childText(el, 'DATAID'))
    .add('modifiedAt', updated[updated.length - 1])
    .add('sourceUrl', SOURCE_URL);

  const refs = comments ? referencesIn(comments, ref) : [];
  return {
    statements: drafts.statements,
    links: refs.length ? { subjectRef: ref, subjectId: id, locator, claimDate: listedOn, refs } : undefined,
  };
}

/** A name field, with the list's placeholders for "none" (`na`, `n/a`, `-`) dropped. */
function namePart(text: string | undefined): string {
  return !text || /^(n\/?a|-+)$/i.test(text) ? '' : text;
}

/**
 * firstName/lastName where the order is known: DPRK entries write the family name first (KIM /
 * JONG SIK); elsewhere FIRST_NAME is the given name and the last field the family name.
 */
function addNameParts(target: EntityDraft, parts: string[], ref: string): void {
  const given = parts.filter(Boolean);
  if (given.length < 2) return;
  if (ref.startsWith('KP')) {
    target.add('lastName', given[0]).add('firstName', given.slice(1).join(' '));
    return;
  }
  target.add('firstName', given[0]).add('lastName', given[given.length - 1]);
  if (given.length >= 3) target.add('secondName', given[1]);
  if (given.length === 4) target.add('middleName', given[2]);
}

function addAliases(target: EntityDraft, aliases: XmlElement[], at: (e: XmlElement) => { locator: string }, ctx: ParseContext, ref: string): void {
  for (const a of aliases) {
    // `"KOMID"`: quotes around a whole alias are the list's typography, not part of the name.
    const name = childText(a, 'ALIAS_NAME')?.replace(/^["“”]\s*(.*?)\s*["“”]$/, '$1');
    if (!name) continue;
    const quality = (childText(a, 'QUALITY') ?? '').toLowerCase();
    const prop = quality === 'low' ? 'weakAlias' : quality === 'f.k.a.' ? 'previousName' : 'alias';
    const lang = scriptLanguage(name);
    target.add(prop, name, { ...at(a), lang });
    // An alias can carry the birth data of that identity.
    if (target.schema === 'Person') {
      target.add('birthDate', isoDate(childText(a, 'DATE_OF_BIRTH')), at(a));
      const country = childText(a, 'COUNTRY_OF_BIRTH');
      target.add('birthPlace', joinParts(childText(a, 'CITY_OF_BIRTH'), country), at(a));
      addCountry(target, 'birthCountry', country, ctx, ref);
    }
    const note = childText(a, 'NOTE');
    if (note) target.add('notes', `${name}: ${note}`, at(a));
  }
}

/** Birth dates of one INDIVIDUAL_DATE_OF_BIRTH: EXACT/APPROXIMATELY a date or year; BETWEEN a year range. */
function birthDates(d: XmlElement): string[] {
  const type = (childText(d, 'TYPE_OF_DATE') ?? '').toUpperCase();
  if (type === 'BETWEEN') {
    return yearRange(Number(childText(d, 'FROM_YEAR')), Number(childText(d, 'TO_YEAR')));
  }
  const date = isoDate(childText(d, 'DATE')) ?? isoDate(childText(d, 'YEAR'));
  return date ? [date] : [];
}

const PASSPORT = /pass(port|eport|aporte)/i;

/** A Passport or Identification entity for one INDIVIDUAL_DOCUMENT, and the number on the holder. */
function addDocument(
  drafts: RecordDrafts,
  holder: EntityDraft,
  doc: XmlElement,
  ref: string,
  n: number,
  where: { locator: string },
  ctx: ParseContext,
): void {
  const number = childText(doc, 'NUMBER') ?? '';
  const type = childText(doc, 'TYPE_OF_DOCUMENT') ?? '';
  const detail = childText(doc, 'TYPE_OF_DOCUMENT2');
  const isPassport = PASSPORT.test(type) || (!type && PASSPORT.test(detail ?? ''));
  const ds = ctx.dataset;
  const country = childText(doc, 'ISSUING_COUNTRY') ?? childText(doc, 'COUNTRY_OF_ISSUE');
  const note = childText(doc, 'NOTE');
  const expires = note && /expir/i.test(note) ? textDate(note.slice(note.search(/expir/i))) : undefined;
  const document = drafts.entity(makeEntityId(ds, ref, isPassport ? 'passport' : 'identification', n), isPassport ? 'Passport' : 'Identification');
  document
    .add('holder', holder.id, where)
    .add('number', number, where)
    .add('type', joinParts(type, detail), where)
    .add('startDate', isoDate(childText(doc, 'DATE_OF_ISSUE')), where)
    .add('endDate', expires, where)
    .add('description', joinParts(childText(doc, 'CITY_OF_ISSUE') && `issued in ${childText(doc, 'CITY_OF_ISSUE')}`, note), where);
  addCountry(document, 'country', country, ctx, ref, where);
  holder.add(isPassport ? 'passportNumber' : 'idNumber', number, where);
}

function addCountry(entity: EntityDraft, prop: string, name: string | undefined, ctx: ParseContext, ref: string, where?: { locator: string }): void {
  if (!name || /^(n\/?a|unknown)$/i.test(name.trim())) return;
  const code = countryCode(name);
  if (code) entity.add(prop, code, { ...where, originalValue: name });
  else ctx.warn(`UN ${ref}: unknown country "${name}" (${prop})`);
}

/** Relationship entities for one entry's comment references, once every entry is known. */
function* linkStatements(p: PendingLinks, seen: Map<string, string>, ctx: ParseContext): Generator<StatementDraft> {
  const ds = ctx.dataset;
  const drafts = new RecordDrafts({ locator: p.locator, claimDate: p.claimDate });
  const made = new Map<string, EntityDraft>(); // one link per (target, schema)
  let n = 0;
  for (const found of p.refs) {
    const resolved = seen.has(found.ref);
    const shape = resolved ? linkShape(p.subjectRef, found) : undefined;
    const schema = shape?.schema ?? 'UnknownLink';
    const key = `${found.ref}\u0000${schema}`;
    let link = made.get(key);
    if (!link) {
      link = drafts.entity(makeEntityId(ds, p.subjectRef, 'link', ++n), schema);
      made.set(key, link);
      if (shape) {
        link.add(shape.subjectProp, p.subjectId).add(shape.objectProp, makeEntityId(ds, found.ref));
        if (shape.qualifier) link.add(shape.qualifier.prop, shape.qualifier.value);
      } else {
        link.add('subject', p.subjectId);
        ctx.warn(`UN ${p.subjectRef}: comment refers to ${found.ref}, which is not in the list; kept as text`);
      }
    }
    link.add('description', found.sentence);
    if (!resolved) link.add('summary', `unresolved reference ${found.ref}`);
  }
  yield* drafts.statements;
}
