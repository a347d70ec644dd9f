// `interdict paths FROM TO`: shortest and k-shortest paths, every edge with its provenance.
import type { Command } from 'commander';
import type { GraphEdge } from '../../graph/types.ts';
import type { CliContext } from '../context.ts';

/** The graph of the resolved targets, as the server's (with its saved snapshot): loaded when a command runs, not for --help. */
export async function graphFor(ctx: CliContext) {
  const [{ GraphService }, { snapshotDirFor }, { downstreamReader }] = await Promise.all([import('../../graph/service.ts'), import('../../graph/snapshot.ts'), import('../../resolve/service.ts')]);
  return new GraphService(downstreamReader(await ctx.store()), { snapshotDir: snapshotDirFor(ctx.config) });
}

export function describeEdge(e: GraphEdge): string {
  const p = e.provenance
    .map((x) => `${x.evidenceGrade}: ${x.dataset} v${x.versionId}${x.sourceDocument ? `, ${x.sourceDocument}` : ''}${x.locator ? ` (${x.locator})` : ''}`)
    .join(' | ');
  const dates = e.startDate || e.endDate ? ` [${e.startDate ?? '…'} – ${e.endDate ?? '…'}]` : '';
  return `${e.type}${e.role ? ` "${e.role}"` : ''}${e.percentage !== null ? ` ${e.percentage}%` : ''}${dates} — ${p}`;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('paths')
    .description('shortest (and k-shortest) paths between two entities, with each link’s source and grade')
    .argument('<from>', 'entity id, referent or name (e.g. us-ofac-sdn-44294, "Rim Yong Hyok")')
    .argument('<to>', 'entity id, referent or name')
    .option('--max-hops <n>', 'longest path to consider (1-8)', '4')
    .option('--k <k>', 'number of paths (1-10)', '1')
    .option('--types <list>', 'comma-separated relationship types to follow')
    .option('--min-grade <grade>', 'only links at least this strong (official, corroborated, reported, alleged, disputed, denied)')
    .option('--from-date <date>', 'only links in force on or after this date')
    .option('--to-date <date>', 'only links in force on or before this date')
    .option('--no-same-as', 'do not follow possible same-as hypotheses')
    .option('--json', 'print JSON')
    .action(async (from: string, to: string, o: { maxHops: string; k: string; types?: string; minGrade?: string; fromDate?: string; toDate?: string; sameAs: boolean; json?: boolean }) => {
      const { filterFromText } = await import('../../graph/graph.ts');
      const graph = await graphFor(ctx);
      const r = await graph.paths(await graph.resolve(from, 'from'), await graph.resolve(to, 'to'), {
        maxHops: o.maxHops,
        k: o.k,
        filter: filterFromText(o),
      });
      if (o.json) return ctx.out(JSON.stringify(r, null, 2));
      if (r.paths.length === 0) return ctx.out(`no path from ${r.from.caption} to ${r.to.caption} within ${r.maxHops} hops`);
      r.paths.forEach((p, i) => {
        ctx.out(`path ${i + 1} (${p.hops} hop${p.hops === 1 ? '' : 's'}):`);
        p.nodeDetails.forEach((n, j) => {
          ctx.out(`  ${n.caption} [${n.id}${n.sanctioned ? `; designated: ${n.sanctionedBy.join(', ')}` : ''}]`);
          if (j < p.edges.length) ctx.out(`    ↕ ${describeEdge(p.edges[j])}`);
        });
      });
    });
}
