// Labelled screening queries made from the lists themselves: a listed name, mangled the way people
// and systems mangle names (token order, case, punctuation, one typo, a dropped or joined part).
// The expected answer is every entity carrying the original name. Used to measure candidate recall
// and top-1 accuracy in tests and in bench:screen; deterministic for a given seed. Also synthetic
// people from common given names and surnames, nearly all on no list: what a customer file is mostly.
import type { FtmEntity } from '../../../src/model/entity.ts';
import type { QueryEntity } from '../../../src/screening/query.ts';

export interface LabelledQuery {
  query: QueryEntity;
  /** Ids of the entities that carry the original name. */
  expected: string[];
  original: string;
  mangling: string[];
}

const SOURCE_SCHEMATA = new Set(['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane']);

/** A small fast seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names that differ only in case, spacing or punctuation are the same name (`LTD.` = `LTD`). */
const normal = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function labelledQueries(entities: FtmEntity[], count: number, seed = 42): LabelledQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const byName = new Map<string, string[]>();
  const sources = entities.filter((e) => SOURCE_SCHEMATA.has(e.schema) && e.properties.name?.length);
  for (const e of sources) {
    for (const n of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])]) {
      const key = normal(n);
      const ids = byName.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      byName.set(key, ids);
    }
  }
  const out: LabelledQuery[] = [];
  for (let i = 0; i < count && sources.length; i++) {
    const entity = pick(sources);
    const names = [...entity.properties.name, ...(entity.properties.alias ?? [])].filter((n) => /[A-Za-z]/.test(n));
    if (!names.length) continue;
    const original = pick(names);
    const manglers = MANGLERS.filter((m) => !m.personOnly || entity.schema === 'Person');
    const ops = [pick(manglers), ...(random() < 0.5 ? [pick(manglers)] : [])];
    let name = original;
    const applied: string[] = [];
    for (const op of ops) {
      const next = op.apply(name, random);
      if (next && /[\p{L}\p{N}]/u.test(next)) {
        name = next;
        applied.push(op.name);
      }
    }
    const schema = entity.schema === 'Organization' || entity.schema === 'Company' ? 'LegalEntity' : entity.schema;
    out.push({
      query: { id: `lq${i}`, schema, properties: { name: [name] } },
      expected: byName.get(normal(original)) ?? [entity.id],
      original,
      mangling: applied,
    });
  }
  return out;
}

interface Mangler {
  name: string;
  /** Only person names lose a middle name or have their given names joined. */
  personOnly?: boolean;
  apply(name: string, random: () => number): string | null;
}

const tokensOf = (s: string) => s.replace(/,/g, ' ').split(/\s+/).filter(Boolean);

const MANGLERS: Mangler[] = [
  {
    name: 'reorder', // `KIM, Jong Un` → `Jong Un KIM`
    apply: (s) => {
      const t = tokensOf(s);
      return t.length > 1 ? [...t.slice(1), t[0]].join(' ') : null;
    },
  },
  { name: 'lowercase', apply: (s) => s.toLowerCase() },
  {
    name: 'titlecase',
    apply: (s) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()),
  },
  { name: 'no-punctuation', apply: (s) => s.replace(/[.,'"()-]/g, ' ').replace(/\s+/g, ' ').trim() },
  {
    name: 'typo', // one edit in a long token
    apply: (s, random) => {
      const t = tokensOf(s);
      const long = t.map((x, i) => [x, i] as const).filter(([x]) => x.length >= 6 && /^[A-Za-z]+$/.test(x));
      if (!long.length) return null;
      const [tok, idx] = long[Math.floor(random() * long.length)];
      const p = 1 + Math.floor(random() * (tok.length - 2));
      const kind = Math.floor(random() * 4);
      const letter = 'aeioulnrst'[Math.floor(random() * 10)];
      const edited =
        kind === 0 ? tok.slice(0, p) + tok.slice(p + 1)
        : kind === 1 ? tok.slice(0, p) + letter + tok.slice(p)
        : kind === 2 ? tok.slice(0, p) + letter + tok.slice(p + 1)
        : tok.slice(0, p) + tok[p + 1] + tok[p] + tok.slice(p + 2);
      t[idx] = edited;
      return t.join(' ');
    },
  },
  {
    name: 'drop-middle', // `YELISEYEV, Ilya Vladimirovich` → `YELISEYEV Ilya`: the middle name or patronymic left out
    personOnly: true,
    apply: (s) => {
      const t = tokensOf(s);
      return t.length >= 3 ? t.slice(0, -1).join(' ') : null;
    },
  },
  {
    name: 'join-given', // `Jong Un` → `Jong-Un` or `Jongun`
    personOnly: true,
    apply: (s, random) => {
      const t = tokensOf(s);
      if (t.length < 3) return null;
      const joined = random() < 0.5 ? `${t[1]}-${t[2]}` : t[1] + t[2].toLowerCase();
      return [t[0], joined, ...t.slice(3)].join(' ');
    },
  },
];

/** Common given names and surnames of many countries, for synthetic people who are (nearly all) on no list. */
export const COMMON_GIVEN_NAMES = ['James', 'Maria', 'David', 'Anna', 'Michael', 'Sophie', 'Carlos', 'Lucia', 'Thomas', 'Emma', 'Pierre', 'Claire', 'Hans', 'Greta', 'Ivan', 'Olga', 'Dmitri', 'Svetlana', 'Ahmed', 'Fatima', 'Omar', 'Layla', 'Yusuf', 'Aisha', 'Wei', 'Li', 'Jun', 'Mei', 'Hiroshi', 'Yuki', 'Min-jun', 'Seo-yeon', 'Ji-hoon', 'Raj', 'Priya', 'Arjun', 'Kwame', 'Amara', 'Diego', 'Sofia', 'Lars', 'Ingrid', 'Mateo', 'Chiara', 'Pavel', 'Katarzyna', 'Nikos', 'Eleni', 'Tariq', 'Samira'];
export const COMMON_SURNAMES = ['Smith', 'Garcia', 'Müller', 'Dubois', 'Rossi', 'Kowalski', 'Novak', 'Ivanova', 'Petrenko', 'Sokolov', 'Haddad', 'Nasser', 'Khoury', 'Wang', 'Zhou', 'Tanaka', 'Suzuki', 'Park', 'Choi', 'Jung', 'Patel', 'Sharma', 'Okafor', 'Mensah', 'Silva', 'Santos', 'Andersen', 'Johansson', 'Fernandez', 'Lopez', 'Papadopoulos', 'Nowak', 'Horvat', 'Yilmaz', 'Demir', 'Cohen', 'Levi', "O'Brien", 'Murphy', 'Schneider', 'Fischer', 'Weber', 'Moreau', 'Laurent', 'Bianchi', 'Romano', 'Nguyen', 'Tran', 'Kim', 'Lee'];

/** Synthetic Person queries: one or two common given names, a common surname, half with a birth year. */
export function syntheticPeople(count: number, seed = 42): QueryEntity[] {
  const random = seededRandom(seed);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const given = random() < 0.5 ? `${pick(COMMON_GIVEN_NAMES)} ${pick(COMMON_GIVEN_NAMES)}` : pick(COMMON_GIVEN_NAMES);
    const properties: Record<string, string[]> = { name: [`${given} ${pick(COMMON_SURNAMES)}`] };
    if (random() < 0.5) properties.birthDate = [String(1940 + Math.floor(random() * 65))];
    return { id: `sp${i}`, schema: 'Person', properties };
  });
}
