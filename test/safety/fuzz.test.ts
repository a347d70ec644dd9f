// Issue 10, checks: every parser gets mutated real list files (truncated at random offsets, bytes
// flipped, lines duplicated and dropped, gzip bytes broken) for a bounded time. Each must end in a
// valid import or a clear error naming the file; when the import fails, the live data is unchanged.
// The mutations come from a seeded generator, so a failure names a seed that reproduces it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, SourceError, ValidationError } from '../../src/model/errors.ts';
import { importFiles } from '../../src/ingest/import.ts';
import { PARSERS } from '../../src/ingest/registry.ts';
import { freshStore, type TestStore } from '../support/engines.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIX = join(ROOT, 'test/fixtures');
/** Total time for the mutations, all parsers together (the suite's budget is 20 s). */
const BUDGET_MS = Number(process.env.INTERDICT_FUZZ_MS ?? 12_000);
const SEED = Number(process.env.INTERDICT_FUZZ_SEED ?? 20261204);

/** One real file set per format; the first file of each is the one mutated. */
const SAMPLES: Record<string, string[]> = {
  'ofac-sdn-csv': ['sdn', 'add', 'alt'].map((f) => join(FIX, 'ofac_xml/csv_2023-12-28', `${f}.csv`)),
  'ofac-cons-csv': ['cons_prim', 'cons_add', 'cons_alt', 'cons_comments'].map((f) => join(ROOT, 'data/us_ofac_cons/2025-12-19', `${f}.csv.gz`)),
  'ofac-sdn-xml': [join(FIX, 'ofac_xml/sdn_2023_subset.xml')],
  'ofac-sdn-advanced-xml': [join(FIX, 'ofac_xml/sdn_advanced_sample.xml')],
  'un-sc-xml': [join(FIX, 'un_sc/samples/sample_unsc.xml')],
  'eu-fsf-xml': [join(FIX, 'eu_extra/sample_eu_unique.xml')],
  'eu-fsf-csv': [join(FIX, 'eu_extra/clean_utf8.csv')],
  'uk-ofsi-csv': [join(FIX, 'uk_hmt_ofsi/samples/sample_hmt.csv')],
  'uk-fcdo-csv': [join(FIX, 'uk_extra/UK-Sanctions-List-sample.csv')],
  'interdict-case-csv': [join(ROOT, 'data/case_dprk_russia/statements.csv'), join(ROOT, 'data/case_dprk_russia/transfers.csv')],
  'arms-transfers-csv': [join(ROOT, 'data/case_dprk_russia/transfers.csv')],
  'statements-csv': [join(FIX, 'statements/claims-sample.csv')],
  'ftm-json': [join(FIX, 'opensanctions_ftm/yente_t1/entities.ftm.json')],
  'ftm-delta': ['delta-head.delta.json'], // the first lines of the OpenSanctions delta fixture, written below
};

/** Mulberry32: small, seeded, good enough to choose offsets. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;
const lines = (b: Buffer) => b.toString('latin1').split('\n');
const joined = (l: string[]) => Buffer.from(l.join('\n'), 'latin1');
const at = (n: number, rnd: () => number) => Math.floor(rnd() * n);
const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, rnd) => b.subarray(0, at(b.length, rnd)),
  'flip bytes': (b, rnd) => {
    const out = Buffer.from(b);
    for (let i = 0, n = 1 + at(8, rnd); i < n; i++) out[at(out.length, rnd)] ^= 1 << at(8, rnd);
    return out;
  },
  'duplicate a line': (b, rnd) => {
    const l = lines(b);
    const i = at(l.length, rnd);
    l.splice(i, 0, l[i]);
    return joined(l);
  },
  'drop a line': (b, rnd) => {
    const l = lines(b);
    l.splice(at(l.length, rnd), 1);
    return joined(l);
  },
  'cut at a line boundary': (b, rnd) => {
    const l = lines(b);
    return joined(l.slice(0, at(l.length, rnd)));
  },
};

let dir: string;
let t: TestStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interdict-fuzz-'));
  const delta = readFileSync(join(FIX, 'opensanctions_ftm/yente_delta/entities.delta.json'), 'utf8').split('\n').slice(0, 20).join('\n') + '\n';
  writeFileSync(join(dir, 'delta-head.delta.json'), delta);
  SAMPLES['ftm-delta'] = [join(dir, 'delta-head.delta.json')];
  t = await freshStore('sqlite');
  // A live version of every dataset first, so a bad import has something to leave alone.
  for (const [format, files] of Object.entries(SAMPLES)) {
    if (format === 'ftm-delta') continue;
    await importFiles(t.store, files, { format, dataset: datasetFor(format), allowShrink: true });
  }
  await importFiles(t.store, SAMPLES['ftm-json'], { format: 'ftm-json', dataset: datasetFor('ftm-delta') });
}, 120_000);

afterAll(async () => {
  await t?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const datasetFor = (format: string) => `fuzz_${format.replace(/-/g, '_')}`;

describe('fuzz: mutated list files through every parser', () => {
  it('every parser is covered', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(PARSERS.map((p) => p.format).sort());
  });

  it(`ends each mutated import in a valid version or a clear error, the live data unchanged on error (${BUDGET_MS} ms)`, async () => {
    const rnd = random(SEED);
    const deadline = Date.now() + BUDGET_MS;
    const tally: Record<string, { ok: number; refused: number }> = {};
    const formats = Object.keys(SAMPLES);
    const mutations = Object.entries(MUTATIONS);
    for (let round = 0; Date.now() < deadline; round++) {
      const format = formats[round % formats.length];
      const [name, mutate] = mutations[at(mutations.length, rnd)];
      const [first, ...rest] = SAMPLES[format];
      const path = join(dir, `${round}-${basename(first)}`);
      writeFileSync(path, mutate(readFileSync(first), rnd));
      const what = `round ${round} (seed ${SEED}): ${format}, ${name} of ${basename(first)}`;
      const before = await t.store.liveVersions();
      const error = await importFiles(t.store, [path, ...rest], { format, dataset: datasetFor(format), allowShrink: round % 2 === 0 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const count = (tally[format] ??= { ok: 0, refused: 0 });
      if (!error) {
        count.ok++;
        continue;
      }
      count.refused++;
      // A clear error: one of the domain's, naming the file it is about (or, for the shrink guard, the dataset).
      expect([SourceError, ConflictError, ValidationError].some((E) => error instanceof E), `${what}: ${String(error)}`).toBe(true);
      const message = (error as Error).message;
      if (error instanceof SourceError) expect(message, what).toMatch(new RegExp(`^(${basename(path).replace(/\.gz$/, '')}|${rest.map((r) => basename(r).replace(/\.gz$/, '')).join('|') || '-'}|[^:]*${format.split('-')[0]})`, 'i'));
      expect(await t.store.liveVersions(), what).toEqual(before);
    }
    const rounds = Object.values(tally).reduce((n, c) => n + c.ok + c.refused, 0);
    expect(rounds).toBeGreaterThan(formats.length);
    console.log(`fuzz: ${rounds} mutated imports; per format valid/refused: ${Object.entries(tally).map(([f, c]) => `${f} ${c.ok}/${c.refused}`).join(', ')}`);
  }, 60_000);
});
