// `interdict export-graph --ids ...`: a subgraph as GEXF, GraphML or FtM JSON lines.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { commaList } from '../../model/params.ts';
import type { CliContext } from '../context.ts';
import { graphFor } from './paths.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export-graph')
    .description('export the subgraph of some entities (and their neighbourhood) for Gephi, yEd or FtM tools')
    .requiredOption('--ids <ids>', 'comma-separated entity ids')
    .option('--format <format>', 'gexf, graphml or ftm', 'gexf')
    .option('--hops <n>', 'add the neighbourhood of each id (0-3)', '0')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (o: { ids: string; format: string; hops: string; out?: string }) => {
      // One node per target (the resolved entities), as `paths` and the server's graph give them.
      const graph = await graphFor(ctx);
      const ids = commaList(o.ids);
      const r = await graph.export(ids, o.format, { hops: o.hops });
      if (o.out) {
        await writeFile(o.out, r.body);
        ctx.err(`wrote ${o.out} (${r.contentType})`);
      } else ctx.out(r.body.replace(/\n$/, ''));
    });
}
