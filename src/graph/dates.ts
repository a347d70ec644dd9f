// Partial ISO dates (2022, 2022-11, 2022-11-05) as sortable day numbers (20221105).
// An interval's start takes the earliest day a partial date allows, its end the latest,
// so "2022-11" overlaps any window that touches November 2022.

export const OPEN_START = 0;
export const OPEN_END = 99_991_231;

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

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
