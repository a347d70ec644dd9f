// Issue 18 in the browser: no "Sanctioned" badge for people on no list, bands and reasons in the
// Screening console, the lists and their age beside every answer, and a batch download in the
// CLI's schema with every row (unscreenable ones in place) and spreadsheet-safe cells.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { buildWeb, signIn, startServer, type RunningServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('screening answers in the web app', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    const tmp = join(server.dir, 'browser');
    mkdirSync(tmp, { recursive: true });
    browser = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    // Every request needs a signed-in user: the session cookie lands in the context before the first page load.
    await signIn(browser, server);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('Search: John Kirby has no red "Sanctioned" badge; the stale lists are named', async () => {
    await page.goto(`${server.url}/#/search?q=John%20Kirby`);
    const hit = page.locator('.hit').filter({ has: page.getByRole('link', { name: 'John Kirby', exact: true }) }).first();
    await hit.waitFor({ timeout: 30_000 });
    expect(await hit.locator('.badge.sanctioned').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: /us_ofac_sdn: published 2023-12-28/ }).count()).toBe(1);
    await page.goto(`${server.url}/#/search?q=MKRTYCHEV%2C%20Ashot`);
    const listed = page.locator('.hit').filter({ has: page.getByRole('link', { name: 'MKRTYCHEV, Ashot', exact: true }) }).first();
    await listed.waitFor({ timeout: 30_000 });
    expect(await listed.locator('.badge.sanctioned').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('Screening: Ashot Mkrtychev born 1963 is not clear; the band, the reason and the lists are shown', async () => {
    await page.goto(`${server.url}/#/screen`);
    await page.getByLabel(/^Name/).fill('Ashot Mkrtychev');
    await page.getByLabel('Birth date').fill('1963');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const top = page.locator('.match-card').first();
    await top.waitFor({ timeout: 30_000 });
    expect(await top.locator('.match-caption').textContent()).toBe('MKRTYCHEV, Ashot');
    expect(await top.locator('.badge.band').textContent()).toMatch(/Match|Review/);
    expect(await top.locator('.reason').textContent()).toMatch(/birth/);
    expect(await page.getByLabel('Lists used').textContent()).toMatch(/Against the sanctions lists/);
    // John Kirby is on no list: by default the console does not even screen the case file.
    await page.getByLabel(/^Name/).fill('John Kirby');
    await page.getByLabel('Birth date').fill('');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.getByText(/Result:/).waitFor();
    expect(await page.locator('.match-card .match-caption', { hasText: 'John Kirby' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('Batch: every row screened or reported in place; the CSV has band, score, reason and safe cells', async () => {
    const csv = join(server.dir, 'customers.csv');
    writeFileSync(csv, 'id,schema,name,birth_date\nc1,Person,Saddam Hussein,1937-4-28\nc2,Person,,1970\n"=1+1",Person,Kim Jong Un,1984\n');
    await page.goto(`${server.url}/#/screen`);
    await page.getByLabel('CSV file').setInputFiles(csv);
    await page.getByText(/One row cannot be screened/).waitFor();
    await page.getByRole('button', { name: 'Screen 3 rows' }).click();
    await page.getByText(/3 rows: 2 match, 0 review, 0 clear, 1 unscreenable/).waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const rows = parse(readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ id: 'c1', status: 'screened', band: 'match', warnings: expect.stringContaining('"1937-4-28" read as 1937-04-28') });
    expect(rows[0].reason).toMatch(/^match \d\.\d\d: /);
    expect(rows[0].lists).toMatch(/us_ofac_sdn \S+ STALE/);
    expect(rows.find((r) => r.id === 'c2')).toMatchObject({ status: 'unscreenable', line: '3' });
    expect(rows.some((r) => r.id === "'=1+1")).toBe(true);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(problems).toEqual([]);
  });

  test('Batch: a file without a schema column needs a type for its rows', async () => {
    const csv = join(server.dir, 'noschema.csv');
    writeFileSync(csv, 'id,name\nn1,Kim Jong Un\n');
    await page.goto(`${server.url}/#/screen`);
    await page.getByLabel('CSV file').setInputFiles(csv);
    await page.getByText(/no "schema" column/).waitFor();
    expect(await page.getByRole('button', { name: 'Screen the file' }).isDisabled()).toBe(true);
    await page.getByLabel('Rows without a schema are').selectOption('Person');
    await page.getByRole('button', { name: 'Screen 1 row' }).waitFor();
  });
});
