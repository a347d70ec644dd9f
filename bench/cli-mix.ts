// The input bench:screen gives `interdict screen`: the mix a customer file is (90 % synthetic people on
// no list, seed 5; 10 % mangled list names, seed 9; rows drawn with seed 3), as a CSV.
import { writeFileSync } from 'node:fs';
import type { FtmEntity } from '../src/model/entity.ts';
import { labelledQueries, seededRandom, syntheticPeople } from '../test/screening/helpers/evaluation.ts';

export function writeMixCsv(file: string, entities: FtmEntity[], rows: number): void {
  const people = syntheticPeople(rows, 5);
  const listed = labelledQueries(entities, rows / 10, 9).map((l) => l.query);
  const random = seededRandom(3);
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['id,schema,name,birth_date'];
  for (let i = 0, p = 0, l = 0; i < rows; i++) {
    const q = random() < 0.1 && l < listed.length ? listed[l++] : people[p++];
    lines.push([`r${i}`, q.schema, q.properties.name[0], q.properties.birthDate?.[0] ?? ''].map(cell).join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
