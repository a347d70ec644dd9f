// Russian organisation names read in translation (Министерство обороны Российской Федерации →
// ministry oborony... → `ministry defense russian federation`), so a list entry given in English
// meets its Russian name. Words found in the bilingual table (data/org-words.ts) by stem are
// translated; the rest are transliterated (BGN/PCGN), which keeps proper names (Муромский → muromskiy).
import { ORG_WORDS } from './data/org-words.ts';
import { romanizeCyrillic } from './cyrillic.ts';

const STEMS: [string, string][] = ORG_WORDS.flatMap((w) => (w.ru ?? []).map((stem) => [stem, w.en] as [string, string])).sort((a, b) => b[0].length - a[0].length);
/** Russian function words of organisation names. */
const DROP = new Set(['и', 'по', 'при', 'для', 'в', 'на', 'имени', 'им']);

function translateWord(word: string): string | undefined {
  // A declined ending adds up to four letters; a long stem takes a suffix too (разведыват-ельное).
  for (const [stem, en] of STEMS) if (word.startsWith(stem) && word.length - stem.length <= (stem.length >= 7 ? 6 : 4)) return en;
  return undefined;
}

/**
 * The English reading of a normalised Cyrillic organisation name, or undefined when no word of
 * it is in the table (then the transliterations are all there is).
 */
export function translateCyrillicOrgName(normalized: string): string | undefined {
  let translated = 0;
  const out: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word || DROP.has(word)) continue;
    const en = /[\u0400-\u04ff]/.test(word) ? translateWord(word) : undefined;
    if (en) translated++;
    out.push(en ?? romanizeCyrillic(word, 'bgn'));
  }
  return translated ? out.join(' ') : undefined;
}

/** Country names organisation names carry, written out or abbreviated: one form each (the short one). */
const COUNTRY_PHRASES: [string[], string][] = [
  [['democratic', 'peoples', 'republic', 'of', 'korea'], 'dprk'],
  [['democratic', 'people', 's', 'republic', 'of', 'korea'], 'dprk'],
  [['north', 'korea'], 'dprk'],
  [['north', 'korean'], 'dprk'],
  [['united', 'states', 'of', 'america'], 'us'],
  [['united', 'states'], 'us'],
  [['u', 's', 'a'], 'us'],
  [['u', 's'], 'us'],
  [['usa'], 'us'],
  [['united', 'kingdom'], 'uk'],
  [['u', 'k'], 'uk'],
  [['united', 'arab', 'emirates'], 'uae'],
  [['u', 'a', 'e'], 'uae'],
  [['peoples', 'republic', 'of', 'china'], 'prc'],
  [['russian', 'federation'], 'russia'],
];

const UNITS = new Map(Object.entries({ zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 }));
const TENS = new Map(Object.entries({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }));

/**
 * Organisation and vessel names in one form whatever way they are written: country names
 * abbreviated (United States → us, Democratic People's Republic of Korea → dprk), runs of single
 * letters joined (A.B.C. → abc, so C.B.A. stays another name), and numbers in words as digits
 * (Forty-Four → 44).
 */
export function orgWordForms(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = COUNTRY_PHRASES.find(([p]) => p.every((w, k) => words[i + k] === w));
    if (phrase) {
      out.push(phrase[1]);
      i += phrase[0].length;
      continue;
    }
    const tens = TENS.get(words[i]);
    const unit = UNITS.get(words[i]);
    if (tens !== undefined) {
      const next = UNITS.get(words[i + 1] ?? '');
      if (next !== undefined && next > 0 && next < 10) {
        out.push(String(tens + next));
        i += 2;
      } else if (/^[0-9]$/.test(words[i + 1] ?? '')) {
        out.push(String(tens + Number(words[i + 1]))); // Forty 4
        i += 2;
      } else {
        out.push(String(tens));
        i++;
      }
      continue;
    }
    if (unit !== undefined && words.length > 1) {
      out.push(String(unit));
      i++;
      continue;
    }
    if (words[i].length === 1 && /[a-z]/.test(words[i]) && (words[i + 1]?.length ?? 0) === 1 && /[a-z]/.test(words[i + 1])) {
      let j = i;
      let joined = '';
      while (j < words.length && words[j].length === 1 && /[a-z]/.test(words[j])) joined += words[j++];
      out.push(joined);
      i = j;
      continue;
    }
    out.push(words[i++]);
  }
  return out;
}
