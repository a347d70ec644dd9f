// bench:judgements: the time from POST /judgements to /match answering with the new target, and the
// CPU this process spent meanwhile, with the screening index taking in just the targets a judgement
// touches (now) and with a full rebuild (`--rebuild`: as before, the index rebuilt on every judgement).
//   npm run bench:judgements [-- --rebuild]
// A private copy of the bundled lists database with the shipped judgements, served by the app as
// `interdict serve` does; each run merges two records no judgement joins and asks /match every 20 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { loadShippedJudgements } from '../src/resolve/shipped.ts';
import { buildApp } from '../src/server/app.ts';
import { ScreeningService } from '../src/screening/service.ts';
import { openStore } from '../src/store/open.ts';
import { buildBundledDb, copyOfBundledDb } from '../test/support/bundled-db.ts';
import { authHeaders } from '../test/support/credentials.ts';

const REBUILD = process.argv.includes('--rebuild');
// Branches OFAC lists as entries of their own: merged here only to time a judgement.
const PAIRS = [
  { left: 'us-ofac-sdn-7637', right: 'us-ofac-sdn-7638', name: 'AL-AQSA FOUNDATION', schema: 'Organization' },
  { left: 'us-ofac-sdn-8107', right: 'us-ofac-sdn-8108', name: 'AL-HARAMAIN FOUNDATION', schema: 'Organization' },
];
const log = (m: string) => process.stderr.write(`${m}\n`);

if (REBUILD) {
  // What a judgement did before: the whole index rebuilt.
  ScreeningService.prototype.retarget = function (this: ScreeningService) {
    this.refresh();
  };
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'interdict-bench-judgements-'));
  const sqlitePath = copyOfBundledDb(await buildBundledDb(), join(tmp, 'bench.db'));
  const config = { ...loadConfig({}), sqlitePath, databaseUrl: null, loadBundled: false };
  const seed = await openStore(config);
  await loadShippedJudgements(seed);
  await seed.close();
  const store = await openStore(config);
  const { app, prepare } = await buildApp(config, store, { logger: false });
  try {
    await prepare();
    const analyst = await authHeaders(store, 'analyst');
    const figures = [];
    for (const pair of PAIRS) {
      const referents = [pair.left, pair.right].map((id) => id.replace(/^us-ofac-sdn-/, 'us_ofac_sdn:'));
      const merged = async () => {
        const res = await app.inject({ method: 'POST', url: '/match/default', headers: analyst, payload: { queries: { q: { schema: pair.schema, properties: { name: [pair.name] } } } } });
        return (res.json().responses.q.results as { referents: string[] }[]).some((r) => referents.every((x) => r.referents.includes(x)));
      };
      if (await merged()) throw new Error(`${pair.left} and ${pair.right} are one target already`);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const posted = await app.inject({ method: 'POST', url: '/judgements', headers: analyst, payload: { left: pair.left, right: pair.right, judgement: 'same', reason: 'bench:judgements' } });
      if (posted.statusCode >= 300) throw new Error(`POST /judgements: ${posted.statusCode} ${posted.body}`);
      let asks = 0;
      while (!(await merged())) {
        asks++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const used = process.cpuUsage(cpu);
      const figure = { pair: `${pair.left} + ${pair.right}`, newAnswerMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), asks };
      log(`${REBUILD ? 'rebuild' : 'incremental'}: ${JSON.stringify(figure)}`);
      figures.push(figure);
    }
    console.log(JSON.stringify({ mode: REBUILD ? 'rebuild' : 'incremental', figures }));
  } finally {
    await app.close();
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
