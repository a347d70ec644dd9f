// Issue 10, point 4: bounded streaming. Before the change a truncated sdn.csv.gz exited 13 with no
// message, a zero-filled gzip bomb ran past 240 s, UTF-8 text in an OFAC CSV was stored garbled, and
// a 200 MB single-line file was read quadratically into one entity.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/model/errors.ts';
import { collect } from '../../src/sources/collect.ts';
import { LIMITS, readLines } from '../../src/sources/io.ts';
import { csvRecords } from '../../src/sources/csv-records.ts';
import { readJsonLines } from '../../src/sources/ftm/json-lines.ts';
import { streamXmlRecords } from '../../src/sources/xml.ts';
import { ofacSdnCsv } from '../../src/sources/ofac/csv.ts';
import { unScXml } from '../../src/sources/un/un-sc-xml.ts';
import { runCli } from '../support/cli.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const BUNDLED_SDN_GZ = join(ROOT, 'data/us_ofac_sdn/2023-12-28/sdn.csv.gz');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'interdict-streams-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function failure(run: () => Promise<unknown>): Promise<SourceError> {
  const e = await run().then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SourceError);
  return e as SourceError;
}

async function drain(iterable: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of iterable) n++;
  return n;
}

describe('compressed files', () => {
  it('a truncated sdn.csv.gz is an error naming the file, from the parser and from the CLI (exit 3)', async () => {
    const gz = readFileSync(BUNDLED_SDN_GZ);
    const cut = write('sdn.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const e = await failure(() => collect(ofacSdnCsv, [cut]));
    expect(e.message).toMatch(/^sdn\.csv\.gz:\d+: cannot read file: truncated gzip file: unexpected end of file/);
    const r = await runCli(['import', cut], { INTERDICT_DB: join(dir, 'cli.db') });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/sdn\.csv\.gz:\d+: cannot read file: truncated gzip file: unexpected end of file \(it ends before its compressed data does\)\nThe live data was not changed\./);
  }, 60_000);

  it('a corrupt gzip body is an error naming the file', async () => {
    const gz = Buffer.from(gzipSync(readFileSync(join(ROOT, 'test/fixtures/un_sc/samples/sample_unsc.xml'))));
    for (let i = 200; i < 260; i++) gz[i] ^= 0xff;
    const e = await failure(() => collect(unScXml, [write('consolidated.xml.gz', gz)]));
    expect(e.message).toMatch(/^consolidated\.xml(\.gz)?:\d+: cannot read file: corrupt gzip file: invalid distance too far back/);
  });

  it('a zero-filled gzip bomb is refused once it inflates past the ratio limit', async () => {
    // The check runs past LIMITS.ratioAfter bytes of output (64 MiB); lowered here to 1 MiB, so 16 MiB
    // of short lines in ~16 KB are refused after about 2 MiB, not 64 (16 million lines to read, a minute
    // of CPU on a loaded machine, where the test once timed out). The same check, the same message.
    const saved = LIMITS.ratioAfter;
    LIMITS.ratioAfter = 1024 * 1024;
    try {
      const bomb = join(dir, 'bomb.csv.gz');
      const zeros = Buffer.alloc(1024 * 1024, '0,0\n');
      await pipeline(Readable.from((function* () { for (let i = 0; i < 16; i++) yield zeros; })()), createGzip(), createWriteStream(bomb));
      let lines = 0;
      const e = await failure(async () => { for await (const _ of readLines(bomb)) lines++; });
      expect(e.message).toMatch(/bomb\.csv\.gz:\d+: cannot read file: gzip file decompresses to more than 100 times its size .*gzip bomb/);
      // Refused early: well before the end of the 4 million lines.
      expect(lines).toBeGreaterThan(0);
      expect(lines).toBeLessThan(1024 * 1024);
    } finally {
      LIMITS.ratioAfter = saved;
    }
  });
});

describe('encodings', () => {
  it('UTF-8 text in an OFAC CSV (Windows-1252) is an error naming the line', async () => {
    const row = (n: string, name: string) => `${n},"${name}","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`;
    const file = write('utf8-sdn.csv', Buffer.from(row('1', 'ALPHA') + row('2', 'MÜLLER, Jürgen') + '\x1a', 'utf8'));
    const e = await failure(() => collect(ofacSdnCsv, [file]));
    expect(e.message).toBe('utf8-sdn.csv:2: UTF-8 text ("Ü") in a file this format reads as Windows-1252, as its publisher writes it: the file was re-encoded; use the publisher\'s original');
  });
});

describe('line and record limits', () => {
  const saved = { ...LIMITS };
  afterEach(() => Object.assign(LIMITS, saved));

  it('each reader refuses a line or record past the limit, naming the file and line', async () => {
    LIMITS.maxLine = 1000;
    const long = 'x'.repeat(5000);
    let e = await failure(() => drain(readLines(write('long.csv', `short\n${long}\nshort\n`))));
    expect(e.message).toMatch(/^long\.csv:2: line longer than 1000 characters/);
    e = await failure(() => drain(readJsonLines(write('long.json', `{"a":1}\n{"a":"${long}"}\n`))));
    expect(e.message).toMatch(/^long\.json:2: line longer than 1000 characters/);
    e = await failure(() => drain(csvRecords(write('long2.csv', `a,b\n"${long}",b\n`))));
    expect(e.message).toMatch(/^long2\.csv:\d+: malformed CSV: .*(max_record_size|Max Record Size)/i);
    e = await failure(() => drain(streamXmlRecords(write('long.xml', `<list><item>${long}</item></list>`), { records: ['item'] })));
    expect(e.message).toMatch(/^long\.xml:1: a (record|text or tag) longer than 1000 characters/);
  });

  it('reads lines in time linear in their length (a 20 MB line is one pass, not one per chunk)', async () => {
    // Not a timing test: the line is longer than the limit, so the reader must give up after reading
    // past the limit once, instead of re-joining the whole line for every 64 KB chunk.
    const path = write('one-line.csv', Buffer.alloc(20 * 1024 * 1024, 'a'));
    LIMITS.maxLine = 8 * 1024 * 1024;
    const e = await failure(() => drain(readLines(path)));
    expect(e.message).toMatch(/one-line\.csv:1: line longer than 8388608 characters/);
  });
});
