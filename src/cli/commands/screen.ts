// `interdict screen`: batch screening of a CSV or JSON-lines file against the live lists. Its options
// here; what it does in cli/run/screen-batch.ts, loaded when it runs.
import type { Command } from 'commander';
import { ALL_DATASETS } from '../../screening/scopes.ts';
import { defaultWorkerCount, WORKER_MIN_ROWS } from '../../screening/threads.ts';
import type { CliContext } from '../context.ts';
import type { ScreenFlags } from '../run/screen-batch.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .description('screen a CSV or JSON-lines file of people, companies and vessels against the live lists')
    .requiredOption('--input <file>', 'CSV with a header (id,schema,name,birth_date,nationality,imo...) or JSON lines of {"id","schema","properties"}; - for stdin')
    .option('--output <file>', 'write results here instead of stdout')
    .option('--format <format>', 'output format: jsonl (one line per input row) or csv (one row per result)', 'jsonl')
    .option('--threshold <score>', 'score at which a result is a match (default: the matcher\'s)')
    .option('--dataset <name>', 'what to screen against: default (the sanctions lists), all (every dataset, case files included) or a dataset name', ALL_DATASETS)
    .option('--schema <schema>', 'schema of rows that give none (Person, Company, Organization, LegalEntity, Vessel, Airplane); without it a CSV needs a schema column')
    .option('--map <column=property...>', 'read a CSV column as an FtM property (e.g. --map dob=birthDate)')
    .option('--input-format <format>', 'csv or jsonl (default: from the file name, else from its first line)')
    .option('--limit <n>', 'results per row', '5')
    .option('--workers <n>', `worker threads (default: ${defaultWorkerCount()} for files over ${WORKER_MIN_ROWS} rows)`)
    .action(async (flags: ScreenFlags) => {
      const { screenCommand } = await import('../run/screen-batch.ts');
      await screenCommand(flags, ctx);
    });
}
