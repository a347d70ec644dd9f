// Anonymous reading in the web app (INTERDICT_ANONYMOUS_READ=1): nobody signed in, the read pages work,
// no write control or admin page shows, and a "Sign in" link leads to the sign-in page and back.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWeb, cli, startServer, TEST_PASSWORD, type RunningServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);

describe.skipIf(!HAVE_CHROMIUM)('anonymous reading in the web app (end to end)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    buildWeb();
    const before = process.env.INTERDICT_ANONYMOUS_READ;
    process.env.INTERDICT_ANONYMOUS_READ = '1'; // the server's child process takes it from this process
    try {
      server = await startServer();
    } finally {
      if (before === undefined) delete process.env.INTERDICT_ANONYMOUS_READ;
      else process.env.INTERDICT_ANONYMOUS_READ = before;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('nobody signed in searches and opens a profile without write controls; "Sign in" leads to the sign-in page and back', async () => {
    await page.goto(`${server.url}/#/search`);
    await page.getByLabel('Name or identifier, in any script').fill('Ashot Mkrtychev');
    await page.keyboard.press('Enter');
    const hit = page.locator('.hit-list').getByRole('link', { name: 'MKRTYCHEV, Ashot', exact: true }).first();
    await hit.waitFor({ timeout: 20_000 });
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(0);

    await hit.click();
    await page.locator('#entity-title').waitFor();
    expect(await page.getByRole('form', { name: 'Add a claim' }).count()).toBe(0);
    const profile = new URL(page.url()).hash;

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(decodeURIComponent(page.url())).toContain(`next=${profile}`);
    cli(server, ['users', 'add', 'reader1', '--role', 'viewer', '--password-stdin'], TEST_PASSWORD);
    await page.getByLabel('Name').fill('reader1');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.account-menu summary', { hasText: 'reader1' }).waitFor();
    await page.locator('#entity-title').waitFor();
    expect(new URL(page.url()).hash).toBe(profile);
  });
});
