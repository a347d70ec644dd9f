// Says once, plainly, whether the PostgreSQL suite runs, builds dist/ if a source is newer (the
// `interdict` processes tests start run it) and the shared bundled-lists database.
import type { TestProject } from 'vitest/node';
import { PG_SKIP_REASON, PG_URL } from './engines.ts';
import { buildBundledDb } from './bundled-db.ts';
import { buildDistUnlessCurrent } from './compiled.ts';

export default async function setup(project: TestProject): Promise<void> {
  if (PG_URL) process.stdout.write(`\nPostgreSQL suite: running against ${PG_URL.replace(/\/\/[^@]*@/, '//')}\n`);
  else process.stdout.write(`\n*** ${PG_SKIP_REASON} ***\n`);
  let started = Date.now();
  if (await buildDistUnlessCurrent()) process.stdout.write(`dist/ was older than the sources: rebuilt (${Date.now() - started} ms)\n`);
  started = Date.now();
  const path = await buildBundledDb();
  process.stdout.write(`bundled lists database: ${path} (${Date.now() - started} ms)\n`);
  project.provide('bundledDb', path);
}

declare module 'vitest' {
  export interface ProvidedContext {
    bundledDb: string;
  }
}
