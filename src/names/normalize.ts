// Script-preserving normalisation: casefold, strip diacritics from Latin/Greek/Cyrillic letters,
// turn punctuation into token breaks. Hangul, Han and Arabic letters are kept as they are; the
// transliterators turn them into Latin later.

/** Letters that NFD does not split into base + mark. */
const SPECIAL_LATIN: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l',
  ŧ: 't', ƒ: 'f', ŉ: 'n', ĸ: 'k', ſ: 's', ʒ: 'z', ə: 'e', ɨ: 'i',
};

/** Apostrophe-like marks are dropped without a break: MR `Hyo'k`, Arabic `Ma'ruf`, `ʿAbd`. */
const APOSTROPHES = /['’‘ʼʻʹʾʿ`´]/g;
/**
 * Everything that is not a letter, digit or mark breaks tokens. Marks are letters' vowel signs in
 * Devanagari, Thai and other scripts (मोदी, วชิรา): they belong to the word (Latin ones are folded above).
 */
const BREAKS = /[^\p{L}\p{M}\p{N}]+/gu;
const COMBINING = /[\u0300-\u036f\u0483-\u0489]/g;

const foldCache = new Map<string, string>();

/** Removes diacritics from one character, keeping non-Latin scripts whole (NFD would split Hangul). */
function foldChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x80) return ch;
  const special = SPECIAL_LATIN[ch];
  if (special !== undefined) return special;
  // Latin, Greek, Cyrillic and Latin Extended Additional: decompose and drop marks; й and ё are
  // kept as letters because they are distinct letters in Russian.
  if (code < 0x530 || (code >= 0x1e00 && code <= 0x1fff)) {
    if (ch === 'й' || ch === 'ё') return ch;
    return ch.normalize('NFD').replace(COMBINING, '');
  }
  if (code >= 0x64b && code <= 0x65f) return ''; // Arabic harakat
  if (code === 0x640) return ''; // Arabic tatweel
  return ch;
}

/** Lowercase, diacritics removed where they are marks, punctuation → single spaces, trimmed. */
export function normalizeName(input: string): string {
  let s = input.normalize('NFC').toLowerCase().replace(APOSTROPHES, '');
  let out = '';
  for (const ch of s) {
    let f = foldCache.get(ch);
    if (f === undefined) {
      f = foldChar(ch);
      if (foldCache.size < 10_000) foldCache.set(ch, f);
    }
    out += f;
  }
  s = out.replace(BREAKS, ' ').trim();
  return s;
}

/** Only Latin letters, digits and spaces remain? */
export function isAsciiName(s: string): boolean {
  return /^[a-z0-9 ]*$/.test(s);
}

// Rows reused across calls: edit distances run millions of times per batch.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau–Levenshtein (optimal string alignment) distance, bounded: the distance when it is at most
 * `max`, otherwise a number above `max`. Only cells within `max` of the diagonal are computed:
 * the others cannot lead to a distance within the bound (long names run together stay cheap).
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 2 > rowA.length) {
    rowA = new Int32Array(lb + 2);
    rowB = new Int32Array(lb + 2);
    rowC = new Int32Array(lb + 2);
  }
  const over = max + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j <= over ? j : over;
  for (let i = 1; i <= la; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < lb ? i + max : lb;
    // The cells either side of the band count as beyond the bound.
    cur[lo - 1] = lo === 1 ? i : over;
    if (hi < lb) cur[hi + 1] = over;
    let rowMin = over;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < v) v = prev2[j - 2] + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}
