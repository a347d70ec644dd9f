// The rest of downstream reads resolved targets (issue 12): `interdict export-graph` gives a merged
// target one node carrying every member's datasets, and documents link a mention of a merged target
// to its canonical id, with a member record's id still finding the target's documents. The graph and
// the screening index are read from those saved over the bundled lists with the shipped judgements
// (test/support/bundled-db.ts; test/live/restart-snapshots.test.ts checks a read-back answers as a
// build does), not built again here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { CliContext } from '../../src/cli/context.ts';
import * as exportGraph from '../../src/cli/commands/export-graph.ts';
import { DocumentService } from '../../src/documents/service.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { loadShippedJudgements } from '../../src/resolve/shipped.ts';
import { downstreamReader, Resolver } from '../../src/resolve/service.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { snapshotDirFor } from '../../src/graph/snapshot.ts';
import { copyOfBundledDbWithSnapshots } from '../support/bundled-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'interdict-resolved-reads-'));
const config = { ...loadConfig({}), sqlitePath: join(dir, 'db.sqlite'), databaseUrl: null, loadBundled: false };
let store: Store;

beforeAll(async () => {
  await copyOfBundledDbWithSnapshots(inject('bundledDb'), config.sqlitePath, { judged: true });
  store = await openStore(config);
  expect(await loadShippedJudgements(store)).toBeGreaterThan(2500);
}, 240_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('export-graph', () => {
  it('gives KIM Yong Chol (b. 1962) one node with every member list', async () => {
    const out: string[] = [];
    const ctx: CliContext = { config, store: async () => store, out: (t) => void out.push(t), err: () => undefined };
    const program = new Command().exitOverride();
    exportGraph.register(program, ctx);
    await program.parseAsync(['node', 'interdict', 'export-graph', '--ids', 'us-ofac-sdn-17614', '--format', 'graphml']);
    const nodes = [...out.join('\n').matchAll(/<node id="([^"]+)">([\s\S]*?)<\/node>/g)];
    const target = (await new Resolver(store).entity('us_ofac_sdn:17614'))!;
    expect(nodes.map((n) => n[1])).toEqual([target.id]);
    for (const dataset of ['us_ofac_sdn', 'un_sc_sanctions', 'gb_hmt_sanctions']) expect(nodes[0][2]).toContain(dataset);
  }, 240_000);
});

describe('documents', () => {
  it('links a mention of a merged target to its canonical id; a member id still finds the document', async () => {
    const reader = downstreamReader(store);
    const screening = new ScreeningService(reader, { snapshotDir: snapshotDirFor(config) });
    const documents = new DocumentService(store, () => screening.screener(), undefined, reader);
    const text = 'KOREA SAMMA SHIPPING CO chartered the vessel in 2017, according to the panel of experts.';
    const [{ document }] = await documents.ingestMany([{ bytes: Buffer.from(text), fileName: 'samma.txt', author: 'tester' }]);
    const job = await documents.waitFor((await documents.startMentions(document.id)).id);
    expect(job.status).toBe('done');
    const target = (await new Resolver(store).entity('un_sc_sanctions:KPe.065'))!;
    expect(target.referents).toEqual(expect.arrayContaining(['un_sc_sanctions:KPe.065', 'us_ofac_sdn:23713']));
    const linked = (await documents.mentions(document.id, { kind: 'entity' })).map((m) => m.entityId);
    expect(linked).toContain(target.id);
    for (const id of ['us-ofac-sdn-23713', 'un_sc_sanctions:KPe.065', target.id]) {
      const found = await documents.entityDocuments(id);
      expect(found.entityId, id).toBe(target.id);
      expect(found.documents.map((d) => d.documentId), id).toEqual([document.id]);
      expect((await documents.search({ entity: id })).results.map((r) => r.documentId), id).toContain(document.id);
    }
    await screening.close();
  }, 240_000);
});
