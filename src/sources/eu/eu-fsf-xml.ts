// The EU Financial Sanctions Files, XML 1.1 (`export` / `sanctionEntity`, per the FSF schema_1_1.xsd).
// Each sanctionEntity is one entry; its logicalId is the publisher's identifier (`eu_fsf:5295`).
import { SourceError } from '../../model/errors.ts';
import { logicalName } from '../io.ts';
import type { SourceParser } from '../types.ts';
import { children, child, streamXmlRecords, textOf, type XmlElement } from '../xml.ts';
import { isoDate, yearRange } from '../drafts.ts';
import { countryFromAlpha2, languageCode } from './codes.ts';
import { emptyEntry, entryStatements, type EuEntry } from './entry.ts';

const NAMESPACES = ['http://eu.europa.ec/fpi/fsd/export', ''];

export const euFsfXml: SourceParser = {
  format: 'eu-fsf-xml',
  defaultDataset: 'eu_fsf',
  title: 'EU Financial Sanctions Files (consolidated list, XML 1.1)',
  publisher: 'European Commission (FPI), Financial Sanctions Database',
  licence: 'Reuse with acknowledgement (Commission Decision 2011/833/EU)',
  officialUrls: {
    'eu_fsf.xml': 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
  },

  detect(fileName, head) {
    return /\.xml$/i.test(logicalName(fileName)) && /<(\w+:)?export[\s>]/.test(head) && /fpi\/fsd\/export|sanctionEntity/.test(head);
  },

  async *parse(files, ctx) {
    const seen = new Map<string, string>(); // logicalId -> "<file>:<line>"
    for (const path of files) {
      const file = logicalName(path);
      let count = 0;
      const records = streamXmlRecords(path, {
        fileName: file,
        root: { name: 'export', namespaces: NAMESPACES, kind: 'an EU Financial Sanctions Files (FSF) XML export' },
        records: (p) => p.length === 2 && p[1] === 'sanctionEntity',
        onRoot: (root) => {
          const date = isoDate(root.attrs.generationDate);
          if (date) ctx.published(date);
        },
      });
      for await (const el of records) {
        count++;
        const logicalId = el.attrs.logicalId?.trim();
        if (!logicalId) throw new SourceError(file, 'sanctionEntity without logicalId', el.line);
        const previous = seen.get(logicalId);
        if (previous) {
          throw new SourceError(file, `duplicate sanctionEntity logicalId ${logicalId} (first at ${previous})`, el.line, logicalId);
        }
        seen.set(logicalId, `${file}:${el.line}`);
        yield* entryStatements(readEntry(el, logicalId, file), ctx.dataset);
      }
      if (count === 0) throw new SourceError(file, 'the export has no sanctionEntity: refusing to import an empty list');
    }
  },
};

const attr = (el: XmlElement | undefined, name: string): string | undefined => {
  const v = el?.attrs[name]?.trim();
  return v ? v : undefined;
};
const remarksOf = (el: XmlElement): string[] => children(el, 'remark').map(textOf).filter(Boolean);

function readEntry(el: XmlElement, logicalId: string, file: string): EuEntry {
  const at = (e: XmlElement) => `${file}:${e.line}`;
  const entry = emptyEntry(logicalId, at(el));
  entry.euReferenceNumber = attr(el, 'euReferenceNumber');
  entry.unitedNationId = attr(el, 'unitedNationId');
  entry.designationDate = attr(el, 'designationDate');
  entry.designationDetails = attr(el, 'designationDetails');
  entry.delistingDate = attr(el, 'delistingDate');
  entry.subjectType = attr(child(el, 'subjectType'), 'code');
  entry.remarks = remarksOf(el);
  for (const r of children(el, 'regulation')) {
    entry.regulations.push({
      programme: attr(r, 'programme'),
      publicationDate: attr(r, 'publicationDate'),
      entryIntoForceDate: attr(r, 'entryIntoForceDate'),
      numberTitle: attr(r, 'numberTitle'),
      publicationUrl: textOf(child(r, 'publicationUrl')) || undefined,
    });
  }
  for (const n of children(el, 'nameAlias')) {
    entry.names.push({
      wholeName: attr(n, 'wholeName'),
      firstName: attr(n, 'firstName'),
      middleName: attr(n, 'middleName'),
      lastName: attr(n, 'lastName'),
      title: attr(n, 'title'),
      function: attr(n, 'function'),
      gender: attr(n, 'gender'),
      lang: languageCode(attr(n, 'nameLanguage')),
      strong: attr(n, 'strong') !== 'false',
      remarks: remarksOf(n),
      locator: at(n),
    });
  }
  for (const c of children(el, 'citizenship')) {
    entry.citizenships.push({ country: countryFromAlpha2(attr(c, 'countryIso2Code')), description: attr(c, 'countryDescription'), locator: at(c) });
  }
  for (const b of children(el, 'birthdate')) {
    const year = attr(b, 'year');
    const month = attr(b, 'monthOfYear');
    const day = attr(b, 'dayOfMonth');
    const fromParts = year && month ? isoDate(`${year}-${month.padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`) : undefined;
    const range = yearRange(Number(attr(b, 'yearRangeFrom')), Number(attr(b, 'yearRangeTo')));
    const country = countryFromAlpha2(attr(b, 'countryIso2Code'));
    entry.births.push({
      date: isoDate(attr(b, 'birthdate')) ?? fromParts,
      years: year ? [year] : range,
      city: attr(b, 'city'),
      place: attr(b, 'place'),
      region: attr(b, 'region'),
      country,
      countryDescription: country ? attr(b, 'countryDescription') : undefined,
      locator: at(b),
    });
  }
  for (const a of children(el, 'address')) {
    const country = countryFromAlpha2(attr(a, 'countryIso2Code'));
    entry.addresses.push({
      street: attr(a, 'street'),
      poBox: attr(a, 'poBox'),
      zipCode: attr(a, 'zipCode'),
      city: attr(a, 'city'),
      region: attr(a, 'region'),
      place: attr(a, 'place'),
      country,
      countryDescription: country ? attr(a, 'countryDescription') : undefined,
      contacts: children(a, 'contactInfo').map((c) => ({ key: attr(c, 'key') ?? '', value: attr(c, 'value') ?? '' })),
      remarks: remarksOf(a),
      locator: at(a),
    });
  }
  for (const d of children(el, 'identification')) {
    const flags = ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer'].filter((f) => attr(d, f) === 'true');
    entry.identifications.push({
      typeCode: attr(d, 'identificationTypeCode'),
      typeDescription: attr(d, 'identificationTypeDescription'),
      number: attr(d, 'number'),
      latinNumber: attr(d, 'latinNumber'),
      country: countryFromAlpha2(attr(d, 'countryIso2Code')),
      issuedBy: attr(d, 'issuedBy'),
      issueDate: attr(d, 'issueDate'),
      validFrom: attr(d, 'validFrom'),
      validTo: attr(d, 'validTo'),
      notes: [...(flags.length ? [`flags: ${flags.join(', ')}`] : []), ...remarksOf(d)],
      locator: at(d),
    });
  }
  return entry;
}
