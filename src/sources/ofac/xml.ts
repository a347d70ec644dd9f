// OFAC SDN list, classic XML (`sdn.xml`, namespace http://tempuri.org/sdnList.xsd).
// Each <sdnEntry> becomes the same entities the legacy CSV parser makes for that entry (same
// ids, same properties; see xml-common.ts), plus `Linked To` relations resolved across the file.
import { basename } from 'node:path';
import { SourceError } from '../../model/errors.ts';
import type { StatementDraft } from '../../model/statement.ts';
import type { ParseContext, SourceParser } from '../types.ts';
import { logicalName } from '../io.ts';
import { child, childText, children, streamXmlRecords, type XmlElement } from '../xml.ts';
import { OFAC_LICENCE, OFAC_PUBLISHER, flattenBatches } from './common.ts';
import { OFAC_SDN_DATASET, buildOfacEntry, documentRemark, type OfacEntryInput, type OfacName } from './xml-common.ts';
import { ChildIds, NameIndex, linkEntity, type LinkScope, type PendingLink } from './references.ts';

export const SDN_XML_NAMESPACE = 'http://tempuri.org/sdnList.xsd';

export const ofacSdnXml: SourceParser = {
  format: 'ofac-sdn-xml',
  defaultDataset: OFAC_SDN_DATASET,
  title: 'OFAC Specially Designated Nationals (SDN) list, XML',
  publisher: OFAC_PUBLISHER,
  licence: OFAC_LICENCE,
  officialUrls: { 'sdn.xml': 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML' },
  detect(fileName, head) {
    return /<sdnList[\s>]/.test(head) && (head.includes(SDN_XML_NAMESPACE) || /^sdn[^/]*\.xml$/i.test(logicalName(fileName)));
  },
  parse(files, ctx) {
    return flattenBatches(parseSdnXml(files, ctx));
  },
};

/** Statements in batches (one per entry): cheaper than one async step per statement. */
async function* parseSdnXml(files: string[], ctx: ParseContext): AsyncGenerator<StatementDraft[]> {
  const names = new NameIndex();
  const schemas = new Map<string, string>();
  const pending: PendingLink[] = [];
  for (const path of files) {
    const file = logicalName(path);
    let entries = 0;
    let declared: number | undefined;
    const records = streamXmlRecords(path, {
      fileName: basename(path),
      root: { name: 'sdnList', namespaces: [SDN_XML_NAMESPACE], kind: 'an OFAC SDN XML file (sdn.xml)' },
      records: (p) => p.length === 2 && (p[1] === 'sdnEntry' || p[1] === 'publshInformation'),
    });
    for await (const el of records) {
      if (el.name === 'publshInformation') {
        const date = usDate(childText(el, 'Publish_Date'));
        if (date) ctx.published(date);
        const count = childText(el, 'Record_Count');
        if (count && /^\d+$/.test(count)) declared = Number(count);
        continue;
      }
      const uid = childText(el, 'uid');
      if (!uid || !/^\d+$/.test(uid)) throw new SourceError(file, 'sdnEntry without a numeric <uid>', el.line);
      if (schemas.has(uid)) throw new SourceError(file, `duplicate sdnEntry uid ${uid}`, el.line, uid);
      entries++;
      const locator = `${file}:${el.line}`;
      const input = readEntry(el, file, uid);
      let built;
      try {
        built = buildOfacEntry(ctx.dataset, input, { locator });
      } catch (e) {
        throw new SourceError(file, (e as Error).message, el.line, uid);
      }
      for (const w of built.warnings) ctx.warn(`${locator} (uid ${uid}): ${w}`);
      schemas.set(uid, built.target.schema);
      for (const n of input.names) names.addName(uid, n.prop, n.value);
      names.addPrograms(uid, input.programs);
      for (const link of built.links) pending.push({ uid, schema: built.target.schema, link, locator });
      const batch = [...built.target.statements(), ...built.sanction!.statements()];
      for (const d of built.documents) batch.push(...d.statements());
      yield batch;
    }
    if (entries === 0) throw new SourceError(file, 'the list has no <sdnEntry> records (empty or not an SDN list)');
    if (declared !== undefined && declared !== entries) ctx.warn(`${file}: the header says ${declared} records, the file holds ${entries}`);
  }
  const scope: LinkScope = { dataset: ctx.dataset, names, schemaOf: (u) => schemas.get(u), warn: (m) => ctx.warn(m), uidLabel: 'uid', listName: 'the list' };
  const ids = new Map<string, ChildIds>();
  for (const p of pending) {
    let childIds = ids.get(p.uid);
    if (!childIds) ids.set(p.uid, (childIds = new ChildIds(ctx.dataset, p.uid)));
    const rel = linkEntity(scope, p, childIds);
    if (rel) yield [...rel.statements()];
  }
}

/** `04/22/2020` (Publish_Date) → 2020-04-22. */
function usDate(text: string | undefined): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text ?? '');
  return m ? `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : undefined;
}

/** `LAST, First` as the CSV writes names; entities have only a last name. */
function fullName(last: string | undefined, first: string | undefined): string | undefined {
  if (last && first) return `${last}, ${first}`;
  return last ?? first;
}

/** OFAC alias type and category to the FtM name property. */
function aliasProp(type: string | undefined, category: string | undefined): OfacName['prop'] {
  if ((category ?? '').toLowerCase() === 'weak') return 'weakAlias';
  if ((type ?? '').toLowerCase().startsWith('f.k.a')) return 'previousName';
  return 'alias';
}

function readEntry(el: XmlElement, file: string, uid: string): OfacEntryInput {
  const name = fullName(childText(el, 'lastName'), childText(el, 'firstName'));
  if (!name) throw new SourceError(file, `sdnEntry ${uid} has no name`, el.line, uid);
  const names: OfacName[] = [{ prop: 'name', value: name }];
  for (const aka of children(child(el, 'akaList'), 'aka')) {
    const value = fullName(childText(aka, 'lastName'), childText(aka, 'firstName'));
    if (value) names.push({ prop: aliasProp(childText(aka, 'type'), childText(aka, 'category')), value });
  }

  // The facts, in the order the CSV's remarks give them.
  const parts: string[] = [];
  for (const d of children(child(el, 'dateOfBirthList'), 'dateOfBirthItem')) {
    const text = childText(d, 'dateOfBirth');
    if (text) parts.push(`DOB ${text.replace(/^circa-/i, 'circa ')}`);
  }
  for (const p of children(child(el, 'placeOfBirthList'), 'placeOfBirthItem')) {
    const text = childText(p, 'placeOfBirth');
    if (text) parts.push(`POB ${text}`);
  }
  for (const n of children(child(el, 'nationalityList'), 'nationality')) {
    const country = childText(n, 'country');
    if (country) parts.push(`nationality ${country}`);
  }
  for (const c of children(child(el, 'citizenshipList'), 'citizenship')) {
    const country = childText(c, 'country');
    if (country) parts.push(`citizen ${country}`);
  }
  // Documents by ascending uid, the order the CSV's remarks list them.
  const ids = children(child(el, 'idList'), 'id').sort((a, b) => Number(childText(a, 'uid') ?? 0) - Number(childText(b, 'uid') ?? 0));
  for (const id of ids) {
    const type = childText(id, 'idType');
    const number = childText(id, 'idNumber');
    if (!type || !number) continue;
    parts.push(documentRemark(type, number, childText(id, 'idCountry'), childText(id, 'issueDate'), childText(id, 'expirationDate')));
  }
  const remarks = childText(el, 'remarks');
  // sdn.xml wraps references in parentheses: "(Linked To: SUMIYOSHI-KAI)".
  // The CSV drops the final full stop of its remarks, often the end of the last name linked to.
  if (remarks) parts.push(remarks.replace(/\(\s*(Linked To:[^()]*?)\.?\s*\)/gi, '; $1; ').replace(/\.$/, ''));

  const addresses = children(child(el, 'addressList'), 'address').map((a) => {
    const street = ['address1', 'address2', 'address3'].map((n) => childText(a, n)).filter(Boolean).join(', ');
    const cityState = [childText(a, 'city'), childText(a, 'stateOrProvince')].filter(Boolean).join(', ');
    const city = [cityState, childText(a, 'postalCode')].filter(Boolean).join(' ');
    return { address: street || undefined, city: city || undefined, country: childText(a, 'country') };
  });

  const vesselInfo = child(el, 'vesselInfo');
  return {
    uid,
    type: childText(el, 'sdnType') ?? 'Entity',
    names,
    programs: children(child(el, 'programList'), 'program').map((p) => p.text.trim()).filter(Boolean),
    title: childText(el, 'title'),
    remarkParts: parts,
    addresses,
    vessel: vesselInfo && {
      callSign: childText(vesselInfo, 'callSign'),
      type: childText(vesselInfo, 'vesselType'),
      tonnage: childText(vesselInfo, 'tonnage'),
      grossRegisteredTonnage: childText(vesselInfo, 'grossRegisteredTonnage'),
      flag: childText(vesselInfo, 'vesselFlag'),
      owner: childText(vesselInfo, 'vesselOwner'),
    },
  };
}
