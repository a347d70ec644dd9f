// Birth dates: exact, year, month, ranges (`1965-1967`), `circa`, and day/month swaps.
export interface PartialDate {
  from: number; // year
  to: number; // year (same as from unless a range or circa)
  month?: number;
  day?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Reads ISO dates and the common list forms; undefined when no year can be found. */
export function parseDate(value: string): PartialDate | undefined {
  const v = value.trim().toLowerCase();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:t.*)?$/.exec(v);
  if (m) return full(+m[1], m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(v);
  if (m) return full(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})$/.exec(v);
  if (m && MONTHS[m[2].slice(0, 3)]) return full(+m[3], MONTHS[m[2].slice(0, 3)], +m[1]);
  m = /^([a-z]{3,9})\.?\s+(\d{4})$/.exec(v);
  if (m && MONTHS[m[1].slice(0, 3)]) return full(+m[2], MONTHS[m[1].slice(0, 3)]);
  m = /^(\d{4})\s*(?:-|to|–)\s*(\d{4})$/.exec(v);
  if (m) return { from: Math.min(+m[1], +m[2]), to: Math.max(+m[1], +m[2]) };
  m = /^(?:circa|ca\.?|c\.|approx\.?|approximately|about)\s*(\d{4})$/.exec(v);
  if (m) return { from: +m[1] - 1, to: +m[1] + 1 };
  m = /\b(1[89]\d\d|20\d\d)\b/.exec(v);
  if (m) return { from: +m[1], to: +m[1] };
  return undefined;
}

function full(y: number, month?: number, day?: number): PartialDate | undefined {
  if (y < 1800 || y > 2100) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) {
    // 1965-19-03 style: a swapped day and month is still a usable date.
    if (day !== undefined && day >= 1 && day <= 12 && month <= 31) return { from: y, to: y, month: day, day: month };
    return { from: y, to: y };
  }
  if (day !== undefined && (day < 1 || day > 31)) return { from: y, to: y, month };
  return { from: y, to: y, month, day };
}

export type DateOutcome = 'exact' | 'partial' | 'swap' | 'near' | 'mismatch' | 'none';

export interface DateComparison {
  outcome: DateOutcome;
  query?: string;
  candidate?: string;
}

const RANK: Record<DateOutcome, number> = { exact: 5, swap: 4, partial: 3, near: 2, mismatch: 1, none: 0 };

/**
 * near: a year apart, or the same month with another day (a slip of one figure). mismatch: years
 * further apart, or two full dates of one year in different months (two people born the same year).
 */
function compareOne(a: PartialDate, b: PartialDate): DateOutcome {
  const overlap = a.from <= b.to && b.from <= a.to;
  if (!overlap) return Math.max(a.from - b.to, b.from - a.to) <= 1 ? 'near' : 'mismatch';
  const single = a.from === a.to && b.from === b.to;
  if (!single) return 'partial';
  if (a.month !== undefined && b.month !== undefined) {
    if (a.month === b.month) {
      if (a.day !== undefined && b.day !== undefined) return a.day === b.day ? 'exact' : 'near';
      return 'partial';
    }
    if (a.day !== undefined && b.day !== undefined && a.day === b.month && a.month === b.day) return 'swap';
    return a.day !== undefined && b.day !== undefined ? 'mismatch' : 'near';
  }
  return 'partial';
}

export interface ParsedDate {
  raw: string;
  date: PartialDate;
}

export function parseDates(values: string[]): ParsedDate[] {
  const out: ParsedDate[] = [];
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const date = parseDate(raw);
    if (date) out.push({ raw, date });
  }
  return out;
}

/** Best agreement between any query date and any candidate date. */
export function compareDates(query: ParsedDate[], candidate: ParsedDate[]): DateComparison {
  let best: DateComparison = { outcome: 'none' };
  for (const q of query) {
    for (const c of candidate) {
      const outcome = compareOne(q.date, c.date);
      if (RANK[outcome] > RANK[best.outcome]) best = { outcome, query: q.raw, candidate: c.raw };
    }
  }
  return best;
}
