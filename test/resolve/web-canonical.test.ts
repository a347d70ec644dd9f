// The web app over resolved targets (issue 12): the entity page and the graph page take a canonical
// `NK-…` id and show the links of every member record. Chromium drives the built app (test/web/).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Accounts } from '../../src/access/accounts.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppHandle } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { loadShippedJudgements } from '../../src/resolve/shipped.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { copyOfBundledDbWithSnapshots } from '../support/bundled-db.ts';
import { TEST_RUNNER } from '../support/credentials.ts';
import { buildWeb, TEST_PASSWORD } from '../web/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_BUILT = existsSync(new URL('../../web/dist/index.html', import.meta.url));

describe.skipIf(!existsSync(CHROMIUM) || !WEB_BUILT)('web pages for a canonical id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-web-nk-'));
  let store: Store;
  let handle: AppHandle;
  let url: string;
  let browser: Browser;
  let page: Page;
  let komid: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const path = join(dir, 'db.sqlite');
    buildWeb();
    await copyOfBundledDbWithSnapshots(inject('bundledDb'), path, { judged: true });
    const config = { ...loadConfig({}), sqlitePath: path, databaseUrl: null, loadBundled: false, host: '127.0.0.1' };
    store = await openStore(config);
    await loadShippedJudgements(store);
    komid = (await new Resolver(store).entity('us_ofac_sdn:9345'))!.id;
    handle = await buildApp(config, store, { logger: false });
    await handle.prepare();
    url = await handle.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    // Signed in as a user (the session cookie lands in the context) before the first page load.
    await Accounts.of(store).addUser({ name: 'e2e-admin', role: 'admin', password: TEST_PASSWORD }, TEST_RUNNER);
    const context = await browser.newContext();
    const signedIn = await context.request.post(`${url}/auth/sign-in`, { data: { name: 'e2e-admin', password: TEST_PASSWORD } });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await handle?.app.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the entity page of the KOMID target (a canonical id) shows the links of its UN record and of its OFAC record', async () => {
    expect(komid).toMatch(/^NK-/);
    await page.goto(`${url}/#/entity/${komid}`);
    await page.getByText('KOREA MINING DEVELOPMENT TRADING CORPORATION').first().waitFor({ timeout: 30_000 });
    // a case file's link to the UN record and an OFAC link, on one page
    await page.getByText('RIM Yong Hyok').first().waitFor({ timeout: 30_000 });
    await page.getByText('HUSSAIN, Mavungal').first().waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  test('the graph page starts from the canonical id and draws both members\' neighbours', async () => {
    await page.goto(`${url}/#/graph?id=${komid}`);
    const nodes = page.getByRole('table', { name: 'Entities in the graph' });
    for (const name of ['RIM Yong Hyok', 'HUSSAIN, Mavungal']) await nodes.getByRole('button', { name, exact: true }).waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });
});
