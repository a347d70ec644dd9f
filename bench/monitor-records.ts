// Synthetic portfolio records for bench:monitor: deterministic (seeded), mostly people, companies and
// vessels on no list, and a known fraction of light variants of real list names so alerts exist.
import type { FtmEntity } from '../src/model/entity.ts';
import type { InputRow } from '../src/screening/batch-input.ts';
import { COMMON_GIVEN_NAMES, COMMON_SURNAMES, seededRandom } from '../test/screening/helpers/evaluation.ts';

const COMPANY_WORDS = ['Northern', 'Atlantic', 'Global', 'Pacific', 'Green', 'Alpine', 'Delta', 'Summit', 'Harbour', 'Orion', 'Cedar', 'Silver', 'Eastern', 'Union', 'Royal', 'Prime', 'Coastal', 'Metro', 'Falcon', 'Nova', 'Vertex', 'Granite', 'Bright', 'Rapid', 'Golden'];
const COMPANY_TRADES = ['Trading', 'Logistics', 'Foods', 'Textiles', 'Systems', 'Holdings', 'Shipping', 'Energy', 'Pharma', 'Motors', 'Consulting', 'Agro', 'Metals', 'Software', 'Imports'];
const LEGAL_FORMS = ['Ltd', 'GmbH', 'SA', 'LLC', 'BV', 'SRL', 'AB', 'Inc', 'Pte Ltd', 'AG'];
const VESSEL_WORDS = ['Star', 'Ocean', 'Wind', 'Queen', 'Spirit', 'Dawn', 'Pearl', 'Voyager', 'Horizon', 'Breeze', 'Eagle', 'Trader', 'Glory', 'Venture', 'Harmony'];
const COUNTRIES = ['de', 'fr', 'gb', 'us', 'it', 'es', 'nl', 'pl', 'tr', 'in', 'br', 'jp', 'kr', 'ng', 'eg', 'ae'];

export interface RecordMix {
  records: number;
  /** Fraction of records that are variants of list names. */
  variants: number;
  seed: number;
}

/** `listed`: entities to draw variants from (the newer list version, so some hits appear only after the change). */
export function syntheticRecords(mix: RecordMix, listed: FtmEntity[]): InputRow[] {
  return [...syntheticRecordStream(mix, listed)];
}

/** The same records one at a time, for writing a portfolio file larger than one wants to hold. */
export function* syntheticRecordStream(mix: RecordMix, listed: FtmEntity[]): Generator<InputRow> {
  const random = seededRandom(mix.seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const named = listed.filter((e) => ['Person', 'Company', 'Organization', 'Vessel', 'LegalEntity'].includes(e.schema) && e.properties.name?.length);
  for (let i = 0; i < mix.records; i++) {
    const id = `R${String(i).padStart(7, '0')}`;
    const roll = random();
    let schema: string;
    let properties: Record<string, string[]>;
    if (roll < mix.variants && named.length) {
      const target = pick(named);
      schema = target.schema === 'Organization' || target.schema === 'LegalEntity' ? 'Company' : target.schema;
      properties = { name: [variant(pick(target.properties.name), random)] };
    } else if (roll < 0.8) {
      schema = 'Person';
      const given = random() < 0.5 ? `${pick(COMMON_GIVEN_NAMES)} ${pick(COMMON_GIVEN_NAMES)}` : pick(COMMON_GIVEN_NAMES);
      properties = { name: [`${given} ${pick(COMMON_SURNAMES)}`] };
      if (random() < 0.5) properties.birthDate = [String(1940 + Math.floor(random() * 65))];
      if (random() < 0.5) properties.nationality = [pick(COUNTRIES)];
    } else if (roll < 0.94) {
      schema = 'Company';
      properties = { name: [`${pick(COMPANY_WORDS)} ${pick(COMPANY_WORDS)} ${pick(COMPANY_TRADES)} ${pick(LEGAL_FORMS)}`], country: [pick(COUNTRIES)] };
    } else {
      schema = 'Vessel';
      properties = { name: [`${pick(VESSEL_WORDS)} ${pick(VESSEL_WORDS)} ${1 + Math.floor(random() * 20)}`] };
      if (random() < 0.5) properties.imoNumber = [`IMO${9000000 + Math.floor(random() * 999999)}`];
    }
    yield { line: i + 2, id, query: { id, schema, properties } };
  }
}

/** A light variant of a listed name: as listed, lower case, tokens reversed, or one letter dropped. */
function variant(name: string, random: () => number): string {
  const roll = random();
  if (roll < 0.25) return name;
  if (roll < 0.5) return name.toLowerCase();
  const tokens = name.split(/\s+/);
  if (roll < 0.75 && tokens.length > 1) return [...tokens].reverse().join(' ');
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length < 6) return name;
  const at = 1 + Math.floor(random() * (longest.length - 2));
  return name.replace(longest, longest.slice(0, at) + longest.slice(at + 1));
}
