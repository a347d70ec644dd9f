// `interdict screen` end to end, two builds alternated, for A/B runs on a shared machine:
//   node --import tsx bench/screen-cli.ts --against /work/main [--rows 60000] [--rounds 3] [--dir DIR]
// Runs this checkout's bin/ and dist/ and those of --against (a checkout with a built dist/) on the
// mix bench:screen writes (cli-mix.ts), each with its saved index (a first run per build saves it),
// in the order A B A B…; prints each run's wall time, process CPU (as the CLI reports it) and
// idle = wall − CPU / cores: the time a core had nothing to do, which is what a busy machine hides
// least badly. DIR keeps the database and the mix between invocations (default: a temporary one).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { loadBundled } from '../src/ingest/bundled.ts';
import { openStore } from '../src/store/open.ts';
import { ScreeningService } from '../src/screening/service.ts';
import { writeMixCsv } from './cli-mix.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = Number(arg('rows') ?? 60_000);
const ROUNDS = Number(arg('rounds') ?? 3);
const against = arg('against');
if (!against) throw new Error('usage: bench/screen-cli.ts --against CHECKOUT [--rows N] [--rounds N] [--dir DIR]');
const dir = resolve(arg('dir') ?? mkdtempSync(join(tmpdir(), 'interdict-bench-cli-')));
mkdirSync(dir, { recursive: true });
const log = (m: string) => process.stderr.write(`${m}\n`);

const db = join(dir, 'bench.db');
const input = join(dir, `mix-${ROWS}.csv`);
if (!existsSync(input)) {
  const store = await openStore({ databaseUrl: null, sqlitePath: db });
  try {
    if ((await store.datasets()).length === 0) await loadBundled(store, log);
    const service = new ScreeningService(store);
    await service.ready();
    writeMixCsv(input, (await service.screener()).index.entities, ROWS);
  } finally {
    await store.close();
  }
}

interface Side {
  name: string;
  bin: string;
  db: string;
}
// Each build its own copy of the database: a saved index is named by the code that built it, and a
// run removes the other builds' snapshots.
const sides: Side[] = [
  { name: 'this', bin: fileURLToPath(new URL('../bin/interdict.js', import.meta.url)), db: join(dir, 'this.db') },
  { name: 'against', bin: join(resolve(against), 'bin/interdict.js'), db: join(dir, 'against.db') },
];
for (const s of sides) if (!existsSync(s.db)) copyFileSync(db, s.db);

async function run(side: Side): Promise<{ wallS: number; cpuS: number }> {
  const env = { ...process.env, INTERDICT_DB: side.db, INTERDICT_NO_BUNDLED: '1', INTERDICT_FROM_SOURCE: '' };
  const started = performance.now();
  const stderr = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [side.bin, 'screen', '--input', input, '--output', join(dir, `${side.name}.jsonl`)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(text) : fail(new Error(`${side.name}: interdict screen exited ${code}: ${text}`))));
  });
  const wallS = (performance.now() - started) / 1000;
  const cpu = /process CPU ([\d.]+) s/.exec(stderr);
  if (!cpu) throw new Error(`no summary from interdict screen: ${stderr}`);
  return { wallS, cpuS: Number(cpu[1]) };
}

const cores = availableParallelism();
const fmt = (r: { wallS: number; cpuS: number }) =>
  `${Math.round(ROWS / r.wallS).toLocaleString('en')} rows/s, wall ${r.wallS.toFixed(2)} s, CPU ${r.cpuS.toFixed(2)} s, idle ${(r.wallS - r.cpuS / cores).toFixed(2)} s`;
for (const s of sides) log(`${s.name} (first run, saves its index): ${fmt(await run(s))}`);
const results = new Map<string, { wallS: number; cpuS: number }[]>(sides.map((s) => [s.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const s of round % 2 ? sides : [...sides].reverse()) {
    const load = loadavg()[0].toFixed(1);
    const r = await run(s);
    results.get(s.name)!.push(r);
    log(`round ${round} ${s.name}: ${fmt(r)} (load ${load})`);
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const s of sides) {
  const rs = results.get(s.name)!;
  console.log(`${s.name}: ${fmt({ wallS: mean(rs.map((r) => r.wallS)), cpuS: mean(rs.map((r) => r.cpuS)) })} (mean of ${rs.length})`);
}
