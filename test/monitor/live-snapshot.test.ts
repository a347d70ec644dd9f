// The index of the live lists that uploads and re-screens screen against is saved beside the store and
// read back by the next one in any process (each worker taking a re-screen job, `interdict portfolio
// rescreen`, a server's upload), while the list versions and the judgements stay the same: each built
// its own before, seconds of CPU on the official lists. A new version or judgement means a fresh build.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/import.ts';
import { liveScreening, type LiveScreening } from '../../src/monitor/service.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { importedStoreForBlock } from '../support/imported.ts';
import { SDN_2021_SUBSET, SDN_2023_SUBSET } from '../support/ofac-files.ts';

const snapshotDir = mkdtempSync(join(tmpdir(), 'interdict-live-snapshot-'));
afterAll(() => rmSync(snapshotDir, { recursive: true, force: true }));

const saved = () => readdirSync(snapshotDir).filter((n) => /^screening-live-[0-9a-f]{20}\.v8$/.test(n));
const person = (name: string) => ({ id: 'q', schema: 'Person', properties: { name: [name] } });
const answer = (live: LiveScreening, name: string) => live.screen(person(name)).map((r) => [r.entity.id, r.score, r.band]);

describe('the live index of monitoring', () => {
  const t = importedStoreForBlock('sqlite', SDN_2021_SUBSET, { author: 'test' });

  it('is read back while the versions and judgements stay, and built again when either changes', async () => {
    const built = await liveScreening(t.store, { snapshotDir });
    expect(built.readBack).toBe(false);
    expect(saved()).toHaveLength(1);
    const again = await liveScreening(t.store, { snapshotDir });
    expect(again.readBack).toBe(true);
    expect([...again.entities.keys()]).toEqual([...built.entities.keys()]);
    for (const name of ['Robert Gabriel Mugabe', 'Kim Jong Un', 'Grace Mugabe']) expect(answer(again, name), name).toEqual(answer(built, name));
    expect(answer(again, 'Robert Gabriel Mugabe')[0]).toEqual(['us-ofac-sdn-7480', expect.any(Number), 'match']);

    // A new version: MKRTYCHEV, Ashot (added in 2023) is found, and the old snapshot gives way.
    await importFiles(t.store, SDN_2023_SUBSET);
    const next = await liveScreening(t.store, { snapshotDir });
    expect(next.readBack).toBe(false);
    expect(answer(built, 'Ashot Mkrtychev')).toEqual([]);
    expect(answer(next, 'Ashot Mkrtychev')[0]).toEqual(['us-ofac-sdn-41736', expect.any(Number), 'match']);
    expect(saved()).toHaveLength(1);
    expect((await liveScreening(t.store, { snapshotDir })).readBack).toBe(true);

    // A judgement: the two Mugabes as one target, never the index saved before it.
    await new Resolver(t.store).judge([{ left: 'us_ofac_sdn:7480', right: 'us_ofac_sdn:7524', verdict: 'same', author: 'test', reason: 'test: a judgement the live index must follow' }]);
    const judged = await liveScreening(t.store, { snapshotDir });
    expect(judged.readBack).toBe(false);
    expect(judged.entities.has('us-ofac-sdn-7480')).toBe(false);
    expect((await liveScreening(t.store, { snapshotDir })).readBack).toBe(true);
  });

  it("keeps the prepared forms its worker threads made for the next threads, saved beside the index for the next process", async () => {
    const live = await liveScreening(t.store, { snapshotDir });
    expect(live.readBack).toBe(true);
    expect(live.preparedCount()).toBe(0);
    // Listed names, each as listed and lower-cased, and names on no list.
    const names = [...live.entities.values()].flatMap((e) => e.properties.name?.slice(0, 1) ?? []).slice(0, 300);
    const queries = [...names, ...names.map((n) => n.toLowerCase()), ...names.map((n, i) => `${n.split(/[ ,]+/)[0]} Smithfield ${i}`)].map((name, i) => ({ ...person(name), id: `q${i}` }));
    const screened = async (screening: LiveScreening) => {
      const batches = screening.batches({ poolFrom: 0 }); // in worker threads, however few
      try {
        return (await batches.screen(queries)).results.map((results) => results.map((r) => [r.entity.id, r.score, r.band]));
      } finally {
        await batches.close();
      }
    };
    const first = await screened(live);
    expect(first.filter((r) => r.length).length).toBeGreaterThan(names.length);
    expect(live.preparedCount()).toBeGreaterThan(names.length / 2);
    expect(readdirSync(snapshotDir).filter((n) => /^screening-live-[0-9a-f]{20}\.prepared$/.test(n))).toHaveLength(1);
    // The next threads start from them, and answer the same.
    expect(await screened(live)).toEqual(first);
    const next = await liveScreening(t.store, { snapshotDir });
    expect(next.preparedCount()).toBe(live.preparedCount());
    expect(await screened(next)).toEqual(first);
  });
});
