// OFAC's legacy CSV sets: the SDN list (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and the
// Consolidated non-SDN list (cons_prim.csv, cons_add.csv, cons_alt.csv, cons_comments.csv).
//
// Layout (OFAC's "dat_spec"): no header; ASCII with CRLF; fields quoted with `"`; `-0-` (often
// followed by a blank) means empty; the last line is a single Ctrl-Z byte. The files join on
// ent_num. Primary: ent_num, SDN_Name, SDN_Type, Program (`] [`-joined), Title, Call_Sign,
// Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks. Addresses: ent_num, add_num, address,
// city/state/postal, country, add_remarks. Aliases: ent_num, alt_num, alt_type (aka/fka/nka),
// alt_name, alt_remarks. Comments: ent_num, the continuation of a remarks field cut at OFAC's
// field length (appended as is: the cut falls mid-word).
//
// Mapping (the same for both lists; ids follow the parser conventions of makeEntityId):
// - entry `<ds>-<ent_num>`: schema from SDN_Type (individual -> Person, vessel -> Vessel,
//   aircraft -> Airplane, empty -> LegalEntity, refined to Company/Organization from the remarks,
//   see parseRemarks); `name` = SDN_Name first; alt.csv aka/nka -> `alias`, fka -> `previousName`
//   (strong); remarks `a.k.a. '...'` -> `weakAlias`; Title -> `position`; vessel columns ->
//   callSign, type, tonnage, grossRegisteredTonnage, flag; add.csv -> `address` (full text) and
//   `country`; `topics` sanction; `programId` per program.
// - `<ds>-<ent_num>-sanction`: Sanction (see ofacSanction) with provisions: SDN -> blocking, plus
//   the remarks' secondary-sanctions and directive texts; Consolidated -> per program.
// - `<ds>-<ent_num>-passport-<number>` / `-identification-<number>`: documents from the remarks.
// - `<ds>-<ent_num>-wallet-<address>`: CryptoWallet for each digital currency address.
// - `<ds>-<ent_num>-link-<other ent_num>`: UnknownLink (subject = this entry, object = the named
//   entry, role "Linked To"); `-operator-<other>` for "Aircraft Operator" (role likewise);
//   `-owner-<other>`: Ownership for a Vess_owner that is an entry. Child ids are keyed by content,
//   not position, so they survive reordering between list versions.
//   A `Linked To:` name that is no entry of the file (or names several) still gets its UnknownLink,
//   with the subject and the raw text in `description` but no object, and a warning.
//
// Reading: every file is read and checked in full before the first statement is yielded, so a
// malformed file fails the import before anything is written. The primary rows (a few MB: OFAC's
// sdn.csv is ~4 MB) are kept, together with the name -> ent_num map that resolves `Linked To:`
// names across the whole file; companion rows are held by ent_num. Statements are then yielded
// entry by entry.
import { SourceError } from '../../model/errors.ts';
import { makeEntityId, SANCTION_TOPIC } from '../../model/entity.ts';
import type { StatementDraft } from '../../model/statement.ts';
import { logicalName, readHead, readLines } from '../io.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { countryCode } from '../countries.ts';
import {
  EntityDraft,
  flattenBatches,
  OFAC_LICENCE,
  OFAC_PUBLISHER,
  SDN_PROVISION,
  consolidatedProvisions,
  documentDrafts,
  ofacProgramId,
  ofacSanction,
  schemaForSdnType,
  splitPrograms,
  type OfacSchema,
} from './common.ts';
import { ChildIds, NameIndex, linkEntity, type LinkScope } from './references.ts';
import { parseRemarks, type RemarkLink } from './remarks.ts';

export type FileRole = 'primary' | 'address' | 'alias' | 'comments';

const FIELD_COUNTS: Record<FileRole, number> = { primary: 12, address: 6, alias: 5, comments: 2 };
const CTRL_Z = '\x1a';

/**
 * One line of OFAC CSV into fields, or undefined when a quote is not closed (a truncated or
 * malformed line). Values are trimmed; `-0-` becomes the empty string.
 */
export function parseCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && line[i] === ' ') i++;
    let value: string;
    if (line[i] === '"') {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return undefined; // unbalanced quote
        out += line.slice(j, q);
        if (line[q + 1] === '"') {
          out += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      while (i < n && line[i] === ' ') i++;
      if (i < n && line[i] !== ',') return undefined; // text after a closing quote
      value = out;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      value = line.slice(i, end);
      if (value.includes('"')) return undefined; // a quote inside an unquoted field
      i = end;
    }
    value = value.trim();
    fields.push(value === '-0-' ? '' : value);
    if (i >= n) break;
    i++; // past the comma
    if (i >= n) {
      fields.push('');
      break;
    }
  }
  return fields;
}

interface CsvRecord {
  fields: string[];
  lineNo: number;
}

/** The records of one OFAC CSV file, validated: field count, numeric ent_num, closed quotes. */
async function* readRecords(path: string, role: FileRole): AsyncGenerator<CsvRecord> {
  const name = logicalName(path);
  const expected = FIELD_COUNTS[role];
  let sawCtrlZ = false;
  let lastLine = 0;
  for await (const { line, lineNo } of readLines(path, 'win1252')) {
    if (line === CTRL_Z || line === '') {
      if (line === CTRL_Z) sawCtrlZ = true;
      continue;
    }
    if (sawCtrlZ) throw new SourceError(name, 'data after the end-of-file mark (Ctrl-Z)', lineNo);
    const fields = parseCsvLine(line);
    if (!fields) throw new SourceError(name, 'malformed CSV line (unbalanced or misplaced quote; truncated file?)', lineNo);
    if (lineNo === 1 && /^ent_num$/i.test(fields[0])) continue; // a header some redistributions add
    if (fields.length !== expected) {
      throw new SourceError(name, `expected ${expected} fields for ${describeRole(role)}, found ${fields.length}`, lineNo);
    }
    if (!/^\d+$/.test(fields[0])) throw new SourceError(name, `ent_num is not a number: "${fields[0]}"`, lineNo);
    lastLine = lineNo;
    yield { fields, lineNo };
  }
  // OFAC ends sdn, add and alt files with Ctrl-Z: a file cut at a line boundary lacks it.
  if (!sawCtrlZ && role !== 'comments' && lastLine > 0) {
    throw new SourceError(name, "no end-of-file mark (Ctrl-Z) after the last record: the file is cut short (OFAC's CSV files end with one)", lastLine);
  }
}

function describeRole(role: FileRole): string {
  return { primary: 'a primary (sdn.csv) record', address: 'an address (add.csv) record', alias: 'an alias (alt.csv) record', comments: 'a comments record' }[role];
}

/** The role of a file from its name, or undefined when the name does not say. */
function roleFromName(fileName: string): FileRole | undefined {
  const n = logicalName(fileName).toLowerCase();
  if (!n.endsWith('.csv')) return undefined;
  if (/comments?\.csv$/.test(n)) return 'comments';
  if (/(?:^|[^a-z])(?:cons_)?add\.csv$/.test(n)) return 'address';
  if (/(?:^|[^a-z])(?:cons_)?alt\.csv$/.test(n)) return 'alias';
  if (/(?:^|[^a-z])(?:sdn|cons_prim|prim)\.csv$/.test(n)) return 'primary';
  return undefined;
}

/** The role of a file from its first line, or undefined when it does not look like OFAC CSV. */
export function roleFromContent(head: string): FileRole | undefined {
  const first = head.split(/\r?\n/).find((l) => l.trim() !== '' && l !== CTRL_Z);
  if (!first) return undefined;
  const fields = parseCsvLine(first);
  if (!fields || !/^\d+$/.test(fields[0])) return undefined;
  if (fields.length === 12) return 'primary';
  if (fields.length === 6) return 'address';
  if (fields.length === 5 && /^(?:aka|fka|nka)$/i.test(fields[2])) return 'alias';
  if (fields.length === 2) return 'comments';
  return undefined;
}

async function fileRole(path: string): Promise<FileRole> {
  const byName = roleFromName(path);
  if (byName) return byName;
  const head = (await readHead(path)).toString('latin1');
  const byContent = roleFromContent(head);
  if (byContent) return byContent;
  throw new SourceError(logicalName(path), 'not an OFAC legacy CSV file (cannot tell sdn/add/alt/comments from its name or first line)', 1);
}

interface PrimaryIndex {
  lines: Map<string, number>;
  programs: Map<string, string[]>;
  /** Base schema of each entry (from SDN_Type). */
  schemas: Map<string, OfacSchema>;
  /** Primary names, aliases and former names, to resolve references (see NameIndex). */
  names: NameIndex;
}

interface AltRow {
  type: string;
  name: string;
  remarks: string;
  lineNo: number;
}

interface AddRow {
  address: string;
  city: string;
  country: string;
  remarks: string;
  lineNo: number;
}

interface ParserOptions {
  format: string;
  defaultDataset: string;
  title: string;
  /** True for the Consolidated (non-SDN) list. */
  consolidated: boolean;
  /** File names for the sync command. */
  officialUrls: Record<string, string>;
}

function pushMap<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function joinPresent(...parts: string[]): string {
  let out = '';
  for (const p of parts) if (p) out = out ? `${out}, ${p}` : p;
  return out;
}

/** How OFAC's alt_type maps: strong aliases; f.k.a. are previous names. */
const ALT_PROP: Record<string, string> = { aka: 'alias', nka: 'alias', fka: 'previousName' };

/** The name property of an alt_type (lower case); an unknown type is kept as an alias. */
function altProp(type: string): string {
  return ALT_PROP[type] ?? 'alias';
}

function makeOfacCsvParser(opts: ParserOptions): SourceParser {
  return {
    format: opts.format,
    defaultDataset: opts.defaultDataset,
    title: opts.title,
    publisher: OFAC_PUBLISHER,
    licence: OFAC_LICENCE,
    officialUrls: opts.officialUrls,
    detect(fileName: string, head: string): boolean {
      const n = logicalName(fileName).toLowerCase();
      const isCons = /(?:^|[^a-z])cons_[a-z]+\.csv$/.test(n);
      if (!n.endsWith('.csv')) return false;
      const content = roleFromContent(head);
      if (opts.consolidated) return isCons && content !== undefined;
      if (isCons) return false;
      return content !== undefined && (roleFromName(n) === undefined || roleFromName(n) === content);
    },
    parse(files: string[], ctx: ParseContext): AsyncIterable<StatementDraft> {
      return flattenBatches(parseOfacCsv(files, ctx, opts));
    },
  };
}

/** Statements of each entry, one array per entry (see flattenBatches). */
async function* parseOfacCsv(files: string[], ctx: ParseContext, opts: ParserOptions): AsyncGenerator<StatementDraft[]> {
  const byRole = new Map<FileRole, string>();
  for (const f of files) {
    const role = await fileRole(f);
    const prev = byRole.get(role);
    if (prev) throw new SourceError(logicalName(f), `two ${describeRole(role)} files in one import (also ${logicalName(prev)})`);
    byRole.set(role, f);
  }
  const primary = byRole.get('primary');
  if (!primary) {
    throw new SourceError(files.map(logicalName).join(', ') || '(no files)', `no primary file (${opts.consolidated ? 'cons_prim.csv' : 'sdn.csv'}) in the set`);
  }
  const primaryName = logicalName(primary);
  const ds = ctx.dataset;

  // Pass 1: ent_nums, names and programs of every entry.
  const rows: CsvRecord[] = [];
  const index: PrimaryIndex = { lines: new Map(), programs: new Map(), schemas: new Map(), names: new NameIndex() };
  for await (const { fields, lineNo } of readRecords(primary, 'primary')) {
    const entNum = fields[0];
    const first = index.lines.get(entNum);
    if (first !== undefined) throw new SourceError(primaryName, `duplicate ent_num ${entNum} (first on line ${first})`, lineNo, entNum);
    if (!fields[1]) throw new SourceError(primaryName, `entry ${entNum} has no name`, lineNo, entNum);
    index.lines.set(entNum, lineNo);
    const programs = splitPrograms(fields[3]);
    index.programs.set(entNum, programs);
    index.names.addPrograms(entNum, programs);
    const schema = schemaForSdnType(fields[2]);
    if (!schema) throw new SourceError(primaryName, `unknown SDN_Type "${fields[2]}"`, lineNo, entNum);
    index.schemas.set(entNum, schema);
    index.names.addName(entNum, 'name', fields[1]);
    rows.push({ fields, lineNo });
  }
  if (index.lines.size === 0) throw new SourceError(primaryName, 'no entries: the list is empty');

  // Companion files, held by ent_num. Rows for unknown entries are reported, not fatal.
  const comments = new Map<string, string>();
  const aliases = new Map<string, AltRow[]>();
  const addresses = new Map<string, AddRow[]>();
  const orphan = (file: string, lineNo: number, entNum: string) =>
    ctx.warn(`${logicalName(file)}:${lineNo}: ent_num ${entNum} is not in ${primaryName}; row ignored`);
  const commentsFile = byRole.get('comments');
  if (commentsFile) {
    for await (const { fields, lineNo } of readRecords(commentsFile, 'comments')) {
      if (!index.lines.has(fields[0])) orphan(commentsFile, lineNo, fields[0]);
      else comments.set(fields[0], (comments.get(fields[0]) ?? '') + fields[1]);
    }
  }
  const aliasFile = byRole.get('alias');
  if (aliasFile) {
    for await (const { fields, lineNo } of readRecords(aliasFile, 'alias')) {
      const [entNum, , type, name, remarks] = fields;
      if (!index.lines.has(entNum)) {
        orphan(aliasFile, lineNo, entNum);
        continue;
      }
      if (!name) continue;
      const t = type.toLowerCase();
      if (!ALT_PROP[t]) ctx.warn(`${logicalName(aliasFile)}:${lineNo}: unknown alias type "${type}", kept as alias`);
      pushMap(aliases, entNum, { type: t, name, remarks, lineNo });
      index.names.addName(entNum, altProp(t), name);
    }
  }
  const addressFile = byRole.get('address');
  if (addressFile) {
    for await (const { fields, lineNo } of readRecords(addressFile, 'address')) {
      const [entNum, , address, city, country, remarks] = fields;
      if (!index.lines.has(entNum)) {
        orphan(addressFile, lineNo, entNum);
        continue;
      }
      pushMap(addresses, entNum, { address, city, country, remarks, lineNo });
    }
  }

  // Pass 2: one entry at a time.
  const altName = aliasFile ? logicalName(aliasFile) : 'alt.csv';
  const addName = addressFile ? logicalName(addressFile) : 'add.csv';
  const scope: LinkScope = {
    dataset: ds,
    names: index.names,
    schemaOf: (entNum) => index.schemas.get(entNum),
    warn: (m) => ctx.warn(m),
    uidLabel: 'ent_num',
    listName: primaryName,
  };
  for (const { fields, lineNo } of rows) {
    const entry = buildEntry(fields, lineNo);
    const batch: StatementDraft[] = [];
    for (const draft of entry) for (const statement of draft.statements()) batch.push(statement);
    yield batch;
  }

  function buildEntry(fields: string[], lineNo: number): EntityDraft[] {
    const [entNum, name, , , title, callSign, vessType, tonnage, grt, vessFlag, vessOwner, remarksField] = fields;
    const locator = `${primaryName}:${lineNo}`;
    const baseSchema = index.schemas.get(entNum)!; // pass 1 checked SDN_Type
    const remarksText = remarksField + (comments.get(entNum) ?? '');
    const parsed = parseRemarks(remarksText, baseSchema);
    for (const w of parsed.warnings) ctx.warn(`${locator} (ent_num ${entNum}): ${w}`);

    const targetId = makeEntityId(ds, entNum);
    const target = new EntityDraft(targetId, parsed.schema, { locator });
    const out: EntityDraft[] = [target];

    target.add('name', name);
    for (const alt of aliases.get(entNum) ?? []) {
      const loc = `${altName}:${alt.lineNo}`;
      target.add(altProp(alt.type), alt.name, loc);
      if (alt.remarks) target.add('notes', `${alt.name}: ${alt.remarks}`, loc);
    }
    const programs = index.programs.get(entNum) ?? [];
    target.add('topics', SANCTION_TOPIC);
    for (const p of programs) target.add('programId', ofacProgramId(p));

    // The primary file's own columns.
    // Title holds offices, several joined by "; ".
    for (const t of title ? title.split(/;\s*/) : []) target.addOrNote('position', t.replace(/\.$/, ''), `Title: ${t}`);
    if (callSign) target.addOrNote('callSign', callSign, `Call sign: ${callSign}`);
    if (vessType) target.addOrNote('type', vessType, `Vessel type: ${vessType}`);
    if (tonnage) target.addOrNote('tonnage', tonnage.replace(/,/g, ''), `Tonnage: ${tonnage}`);
    if (grt) target.addOrNote('grossRegisteredTonnage', grt.replace(/,/g, ''), `GRT: ${grt}`);
    target.addFlag(vessFlag);
    const links: RemarkLink[] = [...parsed.links];
    if (vessOwner) {
      target.add('notes', `Vessel owner: ${vessOwner}`);
      links.push({ name: vessOwner, role: 'Vessel Owner', raw: `Vessel owner: ${vessOwner}` });
    }

    for (const [prop, values] of Object.entries(parsed.properties)) for (const v of values) target.add(prop, v);

    for (const a of addresses.get(entNum) ?? []) {
      const loc = `${addName}:${a.lineNo}`;
      const code = countryCode(a.country);
      // A bare country (most addresses of people) is a country, not an address.
      if (a.address || a.city) target.add('address', joinPresent(a.address, a.city, a.country), loc);
      if (code) target.add('country', code, loc);
      else if (a.country && !/^undetermined$/i.test(a.country)) target.add('notes', `Address country: ${a.country}`, loc);
      if (a.remarks) target.add('notes', `Address remark: ${a.remarks}`, loc);
    }

    // The designation.
    const provisions = opts.consolidated ? consolidatedProvisions(programs) : [SDN_PROVISION];
    const sanction = ofacSanction(ds, entNum, targetId, programs, [...provisions, ...parsed.sanction.provisions], { locator });
    for (const url of parsed.sanction.programUrl) sanction.add('programUrl', url);
    out.push(sanction);

    // Child ids are keyed by what they are (the document number, the wallet address, the other
    // entry's ent_num), not by position, so they stay the same when OFAC reorders the remarks and
    // a diff between two versions shows only real changes.
    const ids = new ChildIds(ds, entNum);

    // Identity and registration documents, and digital currency wallets held by the entry.
    out.push(...documentDrafts(parsed, target, (kind, key) => ids.next(kind, key), { locator }));

    // References to other entries, resolved against the whole file.
    for (const link of links) {
      const rel = linkEntity(scope, { uid: entNum, schema: target.schema, link, locator }, ids);
      if (rel) out.push(rel);
    }
    return out;
  }
}

export const ofacSdnCsv: SourceParser = makeOfacCsvParser({
  format: 'ofac-sdn-csv',
  defaultDataset: 'us_ofac_sdn',
  title: 'OFAC Specially Designated Nationals (SDN) list, legacy CSV',
  consolidated: false,
  officialUrls: {
    'sdn.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV',
    'add.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV',
    'alt.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV',
    'sdn_comments.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV',
  },
});

export const ofacConsCsv: SourceParser = makeOfacCsvParser({
  format: 'ofac-cons-csv',
  defaultDataset: 'us_ofac_cons',
  title: 'OFAC Consolidated (non-SDN) sanctions list, legacy CSV',
  consolidated: true,
  officialUrls: {
    'cons_prim.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV',
    'cons_add.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV',
    'cons_alt.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV',
    'cons_comments.csv': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV',
  },
});
