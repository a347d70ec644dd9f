// Shared by the two UK list formats (OFSI ConList, FCDO UK Sanctions List): both publish one row per
// name variant, grouped by an entry id. A row is first read into a `UkRow` by its format's header
// names, then turned into statements here, so the two lists look alike in the store.
import type { StatementDraft } from '../../model/statement.ts';
import { makeEntityId, SANCTION_TOPIC } from '../../model/entity.ts';
import type { ParseContext } from '../types.ts';
import { countriesIn, countryInText } from './uk-countries.ts';
import { documentNumber, joinParts, languageCode, splitEnumerated, ukDate, ukListReference, unReferences } from './uk-fields.ts';
import { StatementSink, type Provenance } from './statement-sink.ts';

export interface UkRow {
  line: number;
  /** The entry id: OFSI `Group ID` or FCDO `Unique ID`. */
  key: string;
  /** Individual, Entity, Ship. */
  kind: string;
  /** Name 1..5 (given and middle names); Name 6 is the surname or the entity's name. */
  givenNames: string[];
  surname: string;
  nameType: string;
  aliasQuality: string;
  title: string;
  nonLatinName: string;
  nonLatinType: string;
  nonLatinLanguage: string;
  dob: string;
  townOfBirth: string;
  countryOfBirth: string;
  nationality: string;
  passportNumber: string;
  passportDetails: string;
  nationalId: string;
  nationalIdDetails: string;
  position: string;
  addressLines: string[];
  postcode: string;
  addressCountry: string;
  otherInfo: string;
  regime: string;
  listedOn: string;
  designatedOn: string;
  lastUpdated: string;
  unReference: string;
  ukReference: string;
  /** FCDO list only. */
  ofsiGroupId?: string;
  designationSource?: string;
  sanctionsImposed?: string;
  statementOfReasons?: string;
  phone?: string;
  website?: string;
  email?: string;
  gender?: string;
  entityType?: string;
  subsidiaries?: string;
  parentCompany?: string;
  registrationNumbers?: string;
  imoNumber?: string;
  currentOwners?: string;
  previousOwners?: string;
  flag?: string;
  previousFlags?: string;
  shipType?: string;
  tonnage?: string;
  shipLength?: string;
  yearBuilt?: string;
  hin?: string;
}

export interface UkListOptions {
  file: string;
  authority: string;
  sourceUrl: string;
}

const SCHEMA_OF_KIND: Record<string, string> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };

type LinkKind = 'parent' | 'subsidiary' | 'currentOwner' | 'previousOwner';
interface PendingLink {
  from: string;
  fromKey: string;
  kind: LinkKind;
  name: string;
  prov: Provenance;
}

/** Which name property a row's name goes to, from the list's name type and alias strength. */
export function nameProperty(nameType: string, aliasQuality: string): 'name' | 'alias' | 'weakAlias' | 'previousName' | undefined {
  const t = nameType.trim().toLowerCase();
  if (/variation/.test(t)) return 'alias';
  if (/^prim(e|ary)/.test(t)) return 'name';
  if (/^(fka|formerly|previous)/.test(t)) return 'previousName';
  if (/^(aka|alias)/.test(t)) return /low|weak/i.test(aliasQuality) ? 'weakAlias' : 'alias';
  return undefined;
}

function normName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Stateful writer for one file: remembers what each entry has emitted and its pending links. */
export class UkListWriter {
  private readonly sink = new StatementSink();
  private readonly named = new Set<string>();
  private readonly fallbackName = new Map<string, { name: string; schema: string; prov: Provenance }>();
  private readonly unresolvedCountries = new Map<string, number>();
  private readonly badDates = new Map<string, number>();
  private readonly unknownNameTypes = new Map<string, number>();
  private readonly byName = new Map<string, string>();
  private readonly links: PendingLink[] = [];
  private readonly children = new Map<string, number>();
  /** Documents and links already queued, so repeated rows of one entry do not duplicate them. */
  private readonly seenKeys = new Set<string>();

  constructor(
    private readonly ctx: ParseContext,
    private readonly opts: UkListOptions,
  ) {}

  targetId(key: string): string {
    return makeEntityId(this.ctx.dataset, key);
  }

  private childId(key: string, kind: string): string {
    const n = (this.children.get(`${key}\u0000${kind}`) ?? 0) + 1;
    this.children.set(`${key}\u0000${kind}`, n);
    return makeEntityId(this.ctx.dataset, key, kind, n);
  }

  private countries(text: string): string[] {
    if (!text) return [];
    const { codes, unresolved } = countriesIn(text);
    for (const u of unresolved) this.unresolvedCountries.set(u, (this.unresolvedCountries.get(u) ?? 0) + 1);
    return codes;
  }

  private date(text: string, what: string): string | undefined {
    if (!text) return undefined;
    const iso = ukDate(text);
    if (!iso) this.badDates.set(`${what} "${text}"`, (this.badDates.get(`${what} "${text}"`) ?? 0) + 1);
    return iso;
  }

  *row(r: UkRow): Generator<StatementDraft> {
    const schema = SCHEMA_OF_KIND[r.kind.trim().toLowerCase()] ?? 'LegalEntity';
    const id = this.targetId(r.key);
    const listed = this.date(r.listedOn || r.designatedOn, 'listing date');
    const prov: Provenance = { locator: `${this.opts.file}:${r.line}`, claimDate: listed ?? null };
    const known = this.sink.schema(id);
    if (known && known !== schema) this.ctx.warn(`${prov.locator}: entry ${r.key} is a ${known} in earlier rows but "${r.kind}" here; kept ${known}`);
    const s = known ?? schema;
    if (!known && !SCHEMA_OF_KIND[r.kind.trim().toLowerCase()]) this.ctx.warn(`${prov.locator}: unknown entry type "${r.kind}" for ${r.key}; read as LegalEntity`);
    const isPerson = s === 'Person';
    const v = (prop: string, values: (string | undefined | null)[], lang?: string) => this.sink.values(id, s, prop, values, prov, lang);

    yield* this.sink.touch(id, s, prov);

    // Names
    const fullName = joinParts([...r.givenNames, r.surname]);
    let nameProp = nameProperty(r.nameType, r.aliasQuality);
    if (!nameProp) {
      this.unknownNameTypes.set(r.nameType, (this.unknownNameTypes.get(r.nameType) ?? 0) + 1);
      nameProp = 'alias';
    }
    if (fullName) {
      if (nameProp === 'name') this.named.add(id);
      else if (!this.named.has(id) && !this.fallbackName.has(id)) this.fallbackName.set(id, { name: fullName, schema: s, prov });
      yield* v(nameProp, [fullName]);
      if (nameProp !== 'weakAlias') this.byName.set(normName(fullName), id);
      if (isPerson && nameProp === 'name') {
        yield* v('firstName', [r.givenNames[0]]);
        yield* v('middleName', [joinParts(r.givenNames.slice(1))]);
        yield* v('lastName', [r.surname]);
      }
    }
    if (r.nonLatinName) yield* v('alias', [r.nonLatinName], languageCode(r.nonLatinLanguage, r.nonLatinType));
    if (isPerson) yield* v('title', r.title.split('/'));
    yield* v('topics', [SANCTION_TOPIC]);
    if (r.regime) yield* v('program', [r.regime]);

    // Person details
    if (isPerson) {
      yield* v('birthDate', [this.date(r.dob, 'date of birth')]);
      yield* v('birthPlace', [joinParts([r.townOfBirth, r.countryOfBirth], ', ')]);
      yield* v('birthCountry', this.countries(r.countryOfBirth));
      yield* v('nationality', this.countries(r.nationality));
      yield* v('position', [r.position]);
      if (r.gender && /^(male|female)$/i.test(r.gender)) yield* v('gender', [r.gender.toLowerCase()]);
      yield* this.documents(r, id, s, prov);
    } else if (r.nationalId) {
      yield* v('idNumber', [r.nationalId]);
    }

    // Contact and address
    const address = joinParts([...r.addressLines, r.postcode, r.addressCountry], ', ');
    yield* v('address', [address]);
    yield* v('country', this.countries(r.addressCountry));
    if (r.phone) yield* v('phone', splitEnumerated(r.phone));
    if (r.website) yield* v('website', splitEnumerated(r.website));
    if (r.email) yield* v('email', splitEnumerated(r.email));
    yield* v('notes', [r.otherInfo]);

    // Companies and ships (FCDO list)
    if (s !== 'Person') {
      if (r.entityType && s !== 'Vessel') yield* v('legalForm', splitEnumerated(r.entityType));
      for (const reg of r.registrationNumbers ? splitEnumerated(r.registrationNumbers) : []) {
        // Russian registers have their own FtM properties; the rest are plain registration numbers.
        const m = /^(INN|OGRN|KPP)\b[\s:.-]*(?:number|no\.?)?[\s:]*(\d+)$/i.exec(reg);
        const prop = m ? { inn: 'innCode', ogrn: 'ogrnCode', kpp: 'registrationNumber' }[m[1].toLowerCase()]! : 'registrationNumber';
        yield* v(prop, [m ? m[2] : reg]);
      }
      if (r.imoNumber) yield* v('imoNumber', splitEnumerated(r.imoNumber).map((n) => n.replace(/^IMO\s*/i, '')));
    }
    if (s === 'Vessel') {
      yield* v('flag', r.flag ? this.countries(r.flag) : []);
      yield* v('pastFlags', r.previousFlags ? this.countries(r.previousFlags) : []);
      yield* v('type', [r.shipType]);
      yield* v('tonnage', [r.tonnage]);
      yield* v('buildDate', [r.yearBuilt ? this.date(r.yearBuilt, 'year built') : undefined]);
      if (r.shipLength) yield* v('notes', [`Length: ${r.shipLength}`]);
      if (r.hin) yield* v('registrationNumber', [r.hin]);
    }
    if (r.ofsiGroupId) yield* v('notes', [`OFSI Group ID: ${r.ofsiGroupId}`]);
    this.queueLinks(r, id, prov);

    // The designation
    const sanctionId = makeEntityId(this.ctx.dataset, r.key, 'sanction');
    const sv = (prop: string, values: (string | undefined | null)[]) => this.sink.values(sanctionId, 'Sanction', prop, values, prov);
    yield* sv('entity', [id]);
    yield* sv('authority', [this.opts.authority]);
    yield* sv('country', ['gb']);
    yield* sv('program', [r.regime]);
    yield* sv('listingDate', [listed]);
    if (r.listedOn && r.designatedOn) yield* sv('startDate', [this.date(r.designatedOn, 'designation date')]);
    yield* sv('modifiedAt', [this.date(r.lastUpdated, 'last updated')]);
    yield* sv('unscId', [...(r.unReference ? [r.unReference] : []), ...unReferences(r.otherInfo)]);
    yield* sv('authorityId', [r.ukReference || ukListReference(r.otherInfo)]);
    yield* sv('provisions', r.sanctionsImposed ? r.sanctionsImposed.split('|') : []);
    yield* sv('reason', [r.statementOfReasons]);
    if (r.designationSource) yield* sv('summary', [`Designation source: ${r.designationSource}`]);
    yield* sv('sourceUrl', [this.opts.sourceUrl]);
  }

  /** Passports and national identifiers, as Passport / Identification entities and on the holder. */
  private *documents(r: UkRow, holder: string, schema: string, prov: Provenance): Generator<StatementDraft> {
    const docs: { schema: 'Passport' | 'Identification'; number: string; text: string; prop: string }[] = [];
    // Free-text details without a number column: each enumerated item with a number is a document;
    // the full text stays on the holder as a note when any item has none.
    const collect = (number: string, details: string, docSchema: 'Passport' | 'Identification', prop: string): boolean => {
      if (number) {
        for (const n of splitEnumerated(number)) docs.push({ schema: docSchema, number: documentNumber(n) ?? n, text: joinParts([n, details], '; '), prop });
        return true;
      }
      let complete = true;
      for (const item of splitEnumerated(details)) {
        const n = documentNumber(item);
        if (n) docs.push({ schema: docSchema, number: n, text: item, prop });
        else complete = false;
      }
      return complete;
    };
    if (!collect(r.passportNumber, r.passportDetails, 'Passport', 'passportNumber'))
      yield* this.sink.values(holder, schema, 'notes', [`Passport details: ${r.passportDetails}`], prov);
    if (!collect(r.nationalId, r.nationalIdDetails, 'Identification', 'idNumber'))
      yield* this.sink.values(holder, schema, 'notes', [`National identifier details: ${r.nationalIdDetails}`], prov);
    for (const doc of docs) {
      const key = `${holder}\u0000${doc.schema}\u0000${doc.number}`;
      if (this.seenKeys.has(key)) continue; // the same document repeated on another name row
      this.seenKeys.add(key);
      const docId = this.childId(r.key, doc.schema === 'Passport' ? 'passport' : 'id');
      const dv = (prop: string, values: (string | undefined)[]) => this.sink.values(docId, doc.schema, prop, values, prov);
      yield* dv('holder', [holder]);
      yield* dv('number', [doc.number]);
      yield* dv('summary', [doc.text]);
      yield* dv('country', [countryInText(doc.text)]);
      yield* this.sink.values(holder, schema, doc.prop, [doc.number], prov);
    }
  }

  private queueLinks(r: UkRow, from: string, prov: Provenance): void {
    const add = (kind: LinkKind, text: string | undefined) => {
      if (!text) return;
      for (const name of splitEnumerated(text).flatMap((t) => t.split(/\s*[;|]\s*/))) {
        const key = `${from}\u0000${kind}\u0000${normName(name)}`;
        if (name && !this.seenKeys.has(key)) {
          this.seenKeys.add(key);
          this.links.push({ from, fromKey: r.key, kind, name, prov });
        }
      }
    };
    add('parent', r.parentCompany);
    add('subsidiary', r.subsidiaries);
    add('currentOwner', r.currentOwners);
    add('previousOwner', r.previousOwners);
  }

  /** At the end of the file: fallback names, resolved relationships, and summary warnings. */
  *finish(): Generator<StatementDraft> {
    for (const [id, { name, schema, prov }] of this.fallbackName) {
      if (this.named.has(id)) continue;
      this.ctx.warn(`${prov.locator}: entry ${id} has no primary name; using its first alias "${name}"`);
      yield* this.sink.values(id, schema, 'name', [name], prov);
    }
    let unresolved = 0;
    for (const link of this.links) {
      const other = this.byName.get(normName(link.name));
      const label = { parent: 'Parent company', subsidiary: 'Subsidiary', currentOwner: 'Current owner/operator', previousOwner: 'Previous owner/operator' }[link.kind];
      const schema = this.sink.schema(link.from) ?? 'LegalEntity';
      yield* this.sink.values(link.from, schema, 'notes', [`${label}: ${link.name}`], link.prov);
      if (!other || other === link.from) {
        unresolved++;
        continue;
      }
      const linkId = this.childId(link.fromKey, 'link');
      const lv = (s: string, prop: string, values: string[]) => this.sink.values(linkId, s, prop, values, link.prov);
      if (link.kind === 'previousOwner') {
        yield* lv('UnknownLink', 'subject', [other]);
        yield* lv('UnknownLink', 'object', [link.from]);
        yield* lv('UnknownLink', 'role', [label]);
        continue;
      }
      const [owner, asset] = link.kind === 'subsidiary' ? [link.from, other] : [other, link.from];
      yield* lv('Ownership', 'owner', [owner]);
      yield* lv('Ownership', 'asset', [asset]);
      yield* lv('Ownership', 'role', [label]);
    }
    if (unresolved) this.ctx.warn(`${this.opts.file}: ${unresolved} company/owner references name no entry of this file; kept as notes`);
    if (this.unresolvedCountries.size) this.ctx.warn(`${this.opts.file}: no country code for ${summarize(this.unresolvedCountries)}`);
    if (this.badDates.size) this.ctx.warn(`${this.opts.file}: unreadable dates ${summarize(this.badDates)}`);
    if (this.unknownNameTypes.size) this.ctx.warn(`${this.opts.file}: unknown name types read as aliases: ${summarize(this.unknownNameTypes)}`);
  }
}

function summarize(counts: Map<string, number>, max = 12): string {
  const items = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = items.slice(0, max).map(([k, n]) => `"${k}" (${n}x)`);
  return shown.join(', ') + (items.length > max ? ` and ${items.length - max} more` : '');
}
