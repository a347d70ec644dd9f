// The official files that ship in data/: imported on the first start with an empty database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Store } from '../store/types.ts';
import { importWith, withDefaultPublished, type ImportOutcome } from './import.ts';
import { PARSERS, parserByFormat } from './registry.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

interface BundledSet {
  dataset: string;
  format: string;
  files: string[];
  /** For files that do not state their own date (the OFAC CSVs): the publication date of the set. */
  publishedAt?: string;
}

export function bundledSets(): BundledSet[] {
  const manifest = JSON.parse(readFileSync(join(DATA_DIR, 'bundled.json'), 'utf8')) as { sets: BundledSet[] };
  // A set whose parser is not registered (yet) is left out rather than failing the start.
  return manifest.sets.filter((s) => PARSERS.some((p) => p.format === s.format));
}

/** Imports every bundled set into an empty store; returns nothing when the store already has data. */
export async function loadBundledIfEmpty(store: Store, log: (line: string) => void = () => undefined): Promise<ImportOutcome[]> {
  if ((await store.datasets()).length > 0) return [];
  return loadBundled(store, log);
}

export async function loadBundled(store: Store, log: (line: string) => void = () => undefined): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const set of bundledSets()) {
    const started = Date.now();
    const parser = parserByFormat(set.format);
    const datedParser = set.publishedAt ? withDefaultPublished(parser, set.publishedAt) : parser;
    const outcome = await importWith(store, datedParser, set.files.map((f) => join(DATA_DIR, f)), { dataset: set.dataset, author: 'bundled' });
    outcomes.push(outcome);
    log(`imported bundled ${set.dataset}: ${outcome.version.schemaCounts.$targets ?? outcome.version.entityCount} list entries, ${outcome.version.statementCount} statements in ${Date.now() - started} ms`);
  }
  return outcomes;
}
