// The judgements made for the bundled snapshot (data/judgements/*.jsonl): the machine's merges from
// `xref` at the default threshold and the maintainers' decisions on the pairs it left waiting, each
// with its reason. Imported once, right after the bundled lists, so the first start shows resolved
// entities without a cross-reference run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InterdictError } from '../model/errors.ts';
import type { Store } from '../store/types.ts';
import { Resolver } from './service.ts';

export const SHIPPED_DIR = fileURLToPath(new URL('../../data/judgements/', import.meta.url));

export function shippedJudgementFiles(): string[] {
  return readdirSync(SHIPPED_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(SHIPPED_DIR, f));
}

/** Imports the shipped judgements when the log is empty; returns how many were recorded. */
export async function loadShippedJudgements(store: Store, log: (line: string) => void = () => undefined): Promise<number> {
  const resolver = new Resolver(store);
  if ((await resolver.judgementsStore.judgements()).length > 0) return 0;
  let count = 0;
  for (const file of shippedJudgementFiles()) {
    try {
      const { imported } = await resolver.importJudgements(readFileSync(file, 'utf8'), file);
      log(`imported ${imported} shipped judgements from ${file}`);
      count += imported;
    } catch (error) {
      // Judgements made for other list versions must not stop a start: the lists stay unresolved.
      if (!(error instanceof InterdictError)) throw error;
      log(`shipped judgements of ${file} not imported (nothing of it was recorded): ${error.message}`);
    }
  }
  return count;
}
