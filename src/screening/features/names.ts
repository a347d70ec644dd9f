// Name-against-name scoring: align the tokens of two prepared names one to one (joined given
// names may meet two tokens), weigh every token by rarity, and let unmatched tokens count against
// the pair — lightly for a missing middle name or patronymic, heavily when both names have words
// the other lacks (Kim Jong Un vs Kim Jong Nam) or an organisation name loses a content word.
import { compareLegalForms, type LegalClass } from '../../names/legal.ts';
import { editDistance } from '../../names/normalize.ts';
import { isKoreanSyllable, isPinyin } from '../../names/phonetic.ts';
import { cachedTokenSimilarity, type TokenLink } from '../../names/similarity.ts';
import { makeToken, type NameKind, type NameToken, type PreparedName } from '../../names/tokens.ts';

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
  /** One name is the acronym of the other. */
  acronym?: { query: string; candidate: string };
  /** The score came from the names run together (a typo across a word break, `Chun-msik`). */
  compact?: { query: string; candidate: string; edits: number };
}

export type LinkWeights = Partial<Record<string, number>>;

/**
 * Tokens of `side` for alignment with `other`: adjacent tokens whose concatenation is a token of
 * `other` are joined into one (Jong Un ↔ Jongun). `parts` keeps the joined tokens for reporting.
 */
function joinAdjacent(side: PreparedName, other: PreparedName, vowelless: boolean): { tokens: NameToken[]; parts?: Map<number, NameToken[]> } {
  if (side.joins.length === 0) return { tokens: side.tokens };
  let tokens: NameToken[] | undefined;
  let parts: Map<number, NameToken[]> | undefined;
  let shift = 0;
  let lastJoined = -2;
  for (const j of side.joins) {
    if (j.index === lastJoined + 1) continue; // overlapping pair: the first join wins
    const a = side.tokens[j.index];
    let found = false;
    for (const o of other.tokens) {
      if (o.kind === 'word' && (o.text === j.text || (o.text.length >= 4 && (o.key === j.key || o.key === j.altKey || (vowelless && o.askel === j.askel))))) found = true;
    }
    if (!found) continue;
    tokens ??= side.tokens.slice();
    parts ??= new Map();
    const b = side.tokens[j.index + 1];
    const t = makeToken(j.text, 'word');
    const at = j.index - shift;
    // The joined word keeps the Wade–Giles-as-Pinyin reading of its parts (`hai-hsin` → `haixin`).
    const alt = j.altKey && !t.alt.includes('w:' + j.altKey) ? [...t.alt, 'w:' + j.altKey] : t.alt;
    tokens.splice(at, 2, { ...t, alt, weight: Math.max(a.weight, b.weight) });
    parts.set(at, [a, b]);
    shift++;
    lastJoined = j.index;
  }
  return tokens ? { tokens, parts } : { tokens: side.tokens };
}

/** Words an organisation name often gains or loses without becoming another organisation. */
const GENERIC_ORG_WORDS = new Set([
  'group', 'holding', 'holdings', 'international', 'intl', 'global', 'worldwide', 'enterprise', 'enterprises', 'industries',
  'services', 'service', 'solutions', 'systems', 'network', 'organization', 'organisation', 'association', 'agency', 'office',
  'branch', 'representative', 'general', 'team', 'gang', 'unit', 'brand', 'firm', 'partners', 'affiliates',
  // Countries in organisation names (Sberbank of Russia, Bank Melli Iran)
  'russia', 'russian', 'iran', 'iranian', 'korea', 'korean', 'dprk', 'china', 'chinese', 'syria', 'syrian', 'iraq', 'iraqi',
  'lebanon', 'lebanese', 'ukraine', 'belarus', 'cuba', 'venezuela', 'turkey', 'uae', 'emirates', 'usa', 'america', 'american',
  'britain', 'british', 'libya', 'yemen', 'sudan', 'afghanistan', 'pakistan', 'india', 'hongkong', 'singapore', 'malaysia',
]);

interface Leftovers {
  conflict: boolean;
  patronymicConflict: boolean;
}

/** How much an unmatched token counts against the pair, relative to its weight. */
function unmatchedFactor(t: NameToken, kind: NameKind, l: Leftovers, isQuery: boolean, isGiven: boolean, isSurname = false): number {
  if (t.kind === 'particle') return 0.1;
  if (t.kind === 'initial') return 0.3;
  if (t.patronymic) return l.patronymicConflict ? 1.5 : 0.2;
  if (t.kind === 'number') return kind === 'person' ? 0.5 : 3;
  if (kind === 'person') return l.conflict ? 1 : isGiven ? 0.8 : isSurname ? 0.6 : isQuery ? 0.5 : 0.35;
  if (GENERIC_ORG_WORDS.has(t.text)) return 0.5;
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

// Module-level helpers rather than closures: compareNames runs for every candidate name.
function isContent(t: NameToken): boolean {
  return (t.kind === 'word' || t.kind === 'number') && !t.patronymic;
}
function isPatronymic(t: NameToken): boolean {
  return t.patronymic;
}
function isNumber(t: NameToken): boolean {
  return t.kind === 'number';
}
function isStrongPair(p: TokenPair): boolean {
  return p.sim >= 0.9;
}
/** A leftover word that is no Korean or Pinyin syllable (`msik`, `tolng`): possibly a typo the word-level budget could not absorb. */
function garbled(t: NameToken): boolean {
  return t.kind === 'word' && !isKoreanSyllable(t.text) && !isPinyin(t.text);
}
/** Numbers (SPARTA II) and differing patronymics are as telling as an average word, however common. */
function floorWeight(t: NameToken, mean: number, all: NameToken[], left: Leftovers): number {
  return t.kind === 'number' || (t.patronymic && left.patronymicConflict) ? meanWeight(all) : t.kind === 'word' ? mean : 0;
}
function isSurname(t: NameToken, p: PreparedName): boolean {
  if (p.surnameCount === 0) return false;
  const i = p.tokens.indexOf(t);
  return i >= 0 && i < p.surnameCount;
}

const SIMS = new Float64Array(64 * 64);
const Q_USED = new Uint8Array(64);
const C_USED = new Uint8Array(64);
const Q_MATCH = new Int8Array(64);
const LINKS = new Array<TokenLink>(64 * 64);
const EMPTY: NameComparison = { score: 0, pairs: [], unmatchedQuery: [], unmatchedCandidate: [], legal: 'none', numberConflict: false, thin: false };

/** One name is the acronym of the other (`IRGC` / `Islamic Revolutionary Guard Corps`). */
function acronymOf(short: PreparedName, long: PreparedName): boolean {
  if (short.tokens.length !== 1 || !long.initials) return false;
  const t = short.tokens[0].text;
  return t.length >= 2 && t.length <= 8 && t === long.initials;
}

/** Compares two prepared names of the same kind of entity. */
export function compareNames(q: PreparedName, c: PreparedName, kind: NameKind, weights?: LinkWeights): NameComparison {
  if (kind !== 'person' && (acronymOf(q, c) || acronymOf(c, q))) {
    const [a, b] = q.tokens.length === 1 ? [q.tokens[0].text, c.initials] : [q.initials, c.tokens[0].text];
    return { ...EMPTY, score: 0.86, acronym: { query: a, candidate: b } };
  }
  const vowelless = q.vowelless || c.vowelless;
  const qj = joinAdjacent(q, c, vowelless);
  const cj = joinAdjacent(c, q, vowelless);
  const qUnits = qj.tokens;
  const cUnits = cj.tokens;
  const m = qUnits.length;
  const n = cUnits.length;
  if (m > 64 || n > 64) return EMPTY;
  // Similarity matrix in reused buffers; greedy one-to-one assignment, best pair first.
  let any = false;
  for (let i = 0; i < m; i++) {
    const qt = qUnits[i];
    for (let j = 0; j < n; j++) {
      const ct = cUnits[j];
      const s = cachedTokenSimilarity(qt, ct, vowelless, kind !== 'person');
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
    if (q.tokens.length !== c.tokens.length && q.compacts[0] === c.compacts[0] && q.compacts[0].length >= 6 && !vowelless)
      return { ...EMPTY, score: 0.95, compact: { query: q.compacts[0], candidate: c.compacts[0], edits: 0 } };
    return EMPTY;
  }
  // Reused buffers (typed-array allocation is slow; compareNames is not re-entrant).
  const qUsed = Q_USED;
  const cUsed = C_USED;
  const qMatch = Q_MATCH;
  qUsed.fill(0, 0, m);
  cUsed.fill(0, 0, n);
  qMatch.fill(-1, 0, m);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs = 0;
    let bw = 0;
    for (let i = 0; i < m; i++) {
      if (qUsed[i]) continue;
      for (let j = 0; j < n; j++) {
        if (cUsed[j]) continue;
        const sim = SIMS[i * n + j];
        if (sim <= 0) continue;
        const w = qUnits[i].weight + cUnits[j].weight;
        if (sim > bs || (sim === bs && w > bw)) {
          bs = sim;
          bw = w;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    qUsed[bi] = cUsed[bj] = 1;
    qMatch[bi] = bj;
  }
  // One augmenting step: an unmatched query word may take a matched candidate word if that
  // word's partner can move to an unmatched candidate word (Ch'ien Hsin / Qian Xin: ch'ien and
  // hsin both sound like xin).
  for (let i = 0; i < m; i++) {
    if (qUsed[i]) continue;
    for (let i2 = 0; i2 < m && !qUsed[i]; i2++) {
      const j2 = qMatch[i2];
      if (j2 < 0 || SIMS[i * n + j2] <= 0) continue;
      for (let j = 0; j < n; j++) {
        if (cUsed[j] || SIMS[i2 * n + j] <= 0) continue;
        qMatch[i] = j2;
        qMatch[i2] = j;
        qUsed[i] = 1;
        cUsed[j] = 1;
        break;
      }
    }
  }
  const pairs: TokenPair[] = [];
  let num = 0;
  let den = 0;
  let contentMatches = 0;
  for (let i = 0; i < m; i++) {
    const j = qMatch[i];
    if (j < 0) continue;
    const qu = qUnits[i];
    const cu = cUnits[j];
    const sim = SIMS[i * n + j];
    const w = qu.weight + cu.weight;
    const link = LINKS[i * n + j];
    const joined = qj.parts?.has(i) || cj.parts?.has(j);
    pairs.push({ q: qu, c: cu, sim, link: joined && link === 'exact' ? 'joined' : link });
    num += sim * w;
    den += w;
    if (qu.kind === 'word' && cu.kind === 'word' && sim >= 0.75 && link !== 'feminine') contentMatches++;
  }
  const unmatchedQuery: NameToken[] = [];
  const unmatchedCandidate: NameToken[] = [];
  for (let i = 0; i < qUnits.length; i++) if (!qUsed[i]) unmatchedQuery.push(...(qj.parts?.get(i) ?? [qUnits[i]]));
  for (let j = 0; j < cUnits.length; j++) if (!cUsed[j]) unmatchedCandidate.push(...(cj.parts?.get(j) ?? [cUnits[j]]));
  const left: Leftovers = {
    conflict: unmatchedQuery.some(isContent) && unmatchedCandidate.some(isContent),
    patronymicConflict: unmatchedQuery.some(isPatronymic) && unmatchedCandidate.some(isPatronymic),
  };
  // In a conflict every leftover word counts at least as much as an average word of its name:
  // a common surname (KIM) that differs still means another person.
  const qMean = left.conflict ? meanWeight(q.tokens) : 0;
  const cMean = left.conflict ? meanWeight(c.tokens) : 0;
  const qGiven = q.givenIndex !== undefined ? q.tokens[q.givenIndex] : undefined;
  const cGiven = c.givenIndex !== undefined ? c.tokens[c.givenIndex] : undefined;
  for (const t of unmatchedQuery) den += Math.max(t.weight, floorWeight(t, qMean, q.tokens, left)) * unmatchedFactor(t, kind, left, true, t === qGiven, isSurname(t, q));
  for (const t of unmatchedCandidate) den += Math.max(t.weight, floorWeight(t, cMean, c.tokens, left)) * unmatchedFactor(t, kind, left, false, t === cGiven, isSurname(t, c));
  let score = den > 0 ? num / den : 0;
  const numberConflict =
    unmatchedQuery.some(isNumber) && unmatchedCandidate.some(isNumber);
  if (numberConflict) score *= 0.5;
  const thin =
    kind === 'person' &&
    contentMatches === 1 &&
    (unmatchedQuery.some(isContent) || unmatchedCandidate.some(isContent)) &&
    (q.tokens.length > 1 || c.tokens.length > 1);
  if (thin) score *= 0.8;
  if (contentMatches === 0) score = Math.min(score, 0.5);
  // Every link merely approximate (typos on every word) is weaker evidence than the average suggests.
  if (pairs.length > 1 && !pairs.some(isStrongPair)) score *= 0.85;
  let compact: NameComparison['compact'];
  // Rescue a typo inside a short word only when a leftover word is no syllable of Korean or
  // Pinyin (`msik`, `tolng`): Wen/Wei or Hyok/Hyon are different names, not typos.
  if (score < 0.85 && !vowelless && !numberConflict && q.tokens.length !== c.tokens.length && q.compacts[0] === c.compacts[0]) {
    // The same letters, written as one word or several (CHONMASAN / Chon Ma San).
    score = 0.95;
    compact = { query: q.compacts[0], candidate: c.compacts[0], edits: 0 };
  } else if (
    score < 0.85 &&
    score > 0.2 &&
    !vowelless &&
    !numberConflict &&
    (unmatchedQuery.some(garbled) || unmatchedCandidate.some(garbled))
  ) {
    const fb = compactMatch(q, c);
    if (fb && fb.score > score) {
      score = fb.score;
      compact = fb;
    }
  }
  const legal = compareLegalForms(q.legal as LegalClass[], c.legal as LegalClass[]);
  if (legal === 'family') score *= 0.98;
  else if (legal === 'different') score *= 0.94;
  return { score, pairs, unmatchedQuery, unmatchedCandidate, legal, numberConflict, thin, compact };
}
