// End-to-end test of accounts and roles in the web app: Chromium drives the built app against the real
// server. The admin opens the link the first start printed, adds a viewer whose one-time link a second
// browser opens; the viewer reads and screens but has no write control (and the server refuses its
// write); an analyst adds a claim through the entity page; an API key made on the Keys page works until
// it is revoked there. One server start for the whole file; the steps build on each other in order.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, signIn, startServer, TEST_PASSWORD, type RunningServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);

describe.skipIf(!HAVE_CHROMIUM)('accounts and roles in the web app (end to end)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let admin: Page;
  /** The viewer's one-time link, taken from the Users page. */
  let viewerLink = '';
  /** An entity page the viewer reached through screening. */
  let entityHash = '';
  let viewer: Page;

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { context, page };
  }

  /** The hash part of a link the server printed or answered, opened on this server's address (cookies are per host). */
  const onServer = (link: string) => `${server.url}/${link.slice(link.indexOf('#'))}`;

  async function setPassword(page: Page): Promise<void> {
    await page.getByLabel(/^New password/).fill(TEST_PASSWORD);
    await page.getByLabel('Repeat the password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
  }

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    admin = (await newPage()).page;
  }, 420_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  test('nobody signed in: any page asks to sign in, and a wrong password says so', async () => {
    await admin.goto(`${server.url}/#/lists`);
    await admin.getByRole('heading', { name: 'Sign in' }).waitFor();
    await admin.getByLabel('Name').fill('admin');
    await admin.getByLabel('Password').fill('not the password at all');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await expect(admin.getByRole('alert').textContent()).resolves.toMatch(/wrong name or password/);
    // The page was not left: the admin has no password yet.
    expect(admin.url()).toMatch(/#\/lists$/);
  });

  test('the admin sets a password through the printed link and adds a viewer, whose link is shown once', async () => {
    expect(server.signInLink).toMatch(/#\/welcome\?token=/);
    await admin.goto(onServer(server.signInLink!));
    await admin.getByLabel(/^New password/).fill('too short');
    await admin.getByLabel('Repeat the password').fill('too short');
    await admin.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(admin.getByRole('alert').textContent()).resolves.toMatch(/at least 12 characters/);
    await setPassword(admin);
    await admin.locator('.account-menu summary', { hasText: 'admin' }).waitFor();
    expect(await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(1);

    await admin.goto(`${server.url}/#/users`);
    const form = admin.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill('viewer1');
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Add user' }).click();
    viewerLink = await admin.getByRole('textbox', { name: 'Sign-in link for viewer1' }).inputValue();
    expect(viewerLink).toMatch(/#\/welcome\?token=/);
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await admin.getByRole('button', { name: 'Copy' }).click();
    await admin.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(viewerLink);
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'viewer1' }) });
    await expect(row.textContent()).resolves.toMatch(/waiting for first sign-in/);
  });

  test('the viewer signs in through the link, screens a name, sees no claim control, and a write is refused', async () => {
    const { page } = await newPage();
    viewer = page;
    await page.goto(onServer(viewerLink));
    await setPassword(page);
    await page.locator('.account-menu summary', { hasText: 'viewer1' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Screening' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);

    await page.goto(`${server.url}/#/screen`);
    await page.getByLabel(/^Name/).fill('Ashot Mkrtychev');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const top = page.locator('.match-card .match-caption').first();
    await top.waitFor({ timeout: 30_000 });
    expect(await top.textContent()).toBe('MKRTYCHEV, Ashot');
    await top.click();
    await page.locator('#entity-title').waitFor();
    entityHash = new URL(page.url()).hash;
    expect(await page.getByRole('form', { name: 'Add a claim' }).count()).toBe(0);

    // The server says no as well: the viewer's own session, with its CSRF token, may not write.
    const entityId = decodeURIComponent(entityHash.replace('#/entity/', ''));
    const status = await page.evaluate(async (id) => {
      const me = (await (await fetch('/auth/me')).json()) as { csrf_token: string };
      const r = await fetch('/statements', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
        body: JSON.stringify({ statements: [{ entity_id: id, prop: 'notes', value: 'a viewer tries', source_document: 'https://example.org/x', evidence_grade: 'reported' }] }),
      });
      return r.status;
    }, entityId);
    expect(status).toBe(403);

    // Nor a document upload, nor decisions on the Resolve page (by button or key).
    await page.goto(`${server.url}/#/documents`);
    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Add a document' }).count()).toBe(0);
    await page.goto(`${server.url}/#/resolve`);
    await page.getByText(/deciding them is for analysts/).waitFor();
    expect(await page.getByRole('group', { name: 'Decision' }).count()).toBe(0);
  });

  test('an analyst adds a claim on the entity page and sees it among the properties', async () => {
    expect(entityHash).toMatch(/^#\/entity\//);
    const { context, page } = await newPage();
    await signIn(context, server, 'analyst');
    await page.goto(`${server.url}/#/resolve`);
    await page.getByRole('group', { name: 'Decision' }).waitFor();
    await page.goto(`${server.url}/${entityHash}`);
    const form = page.getByRole('form', { name: 'Add a claim' });
    await form.waitFor();
    await form.getByLabel('Property').selectOption('notes');
    await form.getByLabel('Value', { exact: true }).fill('Seen at an e2e trade fair');
    await form.getByLabel('Source', { exact: true }).fill('https://example.org/e2e-report');
    await form.getByLabel('Evidence grade').selectOption('reported');
    await form.getByRole('button', { name: 'Add claim' }).click();
    await page.getByRole('status').filter({ hasText: /Saved: notes/ }).waitFor();
    // The entity is read again: the claim is now one of its values, with its source and grade.
    const properties = page.locator('#properties');
    await properties.getByText('Seen at an e2e trade fair').first().waitFor({ timeout: 20_000 });
    await expect(properties.textContent()).resolves.toMatch(/e2e-report/);

    // Every session of the analyst ends (as from another browser): the next read answers 401 and the
    // app asks to sign in, then returns to the page the analyst was going to.
    const me = (await (await context.request.get(`${server.url}/auth/me`)).json()) as { csrf_token: string };
    expect((await context.request.post(`${server.url}/auth/sign-out-everywhere`, { headers: { 'x-csrf-token': me.csrf_token } })).status()).toBe(200);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(decodeURIComponent(page.url())).toMatch(/#\/sign-in\?next=#\/lists$/);
    await page.getByLabel('Name').fill('e2e-analyst');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Lists' }).waitFor();
    expect(page.url()).toMatch(/#\/lists$/);
  });

  test('the admin changes a role, makes a new link and disables an account on the Users page', async () => {
    await admin.goto(`${server.url}/#/users`);
    const form = admin.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill('temp1');
    await form.getByRole('button', { name: 'Add user' }).click();
    const first = await admin.getByRole('textbox', { name: 'Sign-in link for temp1' }).inputValue();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'temp1' }) });
    await row.getByLabel('Role of temp1').selectOption('reviewer');
    await admin.goto(`${server.url}/#/search`);
    await admin.goto(`${server.url}/#/users`); // read again from the server
    await expect.poll(() => row.getByLabel('Role of temp1').inputValue()).toBe('reviewer');
    await row.getByRole('button', { name: 'New sign-in link for temp1' }).click();
    await expect.poll(() => admin.getByRole('textbox', { name: 'Sign-in link for temp1' }).inputValue()).not.toBe(first);
    await row.getByRole('button', { name: 'Disable temp1' }).click();
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('disabled');
    expect(await row.getByRole('button').count()).toBe(0);
  });

  test('an API key made on the Keys page reads the catalog until it is revoked there', async () => {
    await admin.goto(`${server.url}/#/keys`);
    const form = admin.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Key name').fill('e2e-reader');
    await form.getByLabel('Key role').selectOption('viewer');
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = await admin.getByRole('textbox', { name: 'Secret of e2e-reader' }).inputValue();
    expect(secret).toMatch(/^idk_/);
    const catalog = () => fetch(`${server.url}/catalog`, { headers: { authorization: `ApiKey ${secret}` } }).then((r) => r.status);
    expect(await catalog()).toBe(200);

    await admin.getByRole('button', { name: 'Revoke e2e-reader' }).click();
    await admin.getByRole('row').filter({ hasText: 'e2e-reader' }).getByText(/^revoked/).waitFor();
    expect(await catalog()).toBe(401);
  });

  test('the audit page lists what happened and the chain verifies', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await admin.goto(`${server.url}/#/audit`);
    await admin.getByLabel('From').fill(today);
    await admin.getByLabel('To (included)').fill(today); // today's records, though the server's `to` is exclusive
    await admin.getByRole('cell', { name: 'user.add' }).first().waitFor();
    await admin.getByLabel('Action').fill('key.revoke');
    await admin.getByRole('cell', { name: /key\.revoke/ }).first().waitFor();
    await admin.getByRole('button', { name: 'Verify chain' }).click();
    await expect(admin.getByRole('status').filter({ hasText: /Chain intact/ }).textContent()).resolves.toMatch(/Chain intact: \d+ records/);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await admin.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(`/audit/export?format=csv&from=${today}&to=${tomorrow}`);
    const csv = await admin.evaluate(async (href) => (await fetch(href)).text(), `/audit/export?format=csv&from=${today}&to=${tomorrow}`);
    expect(csv).toMatch(/key\.revoke/);
    expect(problems).toEqual([]);
  });

  test('signing out leads to the sign-in page; repeated wrong passwords lock the account and the page says so', async () => {
    await viewer.goto(`${server.url}/#/lists`);
    await viewer.locator('.account-menu summary', { hasText: 'viewer1' }).click();
    await viewer.getByRole('button', { name: 'Sign out', exact: true }).click();
    await viewer.getByRole('heading', { name: 'Sign in' }).waitFor();
    const name = viewer.getByLabel('Name');
    const password = viewer.getByLabel('Password');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await name.fill('viewer1');
      await password.fill(`wrong password number ${attempt}`);
      await viewer.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => password.inputValue()).toBe(''); // the page empties the field when the answer is a refusal
      await expect(viewer.getByRole('alert').textContent()).resolves.toMatch(/wrong name or password/);
    }
    await name.fill('viewer1');
    await password.fill(TEST_PASSWORD);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await expect(viewer.getByRole('alert').filter({ hasText: /locked/ }).textContent()).resolves.toMatch(/This account is locked for now: too many failed sign-ins: try again after \d{4}-/);
  });
});
