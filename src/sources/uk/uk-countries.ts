// Country codes from the UK lists' free-text country cells:
// "1) Saudi Arabia 2) Qatar", "Afghanistan (since 2009)", "Iranian citizenship", "DRC and Belgian nationalities".
import { countryCode } from '../countries.ts';
import { splitEnumerated } from './uk-fields.ts';

const QUALIFIERS =
  /\b(?:possibly|reportedly|believed to be|also believed to hold|citizenship|nationality|nationalities|national|citizen|by birth|dual|(?:withdrawn|revoked)(?: in \w+)? ?\d{0,4}|previous|former|now)\b/gi;

// Misspellings the UK lists use (the shared table keeps to proper names).
const UK_SPELLINGS: Record<string, string> = {
  afgan: 'af',
  afganistan: 'af',
  qatarian: 'qa',
  'trinadad and tobago': 'tt',
  'ukranian ssr': 'ua',
  'ukrainian ussr': 'ua',
};

function lookup(text: string): string | undefined {
  return countryCode(text) ?? UK_SPELLINGS[text.trim().toLowerCase().replace(/\.$/, '')];
}

/** One item (no enumeration markers) to a code, trying the text as it is, then without qualifiers. */
function itemCode(item: string): string | undefined {
  const direct = lookup(item);
  if (direct) return direct;
  const bare = item
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\b(?:as (?:at|of)|since|from|until|between)\b.*$/i, ' ')
    .replace(/^in\s+/i, ' ')
    .replace(/\d+/g, ' ')
    .replace(QUALIFIERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return bare ? lookup(bare) : undefined;
}

/** A country named anywhere in a document description, quietly: `(Qatari passport ...)`, `Tunisia number G557170`. */
export function countryInText(text: string): string | undefined {
  for (const m of text.matchAll(/\(([^)]*)\)/g)) {
    const code = itemCode(m[1]);
    if (code) return code;
  }
  const words = text.replace(/[^\p{L}' -]+/gu, ' ').split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (const n of [3, 2, 1]) {
      if (i + n > words.length) continue;
      const candidate = words.slice(i, i + n).join(' ');
      if (/^[A-Z]/.test(candidate) && candidate.length > 3) {
        const code = lookup(candidate);
        if (code) return code;
      }
    }
  }
  return undefined;
}

/**
 * The country codes a cell names, and the pieces no country could be read from (for a warning).
 * Historical states (USSR, RSFSR) and places that are not countries stay unresolved.
 */
export function countriesIn(text: string): { codes: string[]; unresolved: string[] } {
  const codes: string[] = [];
  const unresolved: string[] = [];
  const add = (code: string) => void (codes.includes(code) || codes.push(code));
  for (const item of splitEnumerated(text)) {
    const code = itemCode(item);
    if (code) {
      add(code);
      continue;
    }
    // "DRC and Belgian nationalities", "Iranian national and US national/citizen", "a) French, b) Tunisian"
    const pieces = item.split(/\s*(?:,|;|\/|\band\b|\balso\b)\s*/i).filter(Boolean);
    const found = pieces.map(itemCode).filter((c): c is string => c !== undefined);
    if (pieces.length > 1 && found.length > 0) found.forEach(add);
    else unresolved.push(item);
  }
  return { codes, unresolved };
}
