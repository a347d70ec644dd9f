// Import of the whole bundled snapshot, first and later start of the server, each with its target.
// Baseline in the same run: parsing alone (no database), to show what the store adds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledSets, DATA_DIR } from '../src/ingest/bundled.ts';
import { parserByFormat } from '../src/ingest/registry.ts';
import { openStore } from '../src/store/open.ts';
import { machine, table, writeSection } from './report.ts';

const BIN = new URL('../bin/interdict.js', import.meta.url).pathname;

async function parseOnly(): Promise<{ ms: number; statements: number }> {
  const started = performance.now();
  let statements = 0;
  for (const set of bundledSets()) {
    const parser = parserByFormat(set.format);
    const ctx = { dataset: set.dataset, published: () => undefined, warn: () => undefined };
    for await (const _ of parser.parse(set.files.map((f) => join(DATA_DIR, f)), ctx)) statements++;
  }
  return { ms: performance.now() - started, statements };
}

/** Runs the real CLI in a child process and reports wall time and the child's peak RSS. */
function runChild(args: string[], env: Record<string, string>): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`interdict ${args.join(' ')} exited ${code}: ${err.slice(-500)}`));
      const kb = Number(err.trim().split('\n').pop());
      resolve({ ms: performance.now() - started, rssMb: kb / 1024 });
    });
  });
}

/** Starts `interdict serve` and times it to a healthy and to a ready server, with the stages it logs. */
async function timeStart(env: Record<string, string>): Promise<{ healthyMs: number; readyMs: number; stages: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  // "screening index built in 1156 ms", "graph built in 319 ms" (src/server/app.ts)
  const stages = () =>
    [...log.matchAll(/interdict: (screening index built|graph built) in (\d+) ms/g)]
      .map((m) => `${m[1].replace(" built", "")} ${(Number(m[2]) / 1000).toFixed(1)} s`)
      .join(', ');
  const waitFor = async (path: string) => {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        if (res.ok) return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 300_000) throw new Error(`no ${path} within 300 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    const healthyMs = await waitFor('/healthz');
    const readyMs = await waitFor('/readyz');
    return { healthyMs, readyMs, stages: stages() };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-import-'));
try {
  const baseline = await parseOnly();
  const files = bundledSets().flatMap((s) => s.files.map((f) => join(DATA_DIR, f)));
  // The CLI import of all files at once, as a user would run it (OFAC CSV dates come from bundled.json
  // only on first start, so this measures the work, not the dates).
  const imported = await runChild(['import', ...files], { INTERDICT_DB: join(dir, 'import.db') });
  const first = await timeStart({ INTERDICT_DB: join(dir, 'first.db') });
  const later = await timeStart({ INTERDICT_DB: join(dir, 'first.db') });
  // A judgement made with the CLI while the server is down (RIM Yong Hyok's OFAC record and the case
  // file's): the next start reads the indexes saved before it and redoes the targets it touches.
  await runChild(['judge', 'us_ofac_sdn:44294', 'case-dprk-russia-komid-syria-deputy-rep', 'same', '--reason', 'bench', '--author', 'bench'], { INTERDICT_DB: join(dir, 'first.db') });
  const afterJudgement = await timeStart({ INTERDICT_DB: join(dir, 'first.db') });
  // Analyst claims made while it is down (an alias on each of 20 OFAC entries, in a store opened here):
  // the next start reads the saved indexes back and reads those 20 entities again.
  const store = await openStore({ databaseUrl: null, sqlitePath: join(dir, 'first.db') });
  const claim = { sourceDocument: 'https://example.org/bench', evidenceGrade: 'reported' as const };
  await store.addStatements('analyst_notes', Array.from({ length: 20 }, (_, i) => ({ entityId: `us-ofac-sdn-${9345 + i}`, schema: 'LegalEntity', prop: 'alias', value: `Bench alias ${i}`, ...claim })), 'bench');
  await store.close();
  const afterEdits = await timeStart({ INTERDICT_DB: join(dir, 'first.db') });
  // Baseline: the same start with no saved index to bring up to date (what every judgement cost the next start before).
  await runChild(['judge', 'us_ofac_sdn:44294', 'case-dprk-russia-komid-syria-deputy-rep', 'undo', '--reason', 'bench', '--author', 'bench'], { INTERDICT_DB: join(dir, 'first.db') });
  rmSync(join(dir, 'first.db.cache'), { recursive: true, force: true });
  const rebuilt = await timeStart({ INTERDICT_DB: join(dir, 'first.db') });
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  writeSection(
    'import',
    `## Import and start (\`npm run bench:import\`)\n\nMachine: ${machine()}.\n\n` +
      table(
        ['measure', 'result', 'target'],
        [
          ['parse all bundled lists, no database (baseline)', `${s(baseline.ms)} (${baseline.statements.toLocaleString('en')} statements)`, ''],
          ['`interdict import` of the whole bundled snapshot', s(imported.ms), '≤ 15 s'],
          ['peak RSS of that import', `${imported.rssMb.toFixed(0)} MB`, '≤ 400 MB'],
          ['first `npm start` (empty database) to healthy', s(first.healthyMs), '≤ 20 s'],
          ['first start to ready (bundled lists imported, indexes built)', `${s(first.readyMs)} (${first.stages})`, ''],
          ['later start to healthy', s(later.healthyMs), '≤ 3 s'],
          ['later start to ready (indexes read back from their snapshots)', `${s(later.readyMs)} (${later.stages})`, '≤ 5 s'],
          ['later start to ready after `interdict judge` (the saved indexes, the judged targets redone)', `${s(afterJudgement.readyMs)} (${afterJudgement.stages})`, ''],
          ['later start to ready after analyst claims on 20 entities (the saved indexes, those entities read again)', `${s(afterEdits.readyMs)} (${afterEdits.stages})`, ''],
          ['the same start with no saved index (a full build: what a judgement or an edit cost the next start before)', `${s(rebuilt.readyMs)} (${rebuilt.stages})`, ''],
        ],
      ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
