// bench:batch-threads: from how many records a batch (an upload, a re-screen) is worth worker threads.
// Each batch of synthetic records (bench/monitor-records.ts, variants of OFAC 2023-12-28 names) is
// screened by monitoring's batch screener over the bundled OFAC list, in a fresh process running the
// compiled code (dist/, as `interdict` runs), three ways: as the product chooses (`live.batches()`),
// always in worker threads, and always in the main thread. Prints wall time and CPU-s of each.
//   npm run bench:batch-threads [-- --sizes 2000,5000,10000,20000 --rounds 2]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDistUnlessCurrent } from '../test/support/compiled.ts';
import { machine, table } from './report.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const OFAC_2023 = ['sdn.csv.gz', 'add.csv.gz', 'alt.csv.gz'].map((f) => join(ROOT, 'data/us_ofac_sdn/2023-12-28', f));
const MODES = { product: undefined, threads: 0, 'main thread': Number.MAX_SAFE_INTEGER } as const;
type Mode = keyof typeof MODES;

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);

if (args[0] === '--phase') await phase(args[1], args[2], args[3] as Mode);
else await main();

/** One batch in this process: the live screening read from `db`, then `queries` screened as `mode` says. */
async function phase(db: string, queriesFile: string, mode: Mode): Promise<void> {
  const dist = (path: string) => import(join(ROOT, 'dist', path));
  const { openStore } = (await dist('store/open.js')) as typeof import('../src/store/open.ts');
  const { liveScreening } = (await dist('monitor/service.js')) as typeof import('../src/monitor/service.ts');
  const store = await openStore({ databaseUrl: null, sqlitePath: db });
  try {
    const live = await liveScreening(store);
    const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as Parameters<ReturnType<typeof live.batches>['screen']>[0];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const batches = live.batches({ poolFrom: MODES[mode] });
    let hits = 0;
    try {
      const { results } = await batches.screen(queries);
      hits = results.filter((r) => r.some((hit) => hit.band !== 'clear')).length;
    } finally {
      await batches.close();
    }
    const used = process.cpuUsage(cpu);
    process.stdout.write(JSON.stringify({ wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, hits }) + '\n');
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const sizes = option('sizes', '2000,5000,10000,20000').split(',').map(Number);
  const rounds = Number(option('rounds', '2'));
  await buildDistUnlessCurrent();
  const { openStore } = await import('../src/store/open.ts');
  const { importFiles } = await import('../src/ingest/import.ts');
  const { collect, entitiesOf } = await import('../src/sources/collect.ts');
  const { ofacSdnCsv } = await import('../src/sources/ofac/csv.ts');
  const { syntheticRecords } = await import('./monitor-records.ts');
  const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-batch-'));
  try {
    const template = join(dir, 'lists.db');
    const store = await openStore({ databaseUrl: null, sqlitePath: template });
    await importFiles(store, OFAC_2023, { author: 'bench' });
    await store.close();
    const listed = [...entitiesOf((await collect(ofacSdnCsv, OFAC_2023)).statements).values()];
    process.stderr.write(`${machine()}; ${availableParallelism()} threads for a pool\n`);
    const rows: (string | number)[][] = [];
    for (const size of sizes) {
      const queriesFile = join(dir, `queries-${size}.json`);
      writeFileSync(queriesFile, JSON.stringify(syntheticRecords({ records: size, variants: 0.03, seed: 5 }, listed).map((r) => r.query)));
      const figures: Record<string, { wall: number; cpu: number; hits: number }[]> = {};
      // Rounds alternate the modes, so a machine that slows down slows all three.
      for (let round = 0; round < rounds; round++) {
        for (const mode of Object.keys(MODES) as Mode[]) {
          const db = join(dir, 'copy.db');
          copyFileSync(template, db);
          const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--phase', db, queriesFile, mode], { encoding: 'utf8' });
          if (run.status !== 0) throw new Error(`phase ${mode} at ${size} failed: ${run.stderr}`);
          (figures[mode] ??= []).push(JSON.parse(run.stdout.trim().split('\n').at(-1)!));
          rmSync(db, { force: true });
        }
      }
      const cell = (mode: Mode) => figures[mode].map((f) => `${f.wall.toFixed(2)} s (${f.cpu.toFixed(1)} CPU-s)`).join(', ');
      rows.push([size.toLocaleString('en'), cell('product'), cell('threads'), cell('main thread'), figures.product[0].hits]);
      process.stderr.write(`${size}: done\n`);
    }
    process.stdout.write(table(['records', 'as the product chooses', `worker threads (${availableParallelism()})`, 'main thread', 'records with a hit'], rows) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
