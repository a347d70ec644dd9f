// `interdict screen` end to end, two builds alternated, for A/B runs on a shared machine:
//   node --import tsx bench/screen-cli.ts --against /work/main [--this DIR] [--rows 60000] [--rounds 3] [--dir DIR]
// Runs this checkout's bin/ and dist/ (or --this: a copy of them beside a node_modules, so a build
// during the run changes nothing) and those of --against (a checkout with a built dist/) on the
// mix bench:screen writes (cli-mix.ts), each with its saved index (a first run per build saves it),
// in the order A B A B…; prints each run's wall time, process CPU (as the CLI reports it) and
// idle = wall − CPU / cores: the time a core had nothing to do (on a quiet machine; under load, wall
// time is mostly the other processes'), and the threads' serial CPU, sampled (sampleThreads), which
// estimates it under load too. DIR keeps the database and the mix between invocations (default: a temporary one).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
  { name: 'this', bin: arg('this') ? join(resolve(arg('this')!), 'bin/interdict.js') : fileURLToPath(new URL('../bin/interdict.js', import.meta.url)), db: join(dir, 'this.db') },
  { name: 'against', bin: join(resolve(against), 'bin/interdict.js'), db: join(dir, 'against.db') },
];
for (const s of sides) if (!existsSync(s.db)) copyFileSync(db, s.db);

/**
 * Samples the threads of process `pid` (Linux /proc) until stopped: `serialS`, the CPU its threads used
 * while only one of them could run, and `stalledS`, the time none could. On a quiet machine idle ≈
 * serialS / 2 + stalledS on two cores; unlike wall time, both hardly move with other processes' load
 * (a thread waiting for a core still counts as able to run).
 */
function sampleThreads(pid: number): () => { serialS: number; stalledS: number } {
  const exec = new Map<string, number>();
  let serialNs = 0;
  let stalledMs = 0;
  let last = performance.now();
  const sample = () => {
    let runnable = 0;
    let used = 0;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return; // exited
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        if (stat[stat.lastIndexOf(')') + 2] === 'R') runnable++;
        const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
        used += ns - (exec.get(tid) ?? ns);
        exec.set(tid, ns);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    const now = performance.now();
    if (runnable === 1) serialNs += used;
    if (runnable === 0) stalledMs += now - last;
    last = now;
  };
  const timer = setInterval(sample, 5);
  return () => {
    clearInterval(timer);
    return { serialS: serialNs / 1e9, stalledS: stalledMs / 1000 };
  };
}

async function run(side: Side): Promise<{ wallS: number; cpuS: number; serialS: number; stalledS: number }> {
  const env = { ...process.env, INTERDICT_DB: side.db, INTERDICT_NO_BUNDLED: '1', INTERDICT_FROM_SOURCE: '' };
  const started = performance.now();
  let threads = { serialS: 0, stalledS: 0 };
  const stderr = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [side.bin, 'screen', '--input', input, '--output', join(dir, `${side.name}.jsonl`)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const sampled = sampleThreads(child.pid!);
    let text = '';
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      threads = sampled();
      if (code === 0) done(text);
      else fail(new Error(`${side.name}: interdict screen exited ${code}: ${text}`));
    });
  });
  const wallS = (performance.now() - started) / 1000;
  const cpu = /process CPU ([\d.]+) s/.exec(stderr);
  if (!cpu) throw new Error(`no summary from interdict screen: ${stderr}`);
  return { wallS, cpuS: Number(cpu[1]), ...threads };
}

const cores = availableParallelism();
type Run = Awaited<ReturnType<typeof run>>;
const fmt = (r: Run) =>
  `${Math.round(ROWS / r.wallS).toLocaleString('en')} rows/s, wall ${r.wallS.toFixed(2)} s, CPU ${r.cpuS.toFixed(2)} s, idle ${(r.wallS - r.cpuS / cores).toFixed(2)} s; ` +
  `serial CPU ${r.serialS.toFixed(2)} s, none runnable ${r.stalledS.toFixed(2)} s`;
for (const s of sides) log(`${s.name} (first run, saves its index): ${fmt(await run(s))}`);
const results = new Map<string, Run[]>(sides.map((s) => [s.name, []]));
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
  const avg = (k: keyof Run) => mean(rs.map((r) => r[k]));
  console.log(`${s.name}: ${fmt({ wallS: avg('wallS'), cpuS: avg('cpuS'), serialS: avg('serialS'), stalledS: avg('stalledS') })} (mean of ${rs.length})`);
}
