// End to end in Chromium: the seed article uploaded as text, its mentions found and PRIGOZHIN
// highlighted, a link accepted, a sentence selected and turned into a claim, and the claim's
// locator opening the reader at the quoted sentence; an HTML document's markup shows as inert text.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWeb, ROOT, signIn, startServer, type RunningServer } from './server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEED = join(ROOT, 'test/fixtures/documents/seed-article.txt');
const SENTENCE = 'In July, the U.S. sanctioned North Korean arms dealer Rim Yong Hyok for facilitating unspecified arms transfers to the Wagner Group.';

describe.skipIf(!existsSync(CHROMIUM))('documents in the web app (end to end)', () => {
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

  async function upload(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await page.goto(`${server.url}/#/documents`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('link', { name: 'Open the document' }).click({ timeout: 120_000 });
    await page.locator('.reader').waitFor();
  }

  /** Selects `text` in the reader as a person would with the mouse, then lets go of the button. */
  async function select(text: string): Promise<void> {
    const found = await page.evaluate((wanted) => {
      for (const p of document.querySelectorAll('.reader-para')) {
        const runs = [...p.querySelectorAll<HTMLElement>('[data-start]')];
        const whole = runs.map((r) => r.textContent ?? '').join('');
        const at = whole.indexOf(wanted);
        if (at < 0) continue;
        const point = (offset: number): [Node, number] => {
          let seen = 0;
          for (const r of runs) {
            const len = (r.textContent ?? '').length;
            if (offset <= seen + len) return [r.firstChild!, offset - seen];
            seen += len;
          }
          throw new Error('offset outside the paragraph');
        };
        const range = document.createRange();
        range.setStart(...point(at));
        range.setEnd(...point(at + wanted.length));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return true;
      }
      return false;
    }, text);
    expect(found, text).toBe(true);
  }

  test('upload the seed article, review PRIGOZHIN, build a claim from a sentence and open it by its locator', async () => {
    await upload(SEED);
    const prigozhin = page.locator('mark.mention.linked', { hasText: 'Prighozin' }).first();
    await prigozhin.waitFor();
    expect(await prigozhin.getAttribute('title')).toMatch(/PRIGOZHIN/);

    await prigozhin.click();
    const panel = page.locator('#mention');
    await panel.getByText(/^Linked to/).waitFor();
    expect(await panel.getByRole('link', { name: /PRIGOZHIN/ }).first().getAttribute('href')).toBe('#/entity/us-ofac-sdn-21171');
    expect(await panel.locator('.explanations li').count()).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Accept link' }).click();
    await panel.locator('.badge.review-accepted').waitFor();
    expect(await prigozhin.getAttribute('class')).toMatch(/status-accepted/);

    await select(SENTENCE);
    const claim = page.locator('#claim');
    await claim.locator('blockquote', { hasText: SENTENCE }).waitFor();
    // the server's draft: the two linked ends of the sentence
    const subject = claim.locator('input[data-prop="subject"]');
    await subject.waitFor();
    expect(await claim.locator('input[data-prop="object"]').inputValue()).toBe('us-ofac-sdn-22543');
    await claim.locator('input[data-prop="role"]').fill('facilitated arms transfers to');
    await claim.getByLabel('Evidence grade').selectOption('reported');
    await claim.getByLabel('Claim date').fill('2023-07');
    await claim.getByRole('button', { name: 'Save claim' }).click();
    const locator = claim.locator('code.locator');
    await locator.waitFor();
    expect(await locator.textContent()).toMatch(/^page 1, para \d+, chars \d+-\d+, quote sha256:[0-9a-f]{16}$/);

    await claim.getByRole('link', { name: 'Open the quoted passage' }).click();
    await page.waitForURL(/locator=/);
    const quoted = page.locator('.reader [data-quote]');
    await quoted.first().waitFor();
    expect((await quoted.allTextContents()).join('')).toBe(SENTENCE);
    const inView = await page.evaluate(() => {
      const reader = document.querySelector('.reader')!.getBoundingClientRect();
      const first = document.querySelector('.reader [data-quote]')!.getBoundingClientRect();
      return first.top >= reader.top && first.bottom <= reader.bottom && first.top >= 0 && first.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    expect(problems).toEqual([]);
  }, 240_000);

  test('search the documents by text and by entity mentioned, and see them on the entity profile', async () => {
    await page.goto(`${server.url}/#/documents?q=Mkrtychev`);
    const hits = page.getByRole('list', { name: 'Passages found' });
    await hits.locator('li', { hasText: 'Ashot Mkrtychev' }).first().waitFor();
    await page.goto(`${server.url}/#/documents?entity=us-ofac-sdn-21171`);
    await hits.locator('li', { hasText: 'Prighozin' }).first().waitFor();
    expect(await hits.locator('li', { hasText: 'Mkrtychev' }).count()).toBe(0); // only the passages that mention him
    await page.goto(`${server.url}/#/entity/us-ofac-sdn-21171`);
    const panel = page.locator('#documents');
    await panel.locator('mark.mention', { hasText: 'Prighozin' }).first().waitFor({ timeout: 30_000 });
    await panel.getByRole('link', { name: /page 1, para 6/ }).click();
    await page.locator('.reader-para[data-paragraph="6"]').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  test('an HTML document with <script> and <img onerror> shows as inert text', async () => {
    const html = [
      '<html><head><title>Markup test</title><script>window.__pwned = "head";</script></head><body>',
      '<p>Quoted code: &lt;script&gt;window.__pwned = 1&lt;/script&gt; and &lt;img src=x onerror="window.__pwned = 2"&gt; end.</p>',
      '<p>Live markup: <script>window.__pwned = 3</script><img src="x" onerror="window.__pwned = 4"> end.</p>',
      '</body></html>',
    ].join('\n');
    await upload({ name: 'markup.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.getByText('Quoted code: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> end.').waitFor();
    await page.waitForTimeout(500); // time for an onerror to fire, were there an image
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      elements: document.querySelectorAll('.reader script, .reader img, .reader iframe').length,
    }));
    expect(dom).toEqual({ pwned: null, elements: 0 });
    expect(problems).toEqual([]);
  }, 180_000);
});

// The fixture must hold the sentence the claim quotes.
if (!readFileSync(SEED, 'utf8').includes(SENTENCE)) throw new Error(`${SEED} no longer holds the sentence the test quotes`);
