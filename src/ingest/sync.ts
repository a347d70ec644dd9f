// `sync`: download the current lists from their publishers, verify them, import them. Any failure
// (HTTP error, timeout, truncated or unparseable file) leaves the previous version live.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../model/errors.ts';
import type { SourceParser } from '../sources/types.ts';
import type { Store } from '../store/types.ts';
import { importWith, withDefaultPublished, type ImportOutcome } from './import.ts';
import { parserByFormat } from './registry.ts';
import { RETIRED } from './freshness.ts';

/** Which format each synced dataset is downloaded in (the publisher's recommended machine-readable file). */
export const SYNC_FORMATS: Record<string, string> = {
  us_ofac_sdn: 'ofac-sdn-csv',
  us_ofac_cons: 'ofac-cons-csv',
  un_sc_sanctions: 'un-sc-xml',
  eu_fsf: 'eu-fsf-xml',
  gb_hmt_sanctions: 'uk-ofsi-csv',
  gb_fcdo_sanctions: 'uk-fcdo-csv',
};

/** What `sync` with no names fetches: every known list its publisher still issues. */
export function defaultSyncDatasets(): string[] {
  return Object.keys(SYNC_FORMATS).filter((name) => !RETIRED[name]);
}

export interface SyncOptions {
  /** Per dataset, URLs that replace the publisher's (mirrors, proxies, tests). */
  urls?: Record<string, string[]>;
  timeoutMs?: number;
  /** Refuse downloads larger than this (a runaway or hostile server). */
  maxBytes?: number;
}

export type SyncOutcome =
  | { dataset: string; ok: true; outcome: ImportOutcome; downloaded: { url: string; bytes: number }[] }
  | { dataset: string; ok: false; error: string };

export async function syncDatasets(store: Store, datasets: string[], options: SyncOptions = {}): Promise<SyncOutcome[]> {
  // A retired list has nothing new to fetch: `sync` alone skips it, and asking for it names its successor.
  const names = datasets.length ? datasets : defaultSyncDatasets();
  for (const name of names) {
    const retired = RETIRED[name];
    if (retired && !options.urls?.[name]) {
      throw new ValidationError('dataset', `${name} was retired on ${retired.on} and superseded by ${retired.supersededBy}: sync ${retired.supersededBy} (or give a URL for an archived copy)`);
    }
    if (!SYNC_FORMATS[name] && !options.urls?.[name]) {
      throw new ValidationError('dataset', `no download source for "${name}"; known: ${Object.keys(SYNC_FORMATS).join(', ')}`);
    }
  }
  const results: SyncOutcome[] = [];
  for (const dataset of names) results.push(await syncOne(store, dataset, options));
  return results;
}

async function syncOne(store: Store, dataset: string, options: SyncOptions): Promise<SyncOutcome> {
  const parser = parserByFormat(SYNC_FORMATS[dataset] ?? 'ftm-json');
  const sources = downloadPlan(parser, options.urls?.[dataset]);
  const dir = mkdtempSync(join(tmpdir(), `interdict-sync-${dataset}-`));
  try {
    const downloaded = [];
    let lastModified: string | undefined;
    for (const { name, url } of sources) {
      const got = await download(url, join(dir, name), options);
      downloaded.push({ url, bytes: got.bytes });
      if (got.lastModified && (!lastModified || got.lastModified > lastModified)) lastModified = got.lastModified;
    }
    const files = sources.map((s) => join(dir, s.name));
    // Files that do not state their own date (OFAC's CSVs) are dated by the server, else by today.
    const dated = withDefaultPublished(parser, lastModified ?? new Date().toISOString().slice(0, 10));
    const outcome = await importWith(store, dated, files, { dataset, author: 'sync' });
    return { dataset, ok: true, outcome, downloaded };
  } catch (error) {
    return { dataset, ok: false, error: (error as Error).message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function downloadPlan(parser: SourceParser, override?: string[]): { name: string; url: string }[] {
  if (override?.length) return override.map((url) => ({ name: basename(new URL(url).pathname) || 'download', url }));
  const official = Object.entries(parser.officialUrls ?? {});
  if (official.length === 0) throw new ValidationError('dataset', `format ${parser.format} has no official download URL`);
  return official.map(([name, url]) => ({ name, url }));
}

/** Downloads to a file, checking the status, the declared length and a time limit. */
async function download(url: string, path: string, options: SyncOptions): Promise<{ bytes: number; lastModified?: string }> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024 * 1024;
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (e) {
    throw new Error(`${url}: ${signal.aborted ? `no answer within ${timeoutMs} ms` : (e as Error).message}`);
  }
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new Error(`larger than ${maxBytes} bytes`) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as never), counter, createWriteStream(path));
  } catch (e) {
    throw new Error(`${url}: download failed after ${bytes} bytes: ${signal.aborted ? `no answer within ${timeoutMs} ms` : (e as Error).message}`);
  }
  if (Number.isFinite(declared) && declared !== bytes) throw new Error(`${url}: truncated: ${bytes} of ${declared} bytes`);
  if (bytes === 0) throw new Error(`${url}: empty file`);
  const modified = Date.parse(response.headers.get('last-modified') ?? '');
  return { bytes, lastModified: Number.isNaN(modified) ? undefined : new Date(modified).toISOString().slice(0, 10) };
}
