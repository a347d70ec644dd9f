// Latin readings of a name in any script: each reading says which system produced it, so an
// explanation can say "김정은 romanized (McCune–Reischauer) as 'kim chong un'".
import { hasArabic, romanizeArabic } from './arabic.ts';
import { CYRILLIC_SYSTEM_NAMES, hasCyrillic, romanizeCyrillic } from './cyrillic.ts';
import { hasArmenian, hasGeorgian, romanizeArmenian, romanizeGeorgian } from './alphabets.ts';
import { hasDevanagari, romanizeDevanagari } from './devanagari.ts';
import { hasHan, isForeignHanName, romanizeHan, romanizeHanForeign } from './han.ts';
import { hasKana, romanizeKana } from './kana.ts';
import { hanjaToHangul } from './hanja.ts';
import { hasHangul, romanizeHangulName } from './hangul.ts';
import { koreanCyrillicReadings } from './korean-cyrillic.ts';
import { translateCyrillicOrgName } from './org-translate.ts';
import { normalizeName } from './normalize.ts';
import { memosByKind } from './memo.ts';

export interface LatinReading {
  /** Normalised Latin text (lowercase ASCII, single spaces). */
  text: string;
  /** Romanization system used, or 'latin' when the name was already Latin. */
  system: string;
  /** Read from a script that does not write short vowels (Arabic): compare by consonants. */
  vowelless: boolean;
}

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

function romanizeGreek(s: string): string {
  return s.replace(/ου/g, 'ou').replace(/αι/g, 'ai').replace(/ει/g, 'ei').replace(/οι/g, 'oi').replace(/μπ/g, 'b').replace(/ντ/g, 'd').replace(/γκ/g, 'g').replace(/[α-ω]/g, (c) => GREEK[c] ?? c);
}

const readingCache = memosByKind<LatinReading[]>(50_000, 'stop');

/**
 * Latin readings of a name. Latin names give one reading; Hangul gives McCune–Reischauer and
 * Revised Romanization; Cyrillic gives BGN/PCGN and ICAO; Han gives Pinyin; Arabic a consonantal
 * reading. `isPerson` decides how unspaced Hangul/Han names split into surname and given name.
 */
export function latinReadings(name: string, isPerson = true): LatinReading[] {
  const cache = readingCache(isPerson ? 'person' : 'other');
  const hit = cache.get(name);
  if (hit) return hit;
  // 3%ers is the Three Percenters: a percent sign is read as the word it stands for.
  const norm = normalizeName(name.includes('%') ? name.replace(/(\d)\s*%\s*/g, '$1 percent') : name);
  let readings: LatinReading[];
  if (/^[a-z0-9 ]*$/.test(norm)) {
    readings = [{ text: norm, system: 'latin', vowelless: false }];
    const split = splitRunTogether(name, norm, isPerson);
    if (split) readings.push({ text: split, system: 'latin, words run together split', vowelless: false });
  }
  else if (hasHan(norm) && isForeignHanName(name))
    // 贝拉克·奥巴马: syllables chosen for their sound add vowels and write r as l; compare by consonants.
    readings = [{ text: normalizeName(romanizeHanForeign(norm)), system: 'Pinyin of a foreign name written by sound', vowelless: true }];
  else {
    let bases: { text: string; system: string }[] = [{ text: norm, system: '' }];
    // Han characters are read as Chinese and, where every one has a Korean reading, as Korean (Hanja).
    const hanja = hasHan(norm) ? hanjaToHangul(norm) : undefined;
    if (hanja) bases.push({ text: hanja, system: 'Hanja read as Korean' });
    if (bases.some((b) => hasHangul(b.text)))
      bases = bases.flatMap((b) => (hasHangul(b.text) ? romanizeHangulName(b.text, isPerson).map((r) => ({ text: r.text, system: join(b.system, r.system) })) : [b]));
    if (bases.some((b) => hasHan(b.text))) bases = bases.map((b) => (hasHan(b.text) ? { text: romanizeHan(b.text, isPerson), system: join(b.system, 'Pinyin') } : b));
    if (bases.some((b) => hasCyrillic(b.text))) {
      // A Korean name in Russian (Ким Чен Ын) is also read back to the spellings lists use.
      const korean = isPerson ? koreanCyrillicReadings(norm).map((text) => ({ text, system: 'Korean in Cyrillic (Kontsevich and older Russian spellings)' })) : [];
      // An organisation is also read in translation, word by word (Министерство обороны → ministry defense).
      const translated = isPerson ? undefined : translateCyrillicOrgName(norm);
      if (translated) korean.push({ text: translated, system: 'Russian organisation words translated' });
      bases = bases.flatMap((b) => (['bgn', 'icao'] as const).map((sys) => ({ text: romanizeCyrillic(b.text, sys), system: join(b.system, CYRILLIC_SYSTEM_NAMES[sys]) })));
      bases.push(...korean);
    }
    let vowelless = false;
    if (bases.some((b) => hasArabic(b.text))) {
      vowelless = true;
      bases = bases.map((b) => ({ text: romanizeArabic(b.text), system: join(b.system, 'Arabic consonantal reading') }));
    }
    if (bases.some((b) => /[α-ω]/.test(b.text))) bases = bases.map((b) => ({ text: romanizeGreek(b.text), system: join(b.system, 'ELOT 743') }));
    if (bases.some((b) => hasArmenian(b.text))) bases = bases.map((b) => ({ text: romanizeArmenian(b.text), system: join(b.system, 'ISO 9985 (Armenian)') }));
    if (bases.some((b) => hasDevanagari(b.text))) bases = bases.map((b) => ({ text: romanizeDevanagari(b.text), system: join(b.system, 'Hunterian (Devanagari)') }));
    if (bases.some((b) => hasGeorgian(b.text))) bases = bases.map((b) => ({ text: romanizeGeorgian(b.text), system: join(b.system, 'Georgian national romanisation (2002)') }));
    if (bases.some((b) => hasKana(b.text))) {
      // Katakana adds vowels after consonants and writes l as r: compare by consonants.
      vowelless = true;
      bases = bases.map((b) => ({ text: romanizeKana(b.text), system: join(b.system, 'Hepburn, kana written by sound') }));
    }
    readings = [];
    for (const b of bases) {
      const text = normalizeName(b.text);
      if (!readings.some((r) => r.text === text)) readings.push({ text, system: b.system || 'latin', vowelless });
    }
  }
  return cache.set(name, readings);
}

/**
 * Two lowercase letters before a capitalised word or a final run of capitals (Siemens|AG,
 * Deutsche|Bank); not Mc or Mac (McDonald, MacArthur), nor De or Le (DeAngelo, LeBlanc).
 */
const CAMEL_BREAK = /([a-z]{2})(?<!\bMa?c)(?=[A-Z][a-z]|[A-Z]{2,}(?![a-z]))/;
const CAMEL_BREAK_ALL = new RegExp(CAMEL_BREAK.source, 'g');

/**
 * Legal forms glued to an organisation's last word (acmegmbh, pvtltd, coltd): no word ends in ltd,
 * llc, gmbh or plc; inc and limited only after four letters (zinc, unlimited).
 */
const GLUED_LEGAL_FORM = /^(.+?)(gmbh|llc|ltd|plc)$|^(.*[a-z]{4})(inc|limited)$/;

/**
 * A name whose words were run together: split at a capital inside a word (SiemensAG, DeutscheBank)
 * and, for organisations, before a legal form glued to the last word (ACMEGMBH).
 */
function splitRunTogether(raw: string, norm: string, isPerson: boolean): string | undefined {
  let text = CAMEL_BREAK.test(raw) ? normalizeName(raw.replace(CAMEL_BREAK_ALL, '$1 ')) : norm;
  if (!isPerson) text = text.replace(/\S+$/, (last) => last.replace(GLUED_LEGAL_FORM, (_m, a?: string, b?: string, c?: string, d?: string) => `${a ?? c} ${b ?? d}`));
  return text !== norm ? text : undefined;
}

function join(a: string, b: string): string {
  return a ? `${a} + ${b}` : b;
}

/** Convenience: the distinct Latin spellings of a name (first is the primary one). */
export function latinVariants(name: string, isPerson = true): string[] {
  return latinReadings(name, isPerson).map((r) => r.text);
}
