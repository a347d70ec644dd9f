// The CLI's command modules in the order help lists them, each with the top-level commands it
// registers, loaded on demand: a command named on the command line loads its own module alone
// (loading them all cost ≈ 0.2 s of CPU at every start, a path query's or a batch's included).
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

export const COMMAND_MODULES: { names: string[]; load: () => Promise<CommandModule> }[] = [
  { names: ['import', 'datasets', 'diff'], load: () => import('./lists.ts') },
  { names: ['export', 'sync'], load: () => import('./data.ts') },
  { names: ['screen'], load: () => import('./screen.ts') },
  { names: ['compare'], load: () => import('./compare.ts') },
  { names: ['paths'], load: () => import('./paths.ts') },
  { names: ['exposure'], load: () => import('./exposure.ts') },
  { names: ['export-graph'], load: () => import('./export-graph.ts') },
  { names: ['check-transfer'], load: () => import('./check-transfer.ts') },
  { names: ['check-case'], load: () => import('./check-case.ts') },
  { names: ['xref', 'judge', 'judgements'], load: () => import('./resolve.ts') },
  { names: ['ingest'], load: () => import('./documents.ts') },
  { names: ['users', 'keys', 'audit'], load: () => import('./access.ts') },
  { names: ['workspaces'], load: () => import('./workspaces.ts') },
  { names: ['portfolio', 'alerts'], load: () => import('./monitor.ts') },
  { names: ['worker'], load: () => import('./worker.ts') },
  { names: ['serve'], load: () => import('./serve.ts') },
];

/** The modules to load for these arguments: the named command's alone, else all (help, a typo). */
export function commandModulesFor(argv: string[]): Promise<CommandModule[]> {
  const named = COMMAND_MODULES.find((m) => m.names.includes(argv[2]));
  return Promise.all((named ? [named] : COMMAND_MODULES).map((m) => m.load()));
}
