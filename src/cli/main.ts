// The `interdict` command line: thin adapters over the domain functions.
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import type { Store } from '../store/types.ts';
import type { CliContext } from './context.ts';
import { describeError, exitCodeFor, EXIT } from './errors.ts';
import { commandModulesFor } from './commands/index.ts';

// A reader that stops early (`interdict export … | head`) closes the pipe: the command stops at once and
// says nothing, as a Unix tool stopped by SIGPIPE does (exit 141), instead of an EPIPE error or a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(EXIT.closedPipe);
});

const config = loadConfig();
let opened: Store | undefined;
const ctx: CliContext = {
  config,
  // Loaded on first use: the database drivers (pg above all) cost --help a tenth of a second.
  store: async () => (opened ??= await (await import('../store/open.ts')).openStore(config)),
  out: (text) => void process.stdout.write(text + '\n'),
  err: (text) => void process.stderr.write(text + '\n'),
};

const program = new Command('interdict')
  .description('Sanctions screening and counter-proliferation network intelligence over official lists')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

// Only the settings an operator sets for a running service; README's configuration section has them all.
program.addHelpText(
  'after',
  `
Scheduled work (run by \`serve\` and \`worker\`; environment variables):
  INTERDICT_SYNC_SCHEDULE        cron expression in UTC (minute hour day month weekday), e.g. "0 3 * * *": sync the lists
  INTERDICT_SYNC_DATASETS        comma-separated lists the schedule syncs (default: every list \`sync\` knows)
  INTERDICT_STALE_DAYS           a list published longer ago than this many days is stale and raises a list-stale alert (30)
  INTERDICT_STALE_DAYS_BY_LIST   dataset=days;dataset=days: a list's own expected refresh interval
  INTERDICT_STALE_CHECK_MINUTES  how often to look for stale lists (60; 0: only after syncs)
All settings: README.md, "Configuration".`,
);

for (const command of await commandModulesFor(process.argv)) command.register(program, ctx);

try {
  await program.parseAsync(process.argv);
  process.exitCode ??= EXIT.ok;
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT.usage;
  } else {
    ctx.err(describeError(error));
    process.exitCode = exitCodeFor(error);
  }
} finally {
  await opened?.close();
}
