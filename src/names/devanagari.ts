// Devanagari (Hindi, Nepali, Marathi names) → Latin the way English-language media and lists spell
// them: Hunterian-style letters with long and short vowels alike (मोदी → modi), retroflex and dental
// consonants alike (ड, द → d), nukta letters as their Persian sounds (ज़ → z), anusvara as n
// (गांधी → gandhi), and Hindi's silent inherent vowel dropped where names drop it: at the end of a
// word (अमित → amit; kept after a conjunct ending in r or y: नरेन्द्र → narendra) and between a
// vowel and a consonant with a vowel sign (केजरीवाल → kejrival).

const CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n', ट: 't', ठ: 'th', ड: 'd', ढ: 'dh',
  ण: 'n', त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n', प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm', य: 'y', र: 'r', ल: 'l',
  ळ: 'l', व: 'v', श: 'sh', ष: 'sh', स: 's', ह: 'h',
};
/** A consonant with nukta (the precomposed letters and the base + ़ pairs). */
const NUKTA: Record<string, string> = { क: 'q', ख: 'kh', ग: 'gh', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y' };
const VOWELS: Record<string, string> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऍ: 'e', ऑ: 'o',
};
const SIGNS: Record<string, string> = { 'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॅ': 'e', 'ॉ': 'o' };
const VIRAMA = '्';
const NUKTA_SIGN = '़';

export function hasDevanagari(s: string): boolean {
  return /[\u0900-\u097f]/.test(s);
}

/** One akshara's parts: its consonant (or none), its vowel, and whether the vowel is the inherent a. */
interface Syllable {
  consonant: string;
  vowel: string;
  inherent: boolean;
  /** The consonant closes a conjunct (the one before it carries a virama). */
  conjunct: boolean;
}

function romanizeWord(word: string): string {
  // The precomposed nukta letters (U+0958–095F) as base and nukta, as NFC also writes them.
  const chars = [...word.replace(/[\u0958-\u095f]/g, (c) => c.normalize('NFD'))];
  const out: Syllable[] = [];
  let tail = '';
  let afterVirama = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (CONSONANTS[ch] !== undefined) {
      const nukta = chars[i + 1] === NUKTA_SIGN;
      if (nukta) i++;
      out.push({ consonant: nukta ? (NUKTA[ch] ?? CONSONANTS[ch]) : CONSONANTS[ch], vowel: 'a', inherent: true, conjunct: afterVirama });
      afterVirama = false;
    } else if (ch === VIRAMA && out.length) {
      out[out.length - 1].vowel = '';
      out[out.length - 1].inherent = false;
      afterVirama = true;
    } else if (SIGNS[ch] !== undefined && out.length) {
      out[out.length - 1].vowel = SIGNS[ch];
      out[out.length - 1].inherent = false;
    } else if (VOWELS[ch] !== undefined) {
      out.push({ consonant: '', vowel: VOWELS[ch], inherent: false, conjunct: false });
      afterVirama = false;
    } else if (ch === 'ं' || ch === 'ँ') {
      if (out.length) out[out.length - 1].vowel += 'n';
      else tail += 'n';
    } else if (ch === 'ः') {
      if (out.length) out[out.length - 1].vowel += 'h';
    }
  }
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    if (!s.inherent || k === 0) continue;
    const last = k === out.length - 1;
    // Final: silent, unless a conjunct ends in r or y (Narendra, Aditya).
    if (last) {
      if (!(s.conjunct && (s.consonant === 'r' || s.consonant === 'y'))) s.vowel = '';
    } else if (out[k - 1].vowel && out[k + 1].consonant && !out[k + 1].inherent && out[k + 1].vowel) s.vowel = '';
  }
  return tail + out.map((s) => s.consonant + s.vowel).join('');
}

/** `नरेन्द्र मोदी` → `narendra modi`; text outside Devanagari is kept. */
export function romanizeDevanagari(s: string): string {
  return s.split(/\s+/).map((w) => (hasDevanagari(w) ? romanizeWord(w) : w)).join(' ');
}
