// What every OFAC format shares (legacy CSV, sdn.xml, the advanced XML): the authority, how a
// program code becomes a Sanction entity, how OFAC's entry types map to FtM schemata, and a small
// builder that turns one entity's values into statement drafts in the order the store expects.
import type { StatementDraft } from '../../model/statement.ts';
import { ID_PROP } from '../../model/statement.ts';
import { countryCode } from '../countries.ts';
import { makeEntityId, SANCTION_TOPIC } from '../../model/entity.ts';
import { hasProperty } from '../../model/ftm.ts';
import type { ParsedRemarks } from './remarks.ts';

export const OFAC_AUTHORITY = 'Office of Foreign Assets Control';
export const OFAC_PUBLISHER = 'US Department of the Treasury, Office of Foreign Assets Control (OFAC)';
export const OFAC_LICENCE = 'Public domain (US Government work, 17 U.S.C. 105)';

/** OFAC's public page for one entry: the Sanction's sourceUrl. */
export function ofacEntryUrl(entNum: string): string {
  return `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${encodeURIComponent(entNum)}`;
}

/**
 * Program codes of a legacy CSV or sdn.xml entry. The CSV joins several with `] [`
 * ("UKRAINE-EO13661] [CYBER2"); stray brackets and blanks are dropped.
 */
export function splitPrograms(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(/\]\s*\[/)) {
    const code = part.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
    if (code && code !== '-0-' && !out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * The Sanction's `programId` for an OFAC program code: `OFAC-` + the code in upper case with
 * blanks around hyphens removed and other blanks turned into hyphens:
 * `DPRK3` -> `OFAC-DPRK3`, `RUSSIA-EO14024` -> `OFAC-RUSSIA-EO14024`,
 * `CAATSA - RUSSIA` -> `OFAC-CAATSA-RUSSIA`. Every OFAC parser uses this scheme, so the same
 * program has the same id whichever format it came from.
 */
export function ofacProgramId(code: string): string {
  const norm = code
    .trim()
    .toUpperCase()
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, '-');
  return `OFAC-${norm}`;
}

export type OfacSchema = 'Person' | 'Vessel' | 'Airplane' | 'LegalEntity';

/**
 * FtM schema for OFAC's entry type: `individual` -> Person, `vessel` -> Vessel,
 * `aircraft` -> Airplane, empty / `entity` -> LegalEntity (refined to Company or Organization from
 * the remarks, see remarks.ts). Case-insensitive, so the XML's `Individual` works too.
 * Returns undefined for a type OFAC does not use.
 */
export function schemaForSdnType(type: string | null | undefined): OfacSchema | undefined {
  const t = (type ?? '').trim().toLowerCase();
  if (t === '' || t === '-0-' || t === 'entity') return 'LegalEntity';
  if (t === 'individual') return 'Person';
  if (t === 'vessel') return 'Vessel';
  if (t === 'aircraft') return 'Airplane';
  return undefined;
}

/** Provisions text of every SDN designation: the property of the listed party is blocked. */
export const SDN_PROVISION = 'Blocked: property and interests in property of the listed party are blocked (SDN list)';

/**
 * Non-SDN (Consolidated) lists: what the listing means depends on the program. Keys are program
 * codes as the Consolidated files write them.
 */
export const CONSOLIDATED_PROVISIONS: Record<string, string> = {
  'NS-PLC': 'Non-SDN Palestinian Legislative Council list: transactions with the listed member are not blocked but restricted (31 CFR 594/595)',
  'UKRAINE-EO13662': 'Sectoral Sanctions Identifications (SSI) list: prohibited dealings in new debt or equity per the applicable directive (EO 13662)',
  SSI: 'Sectoral Sanctions Identifications (SSI) list: prohibited dealings in new debt or equity per the applicable directive (EO 13662)',
  'RUSSIA-EO14024': 'Non-SDN Russia-related directive list: prohibitions per the applicable EO 14024 directive',
  'NS-CMIC-EO13959': 'Non-SDN Chinese Military-Industrial Complex Companies list: purchase or sale of publicly traded securities prohibited (EO 13959)',
  'CMIC-EO13959': 'Non-SDN Chinese Military-Industrial Complex Companies list: purchase or sale of publicly traded securities prohibited (EO 13959)',
  CMIC: 'Non-SDN Chinese Military-Industrial Complex Companies list: purchase or sale of publicly traded securities prohibited (EO 13959)',
  '561-RELATED': 'Correspondent Account or Payable-Through Account Sanctions (CAPTA) list: prohibitions on US correspondent or payable-through accounts',
  CAPTA: 'Correspondent Account or Payable-Through Account Sanctions (CAPTA) list: prohibitions on US correspondent or payable-through accounts',
  FSE: 'Foreign Sanctions Evaders list: transactions by US persons involving the listed party are prohibited (EO 13608)',
  'FSE-IR': 'Foreign Sanctions Evaders list: transactions by US persons involving the listed party are prohibited (EO 13608)',
  'FSE-SY': 'Foreign Sanctions Evaders list: transactions by US persons involving the listed party are prohibited (EO 13608)',
  'NS-ISA': 'Non-SDN Menu-Based Sanctions list: sanctions chosen from the menu of the Iran Sanctions Act',
  MBS: 'Non-SDN Menu-Based Sanctions list: sanctions chosen from a menu of sanctions',
};

/** Provisions texts for a Consolidated (non-SDN) listing under the given program codes. */
export function consolidatedProvisions(programs: string[]): string[] {
  const out: string[] = [];
  for (const p of programs) {
    const text = CONSOLIDATED_PROVISIONS[p.toUpperCase()];
    if (text && !out.includes(text)) out.push(text);
  }
  if (out.length === 0) out.push('Non-SDN (Consolidated) list: restrictions short of blocking, per the listed program');
  return out;
}

export interface StatementBase {
  locator?: string | null;
  claimDate?: string | null;
}

/**
 * One entity under construction. Values are kept in insertion order and de-duplicated; every value
 * remembers its own locator (an alias from alt.csv points at alt.csv, not sdn.csv). `statements()`
 * yields the `id` statement first, then the values in order, so the caption is the first `name`.
 * The schema may be changed (LegalEntity -> Company) until the statements are taken.
 */
export class EntityDraft {
  // Parallel arrays rather than objects and a Set: entities have a few dozen values at most, and a
  // list of 10,000+ entries makes the allocation count matter.
  private readonly props: string[] = [];
  private readonly vals: string[] = [];
  private readonly locs: (string | null | undefined)[] = [];

  constructor(
    readonly id: string,
    public schema: string,
    readonly base: StatementBase = {},
  ) {}

  /** Add a value; empty values and exact repeats are ignored. Returns false when nothing was added. */
  add(prop: string, value: string | null | undefined, locator?: string | null): boolean {
    const v = value?.trim();
    if (!v) return false;
    for (let i = 0; i < this.vals.length; i++) if (this.vals[i] === v && this.props[i] === prop) return false;
    this.props.push(prop);
    this.vals.push(v);
    this.locs.push(locator);
    return true;
  }

  /**
   * Add a value the schema has, else keep it as a note (a title on a vessel). An empty value adds
   * nothing.
   */
  addOrNote(prop: string, value: string | null | undefined, fallbackNote: string, locator?: string | null): void {
    if (!value) return;
    if (this.accepts(prop)) this.add(prop, value, locator);
    else this.add('notes', fallbackNote, locator);
  }

  /** A vessel's flag as a country code; a flag the country table does not know is kept as a note. */
  addFlag(flag: string | null | undefined): void {
    if (!flag) return;
    const code = countryCode(flag);
    if (code) this.addOrNote('flag', code, `Vessel flag: ${flag}`);
    else this.add('notes', `Vessel flag: ${flag}`);
  }

  /** True when the current schema has the property (use before add when unsure). */
  accepts(prop: string): boolean {
    return hasProperty(this.schema, prop);
  }

  *statements(): Generator<StatementDraft> {
    const claimDate = this.base.claimDate ?? null;
    const locator = this.base.locator ?? null;
    yield { entityId: this.id, schema: this.schema, prop: ID_PROP, value: this.id, locator, claimDate, evidenceGrade: 'official' };
    for (let i = 0; i < this.vals.length; i++) {
      yield { entityId: this.id, schema: this.schema, prop: this.props[i], value: this.vals[i], locator: this.locs[i] ?? locator, claimDate, evidenceGrade: 'official' };
    }
  }
}

/**
 * The Sanction entity of one OFAC designation: `<dataset>-<entNum>-sanction` unless another `id` is
 * given (a party's further list entries), linked to the target, with authority, the programs (and
 * their ids), country `us`, the entry's OFAC page, and provisions.
 */
export function ofacSanction(
  dataset: string,
  entNum: string,
  targetId: string,
  programs: string[],
  provisions: string[],
  base: StatementBase = {},
  id = makeEntityId(dataset, entNum, 'sanction'),
): EntityDraft {
  const s = new EntityDraft(id, 'Sanction', base);
  s.add('entity', targetId);
  s.add('authority', OFAC_AUTHORITY);
  s.add('authorityId', entNum);
  s.add('country', 'us');
  for (const p of programs) s.add('program', p);
  for (const p of programs) s.add('programId', ofacProgramId(p));
  for (const p of provisions) s.add('provisions', p);
  s.add('sourceUrl', ofacEntryUrl(entNum));
  return s;
}

/**
 * One statement at a time from batches of statements (one batch per list entry). Parsers build an
 * entry's statements synchronously and hand them over in one step; serving them from a buffer
 * costs one resolved promise per statement instead of an async generator's round trips, which
 * matters at a few hundred thousand statements. Stopping early (break, an error downstream)
 * closes the underlying generator, and with it the files.
 */
export function flattenBatches<T>(batches: AsyncIterable<T[]>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const source = batches[Symbol.asyncIterator]();
      let buffer: T[] = [];
      let pos = 0;
      const pull = async (): Promise<IteratorResult<T>> => {
        for (;;) {
          const r = await source.next();
          if (r.done) return { done: true, value: undefined };
          if (r.value.length > 0) {
            buffer = r.value;
            pos = 1;
            return { done: false, value: buffer[0] };
          }
        }
      };
      return {
        next(): Promise<IteratorResult<T>> {
          if (pos < buffer.length) return Promise.resolve({ done: false, value: buffer[pos++] });
          return pull();
        },
        async return(): Promise<IteratorResult<T>> {
          buffer = [];
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * The identity documents and wallets an entry's remarks name, as child entities of the entry.
 * `childId(kind, key)` gives each a stable id keyed by what it is (the number, the address).
 */
export function documentDrafts(
  parsed: Pick<ParsedRemarks, 'identifications' | 'wallets'>,
  target: EntityDraft,
  childId: (kind: string, key: string) => string,
  base: StatementBase,
): EntityDraft[] {
  const out: EntityDraft[] = [];
  for (const doc of parsed.identifications) {
    const d = new EntityDraft(childId(doc.schema === 'Passport' ? 'passport' : 'identification', doc.number), doc.schema, base);
    d.add('holder', target.id);
    d.add('number', doc.number);
    d.add('type', doc.type);
    d.add('country', doc.country);
    d.add('startDate', doc.startDate);
    d.add('endDate', doc.endDate);
    d.add('description', doc.note);
    out.push(d);
  }
  for (const w of parsed.wallets) {
    const wallet = new EntityDraft(childId('wallet', w.address), 'CryptoWallet', base);
    wallet.add('publicKey', w.address);
    wallet.add('currencySymbol', w.currency);
    if (target.accepts('cryptoWallets')) wallet.add('holder', target.id);
    wallet.add('topics', SANCTION_TOPIC);
    out.push(wallet);
  }
  return out;
}
