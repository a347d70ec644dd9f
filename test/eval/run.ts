// `npm run eval`: precision/recall/F1 per category on every labelled pairs set with the threshold
// sweep, the blocking recall of nameKeys, the DPRK/Russia development queries and the screening
// figures on the bundled lists; interdict-v2 beside interdict-v1, and each beside the previous
// matcher (the revision this branch left main at, unpacked by previous.ts), unless `--no-previous`.
// The labelled pairs are printed twice: all rows, then only those interdict-v2 was not trained on.
//   npm run eval [-- --no-previous] [-- --previous REV]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { previousRevision, unpackRevision } from './previous.ts';

const args = process.argv.slice(2);
const here = (f: string) => new URL(f, import.meta.url).pathname;
const revAt = args.indexOf('--previous');
const rev = args.includes('--no-previous') ? undefined : revAt >= 0 ? args[revAt + 1] : previousRevision();
const previous = rev ? unpackRevision(rev) : undefined;
if (rev) console.log(`previous matcher: ${rev.slice(0, 10)}`);

const PAIRS = ['./pairs.csv', './pairs_dev.csv', './name_pairs_dev.csv'].map(here);
const run = (script: string, extra: string[] = []) => spawnSync(process.execPath, ['--import', 'tsx', script, ...extra], { stdio: 'inherit' }).status ?? 1;
const steps: [string, () => number][] = [
  ['labelled pairs: own set, public dev set, nomenklatura dev half', () => run(here('./pairs-compare.ts'), [...PAIRS, ...(previous ? ['--previous', previous.root] : [])])],
  ['labelled pairs interdict-v2 was not trained on', () => run(here('./pairs-compare.ts'), ['--held-out', ...PAIRS, ...(previous ? ['--previous', previous.root] : [])])],
  ['kinds of variation from the lists (kinds.ts)', () => run(here('./kinds.ts'))],
  ["issue 17's held-out kinds, train and test sides (hard-kinds.ts)", () => run(here('./hard-kinds.ts'))],
  ['blocking recall of nameKeys', () => run(here('./keys-recall.ts'))],
  ['DPRK/Russia dev queries vs OFAC SDN', () => bothAlgorithms(here('./dev-queries.ts'))],
  ['mangled listed people and synthetic unlisted people', () => bothAlgorithms(here('./screen-eval.ts'), ['--n', '400'])],
  ['namesakes told apart by birth date or nationality', () => bothAlgorithms(here('./namesakes.ts'))],
];
function bothAlgorithms(script: string, extra: string[] = []): number {
  let status = 0;
  for (const algorithm of ['interdict-v2', 'interdict-v1']) {
    console.log(`-- ${algorithm}:`);
    status ||= run(script, [...extra, '--algorithm', algorithm]);
  }
  return status;
}
let failed = 0;
try {
  for (const [title, step] of steps) {
    console.log(`\n== ${title}`);
    if (step() !== 0) failed++;
    if (previous && !title.startsWith('labelled pairs')) {
      const script = /\(([\w-]+\.ts)\)/.exec(title)?.[1] ?? { 'blocking recall of nameKeys': 'keys-recall.ts', 'DPRK/Russia dev queries vs OFAC SDN': 'dev-queries.ts', 'namesakes told apart by birth date or nationality': 'namesakes.ts' }[title] ?? 'screen-eval.ts';
      // A set added since the previous revision: its script is copied into that tree, so it scores with the previous src/.
      const own = join(previous.root, 'test/eval', script);
      if (!existsSync(own)) copyFileSync(here(`./${script}`), own);
      console.log(`-- previous matcher:`);
      run(own, script === 'screen-eval.ts' ? ['--n', '400'] : []);
    }
  }
} finally {
  previous?.remove();
}
process.exit(failed ? 1 : 0);
