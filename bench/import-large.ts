// Import of 200 MB files made of a real list's lines and one long line (issue 10: a 200 MB single-line
// CSV took 245 s and 1.6 GB and replaced OFAC by one entity). Each run is the real `interdict import`
// in a child process on a fresh SQLite database; the figures are wall time and the child's peak RSS.
// Targets: time linear in the size (or better), peak memory ≤ 500 MB, the long line refused.
//   npm run bench:import-large            (sizes 50, 100, 200 MB)
//   INTERDICT_BENCH_SIZES=200 npm run bench:import-large
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LIMITS, readLines } from '../src/sources/io.ts';

// Child mode: only the line reader over a file, to show it linear where no limit stops it early.
if (process.argv[2] === '--read-lines') {
  let n = 0;
  for await (const _ of readLines(process.argv[3], 'win1252')) n++;
  console.error(`read ${n} lines`);
  process.exit(0);
}

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/interdict.js');
const MB = 1024 * 1024;
const SIZES = (process.env.INTERDICT_BENCH_SIZES ?? '50,100,200').split(',').map(Number);

const sdn = gunzipSync(readFileSync(join(ROOT, 'data/us_ofac_sdn/2023-12-28/sdn.csv.gz'))).toString('latin1').replace(/\x1a$/, '');
const un = gunzipSync(readFileSync(join(ROOT, 'data/un_sc_sanctions/2026-02-27/consolidated.xml.gz'))).toString('utf8');
const ftm = readFileSync(join(ROOT, 'test/fixtures/opensanctions_ftm/yente_zala/entities.ftm.json'), 'utf8');

/** Writes head, then `filler` repeated up to `size` bytes in all, then tail. */
function build(path: string, size: number, head: string, filler: string, tail: string): void {
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  const block = filler.repeat(Math.ceil(MB / filler.length)).slice(0, MB);
  let left = size - Buffer.byteLength(head) - Buffer.byteLength(tail);
  for (; left >= MB; left -= MB) writeSync(fd, block);
  writeSync(fd, block.slice(0, Math.max(0, left)));
  writeSync(fd, tail);
  closeSync(fd);
}

interface Case {
  name: string;
  file: string;
  make(path: string, size: number): void;
  args: string[];
}

const CASES: Case[] = [
  {
    name: 'OFAC sdn.csv: 13,821 real lines, then one long line',
    file: 'sdn.csv',
    make: (p, size) => build(p, size, sdn, 'A', '\r\n\x1a'),
    args: ['--format', 'ofac-sdn-csv'],
  },
  {
    name: 'OFAC sdn.csv: one long line first',
    file: 'sdn.csv',
    make: (p, size) => build(p, size, '', 'A', '\r\n' + sdn + '\x1a'),
    args: ['--format', 'ofac-sdn-csv'],
  },
  {
    name: 'UN consolidated.xml: the real list, one record with a long text',
    file: 'consolidated.xml',
    make: (p, size) => {
      const at = un.indexOf('</COMMENTS1>');
      build(p, size, un.slice(0, at), 'A', un.slice(at));
    },
    args: ['--format', 'un-sc-xml'],
  },
  {
    name: `FtM JSON lines: ${ftm.trim().split('\n').length} real entities, then one long line`,
    file: 'entities.ftm.json',
    make: (p, size) => build(p, size, ftm + '{"id":"x","schema":"Person","properties":{"name":["', 'A', '"]}}\n'),
    args: ['--format', 'ftm-json'],
  },
];

function runImport(file: string, args: string[], db: string, command = [BIN, 'import', ...args, file]): Promise<{ ms: number; rssMb: number; code: number; message: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, ...command], {
      env: { ...process.env, INTERDICT_DB: db, DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = err.trim().split('\n');
      const kb = Number(lines.pop());
      const message = lines.find((l) => l.startsWith('error:') || l.startsWith('read ')) ?? lines[0] ?? '';
      resolve({ ms: performance.now() - started, rssMb: kb / 1024, code: code ?? -1, message });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-large-'));
try {
  console.log(`limits: line or record ${LIMITS.maxLine / MB} MB; node ${process.version}; ${process.platform}`);
  console.log('| case | size | exit | time | peak RSS | message |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const c of CASES) {
    for (const size of SIZES) {
      const path = join(dir, c.file);
      c.make(path, size * MB);
      const bytes = statSync(path).size;
      const r = await runImport(path, c.args, join(dir, `${size}.db`));
      console.log(`| ${c.name} | ${(bytes / MB).toFixed(0)} MB | ${r.code} | ${(r.ms / 1000).toFixed(2)} s | ${r.rssMb.toFixed(0)} MB | ${r.message.slice(0, 140)} |`);
      rmSync(path, { force: true });
      rmSync(join(dir, `${size}.db`), { force: true });
    }
  }
  // The reader alone over normal lines only (the real list's lines repeated): linear, flat memory.
  for (const size of SIZES) {
    const path = join(dir, 'sdn.csv');
    build(path, size * MB, '', sdn, '\x1a');
    const self = new URL(import.meta.url).pathname;
    const r = await runImport(path, [], '', ['--import', 'tsx', self, '--read-lines', path]);
    console.log(`| line reader only: OFAC lines repeated | ${size} MB | ${r.code} | ${(r.ms / 1000).toFixed(2)} s | ${r.rssMb.toFixed(0)} MB | ${r.message} |`);
    rmSync(path, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
