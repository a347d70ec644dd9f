// `sync`: download the current lists from their publishers, verify them, import them. Any failure
// (HTTP error, timeout, truncated or unparseable file) leaves the previous version live.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
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
  /** Accept versions that remove more than the shrink guard allows. */
  allowShrink?: boolean;
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
    const outcome = await importWith(store, dated, files, { dataset, author: 'sync', allowShrink: options.allowShrink });
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

/**
 * The checksums a download must match: the publisher's (`Digest`, `Repr-Digest`, `Content-MD5`
 * headers) and one the operator pinned in the URL (`…/sdn.csv#sha256=<hex>`).
 */
function expectedDigests(url: string, headers: Headers): { algorithm: 'sha256' | 'sha512' | 'md5'; hex: string; from: string }[] {
  const out: { algorithm: 'sha256' | 'sha512' | 'md5'; hex: string; from: string }[] = [];
  const pinned = /[#&](sha256|sha512|md5)=([0-9a-f]+)/i.exec(new URL(url).hash);
  if (pinned) out.push({ algorithm: pinned[1].toLowerCase() as 'sha256', hex: pinned[2].toLowerCase(), from: 'the URL' });
  const b64hex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');
  for (const header of ['repr-digest', 'digest']) {
    for (const part of (headers.get(header) ?? '').split(',')) {
      const m = /^\s*(sha-256|sha-512|md5)\s*=\s*:?([A-Za-z0-9+/=]+):?\s*$/i.exec(part);
      if (m) out.push({ algorithm: m[1].toLowerCase().replace('sha-', 'sha') as 'sha256', hex: b64hex(m[2]), from: `the ${header} header` });
    }
  }
  const md5 = headers.get('content-md5');
  if (md5) out.push({ algorithm: 'md5', hex: b64hex(md5.trim()), from: 'the content-md5 header' });
  return out;
}

/**
 * Downloads to a file, checking the status, the time limit, the full length (the declared one, and
 * for chunked or close-delimited bodies that the transfer ended cleanly) and any checksum offered.
 */
async function download(url: string, path: string, options: SyncOptions): Promise<{ bytes: number; lastModified?: string }> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024 * 1024;
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  const fetchUrl = new URL(url);
  fetchUrl.hash = '';
  try {
    response = await fetch(fetchUrl, { signal, redirect: 'follow' });
  } catch (e) {
    throw new Error(`${url}: ${signal.aborted ? `no answer within ${timeoutMs} ms` : (e as Error).message}`, { cause: e });
  }
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  // A compressed transfer's length is of the compressed bytes; fetch hands over the inflated ones.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const digests = expectedDigests(url, response.headers);
  const hashes = new Map(digests.map((d) => [d.algorithm, createHash(d.algorithm)]));
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      for (const h of hashes.values()) h.update(chunk);
      done(bytes > maxBytes ? new Error(`larger than ${maxBytes} bytes`) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as never), counter, createWriteStream(path));
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause?.message;
    throw new Error(`${url}: download failed after ${bytes} bytes (the transfer did not end cleanly: truncated): ${signal.aborted ? `no answer within ${timeoutMs} ms` : `${(e as Error).message}${cause ? ` (${cause})` : ''}`}`, { cause: e });
  }
  if (!encoded && Number.isFinite(declared) && declared !== bytes) throw new Error(`${url}: truncated: ${bytes} of ${declared} bytes`);
  if (bytes === 0) throw new Error(`${url}: empty file`);
  const computed = new Map([...hashes].map(([algorithm, h]) => [algorithm, h.digest('hex')]));
  for (const d of digests) {
    const got = computed.get(d.algorithm);
    if (got !== d.hex) throw new Error(`${url}: checksum mismatch: ${d.algorithm} ${got} is not the ${d.hex} stated in ${d.from} (corrupt or altered download)`);
  }
  const modified = Date.parse(response.headers.get('last-modified') ?? '');
  return { bytes, lastModified: Number.isNaN(modified) ? undefined : new Date(modified).toISOString().slice(0, 10) };
}
