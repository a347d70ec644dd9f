// Monitoring end to end in Chromium, as issue 14's check asks: a server over OFAC 2021-07-07 only; an
// analyst uploads a portfolio in the browser (a variant of MKRTYCHEV's name among its records); OFAC
// 2023-12-28 is imported over it with the CLI; the inbox shows exactly one new alert, "added to
// us_ofac_sdn", for that record; the analyst marks another alert a false positive and proposes the true
// match; a reviewer in a second browser closes it; the PDF report names the list version and both
// deciders; importing the same version again raises nothing. Both OFAC versions are their real subset
// (test/support/ofac-files.ts): the same change for these records, imported and indexed in a fraction
// of the whole lists' time.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildWeb, cli, ROOT, signIn, startServer, type RunningServer } from './server.ts';
import { SDN_2021_SUBSET as SDN_2021, SDN_2023_SUBSET as SDN_2023 } from '../support/ofac-files.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
// Screenshots for the README with UPDATE_SCREENSHOTS=1 (as app.test.ts); otherwise to a temp folder.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs/screenshots') : tempDirForFile('shots');
const CUSTOMERS = [
  'id,schema,name,birth_date,nationality',
  'C-001,Person,Ashot Mkrtichev,,',
  'C-002,Person,Kim Jong Un,1984-01-08,kp',
  'C-003,Person,Maria Schmidt,1980-05-05,de',
  'C-004,Company,Korea Mining Development Trading Corporation,,kp',
  'C-005,Person,,,',
].join('\n') + '\n';

describe.skipIf(!HAVE_CHROMIUM)('monitoring in the web app (end to end)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let analyst: Page;
  const problems: string[] = [];
  /** The alert raised by the new list version, and the version's name as the alert page shows it. */
  let newAlert = '';
  let listVersion = '';

  async function pageAs(role: 'analyst' | 'reviewer' | 'viewer'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await signIn(context, server, role);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${role}: ${e.message}`));
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) problems.push(`${role} CSP: ${m.text()}`);
    });
    return page;
  }

  /** Loads the app afresh at `hash` (a new query string: a hash change alone would keep the page's data). */
  let loads = 0;
  async function open(page: Page, hash: string): Promise<void> {
    await page.goto(`${server.url}/?load=${++loads}${hash}`);
  }

  /** The inbox's total, from its heading ("3 alerts"), for the filter in `hash`. */
  async function inboxTotal(page: Page, hash = '#/alerts'): Promise<number> {
    await open(page, hash);
    const heading = page.locator('#inbox-heading');
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toMatch(/^\d+ alerts?$/);
    return Number((await heading.textContent())!.split(' ')[0]);
  }

  async function decide(page: Page, status: string, reason: string): Promise<void> {
    const form = page.getByRole('form', { name: 'Decide' });
    await form.getByLabel('Decision').selectOption({ label: status });
    await form.getByLabel('Reason (required)').fill(reason);
    await form.getByRole('button', { name: 'Record the decision' }).click();
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const status = (page: Page) => page.locator('.alert-meta .alert-status');

  beforeAll(async () => {
    buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(120_000, { empty: true });
    cli(server, ['import', ...SDN_2021]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    analyst = await pageAs('analyst');
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  test('an analyst uploads a portfolio: progress while it is screened, then the report with the unscreenable row', async () => {
    await open(analyst, '#/portfolios');
    const form = analyst.getByRole('form', { name: 'Upload a portfolio' });
    await form.getByLabel('Portfolio', { exact: true }).fill('customers');
    await form.getByLabel(/^File/).setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CUSTOMERS) });
    // The progress shows while the file is sent and screened: however briefly, the page itself notes it.
    await analyst.evaluate(() => {
      const seen = window as unknown as { progressShown: boolean };
      seen.progressShown = false;
      new MutationObserver(() => {
        const progress = document.querySelector('[role="status"][aria-label="Upload progress"]');
        if (progress?.checkVisibility()) seen.progressShown = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await form.getByRole('button', { name: 'Upload and screen' }).click();
    const report = analyst.getByRole('status', { name: 'Upload report' });
    await report.waitFor({ timeout: 60_000 });
    expect(await analyst.evaluate(() => (window as unknown as { progressShown: boolean }).progressShown)).toBe(true);
    const facts = Object.fromEntries(await report.locator('dl.facts > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent, Number(d.querySelector('dd')!.textContent)])));
    expect(facts).toMatchObject({ Added: 4, Changed: 0, Removed: 0, Unchanged: 0 });
    expect(facts['Alerts raised']).toBeGreaterThanOrEqual(2); // Kim Jong Un and KOMID, listed in 2021
    const unscreenable = await report.getByRole('table', { name: 'Unscreenable rows' }).locator('tbody tr').allTextContents();
    expect(unscreenable).toEqual([expect.stringMatching(/^6C-005/)]);
    await shot(analyst, 'portfolios');
    const row = analyst.getByRole('table', { name: 'Portfolios' }).getByRole('row', { name: /customers/ });
    await expect.poll(() => row.locator('td.num').textContent()).toBe('4');
    expect(await inboxTotal(analyst, '#/alerts?portfolio=customers')).toBe(facts['Alerts raised']);

    // The age filters of the filter bar: every alert was raised just now, so none is older than a day.
    const filters = analyst.getByRole('form', { name: 'Filter the alerts' });
    const heading = analyst.locator('#inbox-heading');
    await filters.getByLabel('Age').selectOption({ label: 'older than 1 day' });
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toBe('0 alerts');
    expect(analyst.url()).toContain('older_than_days=1');
    await filters.getByLabel('Age').selectOption({ label: 'any' });
    await filters.getByLabel('Opened since').fill(new Date().toISOString().slice(0, 10));
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toBe(`${facts['Alerts raised']} alerts`);
    expect(analyst.url()).toMatch(/since=\d{4}-\d{2}-\d{2}/);
  }, 120_000);

  test('OFAC 2023-12-28 over 2021-07-07 raises exactly one new alert, "added to us_ofac_sdn", for the MKRTYCHEV variant', async () => {
    const before = await inboxTotal(analyst);
    const rowsBefore = await analyst.locator('.alert-table tbody tr').count();
    expect(rowsBefore).toBe(before);
    cli(server, ['import', ...SDN_2023]);
    expect(await inboxTotal(analyst)).toBe(before + 1);
    await shot(analyst, 'alerts');
    const added = analyst.locator('.alert-table tbody tr').filter({ has: analyst.locator('td.reason', { hasText: /^added to us_ofac_sdn$/ }) });
    expect(await added.count()).toBe(1);
    expect(await added.getAttribute('data-ref')).toBe('C-001');
    await added.getByRole('link').click();
    await analyst.getByRole('heading', { name: /^C-001/ }).waitFor();
    newAlert = decodeURIComponent(analyst.url().split('#/alerts/')[1]);
    await expect.poll(() => analyst.locator('#target-heading + dl').textContent()).toMatch(/MKRTYCHEV/i);
    listVersion = (await analyst.locator('.list-version').textContent())!;
    expect(listVersion).toMatch(/^us_ofac_sdn \S+/);
    expect(await analyst.locator('.explanation-lines li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 300_000);

  test('the analyst moves through the inbox with j/k, opens an alert with Enter and marks it a false positive', async () => {
    await inboxTotal(analyst, '#/alerts?status=open');
    const refs = await analyst.locator('.alert-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    const target = refs.indexOf('C-004');
    expect(target).toBeGreaterThanOrEqual(0);
    await analyst.locator('h1').click(); // keys typed in a field are the field's
    for (let i = 0; i < target; i++) await analyst.keyboard.press('j');
    // One step away and back: k then j (j then k from the first row).
    for (const key of target > 0 ? ['k', 'j'] : ['j', 'k']) await analyst.keyboard.press(key);
    expect(await analyst.locator('.alert-table tr[aria-current="true"]').getAttribute('data-ref')).toBe('C-004');
    await analyst.keyboard.press('Enter');
    await analyst.getByRole('heading', { name: /^C-004/ }).waitFor();
    await decide(analyst, 'False positive', 'a different company: registered elsewhere, different owners');
    await expect.poll(() => status(analyst).textContent()).toBe('False positive');
    await expect.poll(() => analyst.getByRole('table', { name: 'History' }).locator('tbody tr').first().textContent()).toContain('user:e2e-analyst');
  }, 60_000);

  test('bulk actions: the selected alerts are assigned at once', async () => {
    await inboxTotal(analyst, '#/alerts?portfolio=customers&status=open');
    const rows = analyst.locator('.alert-table tbody tr[data-ref="C-002"]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await rows.nth(i).getByRole('checkbox').check();
    const bulk = analyst.getByRole('form', { name: 'Bulk actions' });
    await expect.poll(() => bulk.textContent()).toContain(`${n} selected`);
    await bulk.getByLabel('Assign to').fill('user:e2e-analyst');
    await bulk.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => analyst.locator('.alert-table tbody tr[data-ref="C-002"] td:nth-child(8)').allTextContents()).toEqual(Array(n).fill('user:e2e-analyst'));
    expect(await inboxTotal(analyst, '#/alerts?assignee=user%3Ae2e-analyst')).toBe(n);
  }, 60_000);

  test('a viewer reads an alert but is offered no decision', async () => {
    const viewer = await pageAs('viewer');
    await open(viewer, `#/alerts/${encodeURIComponent(newAlert)}`);
    await viewer.getByRole('heading', { name: /^C-001/ }).waitFor();
    await viewer.getByRole('heading', { name: 'History' }).waitFor();
    expect(await viewer.getByRole('form', { name: 'Decide' }).count()).toBe(0);
  }, 60_000);

  test('the analyst proposes the true match, a reviewer closes it; the PDF names the list version and both deciders', async () => {
    await open(analyst, `#/alerts/${encodeURIComponent(newAlert)}`);
    await analyst.getByRole('heading', { name: /^C-001/ }).waitFor();
    await analyst.getByRole('form', { name: 'Decide' }).getByLabel('Decision').selectOption({ label: 'True match' });
    await expect.poll(() => analyst.getByRole('note').textContent()).toMatch(/needs a second reviewer/);
    await decide(analyst, 'True match', 'same name, DPRK programme, added on 2023-12-28');
    await analyst.getByText('Proposed as a true match: a second person with the reviewer role closes it.').waitFor();
    await expect.poll(() => status(analyst).textContent()).toBe('In review');

    const reviewer = await pageAs('reviewer');
    await open(reviewer, `#/alerts/${encodeURIComponent(newAlert)}`);
    await reviewer.getByRole('heading', { name: /^C-001/ }).waitFor();
    await reviewer.getByRole('form', { name: 'Decide' }).getByLabel('Decision').selectOption({ label: 'True match' });
    await expect.poll(() => reviewer.getByRole('note').textContent()).toContain('Proposed as a true match by user:e2e-analyst');
    await decide(reviewer, 'True match', 'confirmed: the 2023-12-28 designation');
    await expect.poll(() => status(reviewer).textContent()).toBe('True match');
    await shot(reviewer, 'alert');

    const pdfLink = reviewer.getByRole('link', { name: 'PDF' });
    const pdf = await reviewer.request.get(`${server.url}${await pdfLink.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
    expect(text).toContain(listVersion.split(' ')[1]);
    expect(text).toContain('user:e2e-analyst');
    expect(text).toContain('user:e2e-reviewer');
    const html = await reviewer.request.get(`${server.url}${await reviewer.getByRole('link', { name: 'printable HTML' }).getAttribute('href')}`);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toContain('user:e2e-reviewer');
    expect(problems).toEqual([]);
  }, 120_000);

  test('importing the same OFAC version again raises no alert', async () => {
    const before = await inboxTotal(analyst);
    cli(server, ['import', ...SDN_2023]);
    expect(await inboxTotal(analyst)).toBe(before);
  }, 300_000);
});
