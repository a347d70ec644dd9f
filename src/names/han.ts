// Han characters → Pinyin for names, and Wade–Giles → Pinyin for Latin tokens.
import { HAN_ORG_WORDS, HAN_PINYIN_TABLE } from './data/han-pinyin.ts';
import { HAN_FOREIGN_TABLE } from './data/han-foreign.ts';
import { ORG_WORDS as ORG_WORD_TABLE } from './data/org-words.ts';

const PINYIN = new Map<string, string>();
for (const entry of (HAN_PINYIN_TABLE + HAN_FOREIGN_TABLE).split(/\s+/)) {
  const [py, chars] = entry.split(':');
  if (!py || !chars) continue;
  for (const ch of chars) if (!PINYIN.has(ch)) PINYIN.set(ch, py);
}
// Words of the bilingual table (data/org-words.ts) of two characters or more: one character
// (部, 局) is too often part of a name to be translated wherever it appears.
const ORG_TRANSLATIONS: Record<string, string> = { ...HAN_ORG_WORDS };
for (const w of ORG_WORD_TABLE) for (const h of w.han ?? []) if (h.length >= 2 && !(h in ORG_TRANSLATIONS)) ORG_TRANSLATIONS[h] = w.en;
const ORG_WORDS = Object.keys(ORG_TRANSLATIONS).sort((a, b) => b.length - a.length);
const COMPOUND_SURNAMES = new Set(['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '慕容', '夏侯', '令狐', '皇甫', '公孙', '公孫', '长孙', '長孫', '尉迟', '尉遲', '司徒', '端木']);

export function hasHan(s: string): boolean {
  return /[\u4e00-\u9fff\u3400-\u4dbf]/.test(s);
}

export function pinyinOf(ch: string): string | undefined {
  return PINYIN.get(ch);
}

/** Number of Han characters the table knows (for tests and documentation). */
export const HAN_TABLE_SIZE = PINYIN.size;

/** Interpuncts between Han characters: a foreign name written by sound (贝拉克·奥巴马). */
const FOREIGN_NAME_DOT = /[\u4e00-\u9fff][·・•‧・][\u4e00-\u9fff]/;

export function isForeignHanName(raw: string): boolean {
  return FOREIGN_NAME_DOT.test(raw);
}

/**
 * A foreign name written in Han by sound, each word's syllables joined, with Pinyin initials as a
 * Latin spelling would write the sounds they stand for (x → s, q → ch, zh → j, c → ts, final ng → n):
 * 贝拉克·奥巴马 → `beilake aobama`. Compared by consonants (vowels are added by the syllables).
 */
export function romanizeHanForeign(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => (hasHan(word) ? syllables([...word]).map(soundOfPinyin).join('') : word))
    .join(' ');
}

function soundOfPinyin(py: string): string {
  // A final -ng writes a foreign n (普京 pujing ~ Putin).
  // 尔 er writes a foreign r (默克尔 Merkel).
  if (py === 'er') return 'r';
  return py.replace(/^x/, 's').replace(/^q/, 'ch').replace(/^zh/, 'j').replace(/^c(?!h)/, 'ts').replace(/ng$/, 'n');
}

function syllables(chars: string[]): string[] {
  return chars.map((c) => PINYIN.get(c) ?? c);
}

/**
 * Pinyin reading of a Han name. People: surname, then the given name joined (`习近平` → `xi jinping`);
 * organisations: known words translated (`有限公司` → `co ltd`), the rest as joined syllables.
 */
export function romanizeHan(name: string, isPerson: boolean): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  for (const [wi, word] of words.entries()) {
    if (!hasHan(word)) {
      parts.push(word);
      continue;
    }
    const chars = [...word];
    if (isPerson && chars.length <= 4) {
      if (wi === 0 && chars.length >= 2) {
        const n = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0] + chars[1]) ? 2 : 1;
        parts.push(syllables(chars.slice(0, n)).join(''));
        if (chars.length > n) parts.push(syllables(chars.slice(n)).join(''));
      } else parts.push(syllables(chars).join(''));
      continue;
    }
    let rest: string[] = [];
    const flush = () => {
      if (rest.length) parts.push(syllables(rest).join(''));
      rest = [];
    };
    let i = 0;
    while (i < word.length) {
      const hit = ORG_WORDS.find((w) => word.startsWith(w, i));
      if (hit) {
        flush();
        parts.push(ORG_TRANSLATIONS[hit]);
        i += hit.length;
      } else {
        rest.push(word[i]);
        i++;
      }
    }
    flush();
  }
  return parts.join(' ');
}

/**
 * Pinyin spelling of a Latin token that reads as a Wade–Giles syllable (apostrophes already
 * dropped), for the differences the phonetic key does not absorb: ien/ian, ieh/ie, ih/i, tzu/zi,
 * ssu/si, j/r, ung/ong, ko/ge. Returns undefined when nothing applies.
 */
export function wadeGilesToPinyin(token: string): string | undefined {
  if (token.length > 7 || !/^[a-z]+$/.test(token)) return undefined;
  let s = token;
  s = s
    .replace(/^(?:tz|ts)u$/, 'zi')
    .replace(/^(?:ss|sz)u$/, 'si')
    .replace(/^(ch|sh|j)ih$/, '$1i')
    .replace(/^hs/, 'x')
    .replace(/^(?:ts|tz)(?=[aeiou])/, 'z')
    .replace(/^j(?=[aeou])/, 'r')
    .replace(/ien$/, 'ian')
    .replace(/^yen$/, 'yan')
    .replace(/ieh$/, 'ie')
    .replace(/^yeh$/, 'ye')
    .replace(/ueh$/, 'ue')
    .replace(/uei$/, 'ui')
    .replace(/^([kh]|k)o$/, '$1e')
    .replace(/([^iy])ung$/, '$1ong')
    .replace(/^yung$/, 'yong')
    .replace(/iung$/, 'iong');
  return s === token ? undefined : s;
}
