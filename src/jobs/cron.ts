// Cron expressions for schedules (`INTERDICT_SYNC_SCHEDULE`): the five fields operators know (minute,
// hour, day of month, month, day of week; `*`, lists, ranges and `/` steps), evaluated in UTC. As in
// cron, when both day fields are restricted a day matching either one is due.
import { ValidationError } from '../model/errors.ts';

export interface Cron {
  text: string;
  /** What errors name: the setting the expression came from. */
  field: string;
  minute: ReadonlySet<number>;
  hour: ReadonlySet<number>;
  dayOfMonth: ReadonlySet<number>;
  month: ReadonlySet<number>;
  dayOfWeek: ReadonlySet<number>;
  /** Whether each day field was given (not `*`): cron's either-day rule applies when both are. */
  daysRestricted: { month: boolean; week: boolean };
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

export function parseCron(text: string, field = 'schedule'): Cron {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5) throw new ValidationError(field, `"${text}" is not a cron expression of five fields (minute hour day-of-month month day-of-week), e.g. "0 3 * * *"`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts.map((part, i) => parseField(part, FIELDS[i], text, field));
  // Sunday is 0 or 7.
  const week = new Set([...dayOfWeek].map((d) => d % 7));
  return { text, field, minute, hour, dayOfMonth, month, dayOfWeek: week, daysRestricted: { month: parts[2] !== '*', week: parts[4] !== '*' } };
}

function parseField(part: string, range: (typeof FIELDS)[number], text: string, field: string): Set<number> {
  const out = new Set<number>();
  const bad = () => new ValidationError(field, `"${part}" is not a valid ${range.name} in "${text}" (${range.min}–${range.max}, *, a-b, */n, lists)`);
  for (const item of part.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!m) throw bad();
    const from = m[1] === '*' ? range.min : Number(m[2]);
    const to = m[1] === '*' ? range.max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? range.max : from;
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < range.min || to > range.max || from > to || step < 1) throw bad();
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

/** Whether the minute holding `at` is due (UTC). */
export function cronMatches(cron: Cron, at: Date): boolean {
  if (!cron.minute.has(at.getUTCMinutes()) || !cron.hour.has(at.getUTCHours()) || !cron.month.has(at.getUTCMonth() + 1)) return false;
  const byMonth = cron.dayOfMonth.has(at.getUTCDate());
  const byWeek = cron.dayOfWeek.has(at.getUTCDay());
  return cron.daysRestricted.month && cron.daysRestricted.week ? byMonth || byWeek : byMonth && byWeek;
}

/** The first due minute after `after` (within a little over four years, which covers 29 February). */
export function nextRun(cron: Cron, after: Date): Date {
  const at = new Date(after);
  at.setUTCSeconds(0, 0);
  for (let i = 0; i < 366 * 4 * 24 * 60 + 1440; i++) {
    at.setUTCMinutes(at.getUTCMinutes() + 1);
    if (cronMatches(cron, at)) return at;
  }
  throw new ValidationError(cron.field, `"${cron.text}" never comes due`);
}
