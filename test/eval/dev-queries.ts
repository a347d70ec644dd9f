// Runs a screening query file (like dprk_russia_dev.csv) against the OFAC SDN list in process and
// prints top-1 accuracy for positives and marks on negatives.
//   node --import tsx test/eval/dev-queries.ts [FILE]
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadSdn, MiniIndex } from './lists.ts';

const file = (process.argv[2]?.startsWith('--') ? undefined : process.argv[2]) ?? new URL('./dprk_russia_dev.csv', import.meta.url).pathname;
const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
let t0 = performance.now();
const index = new MiniIndex(loadSdn());
console.log(`index of ${index.entities.length} entities in ${(performance.now() - t0).toFixed(0)} ms`);
let ok = 0, pos = 0, neg = 0, marked = 0;
t0 = performance.now();
for (const r of rows) {
  const props: Record<string, string[]> = { name: [r.name] };
  if (r.birth_date) props.birthDate = [r.birth_date];
  if (r.nationality) props.nationality = [r.nationality];
  if (r.imo) props.imoNumber = [r.imo];
  const hits = index.search({ schema: r.schema, properties: props });
  const top = hits[0];
  if (r.kind === 'pos') {
    pos++;
    const hit = top && top.result.match && r.expected.split(';').includes(top.entity.id);
    if (hit) ok++;
    else console.log(`MISS ${r.qid} ${r.name} -> ${top ? `${top.entity.properties.name[0]} (${top.entity.id}) ${top.result.score}` : 'nothing'}; expected ${r.expected}`);
  } else {
    neg++;
    const m = hits.find((h) => h.result.match);
    if (m) {
      marked++;
      console.log(`MARKED ${r.qid} ${r.name} -> ${m.entity.properties.name[0]} ${m.result.score}`);
    }
  }
}
console.log(`top-1 ${ok}/${pos}; negatives marked ${marked}/${neg}; ${((performance.now() - t0) / rows.length).toFixed(2)} ms/query`);
