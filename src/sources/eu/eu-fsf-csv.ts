// The EU Financial Sanctions Files, CSV v1.0: `;`-separated, one row per name, address, birth date,
// identification or citizenship of an entry, rows of one entry consecutive (Entity_logical_id).
//
// Two quirks of real files are handled:
// - Encoding: the FSF CSV is UTF-8, but copies saved on Windows are Windows-1252; the first
//   non-ASCII bytes decide (valid UTF-8 -> UTF-8, else Windows-1252; see decodeText).
// - Spreadsheet re-saves: a copy opened as comma-separated and saved as tab-separated has every
//   line wrapped in "…" (inner quotes doubled), each comma turned into a tab and the line padded
//   with tabs. We undo exactly that: unwrap, undouble quotes, drop the padding, tabs back to commas.
import { SourceError } from '../../model/errors.ts';
import { linesOf, logicalName, openBytes } from '../io.ts';
import { decodeText } from '../csv-records.ts';
import type { SourceParser } from '../types.ts';
import { isoDate } from '../drafts.ts';
import { countryFromAlpha3, languageCode } from './codes.ts';
import { emptyEntry, entryStatements, type EuEntry } from './entry.ts';

const REQUIRED = ['Entity_logical_id', 'Subject_type', 'Naal_wholename'];

export const euFsfCsv: SourceParser = {
  format: 'eu-fsf-csv',
  defaultDataset: 'eu_fsf',
  title: 'EU Financial Sanctions Files (consolidated list, CSV v1.0)',
  publisher: 'European Commission (FPI), Financial Sanctions Database',
  licence: 'Reuse with acknowledgement (Commission Decision 2011/833/EU)',
  officialUrls: {
    'eu_fsf.csv': 'https://webgate.ec.europa.eu/fsd/fsf/public/files/csvFullSanctionsList/content?token=dG9rZW4tMjAxNw',
  },

  detect(fileName, head) {
    return /\.csv$/i.test(logicalName(fileName)) && /^(\uFEFF|\xEF\xBB\xBF)?"?Date_file\w*;Entity_logical_id;/.test(head);
  },

  async *parse(files, ctx) {
    for (const path of files) {
      const file = logicalName(path);
      let columns: Map<string, number> | undefined;
      let current: EuEntry | undefined;
      let published: string | undefined;
      const done = new Set<string>();
      const seenParts = new Set<string>();
      let count = 0;
      const lost = { names: 0 };

      for await (const { record, line } of csvRecords(path, file)) {
        if (!columns) {
          columns = headerColumns(record, file, line);
          continue;
        }
        const get = (name: string): string | undefined => {
          const i = columns!.get(name);
          const v = i === undefined ? undefined : record[i]?.trim();
          return v && v !== 'N/A' ? v : undefined;
        };
        const logicalId = get('Entity_logical_id');
        if (!logicalId) throw new SourceError(file, 'row without Entity_logical_id', line);
        const date = parseFileDate(get('Date_file'));
        if (date && !published) ctx.published((published = date));

        if (!current || current.logicalId !== logicalId) {
          if (current) {
            count++;
            yield* entryStatements(current, ctx.dataset);
          }
          if (done.has(logicalId)) {
            throw new SourceError(file, `rows of entity ${logicalId} are not consecutive (it appeared before)`, line, logicalId);
          }
          done.add(logicalId);
          current = emptyEntry(logicalId, `${file}:${line}`);
          current.subjectType = get('Subject_type');
          current.euReferenceNumber = get('EU_ref_num');
          seenParts.clear();
        } else if (get('Subject_type') && current.subjectType && get('Subject_type') !== current.subjectType) {
          throw new SourceError(file, `entity ${logicalId} has two subject types (${current.subjectType}, ${get('Subject_type')})`, line, logicalId);
        }
        addRow(current, get, `${file}:${line}`, seenParts, lost);
      }
      if (!columns) throw new SourceError(file, 'empty file: no header line');
      if (current) {
        count++;
        yield* entryStatements(current, ctx.dataset);
      }
      if (count === 0) throw new SourceError(file, 'the file has a header but no rows: refusing to import an empty list');
      if (lost.names) ctx.warn(`${file}: ${lost.names} name rows skipped: their non-Latin letters were replaced by "?" in this copy`);
    }
  },
};

type Getter = (name: string) => string | undefined;

/**
 * A name whose letters a Windows-1252 copy could not hold became "?" ("Revolu?ní", "????? Fatah"):
 * such a spelling matches nothing and misleads, so it is dropped (the other languages remain).
 */
const LOST_CHARACTERS = /\p{L}\?|\?\p{L}|\?\?/u;

/** Merge one row into its entry; sub-records repeat across rows, so each is taken once by its logical id. */
function addRow(entry: EuEntry, get: Getter, locator: string, seen: Set<string>, lost: { names: number }): void {
  const first = (section: string, id: string | undefined): boolean => {
    const key = `${section}:${id ?? locator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const numberTitle = get('Leba_numtitle');
  if (numberTitle && first('leba', numberTitle)) {
    entry.regulations.push({ programme: get('Programme'), numberTitle, publicationDate: get('Leba_publication_date'), publicationUrl: get('Leba_url') });
  }
  const remark = get('Entity_remark')?.replace(/\\n/g, ' ');
  if (remark && !entry.remarks.includes(remark)) entry.remarks.push(remark);

  const nameText = [get('Naal_wholename'), get('Naal_lastname'), get('Naal_firstname')].join(' ');
  if (LOST_CHARACTERS.test(nameText)) {
    lost.names++;
  } else if ((get('Naal_wholename') || get('Naal_lastname')) && first('naal', get('Naal_logical_id'))) {
    entry.names.push({
      wholeName: get('Naal_wholename'),
      firstName: get('Naal_firstname'),
      middleName: get('Naal_middlename'),
      lastName: get('Naal_lastname'),
      title: get('Naal_title'),
      function: get('Naal_function'),
      gender: get('Naal_gender'),
      lang: languageCode(get('Naal_language')),
      strong: true,
      remarks: [],
      locator,
    });
  }
  if (get('Addr_logical_id') && first('addr', get('Addr_logical_id'))) {
    const { contacts, rest } = contactsOf(get('Addr_other'));
    entry.addresses.push({
      street: [get('Addr_number'), get('Addr_street')].filter(Boolean).join(' ') || undefined,
      zipCode: get('Addr_zipcode'),
      city: get('Addr_city'),
      country: countryFromAlpha3(get('Addr_country')),
      countryDescription: get('Addr_country') && !countryFromAlpha3(get('Addr_country')) ? get('Addr_country') : undefined,
      contacts,
      remarks: rest ? [rest] : [],
      locator,
    });
  }
  if (get('Birt_logical_id') && first('birt', get('Birt_logical_id'))) {
    const date = isoDate(get('Birt_date'));
    entry.births.push({ date, years: [], place: get('Birt_place'), country: countryFromAlpha3(get('Birt_country')), locator });
  }
  if (get('Iden_logical_id') && first('iden', get('Iden_logical_id'))) {
    const doc = identificationOf(get('Iden_number'));
    if (doc) entry.identifications.push({ ...doc, country: countryFromAlpha3(get('Iden_country')), locator });
  }
  if (get('Citi_logical_id') && first('citi', get('Citi_logical_id'))) {
    const country = countryFromAlpha3(get('Citi_country'));
    if (country) entry.citizenships.push({ country, description: get('Citi_country'), locator });
  }
}

/**
 * "AD001095 (passport-National passport) ((passport))" -> number AD001095, type passport.
 * The CSV packs type code, description and notes into the number column.
 */
export function identificationOf(text: string | undefined): { number: string; typeCode?: string; typeDescription?: string; notes: string[] } | undefined {
  if (!text) return undefined;
  const m = /^(.*?)\s*\(([a-z]+)-([^()]*)\)\s*(.*)$/i.exec(text);
  if (!m) return { number: text, notes: [] };
  const rest = m[4].replace(/^\(+|\)+$/g, '').trim();
  const notes = rest && rest.toLowerCase() !== m[2].toLowerCase() ? [rest] : [];
  return { number: m[1].trim(), typeCode: m[2].toLowerCase(), typeDescription: m[3].trim() || undefined, notes };
}

/** "PHONE[042-681 20 81]\nFAX[662 38 14]" -> contacts; text outside the brackets is kept. */
function contactsOf(text: string | undefined): { contacts: { key: string; value: string }[]; rest?: string } {
  if (!text) return { contacts: [] };
  const contacts: { key: string; value: string }[] = [];
  const rest = text
    .replace(/\b([A-Z]+)\[([^\]]*)\]/g, (_, key: string, value: string) => {
      for (const v of value.split(',')) if (v.trim()) contacts.push({ key, value: v.trim() });
      return ' ';
    })
    .replace(/\\n/g, ' ')
    .trim();
  return { contacts, rest: rest || undefined };
}

/** `04/07/2018` (dd/mm/yyyy, as the FSF writes it) or an ISO date. */
function parseFileDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate(text);
}

function headerColumns(header: string[], file: string, line: number): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.replace(/^\uFEFF/, '').trim().replace(/^Date_file\w*$/, 'Date_file');
    if (!columns.has(key)) columns.set(key, i); // Entity_logical_id repeats per section: the first is the entry's
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length) throw new SourceError(file, `not an EU FSF CSV file: missing column(s) ${missing.join(', ')}`, line);
  return columns;
}

/**
 * The CSV records of a file with the line each starts on, after decoding and undoing a spreadsheet
 * re-save. A quoted field may span lines; one left open to the end of the file is an error there.
 */
async function* csvRecords(path: string, file: string): AsyncGenerator<{ record: string[]; line: number }> {
  let pending: string | undefined;
  let start = 0;
  let lineNo = 0;
  for await (const text of unwrappedLines(path, file)) {
    lineNo++;
    if (pending === undefined) start = lineNo;
    const joined = pending === undefined ? text : `${pending}\n${text}`;
    const fields = splitFields(joined);
    if (!fields) {
      if (lineNo - start > 1000) break; // no field spans a thousand lines: the quote is unclosed
      pending = joined;
      continue;
    }
    pending = undefined;
    if (joined !== '') yield { record: fields, line: start };
  }
  if (pending !== undefined || lineNo - start > 1000) {
    throw new SourceError(file, 'malformed CSV: a quoted field opened in this record is never closed', start);
  }
}

/**
 * Fields of one `;`-separated record; `"` quotes a field (`""` inside is a quote), a quote inside
 * an unquoted field is kept as it is. Undefined when a quoted field is still open at the end.
 * (Hand-written: csv-parse spent most of the import time on these mostly empty 59-column rows.)
 */
function splitFields(s: string): string[] | undefined {
  if (!s.includes('"')) return s.split(';');
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (s[i] === '"') {
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) return undefined;
        if (s[q + 1] === '"') {
          value += s.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += s.slice(j, q);
        i = q + 1;
        break;
      }
    }
    const semi = s.indexOf(';', i);
    if (semi < 0) {
      out.push(value + s.slice(i));
      return out;
    }
    out.push(value + s.slice(i, semi));
    i = semi + 1;
  }
}

/** Decoded lines, unwrapped when the file was re-saved by a spreadsheet (decided on the header). */
async function* unwrappedLines(path: string, file: string): AsyncGenerator<string> {
  let wrapped: boolean | undefined;
  let lineNo = 0;
  for await (const raw of decodedLines(path, file)) {
    lineNo++;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    wrapped ??= /^"Date_file/.test(text) && /\t*"\s*$/.test(text);
    if (!wrapped) {
      yield text;
      continue;
    }
    if (text.trim() === '') {
      yield '';
      continue;
    }
    const m = /^"(.*)"\s*$/s.exec(text);
    if (!m) throw new SourceError(file, 'line is not wrapped in quotes like the rest of this spreadsheet-saved file', lineNo);
    yield m[1].replace(/""/g, '"').replace(/\t+$/, '').replace(/\t/g, ',');
  }
}

/** Lines of the file (LF or CRLF), decoded as UTF-8 or, when the bytes are not UTF-8, Windows-1252. */
async function* decodedLines(path: string, file: string): AsyncGenerator<string> {
  for await (const { line } of linesOf(decodeText(openBytes(path), file, 'auto'), file, (e) => `cannot read file: ${e.message} (truncated or corrupt?)`)) yield line;
}
