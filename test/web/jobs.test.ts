// The Jobs page in Chromium: a server over OFAC 2021-07-07 (its real subset, test/support/ofac-files.ts)
// with a portfolio; an analyst queues a full
// re-screen from the Portfolios page and sees it go from queued to done there without reloading (the
// page follows the job), then finds it on the Jobs page, reached from the navigation, with its state,
// attempts, times and result; a viewer sees the page but no re-screen button. The server looks for stale
// lists every few seconds here: the fixture's OFAC list has no publication date, so its alert shows in
// the inbox and opens as an alert about the list.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, cli, signIn, startServer, type RunningServer } from './server.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CUSTOMERS = ['id,schema,name', 'C-002,Person,Kim Jong Un', 'C-003,Person,Maria Schmidt', 'C-004,Company,Korea Mining Development Trading Corporation'].join('\n') + '\n';

describe.skipIf(!existsSync(CHROMIUM))('jobs in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  async function pageAs(role: 'analyst' | 'viewer'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await signIn(context, server, role);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${role}: ${e.message}`));
    return page;
  }

  beforeAll(async () => {
    buildWeb();
    process.env.INTERDICT_STALE_CHECK_MINUTES = '0.05';
    try {
      server = await startServer(120_000, { empty: true });
    } finally {
      delete process.env.INTERDICT_STALE_CHECK_MINUTES;
    }
    cli(server, ['import', ...SDN_2021_SUBSET]);
    const file = join(server.dir, 'customers.csv');
    writeFileSync(file, CUSTOMERS);
    cli(server, ['portfolio', 'add', 'customers', file]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  test('a re-screen queued from the Portfolios page shows its progress there, then on the Jobs page', async () => {
    const analyst = await pageAs('analyst');
    await analyst.goto(`${server.url}/#/portfolios`);
    const row = analyst.getByRole('table', { name: 'Portfolios' }).getByRole('row', { name: /customers/ });
    await row.getByRole('button', { name: 'Re-screen customers' }).click();
    const followed = row.locator('.followed-job');
    await followed.waitFor();
    const jobId = await followed.getAttribute('data-job');
    // Queued when the server answered; done once the page has asked again (it was never reloaded).
    await expect.poll(() => followed.textContent(), { timeout: 60_000 }).toMatch(/done/);
    expect(await followed.textContent()).toMatch(/"portfolio":"customers","records":3/);

    await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await analyst.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    const job = analyst.locator(`.jobs-table tr[data-job="${jobId}"]`);
    await job.waitFor({ timeout: 20_000 });
    const cells = await job.locator('td').allTextContents();
    expect(cells[0]).toBe('rescreen portfolio customers');
    expect(cells[1]).toBe('completed');
    expect(cells[3]).toBe('1 of 2');
    expect(cells[4]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(cells[5]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(cells[6]).toMatch(/"records":3/);
    // The filters ask the server: no sync has run here.
    await analyst.getByLabel('Name').selectOption('sync');
    await analyst.getByText('No jobs match.').waitFor();
    await analyst.getByLabel('Name').selectOption('rescreen');
    await job.waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  test("a stale list's alert shows in the inbox and opens as an alert about the list", async () => {
    const analyst = await pageAs('analyst');
    await analyst.goto(`${server.url}/#/alerts?kind=list-stale`);
    const link = analyst.locator('.alert-table tbody tr').getByRole('link', { name: 'list us_ofac_sdn' });
    // The inbox's heading counts what the server answered ("1 alert"); until the check has run, it is 0.
    const heading = analyst.locator('#inbox-heading');
    await expect.poll(async () => {
      await analyst.reload();
      await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toMatch(/^\d+ alerts?$/);
      return heading.textContent();
    }, { timeout: 60_000, interval: 1_000 }).toBe('1 alert');
    await link.click();
    await analyst.getByRole('heading', { name: 'us_ofac_sdn list', level: 1 }).waitFor();
    expect(await analyst.locator('#change .reason').textContent()).toMatch(/us_ofac_sdn: publication date unknown/);
    expect(await analyst.locator('.list-version').textContent()).toMatch(/^us_ofac_sdn \S+/);
    expect(problems).toEqual([]);
  }, 120_000);

  test('a viewer reads the Jobs page but has no re-screen button', async () => {
    const viewer = await pageAs('viewer');
    await viewer.goto(`${server.url}/#/portfolios`);
    const row = viewer.getByRole('table', { name: 'Portfolios' }).getByRole('row', { name: /customers/ });
    await row.waitFor();
    expect(await row.getByRole('button', { name: /Re-screen/ }).count()).toBe(0);
    await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await expect.poll(() => viewer.locator('.jobs-table tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
