// Import: detect each file's format, group the files of one list, parse them and write a new version.
import { stat } from 'node:fs/promises';
import { ValidationError, SourceError } from '../model/errors.ts';
import { logicalName, readHead } from '../sources/io.ts';
import type { ParseContext, SourceParser } from '../sources/types.ts';
import type { ImportRequest, ImportResult, Store } from '../store/types.ts';
import { PARSERS, parserByFormat } from './registry.ts';

export interface ImportOptions {
  /** Write to this dataset instead of the parser's default. */
  dataset?: string;
  /** Skip detection and use this format for every file. */
  format?: string;
  author?: string;
  /** Parsers to choose from (default: all registered). */
  parsers?: SourceParser[];
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

/** Imports each group as a new version of its dataset; each group is its own transaction. */
export async function importFiles(store: Store, files: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const plan = await planImport(files, options);
  if (options.dataset && new Set(plan.map((g) => g.parser.defaultDataset)).size > 1) {
    throw new ValidationError('dataset', 'one --dataset was given for files of different lists; import them separately');
  }
  const outcomes: ImportOutcome[] = [];
  for (const { parser, files: groupFiles } of plan) outcomes.push(await importWith(store, parser, groupFiles, options));
  return outcomes;
}

export async function importWith(store: Store, parser: SourceParser, files: string[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const dataset = options.dataset ?? (await parser.datasetOf?.(files)) ?? parser.defaultDataset;
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
  };
  const ctx: ParseContext = {
    dataset,
    published: (date) => void (request.publishedAt = date),
    warn: (message) => void parseWarnings.push(message),
  };
  const result = await store.importDataset(request, parser.parse(files, ctx));
  return { ...result, dataset, format: parser.format, files, parseWarnings };
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
