// The CLI commands over a SQLite store holding the case file.
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { importWith } from '../../src/ingest/import.ts';
import { caseFileCsv } from '../../src/sources/transfers/case-file.ts';
import { loadConfig } from '../../src/config.ts';
import type { CliContext } from '../../src/cli/context.ts';
import * as paths from '../../src/cli/commands/paths.ts';
import * as exposure from '../../src/cli/commands/exposure.ts';
import * as exportGraph from '../../src/cli/commands/export-graph.ts';
import * as checkTransfer from '../../src/cli/commands/check-transfer.ts';
import { GraphService } from '../../src/graph/service.ts';
import { CASE_DIR } from './support.ts';

let store: Store;
const P = 'case-dprk-russia-';

beforeAll(async () => {
  store = await openStore({ databaseUrl: null, sqlitePath: ':memory:' });
  await importWith(store, caseFileCsv, [`${CASE_DIR}statements.csv`, `${CASE_DIR}transfers.csv`]);
});
afterAll(async () => store?.close());

async function run(...args: string[]): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { config: loadConfig({}), store: async () => store, out: (t) => void out.push(t), err: (t) => void err.push(t) };
  const program = new Command().exitOverride();
  for (const m of [paths, exposure, exportGraph, checkTransfer]) m.register(program, ctx);
  await program.parseAsync(['node', 'interdict', ...args]);
  return { out: out.join('\n'), err: err.join('\n') };
}

describe('CLI', () => {
  it('paths prints each link with its grade and source', async () => {
    const { out } = await run('paths', 'us-ofac-sdn-44294', `${P}gov-dprk`, '--max-hops', '3');
    expect(out).toMatch(/^path 1 \(\d hops?\):/);
    expect(out).toContain('seed article, para');
  });

  it('paths --json gives the same as the API', async () => {
    const { out } = await run('paths', 'us-ofac-sdn-44294', 'us-ofac-sdn-22543', '--json');
    const printed = JSON.parse(out);
    expect(printed.paths[0].edges[0].id).toBe(`${P}rel-rim-wagner`);
    // What the API's graph service answers for the same question (JSON drops undefined fields).
    const api = await new GraphService(store).paths('us-ofac-sdn-44294', 'us-ofac-sdn-22543', { filter: { includeSameAs: true } });
    expect(printed).toEqual(JSON.parse(JSON.stringify(api)));
  });

  it('exposure prints the 50 % rule line', async () => {
    const { out } = await run('exposure', `${P}gov-dprk`, '--hops', '1');
    expect(out).toContain('50 % rule:');
  });

  it('export-graph writes GraphML', async () => {
    const { out } = await run('export-graph', '--ids', `${P}gov-dprk,${P}gov-russia`, '--format', 'graphml', '--hops', '1');
    expect(out).toContain('<graphml');
  });

  it('check-transfer by id and by file', async () => {
    const byId = await run('check-transfer', `${P}tr-2022-11-dprk-wagner-rail`);
    // The seed article calls the supply alleged: a possible breach, never more (issue 16).
    expect(byId.out).toContain('POSSIBLE BREACH: UNSCR 1874 (2009) para 9');
    expect(byId.out).not.toContain('UNSCR 1718 (2006) para 8(b)');
    const byFile = await run('check-transfer', '--file', `${CASE_DIR}transfers.csv`, '--json');
    expect(JSON.parse(byFile.out)).toHaveLength(7);
  });

  it('check-transfer without id or file is a validation error', async () => {
    await expect(run('check-transfer')).rejects.toMatchObject({ field: 'id' });
  });
});
