// Ranking among namesakes (issue 17): listed people of one list who share a name (or an alias)
// but not a birth date or nationality. The query gives that name (as listed, or mangled) with one
// entry's details; the top result must be that entry, and marked a match. Prints top-1 per kind of
// detail for the algorithm asked for (default: the default matcher).
//   node --import tsx test/eval/namesakes.ts [--algorithm interdict-v2] [--misses]
import { normalizeName } from '../../src/names/normalize.ts';
import { loadSdn, loadUnPeople, MiniIndex, type ListedEntity } from './lists.ts';
import { mangle, natural, pick, reseed } from './mangle.ts';

reseed(17_4001);
const SHOW_MISSES = process.argv.includes('--misses');
const people = [...loadSdn(), ...loadUnPeople()].filter((e) => e.schema === 'Person');
const index = new MiniIndex(people);
const key = (n: string) => normalizeName(natural(n)).split(' ').sort().join(' ');
const list = (e: ListedEntity) => (e.id.startsWith('un:') ? 'un' : 'ofac');

// Namesake groups: entries of one list sharing a normalised name.
const groups = new Map<string, { name: string; entities: ListedEntity[] }>();
for (const e of people) {
  for (const n of new Set([e.properties.name[0], ...(e.properties.alias ?? [])].map(natural))) {
    const k = `${list(e)}|${key(n)}`;
    if (key(n).split(' ').length < 2) continue;
    const g = groups.get(k) ?? groups.set(k, { name: n, entities: [] }).get(k)!;
    if (!g.entities.includes(e)) g.entities.push(e);
  }
}
const dob = (e: ListedEntity) => e.properties.birthDate?.map((d) => d.replace(/^circa /, '')).find((d) => /^\d{4}/.test(d));
const nat = (e: ListedEntity) => e.properties.nationality?.[0]?.replace(/\.$/, '');

type Case = { label: string; details: (e: ListedEntity) => Record<string, string[]> | undefined; tells: (e: ListedEntity, o: ListedEntity) => boolean };
const CASES: Case[] = [
  { label: 'birth date', details: (e) => (dob(e) ? { birthDate: [dob(e)!] } : undefined), tells: (e, o) => !!dob(e) && dob(e) !== dob(o) },
  { label: 'birth year', details: (e) => (dob(e) ? { birthDate: [dob(e)!.slice(0, 4)] } : undefined), tells: (e, o) => !!dob(e) && !!dob(o) && dob(e)!.slice(0, 4) !== dob(o)!.slice(0, 4) },
  { label: 'nationality', details: (e) => (nat(e) ? { nationality: [nat(e)!] } : undefined), tells: (e, o) => !!nat(e) && !!nat(o) && nat(e) !== nat(o) },
];

for (const c of CASES) {
  for (const mangled of [false, true]) {
    let right = 0;
    let total = 0;
    for (const g of groups.values()) {
      if (g.entities.length < 2) continue;
      for (const e of g.entities) {
        const details = c.details(e);
        if (!details || !g.entities.some((o) => o !== e && c.tells(e, o))) continue;
        const name = mangled ? mangle(g.name, 'Person')?.text : g.name;
        if (!name) continue;
        total++;
        const top = index.search({ schema: 'Person', properties: { name: [name], ...details } }, 3)[0];
        // The same person on the other list (same name and detail) is a right answer too.
        const twin = top && list(top.entity) !== list(e) && key(top.entity.properties.name[0]) === key(e.properties.name[0]);
        if (top && (top.entity === e || twin) && top.result.match) right++;
        else if (SHOW_MISSES) console.log(`  miss: ${name} ${JSON.stringify(details)} -> ${top ? `${top.entity.id} ${top.result.score} ${JSON.stringify(pick([top.entity.properties.birthDate ?? [], top.entity.properties.nationality ?? []]))}` : 'nothing'}; wanted ${e.id}`);
      }
    }
    console.log(`namesakes told apart by ${c.label}${mangled ? ', name mangled' : ''}: top-1 and marked ${right}/${total} = ${((100 * right) / (total || 1)).toFixed(1)}%`);
  }
}
