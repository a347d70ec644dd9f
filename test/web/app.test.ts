// End-to-end tests of the analyst app: Debian's Chromium (through playwright-core) drives the built
// app, served by the real server with the bundled official lists. Screenshots of every page go to
// docs/screenshots/ for the README when UPDATE_SCREENSHOTS=1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, cli, ROOT, signIn, startServer, type RunningServer } from './server.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';
import { tempDirForFile } from '../support/temp-dir.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1 npm test); otherwise they go
// to a temp folder removed after the file, so a test run leaves the working tree as it was.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs/screenshots') : tempDirForFile('shots');

if (!HAVE_CHROMIUM) {
  process.stdout.write(`\n*** web end-to-end tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk) ***\n`);
}

describe.skipIf(!HAVE_CHROMIUM)('analyst web app (end to end)', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  /** Problems the browser reported: CSP violations, uncaught errors. */
  const problems: string[] = [];
  let tmp: string;

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    tmp = join(server.dir, 'browser');
    mkdirSync(tmp, { recursive: true });
    mkdirSync(SHOTS, { recursive: true });
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
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(hash: string): Promise<void> {
    await page.goto(`${server.url}/${hash}`);
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  test('the app is served with a strict CSP and loads without violations', async () => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const html = await response!.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/<style|style="/);
    expect(problems).toEqual([]);
  });

  test('search 김정은 and open KIM, Jong Un with per-value provenance', async () => {
    await open('#/search');
    await page.getByLabel('Name or identifier, in any script').fill('김정은');
    await page.keyboard.press('Enter');
    const hit = page.locator('.hit-list').getByRole('link', { name: 'KIM, Jong Un', exact: true }).first();
    await hit.waitFor({ timeout: 20_000 });
    await expect(page.locator('.facets').count()).resolves.toBe(1);
    await shot('search');
    await hit.click();
    await page.getByRole('heading', { level: 1, name: 'KIM, Jong Un' }).waitFor();
    // Every value says where it came from: a list version and a locator in the file.
    const firstSource = page.locator('table.props ul.provenance li').first();
    await firstSource.waitFor();
    expect(await firstSource.textContent()).toMatch(/official.*us_ofac_sdn|official.*un_sc_sanctions/);
    expect(await page.locator('#sanctions .card').count()).toBeGreaterThan(0);
    await shot('entity');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('entity-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(problems).toEqual([]);
  });

  test('screen Kim Chong-un and see the explanation', async () => {
    await open('#/screen');
    await page.getByLabel(/^Name/).fill('Kim Chong-un');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const top = page.locator('.match-card').first();
    await top.waitFor({ timeout: 30_000 });
    expect(await top.locator('.match-caption').textContent()).toBe('KIM, Jong Un');
    expect(await top.locator('.badge.match').count()).toBe(1);
    expect(await top.locator('.explanation li').count()).toBeGreaterThan(0);
    expect(await top.locator('mark').count()).toBeGreaterThan(0);
    await shot('screening');
    expect(problems).toEqual([]);
  });

  test('upload a small CSV, screen it with progress, download CSV and JSON lines', async () => {
    const csv = join(tmp, 'customers.csv');
    writeFileSync(csv, 'id,schema,name,birth_date,nationality\nc1,Person,Kim Chong-un,,kp\nc2,Person,Moon Jae-in,1953-01-24,kr\nc3,Company,VERSOR S.R.O.,,\n');
    await open('#/screen');
    await page.getByLabel('CSV file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Screen 3 rows' }).click();
    await page.getByRole('group', { name: 'Rows screened' }).waitFor();
    await page.getByText(/3 rows: \d+ match/).waitFor({ timeout: 30_000 });
    await shot('screening-batch');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csvText = readFileSync(await csvDownload.path(), 'utf8');
    const lines = csvText.trim().split(/\r?\n/);
    // The schema `interdict screen --format csv` writes (src/screening/batch-output.ts): one row per result.
    expect(lines[0]).toBe('id,line,status,band,rank,result_band,score,reason,entity_id,caption,schema,target,referents,datasets,warnings,error,lists');
    expect(lines.find((l) => l.startsWith('c1,2,screened,match,1,'))).toMatch(/KIM, Jong Un/);
    expect(lines.find((l) => l.startsWith('c3,4,screened,match,1,'))).toMatch(/VERSOR S\.R\.O\./);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON lines' }).click()]);
    const rows = readFileSync(await jsonDownload.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2', 'c3']);
    expect(rows[0].results[0].caption).toBe('KIM, Jong Un');
    expect(rows[0].results[0].match).toBe(true);
    expect(problems).toEqual([]);
  });

  test('open the graph of MKRTYCHEV, Ashot and find his companies', async () => {
    await open('#/search?q=MKRTYCHEV');
    await page.locator('.hit-list').getByRole('link', { name: 'MKRTYCHEV, Ashot' }).first().click();
    await page.getByRole('link', { name: 'Open in graph explorer' }).click();
    const nodes = page.getByRole('table', { name: 'Entities in the graph' });
    for (const company of ['VERSOR S.R.O.', 'LIMITED LIABILITY COMPANY VERUS', 'DEFENSE ENGINEERING LIMITED LIABILITY PARTNERSHIP']) {
      await nodes.getByRole('button', { name: company, exact: true }).waitFor({ timeout: 30_000 });
    }
    // The canvas holds the same nodes, the start node marked sanctioned.
    const drawn = await page.evaluate(() => {
      const cy = (window as unknown as { __interdictGraph: { nodes(s?: string): { length: number } } }).__interdictGraph;
      return { all: cy.nodes().length, sanctioned: cy.nodes('.sanctioned').length };
    });
    expect(drawn.all).toBeGreaterThanOrEqual(4);
    expect(drawn.sanctioned).toBeGreaterThanOrEqual(4);
    // Issue 18: the graph was not fitted after a search; every node is in view.
    const inView = await page.evaluate(() => {
      type Box = { x1: number; y1: number; x2: number; y2: number };
      const cy = (window as unknown as { __interdictGraph: { nodes(): { renderedBoundingBox(): Box }; width(): number; height(): number } }).__interdictGraph;
      const b = cy.nodes().renderedBoundingBox();
      return { box: b, width: cy.width(), height: cy.height(), fits: b.x1 >= -2 && b.y1 >= -2 && b.x2 <= cy.width() + 2 && b.y2 <= cy.height() + 2 };
    });
    expect(inView.fits, JSON.stringify(inView)).toBe(true);
    await shot('graph');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('VERSOR S.R.O.');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');

    // Issue 11: the server filters (the page keeps no copy of its edge filter): a minimum grade asks
    // for the neighbourhood again with min_grade, and every link drawn is that strong.
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/graph/neighborhood') && r.url().includes('min_grade=official')),
      page.getByLabel('Minimum evidence').selectOption('official'),
    ]);
    expect(filtered.status()).toBe(200);
    await nodes.getByRole('button', { name: 'VERSOR S.R.O.', exact: true }).waitFor({ timeout: 30_000 });
    const grades = await page.evaluate(() => {
      const cy = (window as unknown as { __interdictGraph: { edges(): { map<T>(f: (e: { classes(): string[] }) => T): T[] } } }).__interdictGraph;
      return cy.edges().map((e) => e.classes().join(' '));
    });
    expect(grades.length).toBeGreaterThan(0);
    expect(grades.every((c) => c.includes('grade-official'))).toBe(true);
    // and back to any grade (the page keeps its filter across starts, as a user would expect)
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/graph/neighborhood') && !r.url().includes('min_grade')),
      page.getByLabel('Minimum evidence').selectOption(''),
    ]);
    expect(problems).toEqual([]);
  });

  test('find the path from RIM, Yong Hyok to the Wagner Group', async () => {
    await open('#/graph');
    const pick = async (label: string, query: string, name: string) => {
      const picker = page.getByRole('search', { name: label });
      await picker.getByRole('textbox').fill(query);
      await picker.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('list', { name: `Matches for ${label}` }).getByRole('button', { name, exact: true }).first().click();
    };
    await pick('Path from', 'RIM, Yong Hyok', 'RIM, Yong Hyok');
    await pick('Path to', 'Wagner', "PRIVATE MILITARY COMPANY 'WAGNER'");
    await page.getByRole('button', { name: 'Find paths' }).click();
    const path = page.getByRole('list', { name: 'Paths found' }).locator('> li').first();
    await path.waitFor({ timeout: 30_000 });
    const steps = path.locator('.path-steps > li');
    expect(await steps.first().getByRole('link').first().textContent()).toBe('RIM, Yong Hyok');
    expect(await steps.last().getByRole('link').first().textContent()).toBe("PRIVATE MILITARY COMPANY 'WAGNER'");
    // Each edge carries its own provenance.
    expect(await path.locator('.path-edge ul.provenance li').count()).toBeGreaterThanOrEqual((await steps.count()) - 1);
    await shot('graph-path');
    expect(problems).toEqual([]);
  });

  test('open the transfers timeline with violations and sources', async () => {
    await open('#/transfers');
    await page.getByRole('img', { name: /Timeline of \d+ transfers/ }).waitFor({ timeout: 30_000 });
    const cards = page.locator('.transfer-list > li');
    expect(await cards.count()).toBeGreaterThan(0);
    // The November 2022 rail delivery to Wagner, alleged in the seed article: a possible breach of UNSCR 1874 para 9.
    const wagner = cards.filter({ hasText: /Wagner/i }).filter({ hasText: /2022-11/ }).first();
    await wagner.locator('.violation').first().waitFor({ timeout: 30_000 });
    expect(await wagner.locator('.violations').textContent()).toMatch(/possible breach[\s\S]*1874[\s\S]*9/i);
    expect(await page.getByRole('img', { name: /Map of transfers/ }).locator('path.arc').count()).toBeGreaterThan(0);
    await shot('transfers');
    expect(problems).toEqual([]);
  });

  // Last: it adds an older OFAC version to the database, which the other scenarios do not expect: the
  // real subset of the 2021 list (test/support/ofac-files.ts), imported and indexed in a fraction of
  // the whole one's time. It is far smaller than the bundled list: the shrink guard wants --allow-shrink.
  test('open the Lists page and the diff of two OFAC versions', async () => {
    cli(server, ['import', ...SDN_2021_SUBSET, '--dataset', 'us_ofac_sdn', '--allow-shrink']);
    await open('#/lists');
    const row = page.getByRole('row').filter({ has: page.locator('code', { hasText: /^us_ofac_sdn$/ }) });
    await row.waitFor();
    expect(await page.locator('.badge.stale').count()).toBeGreaterThan(0); // the bundled lists are old
    await shot('lists');
    await row.getByRole('link').first().click();
    const versions = page.locator('table.versions tbody tr');
    await versions.nth(1).waitFor();
    expect(await versions.count()).toBe(2);
    // From the 2021 set (imported now, no publication date in the CSV) to the bundled 2023-12-28 set.
    const compare = page.getByRole('form', { name: 'Compare two versions' });
    const to = await compare.getByLabel('To').locator('option', { hasText: '2023-12-28' }).getAttribute('value');
    const from = await compare.getByLabel('From').locator('option').filter({ hasNotText: '2023-12-28' }).first().getAttribute('value');
    await compare.getByLabel('From').selectOption(from!);
    await compare.getByLabel('To').selectOption(to!);
    await compare.getByRole('button', { name: 'Compare' }).click();
    const summary = page.locator('#diff .summary');
    await summary.waitFor({ timeout: 60_000 });
    const added = Number((await summary.locator('.diff-added').textContent())!.replace(/\D/g, ''));
    expect(added).toBeGreaterThan(1000);
    await page.getByLabel('Filter by name').fill('MKRTYCHEV');
    const entry = page.getByRole('table', { name: 'Diff entries' }).getByRole('row').filter({ hasText: 'MKRTYCHEV, Ashot' });
    await entry.waitFor();
    expect(await entry.locator('.badge').first().textContent()).toBe('added');
    await page.getByLabel('Filter by name').fill('');
    await shot('lists-diff');
    expect(problems).toEqual([]);
  }, 300_000);
});
