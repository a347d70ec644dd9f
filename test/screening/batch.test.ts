// `interdict screen` as a user runs it (a child process over the bundled lists): every record is
// screened despite malformed details, unscreenable rows are written in place and counted, the CSV
// carries band, score and reason with spreadsheet-safe cells, and unreadable input is refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const dir = tempDirForFile('batch');
const env = () => ({ INTERDICT_DB: inject('bundledDb'), INTERDICT_NO_BUNDLED: '1' });

describe('interdict screen refuses what it cannot read, with a clear message and a non-zero exit', () => {
  it.each([
    ['a binary file', 'bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]), /not a text file/],
    ['Windows-1252 text', 'latin.csv', Buffer.from('id,schema,name\n1,Person,Jos\xe9 P\xe9rez\n', 'latin1'), /not UTF-8 text/],
    ['a CSV without a name column', 'noname.csv', Buffer.from('id,schema,birth_date\n1,Person,1960\n'), /no name column/],
    ['a CSV without a schema column', 'noschema.csv', Buffer.from('id,name,birth_date\n1,Kim Jong Un,1984\n'), /no schema column.*--schema/],
    ['an empty file', 'empty.csv', Buffer.alloc(0), /empty/],
  ])('%s', async (_label, name, bytes, message) => {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    const r = await runCli(['screen', '--input', input], env());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/screened 0 rows/);
  });
});

describe('interdict screen never answers "clear" against no list', () => {
  it('refuses when no sanctions list is live', async () => {
    const input = join(dir, 'one.csv');
    writeFileSync(input, 'id,schema,name\n1,Person,Kim Jong Un\n');
    const r = await runCli(['screen', '--input', input], { INTERDICT_DB: join(dir, 'empty.db'), INTERDICT_NO_BUNDLED: '1' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/nothing to screen against: no sanctions list is live/);
    expect(r.stdout).toBe('');
  });
});

describe('interdict screen: every record screened, reasons in the output', () => {
  it('reads malformed dates leniently, writes unscreenable and broken rows in place, one error each, and escapes cells', async () => {
    const input = join(dir, 'customers.csv');
    writeFileSync(
      input,
      [
        'id,schema,name,birth_date,nationality',
        'c1,Person,Saddam Hussein,1937-4-28,iq',
        'c2,Person,Ayman al-Zawahiri,1951-6-19,eg',
        'c3,Person,Ashot Mkrtychev,1963,',
        'c4,Person,,1970-01-01,',
        'c5,Person,"Broken "quote" row,1970,',
        'c6,Person,Moon Jae-in,1974-01-32,kr',
        '"=HYPERLINK(""http://x"")",Person,John Kirby,,us',
        'c8,Person,Kim Jong Un,1984,kp',
      ].join('\n') + '\n',
    );
    const output = join(dir, 'out.csv');
    const r = await runCli(['screen', '--input', input, '--output', output, '--format', 'csv'], env());
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(output, 'utf8'), { columns: true }) as Record<string, string>[];
    const first = new Map<string, Record<string, string>>();
    for (const row of rows) if (!first.has(row.id)) first.set(row.id, row);
    expect([...first.keys()]).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', "'=HYPERLINK(\"http://x\")", 'c8']);
    // Saddam Hussein and al-Zawahiri are screened (they went unscreened before), with a warning naming the value.
    expect(first.get('c1')).toMatchObject({ status: 'screened', band: 'match', warnings: expect.stringContaining('"1937-4-28" read as 1937-04-28') });
    expect(first.get('c2')).toMatchObject({ status: 'screened', band: 'match', target: 'true' });
    expect(first.get('c1')!.reason).toMatch(/^match \d\.\d\d: /);
    expect(first.get('c3')!.band).not.toBe('clear');
    expect(first.get('c4')).toMatchObject({ status: 'unscreenable', line: '5', error: expect.stringContaining('name') });
    expect(rows.filter((row) => row.id === 'c5')).toEqual([expect.objectContaining({ status: 'unscreenable', line: '6', error: expect.stringContaining('cannot read CSV row') })]);
    expect(first.get('c6')!.warnings).toContain('"1974-01-32" read as 1974-01');
    expect(first.get('c8')).toMatchObject({ band: 'match', result_band: 'match', target: 'true' });
    // The sanctions lists by default: the case file's John Kirby is not among the candidates.
    expect(rows.some((row) => row.entity_id === 'case-dprk-russia-kirby')).toBe(false);
    expect(first.get('c8')!.lists).toMatch(/us_ofac_sdn \S+ STALE/);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(r.stderr).toMatch(/screened 6 rows .*: \d+ match, \d+ review, \d+ clear; 2 unscreenable; 3 with values read leniently/);
    expect(r.stderr).toContain('screening against the sanctions lists');
    expect(r.stderr).toMatch(/warning: us_ofac_sdn: published 2023-12-28/);
  }, 120_000);

  it('writes the same records as JSON lines, and --schema gives rows a default', async () => {
    const input = join(dir, 'plain.csv');
    writeFileSync(input, 'id,name,birth_date\np1,Saddam Hussein,1937-4-28\np2,,\n');
    const r = await runCli(['screen', '--input', input, '--schema', 'Person', '--dataset', 'all'], env());
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 'p1', line: 2, status: 'screened', band: 'match', warnings: [expect.stringContaining('1937-4-28')] });
    expect(Object.keys(lines[0].results[0]).sort()).toEqual(['band', 'caption', 'datasets', 'explanations', 'id', 'match', 'reason', 'referents', 'schema', 'score', 'target']);
    expect(lines[0].results[0].explanations[0]).toHaveProperty('weight');
    expect(lines[0].results[0].explanations[0]).toHaveProperty('detail');
    expect(lines[1]).toMatchObject({ id: 'p2', status: 'unscreenable', band: null, results: [] });
    expect(r.stderr).toContain('screening against all data');
  }, 120_000);
});
