// Cron expressions of INTERDICT_SYNC_SCHEDULE: the due minutes (UTC), cron's either-day rule, and the
// mistakes an operator makes refused with a message that says what is wrong; the timer that calls for
// each due slot (on a clock set just before one).
import { describe, expect, it } from 'vitest';
import { cronMatches, nextRun, parseCron } from '../../src/jobs/cron.ts';
import { loadConfig } from '../../src/config.ts';
import { everyDueMinute } from '../../src/server/jobs.ts';

const next = (text: string, after: string) => nextRun(parseCron(text), new Date(after)).toISOString();

describe('cron schedules', () => {
  it('finds the next due minute', () => {
    expect(next('0 3 * * *', '2026-12-06T02:59:59Z')).toBe('2026-12-06T03:00:00.000Z');
    expect(next('0 3 * * *', '2026-12-06T03:00:00Z')).toBe('2026-12-07T03:00:00.000Z');
    expect(next('*/15 * * * *', '2026-12-06T10:16:30Z')).toBe('2026-12-06T10:30:00.000Z');
    expect(next('30 6,18 * * 1-5', '2026-12-05T19:00:00Z')).toBe('2026-12-07T06:30:00.000Z'); // Saturday evening → Monday
    expect(next('0 0 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('0 12 * * 7', '2026-12-06T12:00:00Z')).toBe('2026-12-13T12:00:00.000Z'); // 7 is Sunday too
  });

  it('takes a day matching either day field when both are given, as cron does', () => {
    const cron = parseCron('0 0 1 * 1');
    expect(cronMatches(cron, new Date('2026-12-01T00:00:00Z'))).toBe(true); // a Tuesday, the 1st
    expect(cronMatches(cron, new Date('2026-12-07T00:00:00Z'))).toBe(true); // a Monday
    expect(cronMatches(cron, new Date('2026-12-08T00:00:00Z'))).toBe(false);
  });

  it.each([
    ['0 3 * *', /five fields/],
    ['61 * * * *', /"61" is not a valid minute/],
    ['0 0 * 13 *', /"13" is not a valid month/],
    ['0 0 5-1 * *', /"5-1" is not a valid day of month/],
    ['*/0 * * * *', /not a valid minute/],
    ['@daily', /five fields/],
  ])('refuses %s', (text, message) => {
    expect(() => parseCron(text)).toThrow(message);
  });

  it('refuses a schedule that never comes due, and names the setting, when the configuration is read', () => {
    expect(() => loadConfig({ INTERDICT_SYNC_SCHEDULE: '0 0 31 2 *' })).toThrow(/INTERDICT_SYNC_SCHEDULE: "0 0 31 2 \*" never comes due/);
    expect(loadConfig({ INTERDICT_SYNC_SCHEDULE: '0 3 * * *', INTERDICT_SYNC_DATASETS: 'us_ofac_sdn, eu_fsf' })).toMatchObject({ syncSchedule: { text: '0 3 * * *' }, syncScheduleDatasets: ['us_ofac_sdn', 'eu_fsf'] });
    expect(loadConfig({}).syncSchedule).toBeNull();
  });
});

describe('the schedule timer', () => {
  it('calls for each due minute once, at its time, with the slot', async () => {
    // A clock 150 ms before a due minute (every minute is due): the first slot comes in 150 ms of real time.
    const start = new Date('2026-12-06T02:59:59.850Z').getTime();
    const offset = start - Date.now();
    const slots: string[] = [];
    const timer = everyDueMinute(parseCron('* * * * *'), async (slot) => void slots.push(slot.toISOString()), () => {}, () => Date.now() + offset);
    try {
      await expect.poll(() => slots, { timeout: 2_000, interval: 20 }).toEqual(['2026-12-06T03:00:00.000Z']);
      await new Promise((r) => setTimeout(r, 300));
      expect(slots).toEqual(['2026-12-06T03:00:00.000Z']); // the next is a minute away
    } finally {
      timer.stop();
    }
  });

  it('says why a slot could not be queued, and keeps going', async () => {
    const offset = new Date('2026-12-06T02:59:59.900Z').getTime() - Date.now();
    const lines: string[] = [];
    const timer = everyDueMinute(parseCron('0 3 * * *'), () => Promise.reject(new Error('database is locked')), (line) => lines.push(line), () => Date.now() + offset);
    try {
      await expect.poll(() => lines, { timeout: 2_000, interval: 20 }).toEqual(['scheduled sync: database is locked']);
    } finally {
      timer.stop();
    }
  });
});
