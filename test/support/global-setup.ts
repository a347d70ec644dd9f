// Says once, plainly, whether the PostgreSQL suite runs.
import { PG_SKIP_REASON, PG_URL } from './engines.ts';

export default function setup(): void {
  if (PG_URL) process.stdout.write(`\nPostgreSQL suite: running against ${PG_URL.replace(/\/\/[^@]*@/, '//')}\n`);
  else process.stdout.write(`\n*** ${PG_SKIP_REASON} ***\n`);
}
