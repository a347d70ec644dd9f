// Partial ISO dates (2022, 2022-11, 2022-11-05) as sortable day numbers (20221105), and the
// uncertain spans the sources give ("2016/2021"). An interval's start takes the earliest day a
// partial date allows, its end the latest, so "2022-11" overlaps any window that touches November
// 2022, and a value keeps the precision the source gave it.

export const OPEN_START = 0;
export const OPEN_END = 99_991_231;

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;
const PARTIAL_ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Day number of a partial ISO date; `end` picks the last day it allows. 0 when unparseable. */
export function dayNumber(value: string | null | undefined, end = false): number {
  if (!value) return 0;
  const m = DATE_RE.exec(value.trim());
  if (!m) return 0;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end ? 12 : 1;
  const day = m[3] ? Number(m[3]) : end ? daysInMonth(year, month) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return year * 10_000 + month * 100 + day;
}

/** Back from a day number to ISO `yyyy-mm-dd` (null for open ends). */
export function dayToIso(day: number): string | null {
  if (day <= OPEN_START || day >= OPEN_END) return null;
  const y = Math.floor(day / 10_000);
  const m = Math.floor((day % 10_000) / 100);
  const d = day % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateSpan {
  text: string;
  /** Day numbers (yyyymmdd): the earliest and latest day the value allows. */
  start: number;
  end: number;
}

/** The precision a partial ISO date states: `2022` year, `2022-11` month, `2022-11-05` day. */
export function datePrecision(value: string): DatePrecision | null {
  const t = value.trim();
  if (!PARTIAL_ISO.test(t) || !dayNumber(t)) return null;
  return t.length === 4 ? 'year' : t.length === 7 ? 'month' : 'day';
}

/**
 * "2022", "2022-11", "2022-11-05", or a range "2016/2021" (either end may be partial, or open as
 * in ISO 8601-2: "../2023-03" is "by March 2023", the start unknown).
 */
export function parseDateSpan(text: string): DateSpan | null {
  const t = text.trim();
  if (!t) return null;
  const [a, b] = t.includes('/') ? t.split('/', 2).map((x) => x.trim()) : [t, t];
  if (a === '..' && b === '..') return null;
  if ((a !== '..' && !datePrecision(a)) || (b !== '..' && !datePrecision(b))) return null;
  return { text: t, start: a === '..' ? OPEN_START : dayNumber(a), end: b === '..' ? OPEN_END : dayNumber(b, true) };
}

export function spanText(span: DateSpan): string {
  const a = dayToIso(span.start);
  const b = dayToIso(span.end);
  if (!a) return `by ${b}`;
  if (!b) return `from ${a}`;
  return a === b ? `${a}` : `${a} to ${b}`;
}

/** The smallest span covering both. */
export function widenSpan(current: DateSpan | null, span: DateSpan): DateSpan {
  if (!current) return span;
  return { text: `${current.text}; ${span.text}`, start: Math.min(current.start, span.start), end: Math.max(current.end, span.end) };
}
