// Prepared names saved beside a batch's index (prepared-bytes.ts, index-snapshot.ts): worker threads
// that read them back, in fresh threads whose name caches are empty, answer exactly as threads that
// prepare every name themselves; the saved forms are what they use (a tampered one changes the
// answer); and `interdict screen` saves them after a large batch and reads them on the next run.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CandidateIndex, type PackedPrepared } from '../../src/screening/candidate-index.ts';
import type { PreparedCandidate } from '../../src/screening/compare.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { parseDates } from '../../src/screening/features/dates.ts';
import { indexToBytes, preparedToBytes } from '../../src/screening/index-snapshot.ts';
import { ScreeningPool } from '../../src/screening/pool.ts';
import type { QueryEntity } from '../../src/screening/query.ts';
import { copyOfBundledDb } from '../support/bundled-db.ts';
import { runCli } from '../support/cli.ts';
import { ofacSdnEntities } from './helpers/ofac.ts';
import { tempDirForTest } from '../support/temp-dir.ts';

/** Listed names as given, mangled (lower case, words reversed, a letter dropped) and with other details, and names on no list. */
function queriesFor(entities: { schema: string; properties: Record<string, string[]> }[]): QueryEntity[] {
  const out: QueryEntity[] = [];
  entities.forEach((e, i) => {
    const name = e.properties.name?.[0];
    if (!name) return;
    const words = name.replace(/,/g, '').split(/\s+/);
    const variant = [name, name.toLowerCase(), [...words].reverse().join(' '), words.map((w) => (w.length > 5 ? w.slice(0, 2) + w.slice(3) : w)).join(' ')][i % 4];
    const properties: Record<string, string[]> = { name: [variant] };
    if (i % 3 === 0 && e.properties.birthDate) properties.birthDate = e.properties.birthDate;
    if (i % 5 === 0) properties.country = ['kp'];
    out.push({ id: `q${i}`, schema: e.schema === 'Person' || e.schema === 'Vessel' ? e.schema : 'Company', properties });
    if (i % 2 === 0) out.push({ id: `u${i}`, schema: 'Person', properties: { name: [`${words[0]} Smithfield ${i}`] } });
  });
  return out;
}

async function screenAll(pool: ScreeningPool, queries: QueryEntity[]): Promise<string[]> {
  const texts: string[] = new Array(queries.length);
  try {
    await pool.screen(queries, { limit: 5, threshold: matcherEngine.defaultThreshold }, undefined, { onResult: (at, r) => (texts[at] = r.json) });
  } finally {
    await pool.close();
  }
  return texts;
}

describe('prepared names saved with an index', () => {
  it('read back in fresh worker threads give the same answers as preparing, and are what the threads use', async () => {
    // Every twelfth listed entity: Korean, Russian, Arabic, Chinese and Latin American names, companies and vessels.
    const entities = (await ofacSdnEntities()).filter((_e, i) => i % 12 === 0);
    const index = CandidateIndex.build(entities, matcherEngine);
    for (let slot = 0; slot < index.size; slot++) index.preparedAt(slot);
    const packed = index.packPrepared();
    expect(packed.slots.length).toBe(index.size);
    const snapshot = indexToBytes(index);
    const queries = queriesFor(index.entities);
    expect(queries.length).toBeGreaterThan(1500);

    const prepared = await screenAll(await ScreeningPool.start(snapshot, 2), queries);
    const read = await screenAll(await ScreeningPool.start({ snapshot, prepared: preparedToBytes(packed) }, 2), queries);
    expect(read).toEqual(prepared);
    expect(prepared.filter((t) => t.includes('"band":"match"')).length).toBeGreaterThan(300);

    // The same forms with one entity's birth date changed: the threads answer by the saved form.
    const slot = index.entities.findIndex((e) => e.schema === 'Person' && e.properties.birthDate?.length === 1 && e.properties.name?.length);
    const target = index.entities[slot];
    const changed = { ...(index.preparedAt(slot) as PreparedCandidate), dates: parseDates(['1900-01-01']) };
    const packer = matcherEngine.packer!();
    const tampered: PackedPrepared = { slots: Int32Array.of(slot), ends: Uint32Array.of(0), tableOf: Uint8Array.of(0), tables: [], bytes: packer.pack(changed) };
    tampered.ends[0] = tampered.bytes.length;
    tampered.tables = [packer.shared()];
    const query: QueryEntity = { id: 'q', schema: 'Person', properties: { name: target.properties.name!.slice(0, 1), birthDate: target.properties.birthDate! } };
    const [asListed] = await screenAll(await ScreeningPool.start(snapshot, 1), [query]);
    const [asSaved] = await screenAll(await ScreeningPool.start({ snapshot, prepared: preparedToBytes(tampered) }, 1), [query]);
    const scoreOf = (json: string) => (JSON.parse(json) as { id: string; score: number }[]).find((r) => r.id === target.id)?.score ?? 0;
    expect(scoreOf(asSaved)).toBeLessThan(scoreOf(asListed));
  });

  it('interdict screen saves them after a large batch and answers the same when it reads them', async () => {
    const dir = tempDirForTest('prepared');
    const db = copyOfBundledDb(inject('bundledDb'), join(dir, 'copy.db'));
    const env = { INTERDICT_DB: db, INTERDICT_NO_BUNDLED: '1' };
    const entities = (await ofacSdnEntities()).filter((e) => e.properties.name?.length).slice(0, 1400);
    const rows = queriesFor(entities).map((q, i) => [`r${i}`, q.schema, `"${q.properties.name[0].replace(/"/g, '""')}"`, q.properties.birthDate?.[0] ?? ''].join(','));
    const input = join(dir, 'rows.csv');
    writeFileSync(input, `id,schema,name,birth_date\n${rows.join('\n')}\n`);
    const run = async (output: string) => {
      const r = await runCli(['screen', '--input', input, '--output', join(dir, output), '--workers', '2', '--dataset', 'un_sc_sanctions'], env);
      expect(r.stderr).toMatch(/screened \d+ rows \((\d{4,}) distinct\)/);
      expect(r.code).toBe(0);
      return readFileSync(join(dir, output), 'utf8');
    };
    const savedFiles = () => readdirSync(`${db}.cache`).filter((n) => n.endsWith('.prepared'));

    const first = await run('first.jsonl');
    const [saved] = savedFiles();
    expect(saved).toMatch(/^screening-cli-[0-9a-f]{20}\.prepared$/);
    expect(existsSync(join(`${db}.cache`, saved.replace(/\.prepared$/, '.v8')))).toBe(true);
    const written = statSync(join(`${db}.cache`, saved)).mtimeMs;

    const second = await run('second.jsonl');
    expect(second).toBe(first);
    // Read, not written again.
    expect(savedFiles()).toEqual([saved]);
    expect(statSync(join(`${db}.cache`, saved)).mtimeMs).toBe(written);
  });
});
