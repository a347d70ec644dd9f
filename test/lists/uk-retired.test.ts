// OFSI's Consolidated List (gb_hmt_sanctions) was retired on 28 January 2026; the UK Sanctions List
// (gb_fcdo_sanctions) is the UK's list of record. The old list is kept (history, Group IDs) but shown
// as retired and superseded, not as merely stale, and `sync` fetches the UK Sanctions List instead.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { freshness } from '../../src/ingest/freshness.ts';
import { defaultSyncDatasets, syncDatasets } from '../../src/ingest/sync.ts';
import { ValidationError } from '../../src/model/errors.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { authHeaders } from '../support/credentials.ts';

describe('the UK list of record', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    const sqlitePath = inject('bundledDb');
    store = await openStore({ databaseUrl: null, sqlitePath });
    ({ app } = await buildApp({ ...loadConfig({}), sqlitePath, databaseUrl: null, loadBundled: false }, store));
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('the OFSI Consolidated List is retired and superseded, not stale', () => {
    const f = freshness({ dataset: 'gb_hmt_sanctions', publishedAt: '2018-04-13' }, 30, new Date('2026-12-04'));
    expect(f).toMatchObject({ stale: false, retired: { on: '2026-01-28', supersededBy: 'gb_fcdo_sanctions' } });
    expect(f.warning).toMatch(/retired on 2026-01-28, superseded by gb_fcdo_sanctions/);
    expect(freshness({ dataset: 'us_ofac_sdn', publishedAt: '2023-12-28' }, 30, new Date('2026-12-04'))).toMatchObject({ stale: true, retired: null });
  });

  it('/catalog says so, and keeps the list with its entries', async () => {
    const body = (await app.inject({ method: 'GET', url: '/catalog', headers: await authHeaders(store) })).json() as any;
    const hmt = body.datasets.find((d: any) => d.name === 'gb_hmt_sanctions');
    expect(hmt).toMatchObject({ retired: true, retired_on: '2026-01-28', superseded_by: 'gb_fcdo_sanctions', stale: false });
    expect(hmt.target_count).toBeGreaterThan(2000);
    expect(body.datasets.find((d: any) => d.name === 'us_ofac_sdn')).toMatchObject({ retired: false, stale: true });
    expect(body.warnings).toContainEqual(expect.stringMatching(/^gb_hmt_sanctions: retired on 2026-01-28, superseded by gb_fcdo_sanctions/));
  });

  it('sync fetches the UK Sanctions List, and refuses the retired list naming its successor', async () => {
    expect(defaultSyncDatasets()).toContain('gb_fcdo_sanctions');
    expect(defaultSyncDatasets()).not.toContain('gb_hmt_sanctions');
    const refused = syncDatasets(store, ['gb_hmt_sanctions']);
    await expect(refused).rejects.toThrow(ValidationError);
    await expect(refused).rejects.toThrow(/retired on 2026-01-28 and superseded by gb_fcdo_sanctions: sync gb_fcdo_sanctions/);
  });
});
