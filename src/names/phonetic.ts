// Romanization-insensitive keys for Latin tokens. One key collapses the differences between the
// systems names pass through: MR/RR/South Korean habits (ch/j, o/ŏ/eo/u, initial R/L before i),
// Wade–Giles/Pinyin (hs/x, ch/zh/q), BGN/ISO/German/French for Russian (zh/sch/j, kh/ch,
// -ov/-ow/-off, -iy/-i/-ij), Arabic (q/k, kh/h, vowels in Muhammad/Mohammed). A second, coarser
// key keeps only consonant classes, for vowel-less Arabic readings and vowel-shifted spellings.

import { NameMemo } from './memo.ts';

const keyCache = new NameMemo<string, string>(200_000, 'stop');

const PINYIN_SYLLABLES = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|iao|ian|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v))+$/;

/** Reads as a run of Pinyin syllables (`qingqiang`, `xiaoping`). */
export function isPinyin(token: string): boolean {
  return token.length <= 18 && PINYIN_SYLLABLES.test(token);
}

const PY_INITIALS = ['', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's', 'y', 'w'];
const PY_FINALS = ['a', 'o', 'e', 'i', 'u', 'v', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'ong', 'er', 'ia', 'ie', 'iao', 'iu', 'ian', 'in', 'iang', 'ing', 'iong', 'ua', 'uo', 'uai', 'ui', 'uan', 'un', 'uang', 'ueng', 'ue'];
const PY_SET = new Set(PY_INITIALS.flatMap((i) => PY_FINALS.map((f) => i + f)));

/** Fewest Pinyin syllables a token splits into (0 when it does not split): `xiaoming` 2, `xioming` 3. */
export function pinyinSyllableCount(token: string): number {
  const n = token.length;
  const best = new Array<number>(n + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let len = 1; len <= 6 && i + len <= n; len++) if (PY_SET.has(token.slice(i, i + len)) && best[i] + 1 < best[i + len]) best[i + len] = best[i] + 1;
  }
  return best[n] === Infinity ? 0 : best[n];
}

const KOREAN_SYLLABLE = /^(?:kk|tt|pp|ss|jj|tch|ch|sh|ts|[kgntdrlmpbsjh])?(?:yae|yeo|wae|you|eui|ae|ya|eo|yo|wa|oe|oi|oo|wo|we|wi|yu|eu|ui|ee|ou|wu|ye|a|e|i|o|u|y)(?:ng|ck|[kgntlrmp])?$/;

/** Reads as one romanized Korean syllable (`hyok`, `kyong`, `chol`): such tokens differ by rule, not by typo. */
export function isKoreanSyllable(token: string): boolean {
  return token.length <= 6 && KOREAN_SYLLABLE.test(token);
}

/** Canonical spelling of a vowel run (lowercase letters from [aeiouy]). */
function vowelRun(run: string, atStart: boolean, atEnd: boolean): string {
  let r = run;
  let prefix = '';
  if (atStart && r.length > 1 && (r[0] === 'y' || r[0] === 'i') && r[1] !== 'i' && r[1] !== 'y') {
    // Initial glide: ye/ie/je (Yevgeniy, Ievgueni, Evgeny) and yo/io: drop before e, keep as Y otherwise.
    prefix = r[1] === 'e' && r[2] !== 'o' && r[2] !== 'u' ? '' : 'Y';
    r = r.slice(1);
  }
  if (atEnd && /^(?:iy|yy|ii|ij|yi|iei)$/.test(r)) return prefix + 'I';
  let out = '';
  for (let i = 0; i < r.length; i++) {
    const two = r.slice(i, i + 2);
    let c: string;
    switch (two) {
      case 'ae': case 'ai': case 'ay': case 'ei': case 'ey':
        c = 'E'; i++; break;
      case 'eo': case 'eu': case 'oo': case 'ou': case 'uo':
        c = 'U'; i++; break;
      case 'ee': case 'ie': case 'ui': case 'ii': case 'iy': case 'yi': case 'yy':
        c = 'I'; i++; break;
      default: {
        const ch = r[i];
        c = ch === 'a' ? 'A' : ch === 'e' ? 'E' : ch === 'o' || ch === 'u' ? 'U' : 'I';
      }
    }
    if (out[out.length - 1] !== c) out += c;
  }
  return prefix + out;
}

// Multi-letter spellings, longest first, replaced in one pass: 1 = post-alveolar class
// (sh, zh, ch, j, sch, tsch ...), 2 = velar fricative (kh).
const MULTI = /schtsch|shch|chtch|tsch|dsch|tch|dzh|sch|zh|sh|ch|dj|j|kh|gh|ph|th|dh|ts|tz|ck|gu(?=[ei])|qu(?=[aeio])/g;
const MULTI_MAP: Record<string, string> = { kh: '2', gh: 'g', ph: 'f', th: 't', dh: 't', ts: 's', tz: 's', ck: 'k', gu: 'g', qu: 'k' };
const multi = (m: string) => MULTI_MAP[m] ?? '1';

const CONSONANT: Record<string, string> = {
  b: 'P', p: 'P', d: 'T', t: 'T', g: 'K', k: 'K', q: 'K', v: 'V', w: 'V', f: 'V', s: 'S', z: 'S',
  l: 'R', r: 'R', m: 'M', n: 'N', h: 'H', '1': 'J', '2': 'H',
};

/** The phonetic key of one normalised (lowercase ASCII) token. Digits are kept as they are. */
export function phoneticKey(token: string): string {
  const cached = keyCache.get(token);
  if (cached !== undefined) return cached;
  let s = token;
  if (/^[0-9]+$/.test(s)) return s;
  // Korean surnames and syllables: DPRK initial R vs South Korean initial L/∅ (Ri/Li/Lee/Yi, Rim/Im, Ryu/Yu).
  if (s.length <= 5) s = s.replace(/^(?:rh|r|l)(?=[iy]|ee$)/, '').replace(/^yi/, 'i');
  // Pinyin x/q and Wade–Giles hs are the same palatal class as j/ch.
  // Only words of one or two syllables: a Chinese surname or given name (qi, xiaoping), not Araqi.
  if (/[xq]/.test(s) && isPinyin(s) && pinyinSyllableCount(s) <= 2) s = s.replace(/[xq](?=[iu])/g, '1');
  if (/^hs[iu]/.test(s)) s = '1' + s.slice(2);
  // Final -ej/-ij (German Sergej, Andrej) is a vowel glide, not the consonant j.
  s = s.replace(/([aeiou])j$/, '$1y');
  s = s.replace(MULTI, multi);
  s = s.replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k').replace(/x/g, 'ks');
  // Final h after a vowel is silent (Hamzah, Oh, Fatimah); rh is r.
  s = s.replace(/([aeiouy])h$/, '$1').replace(/rh/g, 'r');
  // French silent final e (Prigojine, Setchine, Rahmane).
  if (s.length >= 6) s = s.replace(/([^aeiouy])e$/, '$1');
  // Korean folk spelling: ar before a consonant (Park/Pak).
  if (s.length <= 5) s = s.replace(/ar(?=[kgpbtd]$)/, 'a');
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if ('aeiouy'.includes(ch)) {
      let j = i;
      while (j < s.length && 'aeiouy'.includes(s[j])) j++;
      // A y between vowels is a consonant glide: split the run there.
      out += vowelRun(s.slice(i, j), i === 0, j === s.length);
      i = j;
      continue;
    }
    const c = CONSONANT[ch] ?? (ch >= '0' && ch <= '9' ? ch : '');
    // ng stays distinct from n (Jong vs Jon): G after N is kept as K.
    if (c && out[out.length - 1] !== c) out += c;
    i++;
  }
  return keyCache.set(token, out);
}

/** Consonant classes only (`muhammad`, `mohamed`, `mhmd` → `MHMT`). */
export function skeletonKey(token: string): string {
  const k = phoneticKey(token).replace(/[AEIUY]/g, '');
  let out = '';
  for (const c of k) if (out[out.length - 1] !== c) out += c;
  return out;
}

const ARABIC_CLASSES: Record<string, string> = {
  b: 'P', p: 'P', t: 'T', d: 'T', s: 'S', z: 'S', c: 'K', k: 'K', q: 'K', g: 'K', j: 'J', f: 'F', v: 'F',
  l: 'L', r: 'R', m: 'M', n: 'N', h: 'H', x: 'K', '1': 'J', '2': 'H', '3': 'T', '4': 'K',
};

/**
 * Consonants as Arabic script writes them, for comparing a vowel-less reading with a Latin
 * spelling: vowels and the letters that double as vowels (w, y) are dropped, digraphs are one
 * consonant (sh, kh, th, dh, gh), doubled letters count once (`sabawi` and `sbaui` → `SP`).
 */
export function arabicSkeleton(text: string): string {
  const s = text.replace(/dj|sh|ch/g, '1').replace(/kh/g, '2').replace(/th|dh/g, '3').replace(/gh/g, '4');
  let out = '';
  for (const ch of s) {
    const c = ARABIC_CLASSES[ch];
    if (c && out[out.length - 1] !== c) out += c;
  }
  return out;
}
