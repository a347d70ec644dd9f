// End-to-end test of confidential workspaces in the web app: Chromium drives the built app against the
// real server. Analyst A creates a workspace on the Workspaces page, records a person in it and adds an
// alias through the entity page's claim form, and uploads a document, with "Where" set to the workspace;
// A finds the person. Analyst B, not a member, finds nothing by search, match, graph or id (the same 404
// as an unknown id), nor the document, and is refused (with the server's reason) when managing members;
// once A adds B on the page, B finds the person and the document.
// One server start for the whole file; the steps build on each other in order.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, cli, signIn, startServer, TEST_PASSWORD, type RunningServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** The workspace A creates, by the id the server chose (read back from A's list). */
let WORKSPACE = '';
const NAME = 'Zqvarn Tolbeck Oyelaran';
const ALIAS = 'Unique Broker Alias Zq';

describe.skipIf(!HAVE_CHROMIUM)('confidential workspaces in the web app (end to end)', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let analystA: Page;
  let analystB: Page;
  /** The person A records in the workspace. */
  let personId = '';
  /** The document A uploads into the workspace. */
  let documentId = '';

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { context, page };
  }

  /** A write with the page's own session: its CSRF token comes from GET /auth/me. */
  async function csrfOf(page: Page): Promise<Record<string, string>> {
    const me = (await (await page.request.get(`${server.url}/auth/me`)).json()) as { csrf_token: string };
    return { 'x-csrf-token': me.csrf_token };
  }

  /** The ids the search page lists for `q`, from a fresh answer (an empty search first clears the last one). */
  async function searchHits(page: Page, q: string): Promise<string[]> {
    await page.goto(`${server.url}/#/search`);
    await page.getByText('Search every list at once').waitFor();
    await page.goto(`${server.url}/#/search?q=${encodeURIComponent(q)}`);
    await page.locator('.hits .summary').waitFor({ timeout: 30_000 });
    const links = await page.locator('.hit-list .hit-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return links.map((h) => decodeURIComponent(h.replace(/^#\/entity\//, '')));
  }

  /**
   * The ids POST /match/all answers for the person's name: `default` screens the sanctions lists only,
   * `all` every dataset the asker may see (workspaces included).
   */
  async function matchIds(page: Page): Promise<string[]> {
    const r = await page.request.post(`${server.url}/match/all`, {
      headers: await csrfOf(page),
      data: { queries: { q1: { schema: 'Person', properties: { name: [NAME] } } } },
    });
    expect(r.status()).toBe(200);
    const body = (await r.json()) as { responses: Record<string, { results: { id: string }[] }> };
    return body.responses.q1!.results.map((x) => x.id);
  }

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const a = await newPage();
    await signIn(a.context, server, 'analyst');
    analystA = a.page;
    const b = await newPage();
    cli(server, ['users', 'add', 'e2e-analyst-b', '--role', 'analyst', '--password-stdin'], TEST_PASSWORD);
    const signedIn = await b.context.request.post(`${server.url}/auth/sign-in`, { data: { name: 'e2e-analyst-b', password: TEST_PASSWORD } });
    expect(signedIn.status()).toBe(200);
    analystB = b.page;
  }, 420_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  test('analyst A creates the workspace on the Workspaces page and is its owner', async () => {
    const page = analystA;
    await page.goto(`${server.url}/#/workspaces`);
    await page.getByRole('heading', { name: 'Workspaces', level: 1 }).waitFor();
    await page.getByText('You are a member of no workspace.').waitFor();
    const form = page.getByRole('form', { name: 'New workspace' });
    await form.getByLabel('Name').fill('Case KP');
    await form.getByRole('button', { name: 'Create' }).click();
    // The page says the id the server chose; the name is any text.
    const status = page.getByRole('status').filter({ hasText: 'Created “Case KP”' });
    await status.waitFor();
    const listed = (await (await page.request.get(`${server.url}/workspaces`)).json()) as { workspaces: { id: string; title: string }[] };
    expect(listed.workspaces.map((w) => w.title)).toEqual(['Case KP']);
    WORKSPACE = listed.workspaces[0]!.id;
    expect(await status.textContent()).toBe(`Created “Case KP” (${WORKSPACE}).`);
    const members = page.getByRole('table', { name: `Members of ${WORKSPACE}` });
    await members.waitFor();
    await expect(members.getByRole('row', { name: /e2e-analyst \(owner\)/ }).count()).resolves.toBe(1);
  });

  test('A records a person in the workspace and adds an alias there through the claim form', async () => {
    const page = analystA;
    // The web app has no "new entity" form: the person is recorded with A's own session.
    const created = await page.request.post(`${server.url}/entities`, {
      headers: await csrfOf(page),
      data: { schema: 'Person', properties: { name: NAME }, dataset: WORKSPACE, source_document: 'https://example.org/case-kp', evidence_grade: 'reported' },
    });
    expect(created.status()).toBe(201);
    personId = ((await created.json()) as { id: string }).id;

    await page.goto(`${server.url}/#/entity/${encodeURIComponent(personId)}`);
    const form = page.getByRole('form', { name: 'Add a claim' });
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel('Property').selectOption('alias');
    await form.getByLabel('Value', { exact: true }).fill(ALIAS);
    await form.getByLabel('Source', { exact: true }).fill('https://example.org/case-kp-note');
    await form.getByLabel('Evidence grade').selectOption('reported');
    const where = form.getByLabel('Where', { exact: true });
    await where.locator(`option[value="${WORKSPACE}"]`).waitFor({ state: 'attached' });
    expect(await where.inputValue()).toBe('');
    await where.selectOption(WORKSPACE);
    await form.getByRole('button', { name: 'Add claim' }).click();
    await page.getByRole('status').filter({ hasText: `Saved: alias “${ALIAS}” (reported) in ${WORKSPACE}.` }).waitFor();
    await page.locator('#properties').getByText(ALIAS).first().waitFor({ timeout: 20_000 });

    // A finds the person by the alias and by the name.
    await expect.poll(() => searchHits(page, ALIAS), { timeout: 30_000 }).toContain(personId);
    expect(await searchHits(page, NAME)).toContain(personId);
    await expect.poll(() => matchIds(page), { timeout: 60_000 }).toContain(personId);
  });

  test('A uploads a document into the workspace from the Documents page', async () => {
    const page = analystA;
    await page.goto(`${server.url}/#/documents`);
    const upload = page.locator('#upload');
    await upload.getByLabel('Title').fill('Case KP field note');
    const where = upload.getByLabel('Where', { exact: true });
    await where.locator(`option[value="${WORKSPACE}"]`).waitFor({ state: 'attached' });
    await where.selectOption(WORKSPACE);
    await upload.locator('input[type=file]').setInputFiles({ name: 'case-kp-note.txt', mimeType: 'text/plain', buffer: Buffer.from(`Field note: ${NAME}, also known as ${ALIAS}, brokered the deal.\n`) });
    const open = page.getByRole('status', { name: 'Upload result' }).getByRole('link', { name: 'Open the document' });
    await open.waitFor({ timeout: 60_000 });
    documentId = decodeURIComponent((await open.getAttribute('href'))!.replace(/^#\/documents\//, ''));
    const read = await page.request.get(`${server.url}/documents/${encodeURIComponent(documentId)}`);
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { workspace: string | null }).workspace).toBe(WORKSPACE);
  });

  test('a portfolio A keeps in the workspace is shown with the workspace\'s name, not its opaque id', async () => {
    const page = analystA;
    const csv = 'id,name,schema\nkp-1,Ri Song Chol,Person\n';
    const put = await page.request.put(`${server.url}/portfolios/Case%20KP%20customers?workspace=${WORKSPACE}`, { headers: { ...(await csrfOf(page)), 'content-type': 'text/csv' }, data: csv });
    expect(put.status()).toBe(200);
    await page.goto(`${server.url}/#/portfolios`);
    const row = page.getByRole('table', { name: 'Portfolios' }).getByRole('row').filter({ hasText: 'Case KP customers' });
    await row.waitFor();
    // The row comes with the portfolios, its workspace's name with the workspaces (read once, under load
    // after it: CI saw the opaque id): waited for, not read once.
    await expect.poll(() => row.getByRole('cell').nth(1).textContent(), { timeout: 15_000 }).toBe('Case KP');
    await page.goto(`${server.url}/#/alerts`);
    const portfolio = page.getByRole('combobox', { name: 'Portfolio' });
    await portfolio.locator('option', { hasText: 'Case KP customers (Case KP)' }).waitFor({ state: 'attached' });
  });

  test('analyst B, not a member, finds nothing of it: search, match, graph, id and its document answer as for unknown ones', async () => {
    const page = analystB;
    await page.goto(`${server.url}/#/workspaces`);
    await page.getByText('You are a member of no workspace.').waitFor();
    expect(await searchHits(page, ALIAS)).not.toContain(personId);
    expect(await searchHits(page, NAME)).not.toContain(personId);
    expect(await matchIds(page)).not.toContain(personId);
    // Screening the workspace by name answers as for a dataset that does not exist.
    const query = { queries: { q1: { schema: 'Person', properties: { name: [NAME] } } } };
    const byWorkspace = await page.request.post(`${server.url}/match/${WORKSPACE}`, { headers: await csrfOf(page), data: query });
    const byNoDataset = await page.request.post(`${server.url}/match/ws_no_such_case`, { headers: await csrfOf(page), data: query });
    expect(byWorkspace.status()).toBe(404);
    expect(((await byWorkspace.json()) as { error: string }).error).toBe(((await byNoDataset.json()) as { error: string }).error.replace('ws_no_such_case', WORKSPACE));

    const unknown = 'no-such-entity-zq';
    const answer = async (path: string) => {
      const r = await page.request.get(`${server.url}${path}`);
      return { status: r.status(), error: ((await r.json()) as { error: string }).error };
    };
    const byId = await answer(`/entities/${encodeURIComponent(personId)}`);
    const unknownById = await answer(`/entities/${unknown}`);
    expect(byId.status).toBe(404);
    expect(byId.error).toBe(unknownById.error.replace(unknown, personId));
    const adjacent = await answer(`/entities/${encodeURIComponent(personId)}/adjacent`);
    const unknownAdjacent = await answer(`/entities/${unknown}/adjacent`);
    expect(adjacent.status).toBe(404);
    expect(adjacent.error).toBe(unknownAdjacent.error.replace(unknown, personId));

    // Nor the workspace's document.
    expect((await page.request.get(`${server.url}/documents/${encodeURIComponent(documentId)}`)).status()).toBe(404);

    // The entity page says what it says for any unknown id.
    await page.goto(`${server.url}/#/entity/${encodeURIComponent(personId)}`);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/404/);
    expect(await page.getByText(NAME).count()).toBe(0);
  });

  test('A adds B as a member on the page; B then finds the person and the document, but may not manage the members', async () => {
    await analystA.goto(`${server.url}/#/workspaces`);
    const add = analystA.getByRole('form', { name: `Add a member to ${WORKSPACE}` });
    await add.getByLabel('User name').fill('e2e-analyst-b');
    await add.getByRole('combobox', { name: 'Role in the workspace' }).selectOption('analyst');
    await add.getByRole('button', { name: 'Add member' }).click();
    const members = analystA.getByRole('table', { name: `Members of ${WORKSPACE}` });
    await members.getByRole('row', { name: /^e2e-analyst-b analyst/ }).waitFor();

    const page = analystB;
    expect(await searchHits(page, ALIAS)).toContain(personId);
    expect(await matchIds(page)).toContain(personId);
    expect((await page.request.get(`${server.url}/entities/${encodeURIComponent(personId)}/adjacent`)).status()).toBe(200);
    expect((await page.request.get(`${server.url}/documents/${encodeURIComponent(documentId)}`)).status()).toBe(200);
    await page.goto(`${server.url}/#/entity/${encodeURIComponent(personId)}`);
    await page.locator('#properties').getByText(ALIAS).first().waitFor({ timeout: 20_000 });

    // B is a member, not an owner: removing A is refused, and the page shows the server's reason.
    await page.goto(`${server.url}/#/workspaces`);
    await page.getByRole('button', { name: `Remove e2e-analyst from ${WORKSPACE}` }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(`403: only an admin or an owner of ${WORKSPACE} manages its members`);
    expect(await page.getByRole('table', { name: `Members of ${WORKSPACE}` }).getByRole('row').count()).toBe(3);
    expect(problems).toEqual([]);
  });
});
