// Field-level parsing for the UK lists: dates with unknown parts, numbered lists, UN references.

/**
 * `dd/mm/yyyy` with `00` for an unknown day or month -> ISO with the known precision:
 * `28/09/1955` -> `1955-09-28`, `00/04/1984` -> `1984-04`, `00/00/1980` -> `1980`.
 * A known day with an unknown month keeps only the year. Also reads `yyyy-mm-dd` and a bare year.
 * Returns undefined for anything else (the caller keeps the raw text).
 */
export function ukDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return partialIso(m[3], Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return partialIso(m[1], Number(m[2]), Number(m[3]));
  m = /^(\d{4})$/.exec(t);
  if (m) return m[1];
  m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(t); // 13-Jun-2024, as in report-date lines
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    if (month > 0) return partialIso(m[3], month, Number(m[1]));
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function partialIso(year: string, month: number, day: number): string | undefined {
  if (year === '0000') return undefined;
  if (month < 1 || month > 12) return month === 0 ? year : undefined;
  const mm = String(month).padStart(2, '0');
  if (day === 0) return `${year}-${mm}`;
  const daysInMonth = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/**
 * Split the UK lists' inline enumerations: `(1) German (2) Moroccan`, `1) Saudi Arabia 2) Qatar`,
 * `a) French, b) Tunisian`, `(1)-(2) Algeria`. Text without markers comes back as one item.
 * The text before the first marker (a shared prefix such as `Jordanian passport numbers`) is kept
 * as its own item when it is not empty.
 */
export function splitEnumerated(text: string): string[] {
  const parts = text
    .split(/(?:^|\s|,|;)\(?(?:\d{1,2}|[a-h])\)(?:\s*(?:-|to)\s*\(?(?:\d{1,2}|[a-h])\))?(?=\s|$|[A-Za-z(])/)
    .map((p) => p.trim().replace(/^[,;.]\s*|[,;]$/g, '').trim())
    .filter((p) => p.length > 0);
  return parts;
}

/** UN reference numbers in free text: `UN Ref QDe.004`, `UN REF:QE.A.146.14.`, `(UN Ref):QDi.263`. */
export function unReferences(text: string): string[] {
  const out: string[] = [];
  const re = /UN\s*Ref(?:erence)?(?:\s*(?:No|Number)\.?)?\s*\)?[\s.:]*([A-Za-z]{1,3}\.(?:[A-Za-z0-9]+\.)*[A-Za-z0-9]+)/gi;
  for (const m of text.matchAll(re)) {
    let ref = m[1].replace(/\.$/, '');
    // Modern references: two letters, i/e for individual/entity, a number (KPi.066, QDe.004).
    ref = ref.replace(/^([A-Za-z]{2})([IiEe])\.(\d+)$/, (_, p: string, k: string, n: string) => `${p.toUpperCase()}${k.toLowerCase()}.${n}`);
    if (!out.includes(ref)) out.push(ref);
  }
  // "Annex XIII. UN listing. KPi.023.": a UN listing that gives its reference without the label.
  if (out.length === 0 && /\bUN listing\b/i.test(text)) {
    const bare = /\b([A-Z]{2}[ie]\.\d{3})\b/.exec(text);
    if (bare) out.push(bare[1]);
  }
  return out;
}

/** The UK Sanctions List reference in free text: `(UK Sanctions List Ref):AQD0183`. */
export function ukListReference(text: string): string | undefined {
  return /UK Sanctions List Ref\)?\s*[:.]?\s*([A-Z]{2,4}\d{3,5})/i.exec(text)?.[1]?.toUpperCase();
}

/**
 * The document number in one item of a `Passport Details` / `NI Number` text: the first token that
 * has at least four digits (letters, dashes and slashes allowed), skipping bare years and days.
 * `Passport No: 592667 (Qatari passport issued on 3 May 2007)` -> `592667`;
 * `CAR Diplomatic Passport No D00000897 issued 5 April 2013` -> `D00000897`; `D 000974` -> `D 000974`.
 */
export function documentNumber(item: string): string | undefined {
  const re = /(?<![A-Za-z0-9])((?:[A-Z]{1,3}[ -]?)?\d[\dA-Z./-]*\d[A-Z]?)(?![A-Za-z0-9])/g;
  for (const m of item.matchAll(re)) {
    const token = m[1];
    const digits = token.replace(/\D/g, '');
    if (digits.length < 4) continue;
    if (/^(1[89]|20)\d\d$/.test(token)) continue; // a year
    if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(token)) continue; // a date
    return token;
  }
  return undefined;
}

/** ISO 639-3 codes for the languages the UK lists name in their non-Latin script columns. */
const LANGUAGES: Record<string, string> = {
  arabic: 'ara',
  persian: 'fas',
  farsi: 'fas',
  russian: 'rus',
  ukrainian: 'ukr',
  belarusian: 'bel',
  korean: 'kor',
  chinese: 'zho',
  mandarin: 'zho',
  burmese: 'mya',
  myanmar: 'mya',
  georgian: 'kat',
  armenian: 'hye',
  hebrew: 'heb',
  pashto: 'pus',
  urdu: 'urd',
  dari: 'prs',
  greek: 'ell',
  serbian: 'srp',
  thai: 'tha',
  japanese: 'jpn',
  amharic: 'amh',
  tigrinya: 'tir',
  kurdish: 'kur',
};

export function languageCode(...texts: string[]): string | undefined {
  for (const text of texts) {
    const code = LANGUAGES[text.trim().toLowerCase()];
    if (code) return code;
  }
  return undefined;
}

/** Join non-empty parts with a separator, after trimming each. */
export function joinParts(parts: string[], sep = ' '): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(sep);
}
