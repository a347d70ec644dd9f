// File access shared by parsers: transparent gzip, explicit encodings, line streaming.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { SourceError } from '../model/errors.ts';

export type Encoding = 'utf8' | 'win1252';

/** The file name a parser should judge by: `sdn.csv.gz` is `sdn.csv`. */
export function logicalName(path: string): string {
  return basename(path).replace(/\.gz$/i, '');
}

/** A byte stream of the file's content, gunzipped when the file is gzip. */
export function openBytes(path: string): Readable {
  const raw = createReadStream(path);
  if (!/\.gz$/i.test(path)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  gunzip.on('error', () => undefined); // surfaced to the consumer through the iterator
  return raw.pipe(gunzip);
}

/** A text stream decoded with the given encoding. */
export function openText(path: string, encoding: Encoding = 'utf8'): AsyncIterable<string> {
  const bytes = openBytes(path);
  if (encoding === 'utf8') return strictUtf8(bytes, path);
  return bytes.pipe(iconv.decodeStream('win1252')) as unknown as AsyncIterable<string>;
}

/** Invalid UTF-8 is an error naming the file (a literal U+FFFD in the text is not). */
async function* strictUtf8(bytes: AsyncIterable<Buffer>, path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw new SourceError(path, 'not valid UTF-8 text (wrong encoding?)');
    throw e;
  }
}

/** The first bytes of a file (decompressed), for format detection. */
export async function readHead(path: string, size = 4096): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      // Partial gunzip of the head: decompress what we have and ignore the truncation.
      try {
        return gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).subarray(0, size);
      } catch {
        return Buffer.alloc(0);
      }
    }
    return head;
  } catch (e) {
    throw new SourceError(path, `cannot read file: ${(e as Error).message}`);
  } finally {
    await handle.close();
  }
}

/**
 * Lines of a text file with their 1-based numbers, without line terminators (CRLF or LF).
 * Rejects text that is not valid UTF-8 when encoding is utf8 (replacement characters appear).
 */
export function readLines(path: string, encoding: Encoding = 'utf8'): AsyncGenerator<{ line: string; lineNo: number }> {
  return linesOf(openText(path, encoding), path, (e) => `cannot read file: ${e.message}`);
}

/**
 * Lines of decoded text with their 1-based numbers, without line terminators (CRLF or LF). A read
 * that fails becomes a SourceError of `file` at the line reached, worded by `message`.
 */
export async function* linesOf(chunks: AsyncIterable<string>, file: string, message: (e: Error) => string): AsyncGenerator<{ line: string; lineNo: number }> {
  let rest = '';
  let lineNo = 0;
  try {
    for await (const chunk of chunks) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        const line = part.endsWith('\r') ? part.slice(0, -1) : part;
        lineNo++;
        yield { line, lineNo };
      }
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file, message(e as Error), lineNo || undefined);
  }
  if (rest.length > 0) {
    lineNo++;
    yield { line: rest.replace(/\r$/, ''), lineNo };
  }
}
