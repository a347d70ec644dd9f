// Labelled pairs per kind of variation (issue 17, round 2), generated from the bundled OFAC SDN
// names: positives mangle a listed name the way the kind does; negatives pair the mangled name with
// another listed name of the same schema that shares its first word (hard) or a sound-alike surname.
// Prints precision, recall and F1 per kind. Run: node --import tsx test/eval/kinds.ts [--misses]
import { compareEntities } from '../../src/screening/compare.ts';
import { loadSdn } from './lists.ts';
import { natural, pick, rand, reseed, shuffle } from './mangle.ts';
import { SCRIPT_NAMES } from './script-names.ts';

reseed(17_2026);
const PER_KIND = 300;
const SHOW_MISSES = process.argv.includes('--misses');
const entities = loadSdn();
const people = entities.filter((e) => e.schema === 'Person').map((e) => natural(e.properties.name[0]));
const orgs = entities.filter((e) => e.schema === 'Organization').map((e) => e.properties.name[0]);

const reverse = (t: string) => [...t].reverse().join('');
function scrambleInside(t: string): string {
  // Keep the first letter (people read a word by its start), shuffle the rest until it differs.
  for (let i = 0; i < 5; i++) {
    const s = t[0] + shuffle([...t.slice(1)]).join('');
    if (s !== t) return s;
  }
  return reverse(t);
}
const LEGAL = /^(.*\S)\s+(LLC|LTD|GMBH|AG|INC|PLC|LIMITED)\.?$/i;
const camel = (n: string) => n.toLowerCase().split(/\s+/).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

type Kind = { name: string; schema: string; pool: string[]; make: (n: string) => string | undefined };
const KINDS: Kind[] = [
  { name: 'every word reversed', schema: 'Person', pool: people, make: (n) => (n.split(' ').some((t) => t.length >= 5) ? n.split(' ').map(reverse).join(' ') : undefined) },
  {
    name: 'letters shuffled in one word',
    schema: 'Person',
    pool: people,
    make: (n) => {
      const t = n.split(' ');
      const long = t.map((_, i) => i).filter((i) => t[i].length >= 6);
      if (!long.length) return undefined;
      const i = pick(long);
      t[i] = scrambleInside(t[i]);
      return t.join(' ');
    },
  },
  { name: 'legal form glued (SiemensAG)', schema: 'Organization', pool: orgs, make: (n) => (LEGAL.test(n) ? n.replace(LEGAL, (_m, a: string, b: string) => a + b) : undefined) },
  { name: 'words run together in CamelCase', schema: 'Organization', pool: orgs, make: (n) => (/^[A-Za-z ]+$/.test(n) && n.split(' ').length >= 2 && n.split(' ').length <= 4 ? camel(n) : undefined) },
];

function score(schema: string, a: string, b: string): boolean {
  return compareEntities({ schema, properties: { name: [a] } }, { schema, properties: { name: [b] } }).match;
}

for (const kind of KINDS) {
  let tp = 0, fn = 0, fp = 0, tn = 0;
  const byFirst = new Map<string, string[]>();
  for (const n of kind.pool) {
    const f = n.split(' ')[0].toLowerCase();
    (byFirst.get(f) ?? byFirst.set(f, []).get(f)!).push(n);
  }
  let made = 0;
  for (let tries = 0; made < PER_KIND && tries < PER_KIND * 50; tries++) {
    const n = pick(kind.pool);
    const m = kind.make(n);
    if (!m || m === n) continue;
    made++;
    if (score(kind.schema, m, n)) tp++;
    else {
      fn++;
      if (SHOW_MISSES) console.log(`  missed: ${m} ~ ${n}`);
    }
    // A hard negative: another listed name with the same first word (or any other when there is none).
    const siblings = (byFirst.get(n.split(' ')[0].toLowerCase()) ?? []).filter((o) => o.toLowerCase() !== n.toLowerCase());
    const other = siblings.length && rand() < 0.8 ? pick(siblings) : pick(kind.pool);
    if (other.toLowerCase() === n.toLowerCase()) continue;
    if (score(kind.schema, m, other)) {
      fp++;
      if (SHOW_MISSES) console.log(`  false match: ${m} ~ ${other}`);
    } else tn++;
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(`${kind.name.padEnd(34)} pairs ${String(tp + fn + fp + tn).padStart(4)}  P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}  (fp ${fp})`);
}

for (const [script, names] of Object.entries(SCRIPT_NAMES)) {
  let tp = 0, fn = 0, fp = 0, tn = 0;
  for (const [native, english] of names) {
    for (const [, other] of names) {
      const hit = score('Person', native, other);
      if (other === english) {
        if (hit) tp++;
        else fn++;
      } else if (hit) fp++;
      else tn++;
      if (SHOW_MISSES && hit !== (other === english)) console.log(`  ${hit ? 'false match' : 'missed'}: ${native} ~ ${other}`);
    }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(`${('script: ' + script).padEnd(34)} pairs ${String(tp + fn + fp + tn).padStart(4)}  P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}  (fp ${fp})`);
}
