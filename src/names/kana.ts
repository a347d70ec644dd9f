// Japanese kana (hiragana and katakana) → modified Hepburn romanisation (as in the Hepburn tables of
// Kenkyusha's New Japanese-English Dictionary, 3rd ed., and the 1954 cabinet notice's Table 2 for
// the extended katakana used for foreign sounds: ファ fa, ティ ti, ヴ vu). Long-vowel marks are dropped;
// a small っ/ッ doubles the next consonant. Katakana writes a foreign name by sound, adding vowels
// after consonants and writing l as r, so the reading is compared by consonants (transliterate.ts).

const BASE = `あa いi うu えe おo かka きki くku けke こko がga ぎgi ぐgu げge ごgo さsa しshi すsu せse そso
ざza じji ずzu ぜze ぞzo たta ちchi つtsu てte とto だda ぢji づzu でde どdo なna にni ぬnu ねne のno
はha ひhi ふfu へhe ほho ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo まma みmi むmu めme もmo
やya ゆyu よyo らra りri るru れre ろro わwa ゐi ゑe をo んn ゔvu`;

const HEPBURN = new Map<string, string>();
for (const entry of BASE.split(/\s+/)) if (entry) HEPBURN.set(entry[0], entry.slice(1));
const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };
const SMALL_VOWEL: Record<string, string> = { ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o' };

export function hasKana(s: string): boolean {
  return /[\u3041-\u3096\u30a1-\u30fa\u30fc]/.test(s);
}

/** `バラク オバマ` → `baraku obama`, `ウラジーミル` → `urajimiru`. */
export function romanizeKana(s: string): string {
  let out = '';
  let prev = '';
  let double = false;
  for (const raw of s) {
    const code = raw.codePointAt(0)!;
    // Katakana sit 0x60 above their hiragana.
    const ch = code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : raw;
    if (ch === 'ー') continue;
    if (ch === 'っ') {
      double = true;
      continue;
    }
    const y = SMALL_Y[ch];
    if (y) {
      // きゃ kya, しゃ sha, ちゃ cha, じゃ ja.
      out = /(sh|ch|j)i$/.test(out) ? out.slice(0, -1) + y : /i$/.test(out) ? out.slice(0, -1) + 'y' + y : out + 'y' + y;
      prev = y;
      continue;
    }
    const v = SMALL_VOWEL[ch];
    if (v) {
      // ファ fa, ティ ti, ウィ wi, チェ che: the small vowel replaces the one before.
      // After a bare う or い the glide stays: ウィ wi, イェ ye.
      out = prev === 'u' ? out.slice(0, -1) + 'w' + v : prev === 'i' ? out.slice(0, -1) + 'y' + v : /[aeiou]$/.test(out) ? out.slice(0, -1) + v : out + v;
      prev = v;
      continue;
    }
    const r = HEPBURN.get(ch);
    if (r === undefined) {
      out += raw;
      prev = '';
      double = false;
      continue;
    }
    out += double ? (r.startsWith('ch') ? 't' : r[0]) + r : r;
    prev = r;
    double = false;
  }
  return out;
}
