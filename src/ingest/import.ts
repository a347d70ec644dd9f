// Import: detect each file's format, group the files of one list, parse them and write a new version.
import { stat } from 'node:fs/promises';
import { InterdictError, ValidationError, SourceError } from '../model/errors.ts';
import { logicalName, readHead } from '../sources/io.ts';
import type { ParseContext, SourceParser } from '../sources/types.ts';
import type { ImportJob, ImportRequest, ImportResult, Store } from '../store/types.ts';
import { datasetKindOf, PARSERS, parserByFormat } from './registry.ts';

export interface ImportOptions {
  /** Write to this dataset instead of the parser's default. */
  dataset?: string;
  /** Skip detection and use this format for every file. */
  format?: string;
  author?: string;
  /** Parsers to choose from (default: all registered). */
  parsers?: SourceParser[];
  /** Accept versions that remove more than the shrink guard allows (src/store/shrink.ts). */
  allowShrink?: boolean;
  /**
   * The publication date of files that state none (OFAC's legacy CSV files, a mirror's copy): the
   * version is then labelled and dated by it. A date stated in a file still wins.
   */
  published?: string;
}

export interface ImportOutcome extends ImportResult {
  dataset: string;
  format: string;
  files: string[];
  parseWarnings: string[];
}

/** Which parser reads a file: by --format, else by the file's name and first bytes. */
export async function detectParser(file: string, parsers: SourceParser[] = PARSERS): Promise<SourceParser> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a regular file');
  } catch (e) {
    throw new SourceError(file, `cannot read file: ${(e as Error).message}`);
  }
  const head = (await readHead(file)).toString('latin1');
  const found = parsers.find((p) => p.detect(logicalName(file), head));
  if (!found) {
    throw new SourceError(file, `unknown format: not one of ${parsers.map((p) => p.format).join(', ')} (use --format to choose)`);
  }
  return found;
}

/** Groups files by the parser that reads them, keeping the order in which formats first appear. */
export async function planImport(files: string[], options: ImportOptions = {}): Promise<{ parser: SourceParser; files: string[] }[]> {
  if (files.length === 0) throw new ValidationError('files', 'no files to import');
  const parsers = options.parsers ?? PARSERS;
  const forced = options.format ? parserByFormat(options.format, parsers) : undefined;
  const groups = new Map<SourceParser, string[]>();
  for (const file of files) {
    const parser = forced ?? (await detectParser(file, parsers));
    groups.set(parser, [...(groups.get(parser) ?? []), file]);
  }
  return [...groups].map(([parser, groupFiles]) => ({ parser, files: groupFiles }));
}

/**
 * Imports each group as a new version of its dataset, all in one transaction: every dataset switches,
 * or none does (a bad last file leaves the lists of the first ones as they were).
 */
export async function importFiles(store: Store, files: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  if (options.published !== undefined && !isCalendarDate(options.published)) {
    throw new ValidationError('published', `"${options.published}" is not a date (YYYY-MM-DD)`);
  }
  const plan = (await planImport(files, options)).map((g) => (options.published ? { ...g, parser: withDefaultPublished(g.parser, options.published) } : g));
  const targets = plan.map((g) => options.dataset ?? g.parser.defaultDataset);
  if (options.dataset && plan.length > 1) {
    throw new ValidationError('dataset', 'one --dataset was given for files of different lists; import them separately');
  }
  const duplicate = targets.find((d, i) => targets.indexOf(d) !== i);
  if (duplicate) {
    throw new ValidationError('files', `two formats would write dataset ${duplicate} in one import (${plan.filter((_, i) => targets[i] === duplicate).map((g) => g.parser.format).join(', ')}); import them separately`);
  }
  const prepared = plan.map(({ parser, files: groupFiles }) => prepareImport(parser, groupFiles, options));
  const results = await store.importDatasets(prepared.map((p) => p.job));
  return results.map((result, i) => prepared[i].outcome(result));
}

export async function importWith(store: Store, parser: SourceParser, files: string[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const { job, outcome } = prepareImport(parser, files, options);
  return outcome(await store.importDataset(job.request, job.items));
}

/**
 * The store's job for one group of files. The target dataset is the command line's, else the
 * format's: nothing inside a file (an FtM entity's "datasets", a statement's "dataset" column)
 * chooses where it is written.
 */
function prepareImport(parser: SourceParser, files: string[], options: ImportOptions): { job: ImportJob; outcome: (r: ImportResult) => ImportOutcome } {
  const dataset = options.dataset ?? parser.defaultDataset;
  const parseWarnings: string[] = [];
  const request: ImportRequest = {
    dataset,
    format: parser.format,
    sourceFiles: files.map(logicalName),
    delta: parser.delta ?? false,
    author: options.author,
    title: parser.title,
    publisher: parser.publisher,
    licence: parser.licence,
    kind: datasetKindOf(parser),
    allowShrink: options.allowShrink,
  };
  const ctx: ParseContext = {
    dataset,
    published: (date) => void (request.publishedAt = date),
    warn: (message) => void parseWarnings.push(message),
  };
  return {
    job: { request, items: clearErrors(parser.parse(files, ctx), files) },
    outcome: (result) => ({ ...result, dataset, format: parser.format, files, parseWarnings }),
  };
}

/**
 * A parser's own bug or an odd corner of a file (a fuzzed row the model rejects) still ends in a
 * SourceError naming the files, so the command exits 3 with a message instead of a stack trace.
 */
async function* clearErrors<T>(items: AsyncIterable<T>, files: string[]): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (e) {
    if (e instanceof InterdictError) throw e;
    throw new SourceError(files.map(logicalName).join(', '), `cannot read: ${(e as Error).message}`);
  }
}

function isCalendarDate(text: string): boolean {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** A parser that reports a known publication date first; a date stated in the file still wins. */
export function withDefaultPublished(parser: SourceParser, date: string): SourceParser {
  return {
    ...parser,
    parse(files, ctx) {
      ctx.published(date);
      return parser.parse(files, ctx);
    },
  };
}
