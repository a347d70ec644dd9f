// `npm run eval`: precision/recall/F1 per category for the labelled pairs, the blocking recall of
// nameKeys, the DPRK/Russia development queries and the screening figures on the bundled lists.
import { spawnSync } from 'node:child_process';

const here = (f: string) => new URL(f, import.meta.url).pathname;
const steps: [string, string[]][] = [
  ['labelled pairs (own set)', [here('./pairs.ts'), here('./pairs.csv')]],
  ['labelled pairs (public dev set)', [here('./pairs.ts'), here('./pairs_dev.csv'), '--misses']],
  ['blocking recall of nameKeys', [here('./keys-recall.ts')]],
  ['DPRK/Russia dev queries vs OFAC SDN', [here('./dev-queries.ts')]],
  ['mangled listed people and synthetic unlisted people', [here('./screen-eval.ts'), '--n', '400']],
];
let failed = 0;
for (const [title, args] of steps) {
  console.log(`\n== ${title}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
