// `interdict check-case`: the bundled case file passes (CI runs this), and a case file that says
// more than its sources fails with each problem named by file, line and column.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readCaseRows } from '../../src/sources/transfers/case-claims.ts';
import { lintCase } from '../../src/transfers/case-lint.ts';
import { loadConfig } from '../../src/config.ts';
import type { CliContext } from '../../src/cli/context.ts';
import * as checkCase from '../../src/cli/commands/check-case.ts';
import { exitCodeFor, EXIT } from '../../src/cli/errors.ts';
import { SourceError } from '../../src/model/errors.ts';

const BUNDLED = 'data/case_dprk_russia';
const TOO_STRONG = 'test/fixtures/transfers/case-too-strong';

async function run(dir: string): Promise<{ out: string; code: number }> {
  const out: string[] = [];
  const ctx: CliContext = { config: loadConfig({}), store: async () => Promise.reject(new Error('no store needed')), out: (t) => void out.push(t), err: (t) => void out.push(t) };
  const program = new Command().exitOverride();
  checkCase.register(program, ctx);
  try {
    await program.parseAsync(['node', 'interdict', 'check-case', dir]);
    return { out: out.join('\n'), code: EXIT.ok };
  } catch (error) {
    return { out: out.join('\n'), code: exitCodeFor(error) };
  }
}

describe('the bundled case file', () => {
  it('passes the lint: every claim sourced and located, no grade above what the seed article allows', async () => {
    const report = lintCase(await readCaseRows(BUNDLED));
    expect(report.problems).toEqual([]);
    expect(report.grades.official ?? 0).toBe(0); // an analysis article establishes at most "reported"
    expect(report.sources.find((s) => s.id === 'case-dprk-russia-src-seed-article')).toEqual({ id: 'case-dprk-russia-src-seed-article', type: 'analysis-article', cap: 'reported' });
    const { out, code } = await run(BUNDLED);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('no problems in the claims');
  });

  it('holds the facts the seed gives that the old file left out, each on the paragraph that gives it', async () => {
    const rows = await readCaseRows(BUNDLED);
    const about = (entity: string) => rows.filter((r) => r.cells.entity_id === `case-dprk-russia-${entity}`);
    expect(about('evt-2006-un-embargo-major-systems').every((r) => r.cells.locator === 'seed article, para 15')).toBe(true);
    expect(about('evt-2009-un-embargo-all-arms').find((r) => r.cells.prop === 'date')?.cells.value).toBe('2009');
    expect(about('rel-russia-votes-for-sanctions').find((r) => r.cells.prop === 'endDate')?.cells.value).toBe('2017');
    expect(about('rel-rim-wagner').find((r) => r.cells.locator === 'seed article, para 10')).toMatchObject({ cells: { prop: 'description', evidence_grade: 'alleged' } });
    expect(about('rel-dprk-arms-to-iran-1980s').length).toBeGreaterThan(0);
    expect(about('rel-moscow-top-supplier-before-sanctions').length).toBeGreaterThan(0);
    const dprkNotes = about('gov-dprk').filter((r) => r.cells.prop === 'notes').map((r) => r.cells.value).join(' ');
    expect(dprkNotes).toMatch(/food, oil and fertilizer/);
    expect(dprkNotes).toMatch(/proliferation financing/);
    expect(about('gov-china').some((r) => r.cells.prop === 'notes' && /far from assertive/.test(r.cells.value))).toBe(true);
    // The procurement period is not a posting.
    expect(about('rel-diplomat-dprk').some((r) => ['startDate', 'endDate'].includes(r.cells.prop))).toBe(false);
  });
});

describe('a case file that says more than its sources', () => {
  it('fails with every problem named by file, line and column, and exit code 3', async () => {
    const report = lintCase(await readCaseRows(TOO_STRONG));
    expect(report.problems.map((p) => `${p.file}:${p.line}: ${p.field}`)).toEqual([
      'statements.csv:6: evidence_grade',
      'statements.csv:7: locator',
      'statements.csv:8: value',
      'statements.csv:9: source_document',
      'statements.csv:10: source_document',
      'transfers.csv:2: evidence_grade',
      'transfers.csv:3: claimant',
      'transfers.csv:4: claim_date',
      'transfers.csv:4: date_qualifier',
    ]);
    expect(report.problems[0].message).toBe('"official" is stronger than the source can establish (src-article is of type analysis-article: at most "reported")');
    expect(report.problems[3].message).toContain('known only through another source');
    const { out, code } = await run(TOO_STRONG);
    expect(code).toBe(EXIT.badData);
    expect(out).toContain('transfers.csv:4: date_qualifier: a dated transfer says how its date is qualified');
  });

  it('a missing directory or file is bad input naming it', async () => {
    await expect(readCaseRows('test/fixtures/transfers')).rejects.toThrow(SourceError);
    await expect(readCaseRows('test/fixtures/transfers')).rejects.toThrow(/statements\.csv: missing/);
    await expect(readCaseRows('no/such/dir')).rejects.toThrow(/not a readable directory/);
  });
});
