// End-to-end: the Resolve page and a resolved target's members, in Chromium (playwright-core) against
// the real server with the bundled lists, their shipped judgements and a cross-reference of the UN and
// UK lists. Keys decide pairs (not while typing), the judgements reach the API, the queue moves on,
// undo brings a pair back; a merged target lists its members and one is split off into its own entity.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, cli, ROOT, signIn, startServer, type RunningServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
// The server records the signed-in user as the author (the app asks for no name).
const AUTHOR = 'user:admin';

interface Candidate { left: string; right: string; score: number; status: string; conflicts: string[]; flagged: boolean; leftCaption: string }

describe.skipIf(!HAVE_CHROMIUM)('resolve in the web app (end to end)', () => {
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  // As the signed-in user (the context's cookie). Once more on a reset: a kept-alive socket the server
  // closed while the CLI steps ran is not an answer.
  const api = async (path: string) => (await browser.request.get(server.url + path).catch(() => browser.request.get(server.url + path))).json();
  const row = (c: Candidate) => page.locator(`table.queue tr[data-pair="${c.left}|${c.right}"]`);

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    // the shipped judgements (a first start imports them; this copy of the bundled lists has none yet),
    // then candidates among the UN and UK lists (the whole bundle is bench:xref's job)
    for (const file of ['analysts.jsonl', 'xref.jsonl']) cli(server, ['judgements', 'import', join(ROOT, 'data/judgements', file)]);
    cli(server, ['xref', 'un_sc_sanctions', 'gb_hmt_sanctions']);
    const tmp = join(server.dir, 'browser');
    mkdirSync(tmp, { recursive: true });
    browser = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 1280, height: 900 },
    });
    // Every request needs a signed-in user: the session cookie lands in the context before the first page load.
    await signIn(browser, server);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('decides pairs by key: a conflict shown side by side, s and n recorded, the queue moves on, z undoes', async () => {
    const waiting = (await api('/xref/candidates?dataset=gb_hmt_sanctions&status=waiting&limit=500')).results as Candidate[];
    // a pair whose birth dates conflict, and a pair of two records in no target (merging them contradicts nothing)
    const conflict = waiting.find((c) => c.conflicts.includes('birthDate.mismatch') && !c.flagged)!;
    expect(conflict).toBeDefined();
    const filter = `dataset=gb_hmt_sanctions&min=${(conflict.score - 0.05).toFixed(3)}&max=${(conflict.score + 0.05).toFixed(3)}`;
    const band = (await api(`/xref/candidates?${filter}&limit=50`)).results as Candidate[];
    expect(band.map((c) => `${c.left}|${c.right}`)).toContain(`${conflict.left}|${conflict.right}`);
    let same: Candidate | undefined;
    for (const c of band) {
      if (c.conflicts.length || c.flagged || [c.left, c.right].some((id) => id === conflict.left || id === conflict.right)) continue;
      const alone = async (id: string) => (await api(`/entities/${id}/members`)).members.length === 1;
      if ((await alone(c.left)) && (await alone(c.right))) {
        same = c;
        break;
      }
    }
    expect(same).toBeDefined();
    const before = (await api(`/xref/candidates?${filter}&limit=1`)).counts;

    await page.goto(`${server.url}/#/resolve?${filter}`);
    await page.getByRole('link', { name: 'Resolve' }).waitFor();
    await row(conflict).click();
    // side by side, property by property: the conflicting birth dates highlighted, each value with its source
    // (the pair shown before the click stays on screen until the clicked one has loaded)
    const birth = page.locator(`table.pair-table[data-pair="${conflict.left}|${conflict.right}"] tr[data-prop="birthDate"]`);
    await birth.waitFor();
    expect(await birth.getAttribute('data-state')).toBe('conflict');
    expect(await birth.locator('td').first().textContent()).toMatch(/gb_hmt_sanctions/);
    expect(await birth.locator('td').nth(1).textContent()).toMatch(/un_sc_sanctions|gb_hmt_sanctions/);
    expect(await page.locator('table.pair-table thead').textContent()).toContain(conflict.leftCaption);

    // typing a reason: the keys are the input's, nothing is decided
    await page.getByLabel('Reason').fill('');
    await page.getByLabel('Reason').press('s');
    expect(await page.getByLabel('Reason').inputValue()).toBe('s');
    await page.getByLabel('Reason').fill('');
    expect((await api(`/xref/candidates/${conflict.left}/${conflict.right}`)).judgement).toBeNull();

    await row(same!).click();
    await page.locator('h1').click(); // leave the inputs
    await page.keyboard.press('s');
    await page.getByText(/^Recorded: .* are the same\.$/).waitFor();
    await row(same!).waitFor({ state: 'detached' });
    await row(conflict).click();
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await page.getByText(/^Recorded: .* are not the same\.$/).waitFor();
    await row(conflict).waitFor({ state: 'detached' });

    const sameJudgement = (await api(`/xref/candidates/${same!.left}/${same!.right}`)).judgement;
    expect(sameJudgement).toMatchObject({ verdict: 'same', author: AUTHOR, machine: false, reason: 'the same target: names and details agree' });
    const notSame = (await api(`/xref/candidates/${conflict.left}/${conflict.right}`)).judgement;
    expect(notSame).toMatchObject({ verdict: 'not_same', author: AUTHOR, reason: 'different targets: details conflict' });
    const after = (await api(`/xref/candidates?${filter}&limit=1`)).counts;
    expect(after.waiting).toBe(before.waiting - 2);
    expect(await page.locator('[data-count="decided"]').textContent()).toBe(String(after.decided));

    // j and k move through the queue
    const selected = () => page.locator('table.queue tr.selected').getAttribute('data-pair');
    const first = await selected();
    await page.keyboard.press('j');
    await expect.poll(selected).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(selected).toBe(first);

    // z undoes the last decision: the pair is waiting again and selected
    await page.keyboard.press('z');
    await page.getByText(/^Undone: the not-same decision/).waitFor();
    await row(conflict).waitFor();
    expect((await api(`/xref/candidates/${conflict.left}/${conflict.right}`)).judgement).toBeNull();
    expect(await selected()).toBe(`${conflict.left}|${conflict.right}`);
    expect(problems).toEqual([]);
  });

  test("lists a merged target's members with their judgements and splits one off into its own entity", async () => {
    // KIM Yong Chol, born 1962: OFAC 17614, UN KPi.024 and UK 13334, merged by the shipped judgements
    const target = await api('/entities/us-ofac-sdn-17614/members');
    expect(target.members.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['gb-hmt-sanctions-13334', 'un-sc-sanctions-KPi.024', 'us-ofac-sdn-17614']));
    await page.goto(`${server.url}/#/entity/us-ofac-sdn-17614`);
    const members = page.locator('#members');
    await members.waitFor();
    const uk = members.locator('tr[data-member="gb-hmt-sanctions-13334"]');
    expect(await uk.textContent()).toMatch(/gb_hmt_sanctions.*gb_hmt_sanctions:13334.*KIM.*same.*by interdict\/xref.*machine.*score/);
    expect(await members.locator('tbody tr').count()).toBe(target.members.length);

    await uk.getByRole('button', { name: 'Split off…' }).click();
    await uk.getByLabel('Reason for the split').fill('test: the UK entry is checked apart');
    await uk.getByRole('button', { name: 'Split off', exact: true }).click();
    const done = members.getByText(/is now its own entity/);
    await done.waitFor();
    await expect.poll(() => members.locator('tbody tr').count()).toBe(target.members.length - 1);
    expect((await api('/entities/us-ofac-sdn-17614/members')).members.map((m: { id: string }) => m.id)).not.toContain('gb-hmt-sanctions-13334');

    const ownMembers = page.waitForResponse((r) => r.url().endsWith('/entities/gb-hmt-sanctions-13334/members'));
    await members.locator('.message a').first().click();
    await page.locator('.entity-head code', { hasText: 'gb-hmt-sanctions-13334' }).waitFor();
    await ownMembers;
    expect(await page.locator('#members').count()).toBe(0);
    const own = await api('/entities/gb-hmt-sanctions-13334');
    expect(own).toMatchObject({ id: 'gb-hmt-sanctions-13334', referents: ['gb_hmt_sanctions:13334'] });
    expect(problems).toEqual([]);
  });
});
