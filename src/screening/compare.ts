// Entity-against-entity scoring with explanations. The name decides most of the score (see
// features/names.ts); birth dates, countries, gender and identifiers adjust it; a shared IMO number
// is decisive and a different one counts strongly against. Schemata must be compatible: a Person
// never matches a Vessel; LegalEntity matches Company, Organization and Person.
import { model } from '../model/ftm.ts';
import { prepareName, nameKindOf, type NameKind, type NameToken, type PreparedName } from '../names/tokens.ts';
import { kindKeyHashLists } from '../names/keys.ts';
import { memosByKind } from '../names/memo.ts';
import { compareCountries, countryCodes } from './features/countries.ts';
import { compareDates, parseDates, type ParsedDate } from './features/dates.ts';
import { compareIdentifiers, entityIds, type EntityIds } from './features/identifiers.ts';
import { compareNames, measureLast, NAME_FEATURES, nameFeatures, scoreNames, setNameScore, type NameComparison, type TokenPair } from './features/names.ts';
import { LEARNED_ALGORITHM, matcherOf } from './algorithms.ts';
import { attribute, V2 } from './learned.ts';

export interface QueryEntity {
  schema: string;
  properties: Record<string, string[]>;
}

import type { Explanation } from './engine-types.ts';

export type { Explanation };

export interface CompareResult {
  score: number;
  match: boolean;
  explanations: Explanation[];
  /** Feature values (for benchmarks and tuning). */
  features?: Record<string, number>;
  /**
   * The sum of the contributions before the score is kept within 0..1: orders results of equal
   * score, so among people who share a name the one whose birth date and nationality agree comes first.
   */
  rank?: number;
}

export interface CompareOptions {
  threshold?: number;
  /** Multipliers by feature name: 'birthDate.mismatch', 'country.match', 'name.typo', 'name.phonetic', ... */
  weights?: Partial<Record<string, number>>;
  /** `interdict-v2` scores with the learned combination (learned.ts); any other name with interdict-v1. */
  algorithm?: string;
}

/**
 * Default decision threshold: `match = score >= DEFAULT_THRESHOLD`. Chosen on the project's own
 * labelled pairs (test/eval/pairs.csv): a full name that agrees token for token through typos and
 * romanizations scores above 0.85; a missing middle name or patronymic costs a few points; two
 * names that each have a word the other lacks (Kim Jong Un / Kim Jong Nam) fall near 0.5–0.65.
 */
export const DEFAULT_THRESHOLD = 0.72;

const GENDER: Record<string, string> = { male: 'm', m: 'm', female: 'f', f: 'f', man: 'm', woman: 'f' };
const COUNTRY_PROPS = ['nationality', 'citizenship', 'country', 'jurisdiction', 'flag', 'birthCountry'];

/** Name properties and how much a match through them counts. */
const NAME_PROPS: [string, number][] = [
  ['name', 1],
  ['alias', 1],
  ['previousName', 0.97],
  ['weakAlias', 0.88],
];

export interface NameEntry {
  value: string;
  prop: string;
  strength: number;
  readings: PreparedName[];
  /** 32-bit hashes of the name's blocking keys (compact; collisions only cost a comparison). */
  keys: Uint32Array;
}

export interface PreparedCandidate {
  readonly prepared: true;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  /** Name entries by name kind (built lazily for a kind other than the schema's own). */
  names: Map<NameKind, NameEntry[]>;
  dates: ParsedDate[];
  countries: Set<string>;
  genders: Set<string>;
  ids: EntityIds;
}

function namesOf(properties: Record<string, string[]>, schema: string): { value: string; prop: string; strength: number }[] {
  const out: { value: string; prop: string; strength: number }[] = [];
  const seen = new Set<string>();
  const add = (value: string, prop: string, strength: number) => {
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (!v || seen.has(v)) return;
    seen.add(v);
    out.push({ value: v, prop, strength });
  };
  for (const [prop, strength] of NAME_PROPS) for (const v of properties[prop] ?? []) add(v, prop, strength);
  if (schema === 'Person' || schema === 'LegalEntity') {
    const first = properties.firstName ?? [];
    const last = properties.lastName ?? [];
    const middle = [...(properties.middleName ?? []), ...(properties.secondName ?? []), ...(properties.fatherName ?? [])];
    for (const f of first.length ? first : ['']) for (const l of last) add([f, ...middle.slice(0, 1), l].filter(Boolean).join(' '), 'name', 1);
  }
  return out;
}

function buildEntries(properties: Record<string, string[]>, schema: string, kind: NameKind, withKeys: boolean): NameEntry[] {
  return namesOf(properties, schema)
    .slice(0, 200)
    .map(({ value, prop, strength }) => ({
      value,
      prop,
      strength,
      readings: prepareName(value.slice(0, 1000), kind),
      keys: withKeys ? nameKeyHashes(value.slice(0, 1000), kind) : new Uint32Array(0),
    }))
    .filter((e) => e.readings.length > 0);
}

/** Precomputes the name data of a listed entity once, for many comparisons. */
export function prepareCandidate(entity: QueryEntity & { caption?: string }, names?: Map<NameKind, NameEntry[]>): PreparedCandidate {
  if (!names) {
    const kind = nameKindOf(entity.schema);
    names = new Map<NameKind, NameEntry[]>();
    names.set(kind, buildEntries(entity.properties, entity.schema, kind, true));
  }
  const p = entity.properties;
  const genders = new Set((p.gender ?? []).map((g) => (typeof g === 'string' ? GENDER[g.toLowerCase()] : undefined)).filter((g): g is string => !!g));
  return {
    prepared: true,
    schema: entity.schema,
    properties: p,
    caption: entity.caption,
    names,
    dates: parseDates(p.birthDate ?? []),
    countries: countryCodes(propValues(p, COUNTRY_PROPS)),
    genders,
    ids: entityIds(p),
  };
}

/** The properties namesOf reads: two queries that agree on these have the same name entries. */
const QUERY_NAME_PROPS = [...NAME_PROPS.map(([prop]) => prop), 'firstName', 'lastName', 'middleName', 'secondName', 'fatherName'];

/** The schema and name properties of a query as text: equal for queries with the same name entries. */
export function queryNamesKey(query: QueryEntity): string {
  const p = query.properties;
  let key = query.schema;
  for (const prop of QUERY_NAME_PROPS) if (p[prop] !== undefined) key += `\u0000${prop}\u0000${JSON.stringify(p[prop])}`;
  return key;
}

/** The last query's names (by schema and name properties) and its name entries. */
let lastQuery: { key: string; names: Map<NameKind, NameEntry[]> } | undefined;

/**
 * prepareCandidate for a query. A query with the same names as the one before (a batch in name
 * order: one name with other birth dates or countries) shares its name entries, so the best name
 * pairs found against each candidate are reused (rememberedBestName) instead of scored again.
 */
export function prepareQuery(query: QueryEntity): PreparedCandidate {
  const key = queryNamesKey(query);
  const prepared = prepareCandidate(query, lastQuery?.key === key ? lastQuery.names : undefined);
  lastQuery = { key, names: prepared.names };
  return prepared;
}

function entriesFor(p: PreparedCandidate, kind: NameKind): NameEntry[] {
  let e = p.names.get(kind);
  if (!e) {
    e = buildEntries(p.properties, p.schema, kind, true);
    p.names.set(kind, e);
  }
  return e;
}

function asPrepared(e: QueryEntity | PreparedCandidate): PreparedCandidate {
  return (e as PreparedCandidate).prepared === true ? (e as PreparedCandidate) : prepareCandidate(e);
}

/** Schemata that may describe the same thing (one is a kind of the other). */
export function schemataCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = model.schemata[a];
  const sb = model.schemata[b];
  if (!sa || !sb) return a === 'Thing' || b === 'Thing';
  return sa.isA(b) || sb.isA(a);
}

/** The kind of name comparison for a pair of schemata (the more specific side decides). */
function pairKind(q: string, c: string): NameKind {
  if (q === 'Person' || c === 'Person') return 'person';
  if (q === 'Vessel' || c === 'Vessel' || q === 'Airplane' || c === 'Airplane') return 'vessel';
  return 'org';
}

interface BestName {
  score: number;
  /** The details of the pair, worked out again when they are to be explained. */
  cmp: () => NameComparison;
  q: NameEntry;
  qr: PreparedName;
  c: NameEntry;
  cr: PreparedName;
}

/**
 * The hashes of a name's blocking keys (src/names/keys.ts), for `sharesKey`. Built from the
 * per-token lists, so the words every name repeats are hashed once; a key in several lists
 * repeats, which the intersection test does not mind.
 */
function nameKeyHashes(name: string, kind: NameKind): Uint32Array {
  // List versions repeat names: the result is kept (never mutated) like the keys.
  const cache = nameHashCache(kind);
  return cache.get(name) ?? cache.set(name, computeNameKeyHashes(name, kind));
}

const nameHashCache = memosByKind<Uint32Array>(100_000);

function computeNameKeyHashes(name: string, kind: NameKind): Uint32Array {
  const lists = kindKeyHashLists(name, kind);
  let total = 0;
  for (const list of lists) total += list.hashes.length;
  const out = new Uint32Array(total);
  let at = 0;
  for (const list of lists) {
    out.set(list.hashes, at);
    at += list.hashes.length;
  }
  return out;
}

// The query name's key hashes as an open-addressing set, made once per query name (`keys` is the
// name entry's own array): each listed name is then probed key by key, which costs less than walking
// two sorted arrays side by side (the walk's branches are coin flips to the processor).
let probeOf: Uint32Array | undefined;
let probeSlots = new Uint32Array(256);
let probeUsed = new Uint8Array(256);
let probeShift = 24;

function probeFor(keys: Uint32Array): void {
  if (probeOf === keys) return;
  probeOf = keys;
  let bits = 8;
  while (1 << bits < 4 * keys.length) bits++;
  if (probeSlots.length !== 1 << bits) {
    probeSlots = new Uint32Array(1 << bits);
    probeUsed = new Uint8Array(1 << bits);
  } else probeUsed.fill(0);
  probeShift = 32 - bits;
  const mask = (1 << bits) - 1;
  for (let i = 0; i < keys.length; i++) {
    const h = keys[i];
    let slot = Math.imul(h, 0x9e3779b1) >>> probeShift;
    while (probeUsed[slot] && probeSlots[slot] !== h) slot = (slot + 1) & mask;
    probeUsed[slot] = 1;
    probeSlots[slot] = h;
  }
}

/** Whether `keys` and the name given to probeFor share a key. */
function sharesKey(keys: Uint32Array): boolean {
  const mask = probeSlots.length - 1;
  for (let i = 0; i < keys.length; i++) {
    const h = keys[i];
    for (let slot = Math.imul(h, 0x9e3779b1) >>> probeShift; probeUsed[slot]; slot = (slot + 1) & mask) if (probeSlots[slot] === h) return true;
  }
  return false;
}

/**
 * The best-scoring pair of a query name and a listed name. Pairs are scored without details
 * (scoreNames allocates nothing); only the winning pair is compared again for its explanation.
 */
function bestNameMatch(q: NameEntry[], c: NameEntry[], kind: NameKind, weights?: Partial<Record<string, number>>, measures?: Float64Array): BestName | undefined {
  let bestScore = -1;
  let bq: NameEntry | undefined;
  let bqr: PreparedName | undefined;
  let bc: NameEntry | undefined;
  let bcr: PreparedName | undefined;
  search: for (const qe of q) {
    if (qe.keys.length) probeFor(qe.keys);
    for (const ce of c) {
      // Names sharing no blocking key cannot reach the threshold (keys.ts guarantees the converse).
      if (qe.keys.length && ce.keys.length && !sharesKey(ce.keys)) continue;
      const strength = Math.min(qe.strength, ce.strength);
      for (const qr of qe.readings) {
        for (const cr of ce.readings) {
          // Compounds joined meet compounds joined, as written meets as written.
          if (qr.compound && cr.compound && qr.compound !== cr.compound) continue;
          const raw = scoreNames(qr, cr, kind, weights);
          const score = raw * strength;
          if (score > bestScore) {
            // interdict-v2 reads the alignment's measurements now, while scoreNames' state holds them.
            if (measures) measureLast(qr, cr, kind, raw, measures);
            bestScore = score;
            bq = qe;
            bqr = qr;
            bc = ce;
            bcr = cr;
            if (score >= 0.999) break search; // cannot improve
          }
        }
      }
    }
  }
  if (!bq || !bqr || !bc || !bcr) return undefined;
  let details: NameComparison | undefined;
  return { score: bestScore, q: bq, qr: bqr, c: bc, cr: bcr, cmp: () => (details ??= compareNames(bqr, bcr, kind, weights)) };
}

/** The best name pairs of one query's name entries (by identity) against the candidates met so far. */
let remembered: { of: NameEntry[]; best: Map<NameEntry[], { best: BestName | undefined; measures?: Float64Array }> } | undefined;

/**
 * bestNameMatch, remembered for the query's name entries: a later query sharing them (prepareQuery)
 * meets mostly the same candidates. Only the current entries are kept, so the memo dies young.
 */
function rememberedBestName(q: NameEntry[], c: NameEntry[], kind: NameKind, measures?: Float64Array): BestName | undefined {
  if (remembered?.of !== q) remembered = { of: q, best: new Map() };
  const hit = remembered.best.get(c);
  if (hit && (!measures || !hit.best || hit.measures)) {
    if (measures && hit.measures) measures.set(hit.measures);
    return hit.best;
  }
  const best = bestNameMatch(q, c, kind, undefined, measures);
  remembered.best.set(c, { best, measures: measures && best ? measures.slice() : undefined });
  return best;
}

const LINK_TEXT: Record<TokenPair['link'], string> = {
  exact: 'same word',
  joined: 'joined and split forms of one name',
  variant: 'listed spellings of one name',
  phonetic: 'same sound under another romanization',
  'wade-giles': 'Wade–Giles read as Pinyin',
  glide: 'German/Slavic j read as y',
  'long-vowel': 'a final vowel written long (doubled) or short',
  baltic: 'Latvian or Lithuanian ending of a Russian name',
  abbreviation: 'abbreviated form of the word',
  patronymic: 'the same patronymic in another language or spelling',
  truncated: 'the last word cut short (a name longer than its field)',
  place: 'a Russian place adjective and the place it names',
  consonants: 'same consonants (script without written vowels, or one writing names by sound)',
  typo: 'spelling difference within the typo tolerance for its length',
  'phonetic-typo': 'near-identical pronunciation key',
  scrambled: 'the same letters written backwards or shuffled',
  initial: 'initial of the name',
  feminine: 'feminine form of the surname (related, not the same person)',
  none: '',
};

function nameExplanations(b: BestName): Explanation[] {
  const { q, qr, c, cr } = b;
  const cmp = b.cmp();
  const out: Explanation[] = [];
  const links = new Set(cmp.pairs.map((p) => p.link));
  const translit = qr.system !== 'latin' || cr.system !== 'latin';
  let feature = 'name.exact';
  if (cmp.unmatchedQuery.length || cmp.unmatchedCandidate.length) feature = 'name.token_overlap';
  else if (translit) feature = 'name.transliteration';
  else if (links.has('feminine')) feature = 'name.feminine_form';
  else if (links.has('typo') || links.has('phonetic-typo')) feature = 'name.typo';
  else if (links.has('scrambled')) feature = 'name.scrambled';
  else if (links.has('truncated')) feature = 'name.truncated';
  else if (links.has('phonetic') || links.has('wade-giles') || links.has('variant') || links.has('consonants') || links.has('long-vowel') || links.has('place')) feature = 'name.romanization';
  else if (links.has('joined')) feature = 'name.joined';
  else if (links.has('initial')) feature = 'name.initials';
  if (cmp.acronym) feature = 'name.acronym';
  else if (cmp.compact) feature = 'name.compact';
  const via = (r: PreparedName, v: string) => (r.system !== 'latin' ? `${v} romanized (${r.system}) as '${r.text}'` : `'${v}'`);
  const listedAs = c.prop === 'name' ? 'listed name' : `listed ${c.prop}`;
  out.push({
    feature,
    weight: round(b.score),
    detail: `query name ${via(qr, q.value)} met ${listedAs} ${via(cr, c.value)}` + (c.strength < 1 ? ` (a ${c.prop} counts ×${c.strength})` : ''),
    query: q.value,
    candidate: c.value,
  });
  // The lines below say what shaped the name score above; they carry weight 0 so that the
  // contributions listed add up to the score shown.
  for (const p of cmp.pairs) {
    if (p.link === 'exact') continue;
    const key = p.link === 'phonetic' ? ` (key ${p.q.key})` : p.link === 'consonants' ? ` (consonants ${p.q.skel})` : '';
    out.push({
      feature: `name.${p.link === 'phonetic' ? 'phonetic' : p.link.replace('-', '_')}`,
      weight: 0,
      detail: `'${p.q.text}' ~ '${p.c.text}': ${LINK_TEXT[p.link]}${key}, word similarity ${round(p.sim)}`,
      query: p.q.text,
      candidate: p.c.text,
    });
  }
  const words = (ts: NameToken[]) => ts.map((t) => `'${t.text}'`).join(', ');
  if (cmp.unmatchedQuery.length)
    out.push({ feature: 'name.unmatched_query', weight: 0, detail: `query words without a counterpart: ${words(cmp.unmatchedQuery)}` });
  if (cmp.unmatchedCandidate.length)
    out.push({ feature: 'name.unmatched_candidate', weight: 0, detail: `listed words without a counterpart: ${words(cmp.unmatchedCandidate)}` });
  if (cmp.acronym)
    out.push({ feature: 'name.acronym', weight: 0, detail: `'${cmp.acronym.query}' and '${cmp.acronym.candidate}': one name is the acronym of the other` });
  if (cmp.compact)
    out.push({
      feature: 'name.compact',
      weight: 0,
      detail: `the names run together ('${cmp.compact.query}' / '${cmp.compact.candidate}') differ by ${cmp.compact.edits} edit(s)`,
    });
  if (cmp.numberConflict) out.push({ feature: 'name.number_mismatch', weight: 0, detail: 'the names carry different numbers (e.g. SPARTA II vs SPARTA IV): the name score is halved' });
  if (cmp.thin) out.push({ feature: 'name.single_token', weight: 0, detail: 'only one word of the names agrees: the name score is lowered' });
  if (cmp.givenApart) out.push({ feature: 'name.given_name_mismatch', weight: 0, detail: 'one given name of each differs beyond a spelling variant (a relative: another father or grandfather): the name score is lowered (×0.85)' });
  if (cmp.lineageSwapped) out.push({ feature: 'name.lineage_swapped', weight: 0, detail: "the names before and after bin/ibn are exchanged (a father's name for a son's: another person): the name score is lowered (×0.7)" });
  if (cmp.surnameApart) out.push({ feature: 'name.surname_mismatch', weight: 0, detail: 'the surnames differ beyond a spelling variant (each left without a counterpart): the name score is lowered (×0.85)' });
  if (cmp.legal !== 'none')
    out.push({
      feature: `name.legal_form_${cmp.legal}`,
      weight: 0,
      detail: `legal forms ${qr.legalPhrases.join('/')} and ${cr.legalPhrases.join('/')}: ${cmp.legal === 'same' ? 'same class' : cmp.legal === 'family' ? 'same family' : 'different'}`,
    });
  if (qr.removed.length || cr.removed.length)
    out.push({ feature: 'name.prefix_removed', weight: 0, detail: `ignored titles and prefixes: ${[...qr.removed, ...cr.removed].join(', ')}` });
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}


function propValues(p: Record<string, string[]>, names: string[]): string[] {
  return names.flatMap((n) => (Array.isArray(p[n]) ? p[n] : []));
}

interface Tally {
  score: number;
  features: Record<string, number>;
  explanations: Explanation[];
  weights?: Partial<Record<string, number>>;
}

function weightOf(t: Tally, feature: string): number {
  return t.weights?.[feature] ?? 1;
}

/** Adds a signed, weighted feature contribution with its explanation. */
function adjust(t: Tally, feature: string, delta: number, detail: string, qv?: string, cv?: string): void {
  const d = delta * weightOf(t, feature);
  if (d === 0 && delta !== 0) return;
  t.score += d;
  t.features[feature] = round(d);
  t.explanations.push({ feature, weight: round(d), detail, query: qv, candidate: cv });
}

/**
 * A conflicting birth date turns a full-name hit into a possible match (review), never a clear:
 * an exact name (1.0) with another birth year lands at 0.70, under the match threshold and well
 * above the review threshold (src/screening/bands.ts). A year apart or one day figure is `near`.
 */
const DATE_DELTA = { exact: 0.06, swap: 0.03, partial: 0.03, near: -0.08, mismatch: -0.3 };
const DATE_TEXT = {
  exact: 'birth dates agree',
  swap: 'birth dates agree with day and month swapped',
  partial: 'birth dates agree as far as both are known',
  near: 'birth dates differ by a year or in the day only',
  mismatch: 'birth dates differ',
};

const compatCache = new Map<string, Map<string, boolean>>();

/** Scores a query against a listed entity (raw or prepared by prepareCandidate). */
export function compareEntities(query: QueryEntity | PreparedCandidate, candidate: QueryEntity | PreparedCandidate, options: CompareOptions = {}): CompareResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const q = asPrepared(query);
  const c = asPrepared(candidate);
  // By schema then schema: a key made by concatenation would be a new string for every candidate.
  let byCandidate = compatCache.get(q.schema);
  if (!byCandidate) compatCache.set(q.schema, (byCandidate = new Map()));
  let compatible = byCandidate.get(c.schema);
  if (compatible === undefined) byCandidate.set(c.schema, (compatible = schemataCompatible(q.schema, c.schema)));
  if (!compatible) {
    return {
      score: 0,
      match: false,
      explanations: [{ feature: 'schema.mismatch', weight: -1, detail: `a ${q.schema} query cannot match a listed ${c.schema}` }],
      features: { 'schema.mismatch': 1 },
    };
  }
  const kind = pairKind(q.schema, c.schema);
  const learned = matcherOf(options.algorithm) === LEARNED_ALGORITHM;
  const qNames = entriesFor(q, kind);
  const cNames = entriesFor(c, kind);
  const best = options.weights ? bestNameMatch(qNames, cNames, kind, options.weights, learned ? X : undefined) : rememberedBestName(qNames, cNames, kind, learned ? X : undefined);
  const ids = compareIdentifiers(q.ids, c.ids);
  if (!best && ids.decisive === 'none' && ids.strong === 'none') {
    // The common case in a scan: nothing in common.
    return { score: 0, match: false, explanations: [{ feature: 'name.none', weight: 0, detail: 'no name of the query shares a word with a listed name' }], features: { name: 0 } };
  }
  if (learned) return compareLearned(q, c, best, ids, threshold, options.weights);
  const t: Tally = { score: best ? best.score : 0, features: { name: round(best ? best.score : 0) }, explanations: [], weights: options.weights };
  // Full sentences only where someone will read them; a clear miss gets one line.
  if (best && best.score >= 0.3) t.explanations.push(...nameExplanations(best));
  else if (best) t.explanations.push({ feature: 'name.weak', weight: round(best.score), detail: `best name pair '${best.q.value}' / '${best.c.value}' agrees only weakly`, query: best.q.value, candidate: best.c.value });
  else t.explanations.push({ feature: 'name.none', weight: 0, detail: 'no name of the query shares a word with a listed name' });

  if (ids.strong === 'match') {
    const delta = (1 - t.score) * 0.6 * weightOf(t, 'identifier.match');
    t.score += delta;
    t.features['identifier.match'] = round(delta);
    t.explanations.push({ feature: 'identifier.match', weight: round(delta), detail: ids.detail ?? 'identifier on both', query: ids.value, candidate: ids.value });
  }
  const dates = compareDates(q.dates, c.dates);
  if (dates.outcome !== 'none')
    adjust(t, `birthDate.${dates.outcome}`, DATE_DELTA[dates.outcome], `${DATE_TEXT[dates.outcome]}: ${dates.query} vs ${dates.candidate}`, dates.query, dates.candidate);
  const countries = compareCountries(q.countries, c.countries);
  if (countries === 'match') adjust(t, 'country.match', 0.02, 'a country of the query is a country of the listed entity');
  else if (countries === 'mismatch') adjust(t, 'country.mismatch', -0.06, 'the countries of query and listed entity differ');
  if (q.genders.size && c.genders.size && ![...q.genders].some((g) => c.genders.has(g)))
    adjust(t, 'gender.mismatch', -0.2, `gender differs: ${[...q.genders][0]} vs ${[...c.genders][0]}`);

  return finish(t, ids, threshold);
}

/** The IMO rules (decisive either way, after everything else), the bounds, and the score as the sum of the lines shown. */
function finish(t: Tally, ids: ReturnType<typeof compareIdentifiers>, threshold: number, rank?: number): CompareResult {
  if (ids.decisive === 'match') {
    const before = t.score;
    t.score = Math.max(t.score, 0.97);
    t.explanations.push({ feature: 'identifier.imo', weight: round(t.score - before), detail: ids.detail ?? 'same IMO number', query: ids.value, candidate: ids.value });
    t.features['identifier.imo'] = 1;
  } else if (ids.decisive === 'conflict') {
    const before = t.score;
    t.score *= 1 - 0.5 * weightOf(t, 'identifier.imo_mismatch');
    t.explanations.push({ feature: 'identifier.imo_mismatch', weight: round(t.score - before), detail: ids.detail ?? 'different IMO numbers' });
    t.features['identifier.imo_mismatch'] = 1;
  }
  const bounded = Math.max(0, Math.min(1, t.score));
  if (bounded !== t.score) t.explanations.push({ feature: 'score.bounds', weight: round(bounded - t.score), detail: 'scores are kept between 0 and 1' });
  // The score shown is the sum of the contributions listed (each rounded as shown).
  let score = 0;
  for (const e of t.explanations) score += e.weight;
  score = round(Math.max(0, Math.min(1, score)));
  return { score, match: score >= threshold, explanations: t.explanations, features: t.features, rank: rank ?? round(t.score) };
}

// The name features of the best pair, in a buffer reused by every comparison (read at once).
const X = new Float64Array(NAME_FEATURES.length);

const FEATURE_TEXT: Record<string, string> = {
  'name.logit': 'name similarity in log-odds',
  'name.score_high': 'name similarity above 0.85',
  'name.mean_similarity': 'mean similarity of the aligned words',
  'name.min_coverage': 'smaller share of a name found in the other',
  'name.max_coverage': 'larger share of a name found in the other',
  'name.unmatched_person': 'person name words left over',
  'name.patronymic_conflict': 'both names keep a different patronymic',
  'name.conflict': 'both names have words the other lacks',
  'name.approximate_links': 'share of words matched within a typo',
  'name.sound_links': 'share of words matched by sound or romanization',
  'name.initial_links': 'share of words matched as initials',
  'name.single_word': 'a one-word name',
  'name.rarity': 'rarity of the words that agree',
  'name.transliterated': 'read from another script',
  'name.run_together': 'agrees only with the words run together',
  'name.acronym': 'one name is the acronym of the other',
  'name.number_mismatch': 'different numbers in the names',
  'name.thin': 'only one content word agrees',
  'name.legal_form_different': 'different legal forms',
  'name.person': 'compared as person names',
  'name.vessel': 'compared as vessel names',
  'name.person_coverage': 'smaller share of a person name found in the other',
};

/**
 * The baseline and shares rounded to the 0.001 shown, so that they add up to the score rounded:
 * the largest share takes the rounding difference. Equal scores stay equal (every strong name
 * at the cap shows 0.970), and the rank orders them.
 */
function roundedShares(score: number, baseline: number, shares: number[]): number[] {
  const out = [round(baseline), ...shares.map(round)];
  let sum = 0;
  for (const x of out) sum += x;
  const diff = round(round(score) - sum);
  if (diff !== 0) {
    let at = 0;
    for (let i = 1; i < out.length; i++) if (Math.abs(out[i]) > Math.abs(out[at])) at = i;
    out[at] = round(out[at] + diff);
  }
  return out;
}

/** The learned combination (interdict-v2, learned.ts): the same evidence as v1, weighed by the trained model. */
function compareLearned(q: PreparedCandidate, c: PreparedCandidate, best: BestName | undefined, ids: ReturnType<typeof compareIdentifiers>, threshold: number, weights?: Partial<Record<string, number>>): CompareResult {
  const parts: { feature: string; logit: number; value?: number; detail?: string; query?: string; candidate?: string }[] = [];
  const t: Tally = { score: 0, features: { name: round(best ? best.score : 0) }, explanations: [], weights };
  // Orders results by the log-odds before the name cap, so the closer name still comes first.
  let rank = V2.intercept;
  if (best) {
    // X holds the best pair's measurements (bestNameMatch). The pair's score counts a weak alias
    // or previous name less, as in v1.
    setNameScore(X, best.score);
    let sum = 0;
    for (let i = 0; i < X.length; i++) sum += V2.coefficients[i] * X[i];
    // Above the cap, each name contribution is scaled down in proportion (learned.ts).
    const scale = V2.intercept + sum > V2.nameCap && sum > 0 ? (V2.nameCap - V2.intercept) / sum : 1;
    rank = V2.intercept + sum;
    if (best.score < 0.3) {
      // A clear miss, the common case in a scan: the name measurements as one line, as v1 does.
      if (sum !== 0) parts.push({ feature: 'name.weak', logit: sum * scale, detail: `best name pair '${best.q.value}' / '${best.c.value}' agrees only weakly: the name measurements together` });
    } else {
      for (let i = 0; i < X.length; i++) {
        const logit = V2.coefficients[i] * X[i] * scale;
        if (logit !== 0) parts.push({ feature: NAME_FEATURES[i], logit, value: X[i], detail: scale < 1 ? `${FEATURE_TEXT[NAME_FEATURES[i]]} = ${round(X[i])}, scaled ×${round(scale)} to the name cap` : undefined });
      }
    }
    // What shaped the name measurements, in sentences (weight 0: the contributions are listed below).
    if (best.score >= 0.3) t.explanations.push(...nameExplanations(best).map((e) => ({ ...e, weight: 0 })));
  } else t.explanations.push({ feature: 'name.none', weight: 0, detail: 'no name of the query shares a word with a listed name' });
  const fixed = (feature: string, detail: string, qv?: string, cv?: string) => {
    const logit = (V2.fixed[feature] ?? 0) * weightOf(t, feature);
    if (logit === 0) return;
    parts.push({ feature, logit, detail, query: qv, candidate: cv });
    rank += logit;
  };
  if (ids.strong === 'match') fixed('identifier.match', ids.detail ?? 'identifier on both', ids.value, ids.value);
  const dates = compareDates(q.dates, c.dates);
  if (dates.outcome !== 'none') fixed(`birthDate.${dates.outcome}`, `${DATE_TEXT[dates.outcome]}: ${dates.query} vs ${dates.candidate}`, dates.query, dates.candidate);
  const countries = compareCountries(q.countries, c.countries);
  if (countries === 'match') fixed('country.match', 'a country of the query is a country of the listed entity');
  else if (countries === 'mismatch') fixed('country.mismatch', 'the countries of query and listed entity differ');
  if (q.genders.size && c.genders.size && ![...q.genders].some((g) => c.genders.has(g))) fixed('gender.mismatch', `gender differs: ${[...q.genders][0]} vs ${[...c.genders][0]}`);

  const a = attribute(V2.intercept, parts);
  const shown = roundedShares(a.score, a.baseline, a.contributions.map((k) => k.share));
  t.explanations.push({ feature: 'model.baseline', weight: shown[0], detail: `${V2.algorithm}: the score of a pair with no evidence (σ of the intercept ${V2.intercept.toFixed(2)})` });
  for (let i = 0; i < a.contributions.length; i++) {
    const k = a.contributions[i];
    const p = parts[i];
    const what = p.detail ?? `${FEATURE_TEXT[k.feature] ?? k.feature} = ${round(k.value ?? 0)}`;
    t.explanations.push({ feature: k.feature, weight: shown[i + 1], detail: `${what} (log-odds ${k.logit >= 0 ? '+' : ''}${k.logit.toFixed(2)})`, query: p.query, candidate: p.candidate });
    t.features[k.feature] = shown[i + 1];
  }
  t.score = a.score;
  return finish(t, ids, threshold, round(rank));
}

/** The name features of the best name pair of two entities (for training: test/eval/train.ts). */
export function pairNameFeatures(query: QueryEntity, candidate: QueryEntity): Float64Array | undefined {
  const q = asPrepared(query);
  const c = asPrepared(candidate);
  if (!schemataCompatible(q.schema, c.schema)) return undefined;
  const kind = pairKind(q.schema, c.schema);
  const best = bestNameMatch(entriesFor(q, kind), entriesFor(c, kind), kind);
  const x = new Float64Array(NAME_FEATURES.length);
  if (!best) {
    setNameScore(x, 0);
    return x;
  }
  nameFeatures(best.qr, best.cr, kind, x);
  setNameScore(x, best.score);
  return x;
}
