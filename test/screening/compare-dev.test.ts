// The public DPRK/Russia development queries, screened in process against the bundled OFAC SDN
// list (2023-12-28) with a simple nameKeys blocking index: every positive must have the expected
// entity on top and marked; no negative may be marked.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSdn, MiniIndex } from '../eval/lists.ts';

const rows = parse(readFileSync(new URL('../eval/dprk_russia_dev.csv', import.meta.url), 'utf8'), { columns: true }) as Record<string, string>[];
let index: MiniIndex;

beforeAll(() => {
  index = new MiniIndex(loadSdn());
});

function query(r: Record<string, string>) {
  const properties: Record<string, string[]> = { name: [r.name] };
  if (r.birth_date) properties.birthDate = [r.birth_date];
  if (r.nationality) properties.nationality = [r.nationality];
  if (r.imo) properties.imoNumber = [r.imo];
  return { schema: r.schema, properties };
}

describe('dprk_russia_dev.csv against OFAC SDN', () => {
  it.each(rows.filter((r) => r.kind === 'pos').map((r) => [r.qid, r.name, r] as const))('%s %s → the expected entity on top, marked', (_qid, _name, r) => {
    const top = index.search(query(r), 3)[0];
    expect(top?.result.match).toBe(true);
    expect(r.expected.split(';')).toContain(top.entity.id);
  });
  it.each(rows.filter((r) => r.kind === 'neg').map((r) => [r.qid, r.name, r] as const))('%s %s → nothing marked', (_qid, _name, r) => {
    const marked = index.search(query(r), 5).filter((h) => h.result.match);
    expect(marked.map((h) => `${h.entity.properties.name[0]} ${h.result.score}`)).toEqual([]);
  });
});
