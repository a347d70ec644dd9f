// Scheduled sync as a job, against a local HTTP server standing in for the publishers (nothing is
// downloaded from the Internet). On SQLite, end to end: OFAC 2021-07-07 is live and watched, the
// schedule's slot comes due, the `sync` job imports 2023-12-28, the delta re-screen raises the
// MKRTYCHEV alert and the audit trail says the schedule did it. On both engines: two processes that see
// the same slot queue one job, which runs once and leaves one stale-list alert; a publisher's failure
// fails the job with its reason. OFAC's versions are the real subset (test/support/ofac-files.ts):
// the point is the job, not the size.
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/access/audit.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { Monitor } from '../../src/monitor/monitor.ts';
import { uploadPortfolio } from '../../src/monitor/service.ts';
import { ProcessJobs, SCHEDULE_ACTOR } from '../../src/server/jobs.ts';
import { readScreeningInput } from '../../src/screening/batch-input.ts';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';
import { importedStore } from '../support/imported.ts';
import { SDN_2021_SUBSET, SDN_2023_SUBSET } from '../support/ofac-files.ts';

const FIX = new URL('../fixtures/', import.meta.url).pathname;
/** What the stand-in publisher serves under /ofac/: file name → path. */
const OFAC_2023 = new Map(SDN_2023_SUBSET.map((path) => [basename(path), path]));
const UN_SAMPLE = readFileSync(join(FIX, 'un_sc/samples/sample_unsc.xml'));

let publisher: Server;
let base = '';

beforeAll(async () => {
  publisher = createServer((req, res) => {
    const name = (req.url ?? '').split('/').pop() ?? '';
    if (req.url?.startsWith('/ofac/') && OFAC_2023.has(name)) {
      return res.writeHead(200, { 'last-modified': 'Thu, 28 Dec 2023 12:00:00 GMT' }).end(readFileSync(OFAC_2023.get(name)!));
    }
    if (req.url === '/un/consolidated.xml') return res.end(UN_SAMPLE);
    if (req.url === '/down/consolidated.xml') return res.writeHead(503).end('maintenance');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => publisher.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`;
});

afterAll(async () => {
  publisher.closeAllConnections();
  publisher.close();
});

function configFor(t: TestStore, syncUrls: Record<string, string[]>): Config {
  return { ...loadConfig({}), sqlitePath: t.sqlitePath, databaseUrl: t.url, loadBundled: false, syncUrls, syncTimeoutMs: 10_000, staleCheckMinutes: 0 };
}

const SLOT = new Date('2026-12-06T03:00:00Z');

describe('scheduled sync on sqlite, end to end', () => {
  let t: TestStore;
  let jobs: ProcessJobs;
  beforeAll(async () => {
    t = await importedStore('sqlite', SDN_2021_SUBSET, { author: 'test' }); // the template other files take
    const file = join(t.sqlitePath, '..', 'customers.csv');
    writeFileSync(file, 'id,schema,name\nC-001,Person,Ashot Mkrtichev\nC-003,Person,Maria Schmidt\n');
    await uploadPortfolio(t.store, 'watched', await readScreeningInput(file), { mode: 'replace', actor: 'user:alice' });
    jobs = new ProcessJobs(t.store, configFor(t, { us_ofac_sdn: [...OFAC_2023.keys()].map((f) => `${base}/ofac/${f}`) }), () => {});
    await jobs.work();
  }, 120_000);
  afterAll(async () => {
    await jobs?.close();
    await t?.dispose();
  });

  it('imports the new version, raises the alert it causes, and records the schedule as the actor', async () => {
    const before = (await t.store.versions('us_ofac_sdn')).length;
    const id = await jobs.scheduledSync(SLOT, ['us_ofac_sdn']);
    const job = await (await jobs.runner()).waitFor(id, 240_000);
    expect(job).toMatchObject({ name: 'sync', state: 'completed', error: null, data: { datasets: ['us_ofac_sdn'], actor: SCHEDULE_ACTOR } });
    expect(job.result).toMatchObject({ synced: [{ dataset: 'us_ofac_sdn', version: expect.stringMatching(/^2023-12-28/) }], rescreens: [expect.stringMatching(/delta re-screen/)] });

    const versions = await t.store.versions('us_ofac_sdn');
    expect(versions).toHaveLength(before + 1);
    expect(versions.find((v) => v.status === 'live')?.publishedAt).toBe('2023-12-28');

    const { results } = await Monitor.of(t.store).alerts({ portfolio: 'watched', kind: 'new-hit' });
    expect(results.map((a) => [a.ref, a.reason])).toEqual([['C-001', 'added to us_ofac_sdn']]);

    const audit = await AuditTrail.of(t.store).list({ action: 'sync' });
    expect(audit.results.map((r) => [r.actor, r.subject])).toEqual([[SCHEDULE_ACTOR, 'us_ofac_sdn']]);
  }, 300_000);

  it('queues nothing more for a slot it has already run', async () => {
    const again = await jobs.scheduledSync(new Date(SLOT.getTime() + 20_000), ['us_ofac_sdn']);
    const runner = await jobs.runner();
    expect((await runner.list({ name: 'sync' })).map((j) => [j.id, j.state])).toEqual([[again, 'completed']]);
  });
});

for (const engine of ENGINES) {
  describe(`scheduled sync on ${engine}: one job per slot, failures with their reason`, () => {
    let t: TestStore;
    let first: ProcessJobs;
    let second: ProcessJobs;
    beforeAll(async () => {
      t = await freshStore(engine);
      const config = configFor(t, { un_sc_sanctions: [`${base}/un/consolidated.xml`] });
      // Two processes' job handlers over one database (each its own runner: pg-boss client or table poller).
      first = new ProcessJobs(t.store, config, () => {});
      second = new ProcessJobs(t.store, config, () => {});
      await first.work();
      await second.work();
    }, 60_000);
    afterAll(async () => {
      await first?.close();
      await second?.close();
      await t?.dispose();
    });

    it('runs a slot seen by two processes once', async () => {
      const [a, b] = await Promise.all([first.scheduledSync(SLOT, ['un_sc_sanctions']), second.scheduledSync(SLOT, ['un_sc_sanctions'])]);
      expect(a).toBe(b);
      const job = await (await first.runner()).waitFor(a, 60_000);
      expect(job).toMatchObject({ state: 'completed', attempts: 1 });
      expect(await t.store.versions('un_sc_sanctions')).toHaveLength(1);
      expect((await (await first.runner()).list({ name: 'sync' })).length).toBe(1);
      const audit = await AuditTrail.of(t.store).list({ action: 'sync' });
      expect(audit.results.map((r) => r.actor)).toEqual([SCHEDULE_ACTOR]);
    }, 90_000);

    it('checks freshness after the sync: the sample (2024-10-17) is stale, one alert however many processes check', async () => {
      const stale = () => Monitor.of(t.store).alerts({ kind: 'list-stale' });
      expect((await stale()).results.map((a) => [a.ref, a.portfolio, a.status])).toEqual([['un_sc_sanctions', '', 'open']]);
      const [a, b] = await Promise.all([first.checkLists(), second.checkLists()]);
      expect([...a.raised, ...b.raised]).toEqual([]);
      expect((await stale()).total).toBe(1);
    });

  });

  describe(`a scheduled sync on ${engine} whose publisher is down`, () => {
    let t: TestStore;
    let jobs: ProcessJobs;
    beforeAll(async () => {
      t = await freshStore(engine);
      jobs = new ProcessJobs(t.store, configFor(t, { un_sc_sanctions: [`${base}/down/consolidated.xml`] }), () => {});
      await jobs.work();
    }, 60_000);
    afterAll(async () => {
      await jobs?.close();
      await t?.dispose();
    });

    it("fails the job with the publisher's answer and leaves the lists as they were", async () => {
      const id = await jobs.scheduledSync(SLOT, ['un_sc_sanctions']);
      const runner = await jobs.runner();
      let job = await runner.get(id);
      for (const deadline = Date.now() + 60_000; !job.error && Date.now() < deadline; job = await runner.get(id)) await new Promise((r) => setTimeout(r, 100));
      expect(job.state).toMatch(/^(retry|failed)$/);
      expect(job.error).toMatch(/sync failed, previous version stays live: un_sc_sanctions: .*HTTP 503/);
      expect(await t.store.liveVersions()).toEqual([]);
      const failures = await AuditTrail.of(t.store).list({ action: 'sync.failure' });
      expect(failures.results.map((r) => [r.actor, r.subject])).toEqual([[SCHEDULE_ACTOR, 'un_sc_sanctions']]);
    }, 90_000);
  });
}
