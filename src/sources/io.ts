// File access shared by parsers: transparent gzip, explicit encodings, line streaming.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { SourceError } from '../model/errors.ts';

export type Encoding = 'utf8' | 'win1252';

/** The file name a parser should judge by: `sdn.csv.gz` is `sdn.csv`. */
export function logicalName(path: string): string {
  return basename(path).replace(/\.gz$/i, '');
}

/**
 * Bounds on what one file may cost. A line or record longer than `maxLine` characters is an error
 * (official lists have lines of a few KB; a 200 MB single line is a broken or hostile file). A gzip
 * file may expand to `maxInflated` bytes and, beyond the first `ratioAfter` bytes, to at most
 * `maxRatio` times its compressed size (text compresses 5–15 times; a zero-filled bomb 1000 times).
 */
export const LIMITS = {
  maxLine: 16 * 1024 * 1024,
  maxInflated: 4 * 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioAfter: 64 * 1024 * 1024,
};

/**
 * A byte stream of the file's content, gunzipped when the file is gzip. A truncated or corrupt gzip
 * file, or one that inflates past the limits, ends the stream with an error saying so; the reader
 * adds the file and line it reached.
 */
export function openBytes(path: string): Readable {
  const raw = createReadStream(path);
  if (!/\.gz$/i.test(path)) return raw;
  let compressed = 0;
  raw.on('data', (chunk: string | Buffer) => void (compressed += chunk.length));
  let inflated = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      inflated += chunk.length;
      if (inflated > LIMITS.maxInflated) return done(new Error(`gzip file decompresses to more than ${LIMITS.maxInflated} bytes: refused (a gzip bomb?)`));
      if (inflated > LIMITS.ratioAfter && inflated > compressed * LIMITS.maxRatio) {
        return done(new Error(`gzip file decompresses to more than ${LIMITS.maxRatio} times its size (${inflated} bytes from ${compressed}): refused (a gzip bomb?)`));
      }
      done(null, chunk);
    },
  });
  const gunzip = createGunzip();
  // Wired by hand rather than with pipeline(), which would hand the reader zlib's bare error.
  raw.on('error', (e) => guard.destroy(e));
  gunzip.on('error', (e) => guard.destroy(gzipError(e)));
  guard.on('close', () => {
    raw.destroy();
    gunzip.destroy();
  });
  raw.pipe(gunzip).pipe(guard);
  return guard;
}

function gzipError(e: NodeJS.ErrnoException): Error {
  const truncated = e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message);
  return new Error(truncated ? 'truncated gzip file: unexpected end of file (it ends before its compressed data does)' : `corrupt gzip file: ${e.message}`);
}

/** A text stream decoded with the given encoding. */
export function openText(path: string, encoding: Encoding = 'utf8'): AsyncIterable<string> {
  const bytes = openBytes(path);
  if (encoding === 'utf8') return strictUtf8(bytes, path);
  return win1252(bytes, logicalName(path));
}

/** Invalid UTF-8 is an error naming the file (a literal U+FFFD in the text is not). */
async function* strictUtf8(bytes: AsyncIterable<Buffer>, path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw new SourceError(basename(path), 'not valid UTF-8 text (wrong encoding?)');
    throw e;
  }
}

/** A multi-byte UTF-8 sequence: in a Windows-1252 file, the sign of text re-saved as UTF-8. */
const UTF8_SEQUENCE = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/;

/**
 * Windows-1252 text. Every byte decodes, so a file re-saved as UTF-8 would be stored garbled
 * ("MÃœLLER"): UTF-8 sequences are an error naming the line.
 */
async function* win1252(bytes: AsyncIterable<Buffer>, file: string): AsyncGenerator<string> {
  const decoder = iconv.getDecoder('win1252');
  let lines = 1;
  let carry: Buffer = Buffer.alloc(0);
  for await (const raw of bytes) {
    const chunk = carry.length ? Buffer.concat([carry, raw]) : raw;
    // A sequence cut at the chunk's end is judged with the next chunk.
    const keep = Math.min(3, chunk.length);
    const body = chunk.subarray(0, chunk.length - keep);
    carry = chunk.subarray(chunk.length - keep);
    checkNotUtf8(body, file, lines);
    const text = decoder.write(body);
    lines += countNewlines(text);
    yield text;
  }
  checkNotUtf8(carry, file, lines);
  yield decoder.write(carry) + (decoder.end() ?? '');
}

function checkNotUtf8(bytes: Buffer, file: string, firstLine: number): void {
  if (!bytes.some((b) => b > 0x7f)) return;
  const latin = bytes.toString('latin1');
  const found = UTF8_SEQUENCE.exec(latin);
  if (!found) return;
  const line = firstLine + countNewlines(latin.slice(0, found.index));
  const shown = Buffer.from(found[0], 'latin1').toString('utf8');
  throw new SourceError(file, `UTF-8 text ("${shown}") in a file this format reads as Windows-1252, as its publisher writes it: the file was re-encoded; use the publisher's original`, line);
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
  return linesOf(openText(path, encoding), basename(path), (e) => `cannot read file: ${e.message}`);
}

/**
 * Lines of decoded text with their 1-based numbers, without line terminators (CRLF or LF). A read
 * that fails becomes a SourceError of `file` at the line reached, worded by `message`. Linear in the
 * input: a line's pieces are joined once, and a line longer than LIMITS.maxLine is an error.
 */
export async function* linesOf(chunks: AsyncIterable<string>, file: string, message: (e: Error) => string): AsyncGenerator<{ line: string; lineNo: number }> {
  let pieces: string[] = [];
  let pending = 0;
  let lineNo = 0;
  const tooLong = () => new SourceError(file, `line longer than ${LIMITS.maxLine} characters: not a list file, or a broken one`, lineNo + 1);
  try {
    for await (const chunk of chunks) {
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
        if (pending + nl - start > LIMITS.maxLine) throw tooLong();
        const part = pieces.length ? pieces.join('') + chunk.slice(start, nl) : chunk.slice(start, nl);
        pieces = [];
        pending = 0;
        lineNo++;
        yield { line: part.endsWith('\r') ? part.slice(0, -1) : part, lineNo };
        start = nl + 1;
      }
      if (start < chunk.length) {
        pending += chunk.length - start;
        if (pending > LIMITS.maxLine) throw tooLong();
        pieces.push(chunk.slice(start));
      }
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file, message(e as Error), lineNo || undefined);
  }
  const rest = pieces.join('');
  if (rest.length > 0) {
    lineNo++;
    yield { line: rest.replace(/\r$/, ''), lineNo };
  }
}
