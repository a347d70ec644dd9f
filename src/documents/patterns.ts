// Mentions found by their own patterns rather than by the matcher: IMO and MMSI numbers, passport
// numbers, dates, quantities and countries (in any language Intl knows). Each comes with its
// normalised value (the IMO number, the ISO date, the country code).

export interface PatternMention {
  kind: 'imo' | 'mmsi' | 'passport' | 'date' | 'quantity' | 'country' | 'vessel';
  start: number;
  end: number;
  text: string;
  value: string;
}

/** IMO numbers carry a check digit: the weighted sum of the first six digits (7..2) ends in the seventh. */
export function isValidImo(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (name: string) => MONTHS[name.toLowerCase().replace('.', '')];

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|a dozen|two dozen|three dozen|dozens of|hundreds of|thousands of|millions of';
const UNITS = 'kg|kilograms?|tonnes?|tons?|t|g|grams?|lbs?|pounds?|litres?|liters?|barrels?|rounds?|shells?|rockets?|missiles?|launchers?|drones?|containers?|wagons?|trucks?|units?|pieces?|kinds? of \\w+|(?:artillery )?shells|%|percent|million|billion|USD|dollars?|euros?|\\$';

interface Rule {
  kind: PatternMention['kind'];
  re: RegExp;
  value(m: RegExpExecArray): string | null;
}

export const RULES: Rule[] = [
  { kind: 'imo', re: /\bIMO(?:\s*(?:No\.?|number|#))?[\s:]*(\d{7})\b/giu, value: (m) => (isValidImo(m[1]) ? m[1] : null) },
  { kind: 'mmsi', re: /\bMMSI(?:\s*(?:No\.?|number|#))?[\s:]*(\d{9})\b/giu, value: (m) => m[1] },
  { kind: 'passport', re: /\b(?:passport|паспорт\w*|여권)(?:\s*(?:No\.?|number|#|№))?[\s:]*([A-Z]{0,3} ?\d{5,9})\b/giu, value: (m) => m[1].toUpperCase() },
  // Dates: ISO; "30 August 2023"; "August 30, 2023"; "August 30"; "September 2022"; "in 2019".
  { kind: 'date', re: /\b(\d{4})-(\d{2})-(\d{2})\b/gu, value: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { kind: 'date', re: new RegExp(`\\b(\\d{1,2}) (${MONTH_NAMES}) (\\d{4})\\b`, 'giu'), value: (m) => `${m[3]}-${pad(monthOf(m[2]))}-${pad(Number(m[1]))}` },
  { kind: 'date', re: new RegExp(`\\b(${MONTH_NAMES}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'giu'), value: (m) => `${m[3]}-${pad(monthOf(m[1]))}-${pad(Number(m[2]))}` },
  { kind: 'date', re: new RegExp(`\\b(${MONTH_NAMES}) (\\d{4})\\b`, 'giu'), value: (m) => `${m[2]}-${pad(monthOf(m[1]))}` },
  { kind: 'date', re: new RegExp(`(?<=\\b(?:on|since|by|until) )(${MONTH_NAMES}) (\\d{1,2})\\b`, 'gu'), value: (m) => `--${pad(monthOf(m[1]))}-${pad(Number(m[2]))}` },
  { kind: 'date', re: /(?<=\b(?:in|since|from|by|until|between|and|of|to|In|Since|From|By) )((?:19|20)\d{2})\b(?![-–]\d)/gu, value: (m) => m[1] },
  {
    kind: 'quantity',
    re: new RegExp(`(?<![\\p{L}\\d])((?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s?(?:${UNITS})|(?:${NUMBER_WORDS})\\s(?:${UNITS}))(?![\\p{L}])`, 'giu'),
    value: (m) => m[1].replace(/\s+/g, ' '),
  },
];

// Country names in every language Intl carries for the scripts the lists use, plus the usual short forms.
const COUNTRY_ALIASES: Record<string, string> = {
  'North Korea': 'kp', DPRK: 'kp', 'North Korean': 'kp', 'Democratic People’s Republic of Korea': 'kp', "Democratic People's Republic of Korea": 'kp', 'Северная Корея': 'kp', КНДР: 'kp', 북한: 'kp', 朝鲜: 'kp',
  'South Korea': 'kr', 'U.S.': 'us', 'United States': 'us', USA: 'us', 'U.S.A.': 'us', Russian: 'ru', Iranian: 'ir', Syrian: 'sy', Slovakian: 'sk', Slovak: 'sk', Chinese: 'cn', Ukrainian: 'ua', 'Soviet Union': 'suhh', UK: 'gb', Britain: 'gb',
};

let countryIndex: { codes: Map<string, string>; maxWords: number } | undefined;

function countries(): { codes: Map<string, string>; maxWords: number } {
  if (countryIndex) return countryIndex;
  const codes = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = name.toLowerCase();
    if (!codes.has(key) && (name.length >= 3 || /[^\x00-\x7f]/.test(name) || name === 'UK')) codes.set(key, code);
  };
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) add(name, code);
  for (const lang of ['en', 'ru', 'ko', 'zh', 'ar', 'fr', 'de', 'es', 'uk']) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name && name !== code && !/^(Unknown|World|European Union|Pseudo)/.test(name)) add(name, code.toLowerCase());
      }
    }
  }
  const maxWords = Math.max(...[...codes.keys()].map((k) => k.split(/[\s-]+/).length));
  countryIndex = { codes, maxWords };
  return countryIndex;
}

const COUNTRY_WORD = /[\p{L}\p{M}\p{N}]+(?:[.’'][\p{L}\p{M}\p{N}]+)*\.?/gu;
/** Hangul and Han words take particles and suffixes (러시아를, 俄罗斯的): their prefixes are tried too. */
const AGGLUTINATED = /^[\p{Script=Hangul}\p{Script=Han}]/u;

/** Country names by word sequences looked up in a table (a regex over thousands of names is slow). */
function findCountries(text: string, found: PatternMention[]): void {
  const { codes, maxWords } = countries();
  const words: { start: number; end: number }[] = [];
  COUNTRY_WORD.lastIndex = 0;
  for (let m = COUNTRY_WORD.exec(text); m; m = COUNTRY_WORD.exec(text)) words.push({ start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < words.length; i++) {
    let matched = false;
    for (let n = Math.min(maxWords, words.length - i); n >= 1 && !matched; n--) {
      const start = words[i].start;
      let end = words[i + n - 1].end;
      let span = text.slice(start, end);
      if (n > 1 && !/^[^\n]*$/.test(span)) continue;
      let code = codes.get(span.toLowerCase());
      if (!code && span.endsWith('.') && n >= 1) {
        code = codes.get(span.slice(0, -1).toLowerCase()) ;
        if (code) { span = span.slice(0, -1); end -= 1; }
        else code = undefined;
      }
      if (!code && n === 1 && AGGLUTINATED.test(span)) {
        for (let len = span.length - 1; len >= 2 && !code; len--) {
          code = codes.get(span.slice(0, len));
          if (code) { end = start + len; span = span.slice(0, len); }
        }
      }
      if (!code) continue;
      // Short Latin names must be capitalised in the text ("Chad" the country, not "chad").
      if (!/^\p{Lu}/u.test(span) && /^[\p{Script=Latin}\s.’'-]+$/u.test(span)) continue;
      found.push({ kind: 'country', start, end, text: span, value: code });
      matched = true;
      i += n - 1;
    }
  }
}

/** Every pattern mention in the text, longest first where two overlap. */
export function findPatternMentions(text: string): PatternMention[] {
  const found: PatternMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const value = rule.value(m);
      if (value === null) continue;
      found.push({ kind: rule.kind, start: m.index, end: m.index + m[0].length, text: m[0], value });
    }
  }
  findCountries(text, found);
  return dropOverlaps(found);
}

/** Keeps the longest of overlapping mentions of the same kind family. */
export function dropOverlaps<T extends { start: number; end: number }>(mentions: T[]): T[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: T[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start < reach) continue;
    kept.push(m);
    reach = m.end;
  }
  return kept;
}
