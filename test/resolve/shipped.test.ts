// The judgements shipped for the bundled snapshot, over the real lists: the three KIM Yong Chols stay
// apart, each target carries every member record, and screening through the resolved reader returns
// one result per target (the reader wrapper the services can be given; they are not changed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { loadShippedJudgements } from '../../src/resolve/shipped.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { loadScreenableEntities } from '../../src/screening/service.ts';
import { Screener } from '../../src/screening/screener.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { copyOfBundledDbWithSnapshots } from '../support/bundled-db.ts';

let store: Store;
let dir: string;
let resolver: Resolver;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interdict-resolve-'));
  path = join(dir, 'db.sqlite');
  await copyOfBundledDbWithSnapshots(inject('bundledDb'), path, { judged: true });
  store = await openStore({ databaseUrl: null, sqlitePath: path });
  expect(await loadShippedJudgements(store)).toBeGreaterThan(2500);
  resolver = new Resolver(store);
}, 240_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shipped judgements', () => {
  it('load once, only into an empty log', async () => {
    expect(await loadShippedJudgements(store)).toBe(0);
  });

  it('keep the three KIM Yong Chols apart and give each its records', async () => {
    const younger = await resolver.entity('un_sc_sanctions:KPi.024');
    expect(younger!.referents).toEqual(['gb_hmt_sanctions:13334', 'un_sc_sanctions:KPi.024', 'us_ofac_sdn:17614']);
    expect(younger!.properties.birthDate).toEqual(['1962-02-18']);
    const older = await resolver.entity('us_ofac_sdn:12211');
    expect(older!.referents).toEqual(['gb_hmt_sanctions:12439', 'us_ofac_sdn:12211']);
    expect(older!.id).not.toBe(younger!.id);
    // the machine's judgement behind a merge carries its evidence
    const members = await resolver.members(younger!.id);
    expect(members.map((m) => m.referent)).toEqual(['gb_hmt_sanctions:13334', 'un_sc_sanctions:KPi.024', 'us_ofac_sdn:17614']);
    expect(members.flatMap((m) => m.judgements).every((j) => j.reason.length > 0)).toBe(true);
  });

  it('merge a UK entry into its UN entry by the official cross-reference, and leave a contradicted one apart', async () => {
    const jo = await resolver.entity('gb_hmt_sanctions:13419');
    expect(jo!.referents).toEqual(expect.arrayContaining(['gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034', 'us_ofac_sdn:19610']));
    // the UK's Korea Daesong Bank cites KPe.023 (Daedong Credit Bank): a list error, not a merge
    const daesong = await resolver.entity('gb_hmt_sanctions:11286');
    expect(daesong!.referents).not.toContain('un_sc_sanctions:KPe.023');
    expect(daesong!.referents).toEqual(expect.arrayContaining(['un_sc_sanctions:KPe.035', 'us_ofac_sdn:12312']));
  });

  it('give screening one result per target through the resolved reader', async () => {
    const reader = await resolver.reader();
    const screener = Screener.build(await loadScreenableEntities(reader), matcherEngine);
    for (const name of ['김영철', 'KIM Yong Chol', '조용원', '최휘', 'Korea Mining Development Trading Corporation', 'Reconnaissance General Bureau']) {
      const { results } = screener.screen({ id: 'q', schema: 'LegalEntity', properties: { name: [name] } }, { limit: 20, threshold: 0.72 });
      const referents = results.flatMap((r) => r.entity.referents ?? []);
      expect(new Set(referents).size, `${name}: a record in two results`).toBe(referents.length);
      expect(results[0].match, name).toBe(true);
      expect(results[0].entity.referents!.some((r) => r.startsWith('us_ofac_sdn:')), name).toBe(true);
    }
    const { results } = screener.screen({ id: 'q', schema: 'Person', properties: { name: ['김영철'] } }, { limit: 10, threshold: 0.72 });
    const matches = results.filter((r) => r.match);
    // four records of the two KIM Yong Chols on OFAC, UN and UK (plus the UK's second entry) are now two targets
    expect(matches.filter((r) => r.entity.referents!.includes('us_ofac_sdn:17614') || r.entity.referents!.includes('us_ofac_sdn:12211')).length).toBe(2);
  });
});

describe('the graph over resolved entities', () => {
  it('joins the edges of every member record at one node', async () => {
    const { GraphService } = await import('../../src/graph/service.ts');
    const records = new GraphService(store);
    const { liveResolvedReader } = await import('../../src/resolve/service.ts');
    // The resolved graph as saved over the bundled lists with these judgements (test/support/bundled-db.ts;
    // test/live/restart-snapshots.test.ts checks a read-back answers as a build does); the records' graph built.
    const resolved = new GraphService(liveResolvedReader(store), { snapshotDir: `${path}.cache` });
    const komid = await resolver.entity('us_ofac_sdn:9345');
    expect(komid!.referents).toEqual(expect.arrayContaining(['us_ofac_sdn:9345', 'un_sc_sanctions:KPe.001', 'gb_hmt_sanctions:10892']));
    const perMember = await Promise.all(komid!.members.map((m) => records.adjacent(m.id, { limit: 500 })));
    const whole = await resolved.adjacent(komid!.id, { limit: 500 });
    expect(whole.entity.id).toBe(komid!.id);
    const memberTotal = perMember.reduce((n, p) => n + p.total, 0);
    expect(memberTotal).toBeGreaterThan(0);
    expect(whole.total).toBe(memberTotal);
    // a member id finds the target's node too
    expect((await resolved.adjacent('un_sc_sanctions:KPe.001', { limit: 1 })).total).toBe(whole.total);
    // a graph build over the whole bundle: half a minute or more when the suite runs three files at once
  }, 180_000);
});
