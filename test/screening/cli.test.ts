// `interdict screen` and `interdict compare` as command modules, on a small in-memory list with the
// real matcher: input order, unreadable rows reported with line numbers, CSV and JSON-lines input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { register as registerCompare } from '../../src/cli/commands/compare.ts';
import { register as registerScreen } from '../../src/cli/commands/screen.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import type { Store } from '../../src/store/types.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

function cli() {
  const reader = new MemoryReader();
  reader.addEntities('us_ofac_sdn', [
    { id: 'us-ofac-sdn-20157', schema: 'Person', caption: 'KIM, Jong Un', properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'], country: ['kp'] } },
    { id: 'us-ofac-sdn-21171', schema: 'Person', caption: 'PRIGOZHIN, Yevgeniy Viktorovich', properties: { name: ['PRIGOZHIN, Yevgeniy Viktorovich'], birthDate: ['1961-06-01'] } },
    { id: 'us-ofac-sdn-36696', schema: 'Vessel', caption: 'SPARTA II', properties: { name: ['SPARTA II'], imoNumber: ['9160994'] } },
  ], { publishedAt: '2023-12-28' });
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    config: { ...loadConfig({}), staleAfterDays: 30 },
    store: async () => reader as unknown as Store,
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
  };
  const program = new Command().exitOverride();
  registerScreen(program, ctx);
  registerCompare(program, ctx);
  return { run: (...args: string[]) => program.parseAsync(['node', 'interdict', ...args]), out, err };
}

const dir = tempDirForFile('screen');

describe('interdict screen', () => {
  it('screens a CSV in input order, reporting unreadable rows by line and screening the rest', async () => {
    const input = join(dir, 'q.csv');
    writeFileSync(
      input,
      [
        'id,schema,name,birth_date,nationality,imo,comment',
        'a1,Person,Kim Chong-un,1984,kp,,',
        'a2,Person,   ,,,,',
        'a3,Vessel,Sparta II,,,9160994,',
        'a4,Person,Prigozhin,01/06/1961,,,',
        'a5,Persn,Someone,,,,',
        'a6,Person,"Yevgeniy Prigozhin",,,,',
        'a7,Person,Moon Jae-in,,kr,,',
      ].join('\n') + '\n',
    );
    const output = join(dir, 'o.jsonl');
    const c = cli();
    await c.run('screen', '--input', input, '--output', output, '--format', 'jsonl');
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(lines[0].results[0]).toMatchObject({ id: 'us-ofac-sdn-20157', caption: 'KIM, Jong Un', match: true, referents: ['us_ofac_sdn:20157'], datasets: ['us_ofac_sdn'] });
    expect(Object.keys(lines[0].results[0]).sort()).toEqual(['band', 'caption', 'datasets', 'explanations', 'id', 'match', 'reason', 'referents', 'schema', 'score', 'target']);
    expect(lines[2].results[0]).toMatchObject({ id: 'us-ofac-sdn-36696', match: true });
    expect(lines[5].results[0]).toMatchObject({ id: 'us-ofac-sdn-21171', match: true });
    expect(lines[6].results.filter((r: { match: boolean }) => r.match)).toEqual([]);
    expect(lines[1]).toMatchObject({ line: 3, results: [], error: expect.stringContaining('name') });
    // A day-first date is read as its year, with a warning; the row is screened (issue 18).
    expect(lines[3]).toMatchObject({ line: 5, status: 'screened', warnings: [expect.stringContaining('"01/06/1961" read as 1961')] });
    expect(lines[4]).toMatchObject({ line: 6, error: expect.stringContaining('unknown schema') });
    const stderr = c.err.join('\n');
    expect(stderr).toContain(`${input}:3:`);
    expect(stderr).toContain(`${input}:5: warning:`);
    expect(stderr).toContain(`${input}:6:`);
    expect(stderr).toContain('column "comment" ignored');
    expect(stderr).toMatch(/published 2023-12-28, \d+ days ago/);
    expect(stderr).toMatch(/screened 5 rows .* 2 unscreenable/);
    for (const line of lines) for (let i = 1; i < line.results.length; i++) expect(line.results[i - 1].score).toBeGreaterThanOrEqual(line.results[i].score);
    // Worker threads write the same lines in the same order, unreadable rows in place.
    const pooled = join(dir, 'o-workers.jsonl');
    const c2 = cli();
    await c2.run('screen', '--input', input, '--output', pooled, '--format', 'jsonl', '--workers', '2');
    expect(readFileSync(pooled, 'utf8')).toBe(readFileSync(output, 'utf8'));
    expect(c2.err.join('\n')).toMatch(/screened 5 rows .*\(2 workers\).* 2 unscreenable/);
  });

  it('reads JSON lines and writes CSV; a broken JSON line is reported; --map and --threshold apply', async () => {
    const input = join(dir, 'q.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'j1', schema: 'Person', properties: { name: ['Jong Un Kim'] } }),
        '{"id": "j2", "schema": ',
        '',
        JSON.stringify({ id: 'j3', properties: { imoNumber: ['IMO 9160994'] } }),
      ].join('\n'),
    );
    const output = join(dir, 'o.csv');
    const c = cli();
    await c.run('screen', '--input', input, '--output', output, '--format', 'csv', '--threshold', '0.99', '--schema', 'Vessel');
    const rows = readFileSync(output, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,line,status,band,rank,result_band,score,reason,entity_id,caption,schema,target,referents,datasets,warnings,error,lists');
    expect(rows.find((r) => r.startsWith('j1,1,screened,'))).toMatch(/,1,(match|review),[\d.]+,"(match|review) [^"]*",us-ofac-sdn-20157,"KIM, Jong Un",Person,(true|false),us_ofac_sdn:20157/);
    expect(rows.find((r) => r.startsWith('2,2,unscreenable,'))).toContain('not valid JSON');
    expect(rows.find((r) => r.startsWith('j3,4,screened,'))).toContain('us-ofac-sdn-36696');
    expect(c.err.join("\n")).toContain(`${input}:2: unscreenable: not valid JSON`);

    const mapped = join(dir, 'm.csv');
    writeFileSync(mapped, 'ref;full name\nx\n'.replace(';', ',') + 'r1,Kim Jong Un\n');
    const out2 = join(dir, 'm.jsonl');
    await cli().run('screen', '--input', mapped, '--output', out2, '--map', 'ref=id', 'full name=name', '--schema', 'Person');
    const got = readFileSync(out2, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(got.map((g) => g.id)).toEqual(['x', 'r1']); // a row with too few columns cannot be read; it keeps its own id
    expect(got[0].error).toMatch(/cannot read CSV row: has 1 fields where the header has 2/);
    expect(got[1].results[0].id).toBe('us-ofac-sdn-20157');
  });

  it('rejects bad arguments with the option named', async () => {
    const input = join(dir, 'q.csv');
    await expect(cli().run('screen', '--input', input, '--format', 'xml')).rejects.toThrow(/--format/);
    await expect(cli().run('screen', '--input', input, '--threshold', '2')).rejects.toThrow(/--threshold/);
    await expect(cli().run('screen', '--input', input, '--map', 'nocolumn')).rejects.toThrow(/--map/);
    await expect(cli().run('screen', '--input', input, '--dataset', 'eu_fsf', '--output', join(dir, 'x'))).rejects.toThrow(/dataset "eu_fsf" not found/);
    await expect(cli().run('screen', '--input', join(dir, 'missing.csv'))).rejects.toThrow(/--input: no such file/);
    await expect(cli().run('screen', '--input', input, '--input-format', 'xlsx')).rejects.toThrow(/--input-format/);
    await expect(cli().run('compare', join(dir, 'missing.jsonl'))).rejects.toThrow(/no such file/);
  });
});

describe('interdict compare', () => {
  it('scores pairs line by line, in order, with an error line in place of a bad one', async () => {
    const input = join(dir, 'pairs.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ schema: 'Person', a: { name: ['Kim Chong-un'] }, b: { name: ['KIM, Jong Un'] } }),
        JSON.stringify({ schema: 'Person', a: { name: ['Kim Jong Un'] }, b: { name: ['Moon Jae-in'] } }),
        '{broken',
        JSON.stringify({ schema: 'Person', a: { name: [''] }, b: { name: ['x'] } }),
        JSON.stringify({ schema: 'Vessel', a: { name: ['Sparta II'], imoNumber: ['9160994'] }, b: { properties: { name: ['SPARTA II'], imoNumber: ['IMO 9160994'] } } }),
      ].join('\n'),
    );
    const c = cli();
    await c.run('compare', input);
    const out = c.out.map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ match: true });
    expect(out[0].score).toBeGreaterThan(0.9);
    expect(Object.keys(out[0]).sort()).toEqual(['explanations', 'match', 'score']);
    expect(out[1]).toMatchObject({ match: false });
    expect(out[2]).toEqual({ error: 'not valid JSON', line: 3 });
    expect(out[3]).toMatchObject({ line: 4, error: expect.stringContaining('a.properties.name[0]') });
    expect(out[4]).toMatchObject({ match: true });
    expect(c.err.join('\n')).toContain('2 of 5 lines could not be compared');
  });

  it('scores with the algorithm asked for, and names the option when it is unknown', async () => {
    const input = join(dir, 'pair.jsonl');
    writeFileSync(input, JSON.stringify({ schema: 'Person', a: { name: ['Kim Chong-un'] }, b: { name: ['KIM, Jong Un'] } }));
    const c = cli();
    await c.run('compare', '--algorithm', 'interdict-v2', input);
    const [v2] = c.out.map((l) => JSON.parse(l));
    expect(v2.match).toBe(true);
    expect(v2.explanations.map((e: { feature: string }) => e.feature)).toContain('model.baseline');
    await expect(cli().run('compare', '--algorithm', 'interdict-v9', input)).rejects.toThrow(/--algorithm: unknown algorithm/);
  });
});
