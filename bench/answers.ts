// bench:answers: the answers issue 18 asks to come quickly, measured rather than asserted.
//   npm run bench:answers
// Imports OFAC SDN 2021-07-07 (test fixture) and then the bundled lists (OFAC 2023-12-28 among them)
// into a throwaway SQLite store, then prints CPU and wall time of: the first page of the diff
// 2021-07-07 → 2023-12-28 (targets first, in process, as the route computes it), and `interdict paths`
// and `interdict exposure` by name as a user runs them (child processes of the build in dist/, the
// first run saving the graph snapshot, the next ones reading it). Child CPU comes from /usr/bin/time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundled } from '../src/ingest/bundled.ts';
import { importWith, withDefaultPublished } from '../src/ingest/import.ts';
import { parserByFormat } from '../src/ingest/registry.ts';
import { schemaIsA } from '../src/model/ftm.ts';
import { pageOfDiff } from '../src/store/diff.ts';
import { openStore } from '../src/store/open.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const log = (m: string) => process.stderr.write(`${m}\n`);
const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

interface Timed { wallS: number; cpuS: number | null }

/** The CLI (dist/) with its CPU time as /usr/bin/time reports it. */
function cli(db: string, args: string[]): Timed {
  const env = { ...process.env, INTERDICT_DB: db, INTERDICT_NO_BUNDLED: '1', INTERDICT_FROM_SOURCE: '' };
  const bin = join(ROOT, 'bin/interdict.js');
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, bin, ...args], { env, encoding: 'utf8' })
    : spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  const wallS = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`interdict ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wallS, cpuS: m ? Number(m[1]) + Number(m[2]) : null };
}

const fmt = (t: Timed) => `${t.wallS.toFixed(2)} s wall, ${t.cpuS === null ? '?' : t.cpuS.toFixed(2)} CPU-s`;

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is not built: npm run build:server');
  const tmp = mkdtempSync(join(tmpdir(), 'interdict-bench-answers-'));
  const db = join(tmp, 'bench.db');
  try {
    const store = await openStore({ databaseUrl: null, sqlitePath: db });
    const sdn2021 = ['sdn', 'add', 'alt', 'sdn_comments'].map((f) => join(ROOT, 'test/fixtures/ofac_sdn/2021-07-07', `${f}.csv`));
    await importWith(store, withDefaultPublished(parserByFormat('ofac-sdn-csv'), '2021-07-07'), sdn2021);
    await loadBundled(store, log);

    // The first diff page, as GET /datasets/us_ofac_sdn/diff answers it (the import kept the comparison), then one more page.
    const cpu = process.cpuUsage();
    let started = performance.now();
    const diff = await store.diff('us_ofac_sdn');
    const diffCpuS = cpuS(process.cpuUsage(cpu));
    const page = pageOfDiff(diff, { offset: 0, limit: 50 }, schemaIsA);
    const first: Timed = { wallS: (performance.now() - started) / 1000, cpuS: cpuS(process.cpuUsage(cpu)) };
    const cpu2 = process.cpuUsage();
    started = performance.now();
    pageOfDiff(diff, { schema: 'Person', offset: 50, limit: 50 }, schemaIsA);
    const next: Timed = { wallS: (performance.now() - started) / 1000, cpuS: cpuS(process.cpuUsage(cpu2)) };
    log(`diff ${diff.from.version} → ${diff.to.version}: ${page.total} changes; first page ${fmt(first)}`);
    await store.close();

    const pathArgs = ['paths', 'us-ofac-sdn-44294', 'Yevgeniy Prigozhin'];
    const exposureArgs = ['exposure', 'ashot mkrtychev'];
    const paths = [cli(db, pathArgs), cli(db, pathArgs), cli(db, pathArgs)];
    const exposure = [cli(db, exposureArgs), cli(db, exposureArgs)];
    const help = cli(db, ['--help']);
    const rows: [string, string, string][] = [
      [`Diff us_ofac_sdn ${diff.from.version} → ${diff.to.version} (${page.total} changes), first page of 50, in process`, `${fmt(first)} (of which the store's diff ${diffCpuS.toFixed(2)} CPU-s, the page the rest)`, '≤ 1 s'],
      ['The same diff, a later page filtered by schema (diff kept)', fmt(next), ''],
      [`\`interdict ${pathArgs.join(' ')}\` (by name), first run (builds and saves the graph)`, fmt(paths[0]), ''],
      ['The same, graph snapshot saved (two runs)', `${fmt(paths[1])}; ${fmt(paths[2])}`, '≤ 2 s'],
      [`\`interdict ${exposureArgs.join(' ')}\` (by name), graph snapshot saved`, fmt(exposure[1]), '≤ 2 s'],
      ['`interdict --help` (start of the CLI alone)', fmt(help), ''],
    ];
    console.log(`### Answers (bench:answers, ${new Date().toISOString().slice(0, 10)}, Node ${process.version})\n`);
    console.log('| Measure | Result | Target |');
    console.log('|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(`\nLoad average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
