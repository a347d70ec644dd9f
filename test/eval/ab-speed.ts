// CPU per query of the matcher (blocking + compareEntities, one thread) on synthetic people on no
// list, the slow case of a customer file; run from this tree and from the previous one
// (previous.ts) to compare revisions in process. Run: node --import tsx test/eval/ab-speed.ts [--n 3000]
import { COMMON_GIVEN_NAMES, COMMON_SURNAMES } from '../screening/helpers/evaluation.ts';
import { loadSdn, loadUnPeople, MiniIndex } from './lists.ts';
import { pick, reseed } from './mangle.ts';

const n = Number(process.argv[process.argv.indexOf('--n') + 1]) || 3000;
const index = new MiniIndex([...loadSdn(), ...loadUnPeople()]);
reseed(11);
const queries = Array.from({ length: n }, () => ({ schema: 'Person', properties: { name: [`${pick(COMMON_GIVEN_NAMES)} ${pick(COMMON_SURNAMES)}`] } }));
for (const q of queries.slice(0, 500)) index.search(q, 3); // warm-up
const rounds: number[] = [];
for (let r = 0; r < 3; r++) {
  const c0 = process.cpuUsage();
  for (const q of queries) index.search(q, 3);
  const c = process.cpuUsage(c0);
  rounds.push((c.user + c.system) / n);
}
console.log(`CPU µs a query (${n} synthetic people, 3 rounds): ${rounds.map((x) => x.toFixed(0)).join(', ')}; best ${Math.min(...rounds).toFixed(0)}`);
