// Similarity of two prepared tokens, in layers from strict to lenient; each layer names itself so
// an explanation can say what linked the two spellings.
import { editDistance } from './normalize.ts';
import { isKoreanSyllable, isPinyin, pinyinSyllableCount } from './phonetic.ts';
import type { NameToken } from './tokens.ts';

export type TokenLink =
  | 'exact'
  | 'variant' // listed spellings of one name (Mohammed/Muhammad, Lee/Ri, Zhang/Chang)
  | 'phonetic' // same romanization-insensitive key (Jong/Chong/Jeong, Prigoschin/Prigozhin)
  | 'wade-giles' // Wade–Giles read as Pinyin
  | 'glide' // German/Slavic j read as y (Pjotr/Pyotr)
  | 'long-vowel' // a syllable's final vowel written long (Chee/Che)
  | 'baltic' // a Russian name with a Latvian or Lithuanian ending (Lavrovs, Sergejus ~ Lavrov, Sergey)
  | 'abbreviation' // Invest/Investment, Intl/International
  | 'consonants' // same consonant skeleton (Arabic read without vowels)
  | 'typo'
  | 'phonetic-typo'
  | 'scrambled' // the same letters reversed or shuffled (nituP, nitPu ~ Putin)
  | 'initial'
  | 'feminine' // Prigozhina ~ Prigozhin: related, not equal
  | 'patronymic' // Yuriyovych ~ Yurevich: one father's name in two languages
  | 'truncated' // the last word cut short where a field ended (… Belkassem Dr ~ … Belkassem Drissi)
  | 'place' // a Russian place adjective and the place it names, in organisation names (Muromskiy ~ Murom)
  | 'none';

export interface TokenSimilarity {
  sim: number;
  link: TokenLink;
}

const NONE: TokenSimilarity = { sim: 0, link: 'none' };

/** Edits a token of this length may carry and still count as the same word. */
export function typoBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

/**
 * How alike two tokens are (0..1). `vowelless`: one side was read from a script without short
 * vowels, so consonant skeletons decide.
 */
export function tokenSimilarity(a: NameToken, b: NameToken, vowelless = false, org = false): TokenSimilarity {
  const s = layeredSimilarity(a, b, vowelless, org);
  // A surname met by a patronymic (Ivanova / Ivanovna) is a near miss, not a match (a word written
  // backwards hides its ending).
  if (s.sim > 0 && s.link !== 'exact' && s.link !== 'scrambled' && a.patronymic !== b.patronymic) return { sim: s.sim * 0.7, link: s.link };
  return s;
}

function layeredSimilarity(a: NameToken, b: NameToken, vowelless: boolean, org: boolean): TokenSimilarity {
  if (a.text === b.text) return { sim: 1, link: 'exact' };
  if (a.kind === 'number' || b.kind === 'number') return NONE;
  if (a.kind === 'initial' || b.kind === 'initial') {
    const [i, w] = a.kind === 'initial' ? [a, b] : [b, a];
    return w.kind !== 'initial' && w.text[0] === i.text ? { sim: 0.75, link: 'initial' } : NONE;
  }
  if (a.classes.length && b.classes.length) {
    if (a.classes.some((c) => b.classes.includes(c))) return { sim: 0.95, link: 'variant' };
    // Two known names of different spelling classes (Viktor / Fyodor, Ahmad / Mahmud) are different names.
    return NONE;
  }
  const feminine = isFeminineOf(a, b) || isFeminineOf(b, a);
  if (a.key === b.key && a.key.length > 0 && !feminine) return { sim: 0.93, link: 'phonetic' };
  if (feminine) return { sim: 0.55, link: 'feminine' };
  if (a.alt.length || b.alt.length) {
    const via = altLink(a, b, org) ?? altLink(b, a, org);
    // A long vowel is the weakest of these: He and Hee are also two different syllables (何, 희).
    if (via) return { sim: via === 'long-vowel' ? 0.8 : via === 'place' ? 0.85 : 0.9, link: via };
  }
  if (vowelless) {
    // One or two consonants say little (Layla/لي, Moreau/عمر): lower similarity for short skeletons.
    if (a.askel === b.askel && a.askel.length > 0) return { sim: a.askel.length >= 3 ? 0.9 : a.askel.length === 2 ? 0.82 : 0.72, link: 'consonants' };
    // ث ذ ظ are written th, dh, z, d or s in Latin: merge the dental and sibilant classes.
    if (a.askel.length >= 2 && a.askel.replace(/S/g, 'T') === b.askel.replace(/S/g, 'T')) return { sim: a.askel.length >= 3 ? 0.82 : 0.75, link: 'consonants' };
    // Katakana and Han written by sound have one letter for l and r (バラク, 贝拉克 ~ Barack) and
    // palatalise t and d before i: three consonants or more, weaker than an exact skeleton.
    if (a.askel.length >= 3 && mergedSkeleton(a.askel) === mergedSkeleton(b.askel)) return { sim: 0.85, link: 'consonants' };
    const ls = Math.min(a.askel.length, b.askel.length);
    if (ls >= 4 && editDistance(mergedSkeleton(a.askel), mergedSkeleton(b.askel), 1) <= 1) return { sim: 0.75, link: 'consonants' };
    return NONE;
  }
  if (a.patronymic && b.patronymic && a.key[0] === b.key[0] && Math.min(a.key.length, b.key.length) >= 7 && editDistance(a.key, b.key, 3) <= 3)
    return { sim: 0.82, link: 'patronymic' };
  // Two romanized Korean syllables, or two two-syllable Pinyin given names, differ by rule
  // (caught above) or are different syllables: no typo tolerance.
  if (isKoreanSyllable(a.text) && isKoreanSyllable(b.text)) return NONE;
  if (samePinyinShape(a.text, b.text)) return NONE;
  const minLen = Math.min(a.text.length, b.text.length);
  if (org && minLen >= 4) {
    const [short, long] = a.text.length <= b.text.length ? [a.text, b.text] : [b.text, a.text];
    if (long.startsWith(short) && short.length >= 4 && short.length >= 0.5 * long.length) return { sim: 0.82, link: 'abbreviation' };
  }
  if (org && minLen === 3) {
    // Air / Airlines, Int / International: a three-letter head of a word of at most nine.
    const [short, long] = a.text.length <= b.text.length ? [a.text, b.text] : [b.text, a.text];
    if (long.length <= 9 && long.startsWith(short)) return { sim: 0.8, link: 'abbreviation' };
  }
  const budget = typoBudget(minLen);
  if (budget > 0) {
    const d = editDistance(a.text, b.text, budget);
    // A changed first letter (Fernandez/Hernandez) is more often another name than a typo.
    if (d <= budget) return { sim: (d === 1 ? (minLen >= 8 ? 0.9 : 0.86) : d === 2 ? 0.8 : 0.74) - (a.text[0] !== b.text[0] ? 0.1 : 0), link: 'typo' };
  }
  const keyLen = Math.min(a.key.length, b.key.length);
  const keyBudget = keyLen < 7 ? 0 : keyLen < 11 ? 1 : 2;
  if (keyBudget > 0) {
    const d = editDistance(a.key, b.key, keyBudget);
    // A transliteration keeps the first consonant class (Jewgeni/Yevgeniy is the glide rule's).
    if (d <= keyBudget && a.key[0] === b.key[0]) return { sim: d === 1 ? 0.84 : 0.76, link: 'phonetic-typo' };
  }
  // A word written backwards (four letters or more: ledA ~ Adel) or with its letters shuffled (five
  // or more: nitPu ~ Putin).
  if (a.letters && a.text.length === b.text.length && a.letters === b.letters) {
    if (a.text === reverse(b.text)) return { sim: 0.9, link: 'scrambled' };
    if (minLen >= 5) return { sim: 0.8, link: 'scrambled' };
  }
  // Same consonants, other vowels (Hachemi / Hashimi): long words only.
  // Three consonants only with the same first letter and as many vowel groups (Hachemi / Hashimi),
  // not Carlos / Garcia or Nguyen / Nyakuni.
  if (a.skel === b.skel && (a.skel.length >= 4 || (a.skel.length === 3 && minLen >= 6 && a.text[0] === b.text[0] && vowelGroups(a.text) === vowelGroups(b.text))))
    return { sim: 0.8, link: 'consonants' };
  return NONE;
}

/**
 * Consonant skeleton with the classes a script may not tell apart merged: s/t (ث ذ ظ), l/r
 * (katakana, Han) and j/t (ジ, チ and 基 write di and ti: プーチン Putin).
 */
export function mergedSkeleton(askel: string): string {
  return askel.replace(/[SJ]/g, 'T').replace(/L/g, 'R');
}

/**
 * The skeleton listed names are keyed by (keys.ts): s/t and l/r merged, not j/t, which would pool
 * t, d, s, z, sh, ch and j in one class and swell every bucket; a vowel-less query adds the fully
 * merged form itself.
 */
export function blockingSkeleton(askel: string): string {
  return askel.replace(/S/g, 'T').replace(/L/g, 'R');
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

function vowelGroups(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (/[aeiouy]/.test(text[i]) && (i === 0 || !/[aeiouy]/.test(text[i - 1]))) n++;
  return n;
}

const CHINESE_LOOK = /x|q|zh|ng|ao|ou|ui|iu|ia|ie|uo/;

/**
 * Both read as two-syllable Pinyin given names (`qingqiang` / `pingqiang`, `qiangcheng` /
 * `qingcheng`): a letter changed there makes another syllable. A typo that breaks the syllables
 * (`xioming` reads as three) is still a typo.
 */
function samePinyinShape(a: string, b: string): boolean {
  if (a.length > 12 || b.length > 12 || !isPinyin(a) || !isPinyin(b)) return false;
  // Only tokens that look Chinese (x, q, zh, ng, typical finals), not Laden/Ladin or Marina.
  if (!CHINESE_LOOK.test(a) || !CHINESE_LOOK.test(b)) return false;
  return pinyinSyllableCount(a) === 2 && pinyinSyllableCount(b) === 2;
}

/** An alternative reading of `a` (Wade–Giles as Pinyin, j as y) meets `b` or its own alternative. */
function altLink(a: NameToken, b: NameToken, org: boolean): TokenLink | undefined {
  for (const k of a.alt) {
    const p = k[0];
    // A place adjective names a place in an organisation's name; in a person's it is a surname of its own (Minskiy / Minsk).
    if (p === 'm' || (p === 'p' && !org)) continue;
    const key = k.slice(2);
    if (key === b.key || (p !== 'p' && b.alt.includes(k))) return p === 'w' ? 'wade-giles' : p === 'b' ? 'baltic' : p === 'v' ? 'long-vowel' : p === 'p' ? 'place' : 'glide';
  }
  return undefined;
}

/** `f` is a feminine surname form of `m` (Prigozhina ~ Prigozhin, Ivanova ~ Ivanov). */
function isFeminineOf(f: NameToken, m: NameToken): boolean {
  return f.alt.length > 0 && f.alt.some((k) => k === 'm:' + m.key) && f.key !== m.key;
}

// Kept tokens live as long as the caches (makeToken), so the similarity of two of them is computed
// once and reused across the many listed names that share them (MUHAMMAD, KIM, COMPANY ...). They
// are looked up by token ids in an open-addressing table, which screened 7 % more queries a second
// than nested Maps (in-process A/B). A pair with a query's own new word goes to a small cache of
// recent pairs.
const PAIR_BITS = 21;
const PAIR_LIMIT = (1 << PAIR_BITS) * 0.7;
// Three numbers per slot, side by side so a probe reads one cache line: (id of a) × 4 + mode + 1
// (0 when empty), id of b, and the index of the result in SIMILARITIES.
let pairSlots: Int32Array | undefined;
let cachedPairs = 0;
/** The distinct results, each once (there are a few hundred). */
const SIMILARITIES: TokenSimilarity[] = [];
const similarityIndex = new Map<string, number>();

function resultIndex(s: TokenSimilarity): number {
  const id = s.link + ' ' + s.sim;
  let i = similarityIndex.get(id);
  if (i === undefined) {
    i = SIMILARITIES.length;
    SIMILARITIES.push(s);
    similarityIndex.set(id, i);
  }
  return i;
}

/** tokenSimilarity with a cache over kept token pairs. */
export function cachedTokenSimilarity(a: NameToken, b: NameToken, vowelless = false, org = false): TokenSimilarity {
  if (!a.kept || !b.kept) return recentSimilarity(a, b, vowelless, org);
  if (!pairSlots || cachedPairs > PAIR_LIMIT) {
    pairSlots = new Int32Array(3 << PAIR_BITS);
    cachedPairs = 0;
  }
  const slots = pairSlots;
  const key = a.id * 4 + (vowelless ? 2 : 0) + (org ? 1 : 0) + 1;
  const mask = (1 << PAIR_BITS) - 1;
  let slot = (Math.imul(key, 0x9e3779b1) ^ Math.imul(b.id + 1, 0x85ebca6b)) >>> (32 - PAIR_BITS);
  for (;;) {
    const k = slots[slot * 3];
    if (k === 0) break;
    if (k === key && slots[slot * 3 + 1] === b.id) return SIMILARITIES[slots[slot * 3 + 2]];
    slot = (slot + 1) & mask;
  }
  const s = tokenSimilarity(a, b, vowelless, org);
  slots[slot * 3] = key;
  slots[slot * 3 + 1] = b.id;
  slots[slot * 3 + 2] = resultIndex(s);
  cachedPairs++;
  return s;
}

// Pairs with a token that is not kept (a query's own new word), held only while a few queries run:
// one query meets the same listed words in many names.
let recentPairs = newPairCaches();
let recentCount = 0;
const RECENT_PAIRS = 4096;

function newPairCaches(): Map<NameToken, Map<NameToken, TokenSimilarity>>[] {
  return [new Map(), new Map(), new Map(), new Map()];
}

function recentSimilarity(a: NameToken, b: NameToken, vowelless: boolean, org: boolean): TokenSimilarity {
  if (recentCount >= RECENT_PAIRS) {
    recentPairs = newPairCaches();
    recentCount = 0;
  }
  const cache = recentPairs[(vowelless ? 2 : 0) + (org ? 1 : 0)];
  let inner = cache.get(a);
  const hit = inner?.get(b);
  if (hit) return hit;
  if (!inner) cache.set(a, (inner = new Map()));
  const s = tokenSimilarity(a, b, vowelless, org);
  inner.set(b, s);
  recentCount++;
  return s;
}
