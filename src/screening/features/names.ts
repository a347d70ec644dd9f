// Name-against-name scoring: align the tokens of two prepared names one to one (joined given
// names may meet two tokens), weigh every token by rarity, and let unmatched tokens count against
// the pair — lightly for a missing middle name or patronymic, heavily when both names have words
// the other lacks (Kim Jong Un vs Kim Jong Nam) or an organisation name loses a content word.
import { compareLegalForms, type LegalClass } from '../../names/legal.ts';
import { editDistance } from '../../names/normalize.ts';
import { isKoreanSyllable, isPinyin, pinyinSyllableCount } from '../../names/phonetic.ts';
import { cachedTokenSimilarity, type TokenLink } from '../../names/similarity.ts';
import { makeToken, type NameJoin, type NameKind, type NameToken, type PreparedName } from '../../names/tokens.ts';

export interface TokenPair {
  q: NameToken;
  c: NameToken;
  sim: number;
  link: TokenLink | 'joined';
}

export interface NameComparison {
  score: number;
  pairs: TokenPair[];
  unmatchedQuery: NameToken[];
  unmatchedCandidate: NameToken[];
  legal: 'same' | 'family' | 'different' | 'none';
  numberConflict: boolean;
  /** Only one content word matched while others were left over (a surname alone). */
  thin: boolean;
  /** A person's surnames differ beyond a spelling variant (left over on both sides, or two edits and other consonants apart). */
  surnameApart: boolean;
  /**
   * A person's names agree but for one given name each, far apart (Ibrahim Hamad / Ibrahim Sa'd
   * Zayn-al-Abidin): a father's or grandfather's name that differs names a relative.
   */
  givenApart: boolean;
  /** A person's names before and after bin/ibn exchanged (Ahmad bin Hasan / Hasan bin Ahmad): father and son. */
  lineageSwapped: boolean;
  /** One name is the acronym of the other. */
  acronym?: { query: string; candidate: string };
  /** The score came from the names run together (a typo across a word break, `Chun-msik`). */
  compact?: { query: string; candidate: string; edits: number };
}

export type LinkWeights = Partial<Record<string, number>>;

/** The joined word of a join as a token, made once per prepared name and kept on the join. */
function joinedToken(side: PreparedName, j: NameJoin): NameToken {
  if (j.token) return j.token;
  const t = makeToken(j.text, 'word');
  // The joined word keeps the Wade–Giles-as-Pinyin reading of its parts (`hai-hsin` → `haixin`).
  const alt = j.altKey && !t.alt.includes('w:' + j.altKey) ? [...t.alt, 'w:' + j.altKey] : t.alt;
  const weight = Math.max(side.tokens[j.index].weight, side.tokens[j.index + 1].weight);
  // Not interned (its weight is the name's): similarity.ts does not cache its pairs.
  return (j.token = { ...t, alt, weight, kept: false, id: -1, keyLists: [undefined, undefined], keyHashes: [undefined, undefined] });
}

/** A join applies when its joined word is a word of the other name (Jong Un ↔ Jongun). */
function joinApplies(j: NameJoin, other: PreparedName, vowelless: boolean): boolean {
  for (const o of other.tokens) {
    if (o.kind === 'word' && (o.text === j.text || (o.text.length >= 4 && (o.key === j.key || o.key === j.altKey || (vowelless && o.askel === j.askel))))) return true;
  }
  return false;
}

/**
 * The units of `side` for alignment with `other`, written to `units`: its tokens, with adjacent
 * tokens joined into one where the other name has the joined word (overlapping joins: the first
 * wins). `first[u]` is the index of the unit's first token, `joined[u]` 1 for a joined unit.
 */
function unitsOf(side: PreparedName, other: PreparedName, vowelless: boolean, units: NameToken[], first: Int16Array, joined: Uint8Array): number {
  const tokens = side.tokens;
  const joins = side.joins;
  let u = 0;
  let next = 0; // next join to look at (joins are in token order)
  for (let k = 0; k < tokens.length; k++, u++) {
    while (next < joins.length && joins[next].index < k) next++;
    const j = next < joins.length && joins[next].index === k ? joins[next] : undefined;
    first[u] = k;
    if (j && joinApplies(j, other, vowelless)) {
      units[u] = joinedToken(side, j);
      joined[u] = 1;
      k++;
    } else {
      units[u] = tokens[k];
      joined[u] = 0;
    }
  }
  return u;
}

/** Words an organisation name often gains or loses without becoming another organisation. */
const GENERIC_ORG_WORDS = new Set([
  'group', 'holding', 'holdings', 'international', 'intl', 'global', 'worldwide', 'enterprise', 'enterprises', 'industries',
  'services', 'service', 'solutions', 'systems', 'network', 'organization', 'organisation', 'association', 'agency', 'office',
  'branch', 'representative', 'general', 'team', 'gang', 'unit', 'brand', 'firm', 'partners', 'affiliates',
  'trading', 'industrial', 'industry', 'commercial',
]);

/** Generic words that name a company's line of business (Crystalord Systems); not its reach (Al-Quds International Foundation). */
const LINE_OF_BUSINESS_WORDS = new Set(['enterprise', 'enterprises', 'industries', 'services', 'service', 'solutions', 'systems', 'network']);

/**
 * Countries and regions in organisation names (Sberbank of Russia, Deutsche Bank (Schweiz)), in
 * English and in their own languages. One name having one says little; each name having another
 * (Bank of China / Bank of Chad, Solutions Denmark / Solutions France) names two subsidiaries.
 */
const COUNTRY_ORG_WORDS = new Set([
  'russia', 'russian', 'iran', 'iranian', 'korea', 'korean', 'dprk', 'china', 'chinese', 'prc', 'syria', 'syrian', 'iraq', 'iraqi',
  'lebanon', 'lebanese', 'ukraine', 'belarus', 'cuba', 'venezuela', 'turkey', 'uae', 'emirates', 'us', 'usa', 'america', 'american',
  'uk', 'britain', 'british', 'libya', 'yemen', 'sudan', 'afghanistan', 'pakistan', 'india', 'hongkong', 'singapore', 'malaysia',
  'europe', 'european', 'asia', 'asian', 'africa', 'african', 'schweiz', 'suisse', 'svizzera', 'switzerland', 'deutschland', 'germany',
  'france', 'italia', 'italy', 'espana', 'spain', 'nederland', 'netherlands', 'belgium', 'belgique', 'osterreich', 'austria', 'polska',
  'poland', 'danmark', 'denmark', 'sverige', 'sweden', 'norge', 'norway', 'suomi', 'finland', 'japan', 'canada', 'australia', 'brasil',
  'brazil', 'mexico', 'kazakhstan', 'uzbekistan', 'armenia', 'georgia', 'azerbaijan', 'kyrgyzstan', 'tajikistan', 'moldova', 'latvia',
  'lithuania', 'estonia', 'cyprus', 'greece', 'israel', 'jordan', 'egypt', 'qatar', 'kuwait', 'oman', 'bahrain', 'myanmar', 'burma',
  'vietnam', 'laos', 'cambodia', 'thailand', 'indonesia', 'philippines', 'nigeria', 'kenya', 'ethiopia', 'somalia', 'eritrea', 'mali',
  'niger', 'chad', 'congo', 'zimbabwe', 'nicaragua', 'serbia', 'crimea', 'donetsk', 'luhansk',
]);

/**
 * How much an unmatched token counts against the pair, relative to its weight. `conflict`: both
 * names have content words the other lacks; `patronymicConflict`: both have a patronymic left over.
 */
function unmatchedFactor(t: NameToken, kind: NameKind, conflict: boolean, patronymicConflict: boolean, isQuery: boolean, isGiven: boolean, isSurname: boolean, countryConflict = false, genericDecides = false, numberConflict = false): number {
  if (t.kind === 'particle') return 0.1;
  if (t.kind === 'initial') return 0.3;
  if (t.patronymic) return patronymicConflict ? 1.5 : 0.2;
  // Two organisations numbered apart (Fund VII / Fund VIII, Trust 2004-1 / 2004-2) are one series:
  // the numbers count lightly and the score is lowered below (numberConflict); a vessel's sister
  // ship and a number one name lacks count fully.
  if (t.kind === 'number') return kind === 'person' || (kind === 'org' && numberConflict) ? 0.5 : 3;
  if (kind === 'person') return conflict ? 1.5 : isGiven ? 0.8 : isSurname ? 0.6 : isQuery ? 0.5 : 0.35;
  // A generic word naming a line of business or reach is all that tells CRYSTALORD SYSTEMS LIMITED
  // from CRYSTALORD LTD when the names share one word only: then it counts as much as any word
  // (Lazarus / Lazarus Group stay one).
  if (GENERIC_ORG_WORDS.has(t.text)) return genericDecides && LINE_OF_BUSINESS_WORDS.has(t.text) ? 2 : 0.5;
  if (COUNTRY_ORG_WORDS.has(t.text)) return countryConflict ? 3.5 : 0.5;
  return kind === 'org' ? 3.5 : 2;
}

function meanWeight(tokens: NameToken[]): number {
  let sum = 0;
  let n = 0;
  for (const t of tokens) if (t.kind === 'word') {
    sum += t.weight;
    n++;
  }
  return n ? sum / n : 0;
}

/**
 * The letters both names have in one order: written as they stand, or one with its last word
 * moved to the front (the surname first or last: Myon-gchin Kim / Kim Myong-chin). Never the
 * sorted forms, which would take Chol Min for Min Chol.
 */
function sameLetters(q: PreparedName, c: PreparedName): string | undefined {
  const a = q.compacts[0];
  const b = c.compacts[0];
  if (a === b) return a;
  if (a.length !== b.length) return undefined;
  if (q.compacts.length > 1 && q.compacts[q.compacts.length - 1] === b) return b;
  if (c.compacts.length > 1 && c.compacts[c.compacts.length - 1] === a) return a;
  return undefined;
}

/** Whole names run together and compared with a typo budget of one edit per seven letters. */
function compactMatch(q: PreparedName, c: PreparedName): { score: number; query: string; candidate: string; edits: number } | undefined {
  let best: { score: number; query: string; candidate: string; edits: number } | undefined;
  for (const a of q.compacts) {
    for (const b of c.compacts) {
      const len = Math.min(a.length, b.length);
      if (len < 8) continue;
      const budget = Math.min(3, Math.floor(len / 7));
      const d = editDistance(a, b, budget);
      if (d <= budget) {
        const score = 0.88 - 0.04 * d;
        if (!best || score > best.score) best = { score, query: a, candidate: b, edits: d };
      }
    }
  }
  return best;
}

// Module-level helpers rather than closures: scoreNames runs for every pair of names a query meets.
function isContent(t: NameToken): boolean {
  return (t.kind === 'word' || t.kind === 'number') && !t.patronymic;
}
/** A leftover word that is no Korean or Pinyin syllable (`msik`, `tolng`): possibly a typo the word-level budget could not absorb. */
function garbled(t: NameToken): boolean {
  return t.kind === 'word' && !isKoreanSyllable(t.text) && !isPinyin(t.text);
}
/** Numbers (SPARTA II) and differing patronymics are as telling as an average word, however common. */
function floorWeight(t: NameToken, mean: number, all: NameToken[], patronymicConflict: boolean): number {
  return t.kind === 'number' || (t.patronymic && patronymicConflict) ? meanWeight(all) : t.kind === 'word' ? mean : 0;
}
/**
 * Two surnames further apart than a typo or spelling variant: three edits or more, or two with
 * another first letter (Navros / Lavrov; a changed first letter is more often another name).
 * Sultan / Salman or Sisi / Sirri stay for the names run together to judge.
 */
function surnamesApart(a: string, b: string): boolean {
  const d = editDistance(a, b, 2);
  return d > 2 || (d === 2 && a[0] !== b[0]);
}

/**
 * Two given names left over that are different names: two known names (of different spelling
 * classes, or they would have paired: Hassan / Ibrahim), or as far apart as surnames must be and
 * with other consonants (Ilya / Elia are one name).
 */
function givenNamesApart(a: NameToken, b: NameToken): boolean {
  // A particle glued on (Aljalil / Jalil) is no other name.
  if (a.text.endsWith(b.text) || b.text.endsWith(a.text)) return false;
  if (a.classes.length && b.classes.length) return true;
  return a.skel !== b.skel && surnamesApart(a.text, b.text);
}

/** The token at `k` is where a person's surname stands: before the comma, or last. */
function isSurnameAt(p: PreparedName, k: number): boolean {
  return p.surnameCount > 0 ? k < p.surnameCount : k === p.tokens.length - 1;
}
function isSurname(t: NameToken, p: PreparedName): boolean {
  if (p.surnameCount === 0) return false;
  const i = p.tokens.indexOf(t);
  return i >= 0 && i < p.surnameCount;
}

/** One name is the acronym of the other (`IRGC` / `Islamic Revolutionary Guard Corps`). */
function acronymOf(short: PreparedName, long: PreparedName): boolean {
  if (short.tokens.length !== 1 || !long.initials) return false;
  const t = short.tokens[0].text;
  return t.length >= 2 && t.length <= 8 && t === long.initials;
}

// The last alignment, in reused buffers: scoreNames runs for every pair of names a query meets and
// must not allocate (allocation, through garbage collection, is what keeps batch screening from
// scaling across cores); compareNames reads the alignment back for the pair that is explained.
// Neither is re-entrant.
const MAX_UNITS = 64;
const SIMS = new Float64Array(MAX_UNITS * MAX_UNITS);
const LINKS = new Array<TokenLink>(MAX_UNITS * MAX_UNITS);
const Q_UNITS: NameToken[] = [];
const C_UNITS: NameToken[] = [];
// A name of more than 2 × MAX_UNITS tokens has more than MAX_UNITS units however they join.
const Q_FIRST = new Int16Array(2 * MAX_UNITS);
const C_FIRST = new Int16Array(2 * MAX_UNITS);
const Q_JOINED = new Uint8Array(2 * MAX_UNITS);
const C_JOINED = new Uint8Array(2 * MAX_UNITS);
const Q_USED = new Uint8Array(MAX_UNITS);
const C_USED = new Uint8Array(MAX_UNITS);
const Q_MATCH = new Int8Array(MAX_UNITS);

/** What the last scoreNames call found besides its score. */
const last = {
  /** The names were aligned word by word (m × n units); otherwise there are no pairs to report. */
  aligned: false,
  m: 0,
  n: 0,
  legal: 'none' as NameComparison['legal'],
  numberConflict: false,
  thin: false,
  surnameApart: false,
  givenApart: false,
  lineageSwapped: false,
  acronym: undefined as NameComparison['acronym'],
  compact: undefined as NameComparison['compact'],
};

/** Tokens of the unmatched units of one side (a joined unit stands for its two tokens). */
function forEachUnmatched(side: PreparedName, count: number, used: Uint8Array, first: Int16Array, joined: Uint8Array, f: (t: NameToken) => void): void {
  for (let u = 0; u < count; u++) {
    if (used[u]) continue;
    f(side.tokens[first[u]]);
    if (joined[u]) f(side.tokens[first[u] + 1]);
  }
}

// Flags over one side's unmatched tokens, filled by scanLeftovers (module state: no closure per call).
let leftContent = false;
let leftPatronymic = false;
let leftNumber = false;
let leftCountry = false;
let leftBusiness = false;
let leftUnits = 0;
let leftSurname: NameToken | undefined;
let leftWord: NameToken | undefined;

function scanLeftovers(side: PreparedName, count: number, used: Uint8Array, first: Int16Array, joined: Uint8Array): void {
  leftContent = leftPatronymic = leftNumber = leftCountry = leftBusiness = false;
  leftUnits = 0;
  leftSurname = leftWord = undefined;
  for (let u = 0; u < count; u++) {
    if (used[u]) continue;
    leftUnits++;
    for (let k = first[u], end = first[u] + joined[u]; k <= end; k++) {
      const t = side.tokens[k];
      if (t.kind === 'word' && !t.patronymic && isSurnameAt(side, k)) leftSurname = t;
      if (t.kind === 'word' && !t.patronymic) leftWord = t;
      if (isContent(t)) leftContent = true;
      if (t.patronymic) leftPatronymic = true;
      if (t.kind === 'number') leftNumber = true;
      if (COUNTRY_ORG_WORDS.has(t.text)) leftCountry = true;
      if (LINE_OF_BUSINESS_WORDS.has(t.text)) leftBusiness = true;
    }
  }
}

/** Whether a leftover token of one side is garbled: asked only when a run-together reading could help (its regexes cost). */
function anyGarbled(side: PreparedName, count: number, used: Uint8Array, first: Int16Array, joined: Uint8Array): boolean {
  for (let u = 0; u < count; u++) {
    if (used[u]) continue;
    for (let k = first[u], end = first[u] + joined[u]; k <= end; k++) if (garbled(side.tokens[k])) return true;
  }
  return false;
}

/** `den` plus what the unmatched tokens of one side count against the pair. */
function addLeftovers(den: number, side: PreparedName, count: number, used: Uint8Array, first: Int16Array, joined: Uint8Array, kind: NameKind, conflict: boolean, patronymicConflict: boolean, isQuery: boolean, countryConflict: boolean, genericDecides: boolean, numberConflict: boolean): number {
  // In a conflict every leftover word counts at least as much as an average word of its name:
  // a common surname (KIM) that differs still means another person.
  const mean = conflict ? meanWeight(side.tokens) : 0;
  const given = side.givenIndex !== undefined ? side.tokens[side.givenIndex] : undefined;
  let sum = den;
  for (let u = 0; u < count; u++) {
    if (used[u]) continue;
    for (let k = first[u], end = first[u] + joined[u]; k <= end; k++) {
      const t = side.tokens[k];
      // A generic word that alone tells two names apart weighs at least as much as their average word.
      const floor = genericDecides && kind !== 'person' && LINE_OF_BUSINESS_WORDS.has(t.text) ? meanWeight(side.tokens) : floorWeight(t, mean, side.tokens, patronymicConflict);
      sum += Math.max(t.weight, floor) * unmatchedFactor(t, kind, conflict, patronymicConflict, isQuery, t === given, isSurname(t, side), countryConflict, genericDecides, numberConflict);
    }
  }
  return sum;
}

/**
 * A person's names with one word left on each side after alignment (HAMIEH / HAMIEYE, Araghi /
 * Araqi, Fawaz / Fouaz): the two words are paired when they begin alike and differ in few letters
 * for their length, beyond the typo budget of a word alone. Their similarity stays below a typo's,
 * so the pair is weaker evidence than two words that agree. Not for romanized Korean or Pinyin
 * syllables (Hyok / Hyon differ by rule) nor two known names of different spelling classes.
 */
function pairLastWords(m: number, n: number): void {
  let qi = -1;
  let cj = -1;
  for (let i = 0; i < m; i++) {
    if (Q_USED[i] || Q_UNITS[i].kind !== 'word') continue;
    if (qi >= 0) return;
    qi = i;
  }
  for (let j = 0; j < n; j++) {
    if (C_USED[j] || C_UNITS[j].kind !== 'word') continue;
    if (cj >= 0) return;
    cj = j;
  }
  if (qi < 0 || cj < 0) return;
  const sim = lastWordSimilarity(Q_UNITS[qi], C_UNITS[cj]);
  if (sim <= 0) return;
  Q_USED[qi] = C_USED[cj] = 1;
  Q_MATCH[qi] = cj;
  SIMS[qi * n + cj] = sim;
  LINKS[qi * n + cj] = 'typo';
}

function lastWordSimilarity(a: NameToken, b: NameToken): number {
  const minLen = Math.min(a.text.length, b.text.length);
  const maxLen = Math.max(a.text.length, b.text.length);
  if (minLen < 4 || a.text[0] !== b.text[0] || a.patronymic !== b.patronymic) return 0;
  if (a.classes.length && b.classes.length) return 0;
  if (isKoreanSyllable(a.text) && isKoreanSyllable(b.text)) return 0;
  if (isPinyin(a.text) && isPinyin(b.text)) return 0;
  const d = editDistance(a.text, b.text, 2);
  const ratio = 1 - d / maxLen;
  return d <= 2 && ratio >= 0.7 ? 0.45 + 0.4 * ratio : 0;
}

/**
 * A name cut short where its field ended (35 characters of a payment message: `… BELKASSEM DR` for
 * `… BELKASSEM DRISSI`): the short side's last word, left over, is the beginning of the other side's
 * first leftover word after everything that paired. Needs two pairs besides, so one word and a
 * prefix never make a match. Pairs the two words with a similarity that grows with the share kept.
 */
function pairTruncated(side: PreparedName, count: number, otherCount: number, used: Uint8Array, first: Int16Array, joined: Uint8Array, units: NameToken[], otherUsed: Uint8Array, otherUnits: NameToken[], isQuery: boolean): void {
  const u = count - 1;
  // Fields end at 30 or 35 characters and more: a short name was not cut.
  if (u < 2 || side.text.length < TRUNCATED_FROM || used[u] || joined[u] || first[u] !== side.tokens.length - 1) return;
  const t = units[u];
  if (t.kind !== 'word' || t.text.length < 2) return;
  let pairs = 0;
  for (let k = 0; k < count; k++) if (used[k]) pairs++;
  if (pairs < 2) return;
  let lastUsed = -1;
  for (let j = 0; j < otherCount; j++) if (otherUsed[j]) lastUsed = j;
  const j = lastUsed + 1;
  if (j >= otherCount || otherUnits[j].kind !== 'word') return;
  const o = otherUnits[j].text;
  if (o.length <= t.text.length || !o.startsWith(t.text)) return;
  // A romanized Korean or Pinyin syllable inside another (Tae / Taek) is another syllable.
  if ((isKoreanSyllable(t.text) && isKoreanSyllable(o)) || (pinyinSyllableCount(t.text) === 1 && pinyinSyllableCount(o) === 1)) return;
  const [qi, cj, cn] = isQuery ? [u, j, otherCount] : [j, u, count];
  Q_USED[qi] = C_USED[cj] = 1;
  Q_MATCH[qi] = cj;
  SIMS[qi * cn + cj] = 0.7 + 0.25 * (t.text.length / o.length);
  LINKS[qi * cn + cj] = 'truncated';
}

const TRUNCATED_FROM = 24;

/**
 * Both names say whose son (X bin Y), and words that pair stand before bin on one side and after it
 * on the other, in both directions: the father's and the son's names exchanged, another person.
 */
function lineageCrossed(q: PreparedName, c: PreparedName, m: number, n: number): boolean {
  const qb = q.lineage;
  const cb = c.lineage;
  if (qb < 0 || cb < 0) return false;
  for (let i = 0; i < m; i++) {
    const j = Q_MATCH[i];
    if (j < 0 || Q_UNITS[i].kind !== 'word' || !(Q_FIRST[i] < qb && C_FIRST[j] > cb)) continue;
    for (let i2 = 0; i2 < m; i2++) {
      const j2 = Q_MATCH[i2];
      if (j2 < 0 || Q_UNITS[i2].kind !== 'word' || !(Q_FIRST[i2] > qb && C_FIRST[j2] < cb)) continue;
      // Not when the pairs could as well be uncrossed (Muhammad … bin Muhamad on both sides).
      if (SIMS[i * n + j2] + SIMS[i2 * n + j] < SIMS[i * n + j] + SIMS[i2 * n + j2] - 0.05) return true;
    }
  }
  return false;
}

/** The score of two prepared names of the same kind of entity (0..1), without the details. */
export function scoreNames(q: PreparedName, c: PreparedName, kind: NameKind, weights?: LinkWeights): number {
  last.aligned = false;
  last.legal = 'none';
  last.numberConflict = last.thin = last.surnameApart = last.givenApart = last.lineageSwapped = false;
  last.acronym = last.compact = undefined;
  if (kind !== 'person' && (acronymOf(q, c) || acronymOf(c, q))) {
    const [a, b] = q.tokens.length === 1 ? [q.tokens[0].text, c.initials] : [q.initials, c.tokens[0].text];
    last.acronym = { query: a, candidate: b };
    return 0.86;
  }
  if (q.tokens.length > 2 * MAX_UNITS || c.tokens.length > 2 * MAX_UNITS) return 0;
  const vowelless = q.vowelless || c.vowelless;
  const m = unitsOf(q, c, vowelless, Q_UNITS, Q_FIRST, Q_JOINED);
  const n = unitsOf(c, q, vowelless, C_UNITS, C_FIRST, C_JOINED);
  if (m > MAX_UNITS || n > MAX_UNITS) return 0;
  // Similarity matrix; greedy one-to-one assignment, best pair first.
  let any = false;
  for (let i = 0; i < m; i++) {
    const qt = Q_UNITS[i];
    for (let j = 0; j < n; j++) {
      const s = cachedTokenSimilarity(qt, C_UNITS[j], vowelless, kind !== 'person');
      let sim = s.sim;
      if (sim > 0 && weights) {
        const w = weights['name.' + s.link];
        if (w !== undefined) sim = Math.min(1, sim * w);
      }
      SIMS[i * n + j] = sim;
      LINKS[i * n + j] = s.link;
      if (sim > 0) any = true;
    }
  }
  if (!any) {
    const same = sameLetters(q, c);
    if (same && q.text !== c.text && same.length >= 6 && !vowelless) {
      last.compact = { query: same, candidate: same, edits: 0 };
      return 0.95;
    }
    return 0;
  }
  Q_USED.fill(0, 0, m);
  C_USED.fill(0, 0, n);
  Q_MATCH.fill(-1, 0, m);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = 0;
    let bw = 0;
    for (let i = 0; i < m; i++) {
      if (Q_USED[i]) continue;
      for (let j = 0; j < n; j++) {
        if (C_USED[j]) continue;
        const sim = SIMS[i * n + j];
        if (sim <= 0) continue;
        const w = Q_UNITS[i].weight + C_UNITS[j].weight;
        if (sim > bs || (sim === bs && w > bw)) {
          bs = sim;
          bw = w;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    Q_USED[bi] = C_USED[bj] = 1;
    Q_MATCH[bi] = bj;
  }
  // One augmenting step: an unmatched query word may take a matched candidate word if that
  // word's partner can move to an unmatched candidate word (Ch'ien Hsin / Qian Xin: ch'ien and
  // hsin both sound like xin).
  for (let i = 0; i < m; i++) {
    if (Q_USED[i]) continue;
    for (let i2 = 0; i2 < m && !Q_USED[i]; i2++) {
      const j2 = Q_MATCH[i2];
      if (j2 < 0 || SIMS[i * n + j2] <= 0) continue;
      for (let j = 0; j < n; j++) {
        if (C_USED[j] || SIMS[i2 * n + j] <= 0) continue;
        Q_MATCH[i] = j2;
        Q_MATCH[i2] = j;
        Q_USED[i] = 1;
        C_USED[j] = 1;
        break;
      }
    }
  }
  if (kind === 'person' && !vowelless) pairLastWords(m, n);
  // Guarded here, not inside: scoreNames runs for every pair a query meets, and few are long or say bin.
  if (!vowelless) {
    if (m > 2 && !Q_USED[m - 1] && q.text.length >= TRUNCATED_FROM) pairTruncated(q, m, n, Q_USED, Q_FIRST, Q_JOINED, Q_UNITS, C_USED, C_UNITS, true);
    if (n > 2 && !C_USED[n - 1] && c.text.length >= TRUNCATED_FROM) pairTruncated(c, n, m, C_USED, C_FIRST, C_JOINED, C_UNITS, Q_USED, Q_UNITS, false);
  }
  const lineageSwapped = kind === 'person' && q.lineage >= 0 && c.lineage >= 0 && lineageCrossed(q, c, m, n);
  last.aligned = true;
  last.m = m;
  last.n = n;
  let num = 0;
  let den = 0;
  let contentMatches = 0;
  let pairCount = 0;
  let strongPair = false;
  for (let i = 0; i < m; i++) {
    const j = Q_MATCH[i];
    if (j < 0) continue;
    const qu = Q_UNITS[i];
    const cu = C_UNITS[j];
    const sim = SIMS[i * n + j];
    const w = qu.weight + cu.weight;
    num += sim * w;
    den += w;
    pairCount++;
    if (sim >= 0.9) strongPair = true;
    if (qu.kind === 'word' && cu.kind === 'word' && sim >= 0.75 && LINKS[i * n + j] !== 'feminine') contentMatches++;
  }
  scanLeftovers(q, m, Q_USED, Q_FIRST, Q_JOINED);
  const qContent = leftContent;
  const qPatronymic = leftPatronymic;
  const qNumber = leftNumber;
  const qCountry = leftCountry;
  const qBusiness = leftBusiness;
  const qLeftUnits = leftUnits;
  const qLeftSurname = leftSurname;
  const qLeftWord = leftWord;
  scanLeftovers(c, n, C_USED, C_FIRST, C_JOINED);
  // Two people whose names pair word for word but the surname (Lavrov / Navros, AL-RAWI /
  // AL-TIKRITI): the word-level measures refused that pair, so it is another family; reading the
  // names run together would only count the surname's letters again.
  const surnameApart = kind === 'person' && qLeftUnits === 1 && leftUnits === 1 && !!qLeftSurname && !!leftSurname && surnamesApart(qLeftSurname.text, leftSurname.text);
  // The same for a given name away from the surname (the father's name of a long Arabic name): the
  // words that agree are the family's, however many, so the one that differs is not diluted by them.
  const givenApart = kind === 'person' && !vowelless && qLeftUnits === 1 && leftUnits === 1 && !qLeftSurname && !leftSurname && !!qLeftWord && !!leftWord && givenNamesApart(qLeftWord, leftWord);
  const conflict = qContent && leftContent;
  const patronymicConflict = qPatronymic && leftPatronymic;
  const countryConflict = qCountry && leftCountry;
  // Two lines of business, one each side (Business Solutions / Business Enterprises), or the only
  // word besides a single shared one (Crystalord Systems / Crystalord): the generic word tells them apart.
  const genericDecides = contentMatches === 1 || (kind !== 'person' && qBusiness && leftBusiness);
  const numberConflict = qNumber && leftNumber;
  den = addLeftovers(den, q, m, Q_USED, Q_FIRST, Q_JOINED, kind, conflict, patronymicConflict, true, countryConflict, genericDecides, numberConflict);
  den = addLeftovers(den, c, n, C_USED, C_FIRST, C_JOINED, kind, conflict, patronymicConflict, false, countryConflict, genericDecides, numberConflict);
  let score = den > 0 ? num / den : 0;
  if (numberConflict) score *= kind === 'org' ? 0.85 : 0.5;
  const thin = kind === 'person' && contentMatches === 1 && (qContent || leftContent) && (q.tokens.length > 1 || c.tokens.length > 1);
  if (thin) score *= 0.8;
  if (surnameApart || givenApart) score *= 0.85;
  if (lineageSwapped) score *= 0.7;
  if (contentMatches === 0) score = Math.min(score, 0.5);
  // Every link merely approximate (typos on every word) is weaker evidence than the average suggests;
  // not so for a name read by sound (katakana, Han), where consonants are all the evidence there is.
  if (pairCount > 1 && !strongPair && !(vowelless && (BY_SOUND.test(q.system) || BY_SOUND.test(c.system)))) score *= 0.85;
  // Rescue a typo inside a short word only when a leftover word is no syllable of Korean or
  // Pinyin (`msik`, `tolng`): Wen/Wei or Hyok/Hyon are different names, not typos.
  const same = score < 0.85 && !vowelless && !numberConflict && !lineageSwapped && q.text !== c.text ? sameLetters(q, c) : undefined;
  if (same) {
    // The same letters, written as one word or several (CHONMASAN / Chon Ma San), or with a letter
    // moved across a word break (Myon-gchin / Myong-chin), the surname first or last.
    score = 0.95;
    last.compact = { query: same, candidate: same, edits: 0 };
  } else if (score < 0.85 && score > 0.2 && !vowelless && !numberConflict && !countryConflict && !surnameApart && !givenApart && !lineageSwapped && (anyGarbled(q, m, Q_USED, Q_FIRST, Q_JOINED) || anyGarbled(c, n, C_USED, C_FIRST, C_JOINED))) {
    const fb = compactMatch(q, c);
    if (fb && fb.score > score) {
      score = fb.score;
      last.compact = fb;
    }
  }
  const legal = compareLegalForms(q.legal as LegalClass[], c.legal as LegalClass[]);
  if (legal === 'family') score *= 0.98;
  else if (legal === 'different') score *= 0.94;
  last.legal = legal;
  last.numberConflict = numberConflict;
  last.thin = thin;
  last.surnameApart = surnameApart;
  last.givenApart = givenApart;
  last.lineageSwapped = lineageSwapped;
  return score;
}

/** Compares two prepared names of the same kind of entity, with the word pairs that explain the score. */
export function compareNames(q: PreparedName, c: PreparedName, kind: NameKind, weights?: LinkWeights): NameComparison {
  const score = scoreNames(q, c, kind, weights);
  const pairs: TokenPair[] = [];
  const unmatchedQuery: NameToken[] = [];
  const unmatchedCandidate: NameToken[] = [];
  if (last.aligned) {
    const { m, n } = last;
    for (let i = 0; i < m; i++) {
      const j = Q_MATCH[i];
      if (j < 0) continue;
      const link = LINKS[i * n + j];
      const joined = Q_JOINED[i] === 1 || C_JOINED[j] === 1;
      pairs.push({ q: Q_UNITS[i], c: C_UNITS[j], sim: SIMS[i * n + j], link: joined && link === 'exact' ? 'joined' : link });
    }
    forEachUnmatched(q, m, Q_USED, Q_FIRST, Q_JOINED, (t) => unmatchedQuery.push(t));
    forEachUnmatched(c, n, C_USED, C_FIRST, C_JOINED, (t) => unmatchedCandidate.push(t));
  }
  return { score, pairs, unmatchedQuery, unmatchedCandidate, legal: last.legal, numberConflict: last.numberConflict, thin: last.thin, surnameApart: last.surnameApart, givenApart: last.givenApart, lineageSwapped: last.lineageSwapped, acronym: last.acronym, compact: last.compact };
}

/**
 * The interpretable measurements of a name pair that interdict-v2's learned combination weighs
 * (src/screening/learned.ts), in this order. Coverages are shares of rarity weight; counts are capped.
 * All but the first two and the kind flags are multiplied by the name score (setNameScore): a
 * measurement of how the words agree may adjust a name that agrees, never lift one that does not
 * (a linear model would otherwise let `all words within a typo` raise a pair whose words mostly differ).
 */
export const NAME_FEATURES = [
  'name.logit', // the v1 name score in log-odds above that of a score of 0.02 (σ⁻¹ of the score kept within 0.02..0.98, + 3.89)
  'name.score_high', // how far it lies above 0.85 (the near-exact range)
  'name.mean_similarity', // rarity-weighted similarity of the aligned words
  'name.min_coverage', // the smaller of the two names' shares of word weight that found a counterpart
  'name.max_coverage', // the larger (1 when one name is contained in the other)
  'name.unmatched_person', // content words of person names left over, both sides (≤ 3)
  'name.patronymic_conflict', // both person names keep a patronymic the other lacks
  'name.conflict', // both names have content words the other lacks
  'name.approximate_links', // share of aligned words linked by typo tolerance
  'name.sound_links', // share linked by romanization or sound (phonetic, Wade–Giles, variants, consonants)
  'name.initial_links', // share linked as an initial
  'name.single_word', // the shorter name has one word
  'name.rarity', // mean rarity weight of the aligned words
  'name.transliterated', // one side was read from another script
  'name.run_together', // matched only with the words run together
  'name.acronym',
  'name.number_mismatch',
  'name.thin', // one content word agrees, others are left over
  'name.legal_form_different',
  'name.person', // kind of name: person (organisation is the base)
  'name.vessel',
  'name.person_coverage', // the smaller coverage, for person names only (a missing given name matters more)
  'name.org_unmatched', // content words left over on either side of an organisation or vessel name (≤ 3)
] as const;

const APPROX_LINKS = new Set<string>(['typo', 'phonetic-typo', 'scrambled']);
/** Readings of a script that writes foreign names by sound (transliterate.ts names them so). */
const BY_SOUND = /written by sound/;
const SOUND_LINKS = new Set<string>(['phonetic', 'wade-giles', 'variant', 'consonants', 'glide', 'long-vowel', 'baltic', 'patronymic']);

/**
 * Fills `out` (NAME_FEATURES.length) with the measurements of a pair of prepared names, before
 * setNameScore; allocates nothing. Returns the v1 name score.
 */
export function nameFeatures(q: PreparedName, c: PreparedName, kind: NameKind, out: Float64Array, weights?: LinkWeights): number {
  const score = scoreNames(q, c, kind, weights);
  measureLast(q, c, kind, score, out);
  return score;
}

/** nameFeatures for the pair the last scoreNames call scored (q, c, kind and its score as it was called and returned). */
export function measureLast(q: PreparedName, c: PreparedName, kind: NameKind, score: number, out: Float64Array): void {
  out.fill(0);
  out[11] = Math.min(q.tokens.length, c.tokens.length) <= 1 ? 1 : 0;
  out[13] = q.system !== 'latin' || c.system !== 'latin' ? 1 : 0;
  out[14] = last.compact ? 1 : 0;
  out[15] = last.acronym ? 1 : 0;
  out[16] = last.numberConflict ? 1 : 0;
  out[17] = last.thin ? 1 : 0;
  out[18] = last.legal === 'different' ? 1 : 0;
  out[19] = kind === 'person' ? 1 : 0;
  out[20] = kind === 'vessel' ? 1 : 0;
  if (!last.aligned || last.compact) {
    // Acronym, the names run together, or nothing in common: the score does not come from the
    // word alignment, so there is none to measure (a run-together match covers both names).
    const full = score > 0 ? 1 : 0;
    out[2] = 1;
    out[3] = out[4] = full;
    out[5] = out[6] = 0;
    out[21] = kind === 'person' ? full : 0;
    return;
  }
  const { m, n } = last;
  let simW = 0;
  let pairW = 0;
  let qMatched = 0;
  let cMatched = 0;
  let pairs = 0;
  let approx = 0;
  let sound = 0;
  let initial = 0;
  for (let i = 0; i < m; i++) {
    const j = Q_MATCH[i];
    if (j < 0) continue;
    const w = Q_UNITS[i].weight + C_UNITS[j].weight;
    simW += SIMS[i * n + j] * w;
    pairW += w;
    qMatched += Q_UNITS[i].weight * (Q_JOINED[i] + 1);
    cMatched += C_UNITS[j].weight * (C_JOINED[j] + 1);
    pairs++;
    const link = LINKS[i * n + j];
    if (APPROX_LINKS.has(link)) approx++;
    else if (SOUND_LINKS.has(link)) sound++;
    else if (link === 'initial') initial++;
  }
  const qTotal = tokenWeight(q.tokens);
  const cTotal = tokenWeight(c.tokens);
  out[2] = pairW > 0 ? simW / pairW : 0;
  const qCover = qTotal > 0 ? Math.min(1, qMatched / qTotal) : 0;
  const cCover = cTotal > 0 ? Math.min(1, cMatched / cTotal) : 0;
  out[3] = Math.min(qCover, cCover);
  out[4] = Math.max(qCover, cCover);
  const qLeft = countLeftContent(q, m, Q_USED, Q_FIRST, Q_JOINED);
  const qPatronymic = leftPatronymicOf(q, m, Q_USED, Q_FIRST, Q_JOINED);
  const cLeft = countLeftContent(c, n, C_USED, C_FIRST, C_JOINED);
  const cPatronymic = leftPatronymicOf(c, n, C_USED, C_FIRST, C_JOINED);
  out[5] = kind === 'person' ? Math.min(3, qLeft + cLeft) : 0;
  out[6] = kind === 'person' && qPatronymic && cPatronymic ? 1 : 0;
  out[7] = qLeft > 0 && cLeft > 0 ? 1 : 0;
  out[8] = pairs ? approx / pairs : 0;
  out[9] = pairs ? sound / pairs : 0;
  out[10] = pairs ? initial / pairs : 0;
  out[12] = pairs ? pairW / (2 * pairs) : 0;
  out[21] = kind === 'person' ? out[3] : 0;
  out[22] = kind === 'person' ? 0 : Math.min(3, qLeft + cLeft);
}

const UNSCALED = new Set([0, 1, 19, 20]);
const LOGIT_FLOOR = Math.log(0.02 / 0.98);

/**
 * Sets the name score features of `out` (filled by nameFeatures with the words' measurements
 * unscaled) and multiplies the measurements by it. `score` may differ from nameFeatures' own
 * (a weak alias counts less: compare.ts); call once per fill.
 */
export function setNameScore(out: Float64Array, score: number): void {
  const s = Math.min(0.98, Math.max(0.02, score));
  out[0] = Math.log(s / (1 - s)) - LOGIT_FLOOR;
  out[1] = Math.max(0, score - 0.85);
  for (let i = 2; i < out.length; i++) if (!UNSCALED.has(i)) out[i] *= score;
}

function tokenWeight(tokens: NameToken[]): number {
  let sum = 0;
  for (const t of tokens) if (t.kind !== 'particle') sum += t.weight;
  return sum;
}

function leftPatronymicOf(side: PreparedName, count: number, used: Uint8Array, first: Int16Array, joined: Uint8Array): boolean {
  for (let u = 0; u < count; u++) {
    if (used[u]) continue;
    for (let k = first[u], end = first[u] + joined[u]; k <= end; k++) if (side.tokens[k].patronymic) return true;
  }
  return false;
}

function countLeftContent(side: PreparedName, count: number, used: Uint8Array, first: Int16Array, joined: Uint8Array): number {
  let left = 0;
  for (let u = 0; u < count; u++) {
    if (used[u]) continue;
    for (let k = first[u], end = first[u] + joined[u]; k <= end; k++) if (isContent(side.tokens[k])) left++;
  }
  return left;
}
