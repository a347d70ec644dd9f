// `interdict exposure ID`: designated entities within N hops and the 50 % rule computation.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { describeEdge, graphFor } from './paths.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('exposure')
    .description('designated entities within N hops, with weighted paths, and the OFAC 50 % rule')
    .argument('<id>', 'entity id, referent or name')
    .option('--hops <n>', 'how far to look (1-4)', '2')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { hops: string; json?: boolean }) => {
      const graph = await graphFor(ctx);
      const r = await graph.exposure(await graph.resolve(id), { hops: o.hops });
      if (o.json) return ctx.out(JSON.stringify(r, null, 2));
      ctx.out(`${r.entity.caption} [${r.entity.id}]${r.sanctioned ? ' is itself designated' : ''}`);
      ctx.out(`50 % rule: ${r.ownership.computation}`);
      for (const w of r.ownership.warnings) ctx.err(`  warning: ${w}`);
      ctx.out(`${r.hits.length} designated within ${r.hops} hop(s) (${r.reached} entities reached${r.truncated ? ', search truncated' : ''}):`);
      for (const h of r.hits) {
        ctx.out(`  ${h.score.toFixed(3)}  ${h.entity.caption} [${h.entity.id}] via ${h.hops} hop(s)`);
        for (const e of h.path.edges) ctx.out(`         ${describeEdge(e)}`);
      }
    });
}
