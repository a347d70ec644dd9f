// A screening worker thread that dies mid-run (out of memory under its heap limit, or ended from
// outside) is replaced, and the batches it held are screened again: every query still gets its results,
// the same as a run where nothing died. The threads reading a serialised index have a heap limit sized
// from it (workerHeapLimitMb).
import { beforeAll, describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/model/entity.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { indexToBytes } from '../../src/screening/index-snapshot.ts';
import { ScreeningPool, workerHeapLimitMb } from '../../src/screening/pool.ts';
import type { QueryEntity } from '../../src/screening/query.ts';
import { Screener } from '../../src/screening/screener.ts';
import { labelledQueries } from './helpers/evaluation.ts';
import { ofacSdnEntities } from './helpers/ofac.ts';

let bytes: Uint8Array;
let queries: QueryEntity[];
const options = { limit: 3, threshold: matcherEngine.defaultThreshold };

beforeAll(async () => {
  const subset: FtmEntity[] = (await ofacSdnEntities()).filter((e) => e.schema === 'Person').slice(0, 800);
  bytes = indexToBytes(Screener.build(subset, matcherEngine).index);
  const named = labelledQueries(subset, 300, 5).map((l) => l.query);
  // Enough batches that one thread still holds some when it is ended after the first answer.
  queries = Array.from({ length: 8 }, (_, k) => named.map((q, i) => ({ ...q, id: `${q.id}-${k}`, properties: { ...q.properties, birthDate: [String(1950 + ((i + k) % 40))] } }))).flat();
});

/** Each query's results as JSON, in input order; `onFirst` runs when the first result comes. */
async function screenAll(pool: ScreeningPool, onFirst?: () => void): Promise<string[]> {
  const got: string[] = new Array(queries.length);
  let first = true;
  await pool.screen(queries, options, undefined, {
    onResult: (at, result) => {
      got[at] = result.json;
      if (first) onFirst?.();
      first = false;
    },
  });
  return got;
}

describe('the screening pool when a worker thread dies', () => {
  it('replaces the thread and screens its batches again: every query answered, the same answers', async () => {
    const pool = await ScreeningPool.start(bytes, 2);
    try {
      expect(pool.heapLimitMb).toBe(workerHeapLimitMb(bytes.byteLength));
      const whole = await screenAll(pool);
      const dying = pool.threads[0];
      const exited = new Promise<number>((resolve) => dying.once('exit', resolve));
      const again = await screenAll(pool, () => void dying.terminate());
      await exited;
      expect(pool.threads[0]).not.toBe(dying);
      expect(pool.threads).toHaveLength(2);
      expect(again.filter((json) => json === undefined)).toEqual([]);
      expect(again).toEqual(whole);
      // The replacement screens the next run as the others do.
      expect([...(await pool.sift(queries, options)).flags]).toEqual(whole.map((json) => Number((JSON.parse(json) as { band: string }[]).some((r) => r.band !== 'clear'))));
    } finally {
      await pool.close();
    }
  });

  it('starts the next run with a new thread when one ended between runs', async () => {
    const pool = await ScreeningPool.start(bytes, 2);
    try {
      const whole = await screenAll(pool);
      await pool.threads[1].terminate();
      expect(await screenAll(pool)).toEqual(whole);
    } finally {
      await pool.close();
    }
  });
});
