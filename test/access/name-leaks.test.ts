// Confidential workspaces (issue 13), the "already exists" answers: a name or a file kept in a workspace
// must not show to a non-member as a name taken or a file refused. Workspace names are not unique (the
// server chooses each one's id), portfolio names are unique per workspace (the shared space is one
// more), documents are de-duplicated within one workspace only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { runCli } from '../support/cli.ts';
import { sessionHeaders } from '../support/credentials.ts';
import { importedSqliteFile } from '../support/imported.ts';
import { SDN_2021_SUBSET } from '../support/ofac-files.ts';

const CUSTOMERS = 'id,schema,name,birth_date,nationality\nC-002,Person,Kim Jong Un,1984-01-08,kp\n';
/** Alice's workspace, by the id its creation answered. */
let WS = '';
const BOOK = 'secret book';

const dir = mkdtempSync(join(tmpdir(), 'interdict-name-leaks-'));
const dbFile = join(dir, 'interdict.db');
let store: Store;
let app: FastifyInstance;
const session: Record<string, Record<string, string>> = {};

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, type = 'application/json') =>
  app.inject({ method, url, headers: { ...session[who], ...(payload === undefined ? {} : { 'content-type': type }) }, payload: payload as string });
const upload = (who: string, name: string, query = '') => call(who, 'PUT', `/portfolios/${encodeURIComponent(name)}${query}`, CUSTOMERS, 'text/csv');
const portfolios = async (who: string) => (await call(who, 'GET', '/portfolios')).json().results as { id: string; name: string; workspace: string | null }[];

beforeAll(async () => {
  const config = { ...loadConfig({}), sqlitePath: dbFile, databaseUrl: null, loadBundled: false };
  await importedSqliteFile(config.sqlitePath, SDN_2021_SUBSET, { author: 'test' });
  store = await openStore(config);
  ({ app } = await buildApp(config, store, { logger: false }));
  for (const name of ['alice', 'bob']) session[name] = await sessionHeaders(store, name, 'analyst');
  const created = await call('alice', 'POST', '/workspaces', { slug: 'kp_case' });
  expect(created.statusCode).toBe(201);
  WS = created.json().id;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('portfolio names are unique per workspace', () => {
  it("a non-member uploads to a name a workspace holds as to any new name, and gets a portfolio of its own", async () => {
    expect((await upload('alice', BOOK, `?workspace=${WS}`)).statusCode).toBe(200);
    const fresh = await upload('bob', 'never used');
    const same = await upload('bob', BOOK);
    expect(same.statusCode, same.body).toBe(fresh.statusCode);
    expect(same.json()).toEqual({ ...fresh.json(), portfolio: BOOK });
    expect(same.body).not.toContain(WS);

    expect((await portfolios('bob')).filter((p) => p.name === BOOK)).toEqual([expect.objectContaining({ workspace: null })]);
    const bobs = await call('bob', 'GET', `/alerts?portfolio=${encodeURIComponent(BOOK)}`);
    expect(bobs.json().total).toBe(1);
    const alices = await call('alice', 'GET', `/alerts?portfolio=${encodeURIComponent(BOOK)}&workspace=${WS}`);
    expect(alices.json().total).toBe(1);
    expect(alices.json().results[0].id).not.toBe(bobs.json().results[0].id);
    // Bob's re-screen is of his portfolio; naming the workspace he cannot see is an unknown portfolio.
    const shared = (await portfolios('bob')).find((p) => p.name === BOOK)!;
    const queued = await call('bob', 'POST', `/portfolios/${encodeURIComponent(BOOK)}/rescreen`);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().data).toMatchObject({ portfolio: BOOK, portfolioId: shared.id });
    const hidden = await call('bob', 'POST', `/portfolios/${encodeURIComponent(BOOK)}/rescreen?workspace=${WS}`);
    const unknown = await call('bob', 'POST', `/portfolios/${encodeURIComponent('no such book')}/rescreen?workspace=${WS}`);
    expect([hidden.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(hidden.json().error).toBe(unknown.json().error.replace('no such book', BOOK));
  });

  it('a member who sees two of one name is asked for the workspace', async () => {
    const ambiguous = await upload('alice', BOOK);
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error).toMatch(/workspace/);
    expect((await call('alice', 'GET', `/alerts?portfolio=${encodeURIComponent(BOOK)}`)).statusCode).toBe(400);
    expect((await call('alice', 'POST', `/portfolios/${encodeURIComponent(BOOK)}/rescreen`)).statusCode).toBe(400);
    expect((await upload('alice', BOOK, '?workspace=shared&mode=merge')).json()).toMatchObject({ unchanged: 1 });
    expect((await upload('alice', BOOK, `?workspace=${WS}&mode=merge`)).json()).toMatchObject({ unchanged: 1 });
    expect((await portfolios('alice')).filter((p) => p.name === BOOK).map((p) => p.workspace ?? 'shared').sort()).toEqual(['shared', WS]);
  });

  it('the CLI names the workspace too when two portfolios share a name', async () => {
    const env = { INTERDICT_DB: dbFile, INTERDICT_AUTHOR: 'ops' };
    const file = join(dir, 'customers.csv');
    writeFileSync(file, CUSTOMERS);
    const list = JSON.parse((await runCli(['portfolio', 'list', '--json'], env)).stdout) as { name: string; workspace: string | null }[];
    expect(list.filter((p) => p.name === BOOK).map((p) => p.workspace ?? 'shared').sort()).toEqual(['shared', WS]);

    const ambiguous = await runCli(['portfolio', 'add', BOOK, file, '--merge'], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('--workspace');
    const added = await runCli(['portfolio', 'add', BOOK, file, '--merge', '--workspace', WS], env);
    expect(added.stdout + added.stderr).toContain(`${BOOK}: 0 added, 0 changed, 0 removed, 1 unchanged`);
    const made = await runCli(['portfolio', 'add', 'cli book', file, '--workspace', WS], env);
    expect(made.code, made.stderr).toBe(0);
    expect((await portfolios('bob')).map((p) => p.name)).not.toContain('cli book');
    expect((await portfolios('alice')).find((p) => p.name === 'cli book')?.workspace).toBe(WS);
    expect((await runCli(['portfolio', 'add', 'x', file, '--workspace', 'ws_nowhere'], env)).code).not.toBe(0);

    expect((await runCli(['alerts', '--portfolio', BOOK], env)).code).toBe(2);
    const alerts = JSON.parse((await runCli(['alerts', '--portfolio', BOOK, '--workspace', 'shared', '--json'], env)).stdout);
    expect(alerts.total).toBe(1);
  }, 120_000);
});

describe('documents are kept per workspace', () => {
  const send = (who: string, text: string, workspace?: string) =>
    app.inject({ method: 'POST', url: `/documents?file_name=note.txt&mentions=false${workspace ? `&workspace=${workspace}` : ''}`, headers: { ...session[who], 'content-type': 'text/plain' }, payload: text });

  it("bytes a workspace keeps are taken from a non-member as new ones, and stay the member's own", async () => {
    const kept = await send('alice', 'Informant note.\n\nThe cargo left at night.', WS);
    expect(kept.statusCode, kept.body).toBe(201);
    const fresh = await send('bob', 'Press cutting.\n\nThe cargo left at night.');
    const same = await send('bob', 'Informant note.\n\nThe cargo left at night.');
    expect(same.statusCode, same.body).toBe(fresh.statusCode);
    expect(Object.keys(same.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(same.json()).toMatchObject({ created: true, document: { workspace: null, created_by: expect.stringContaining('bob') } });
    const bobs = same.json().document.id;
    expect(bobs).not.toBe(kept.json().document.id);
    expect(same.body).not.toContain(kept.json().document.id);

    // Within one scope the same bytes are one document.
    const again = await send('bob', 'Informant note.\n\nThe cargo left at night.');
    expect(again.json()).toMatchObject({ created: false, document: { id: bobs } });
    expect((await send('alice', 'Informant note.\n\nThe cargo left at night.', WS)).json()).toMatchObject({ created: false, document: { id: kept.json().document.id, workspace: WS } });

    expect((await call('bob', 'GET', `/documents/${kept.json().document.id}`)).statusCode).toBe(404);
    expect((await call('bob', 'GET', `/documents/${bobs}/original`)).body).toBe('Informant note.\n\nThe cargo left at night.');
    const listed = (await call('bob', 'GET', '/documents')).json().documents.map((d: { id: string }) => d.id);
    expect(listed).toContain(bobs);
    expect(listed).not.toContain(kept.json().document.id);
    expect((await call('alice', 'GET', `/documents/${kept.json().document.id}`)).json()).toMatchObject({ workspace: WS });
  });
});

describe("a workspace's entity ids", () => {
  const claim = { source_document: 'https://example.org/note', evidence_grade: 'alleged' };
  const entity = (who: string, body: object) => call(who, 'POST', '/entities', { ...claim, ...body });
  const statement = (who: string, id: string, dataset?: string) => call(who, 'POST', '/statements', { dataset, statements: [{ entity_id: id, prop: 'notes', value: 'seen in port', ...claim }] });
  const ownership = (who: string, id: string) => entity(who, { schema: 'Ownership', properties: { owner: id, asset: id } });
  /** An answer's error with the id it names put back as the unknown one. */
  const said = (res: { json(): any }, id: string) => String(res.json().error).replaceAll(id, 'ID');

  it('are as unknown to a non-member as ids nobody used: statements, relationships, claims, mention links and new entities', async () => {
    expect((await entity('alice', { schema: 'Company', id: 'case-acme', dataset: WS, properties: { name: 'Acme Front Company' } })).statusCode).toBe(201);
    expect((await statement('alice', 'case-acme', WS)).statusCode).toBe(201);

    const [hidden, unknown] = [await statement('bob', 'case-acme'), await statement('bob', 'case-nobody')];
    expect([hidden.statusCode, said(hidden, 'case-acme')]).toEqual([unknown.statusCode, said(unknown, 'case-nobody')]);
    expect(hidden.statusCode).toBe(404);
    const [hiddenEnd, unknownEnd] = [await ownership('bob', 'case-acme'), await ownership('bob', 'case-nobody')];
    expect([hiddenEnd.statusCode, said(hiddenEnd, 'case-acme')]).toEqual([unknownEnd.statusCode, said(unknownEnd, 'case-nobody')]);

    // A claim from a document's passage is written the same way.
    const doc = await app.inject({ method: 'POST', url: '/documents?file_name=cutting.txt&mentions=false', headers: { ...session.bob, 'content-type': 'text/plain' }, payload: 'A cutting.\n\nThe company was seen in port.' });
    const fromPassage = (id: string) => call('bob', 'POST', `/documents/${doc.json().document.id}/claims`, { paragraph: 2, kind: 'property', entity_id: id, prop: 'notes', value: 'seen in port', evidence_grade: 'alleged' });
    const [hiddenClaim, unknownClaim] = [await fromPassage('case-acme'), await fromPassage('case-nobody')];
    expect([hiddenClaim.statusCode, said(hiddenClaim, 'case-acme')]).toEqual([unknownClaim.statusCode, said(unknownClaim, 'case-nobody')]);
    expect(hiddenClaim.statusCode).toBe(404);

    // Nor can a mention be relinked to it.
    const named = await app.inject({ method: 'POST', url: '/documents?file_name=named.txt', headers: { ...session.bob, 'content-type': 'text/plain' }, payload: 'A cutting.\n\nKim Jong Un was named in it.' });
    await expect.poll(async () => (await call('bob', 'GET', `/documents/jobs/${named.json().job.id}`)).json().status, { timeout: 60_000 }).toBe('done');
    const [mention] = (await call('bob', 'GET', `/documents/${named.json().document.id}/mentions`)).json().mentions;
    const relink = (entity: string) => call('bob', 'POST', `/documents/${named.json().document.id}/mentions/${mention.id}`, { action: 'relink', entity_id: entity });
    const [hiddenLink, unknownLink] = [await relink('case-acme'), await relink('case-nobody')];
    expect([hiddenLink.statusCode, said(hiddenLink, 'case-acme')]).toEqual([unknownLink.statusCode, said(unknownLink, 'case-nobody')]);
    expect(hiddenLink.statusCode).toBe(404);

    // An id only a hidden workspace holds is free to a non-member, as an unused one is.
    const [taken, free] = [await entity('bob', { schema: 'Company', id: 'case-acme', properties: { name: 'Acme Trading' } }), await entity('bob', { schema: 'Company', id: 'case-free', properties: { name: 'Free Trading' } })];
    expect([taken.statusCode, free.statusCode]).toEqual([201, 201]);
    expect(taken.body).not.toContain('Acme Front Company');
    expect((await entity('alice', { schema: 'Company', id: 'case-free', properties: { name: 'Again' } })).statusCode).toBe(400);
  });
});

describe('workspace names', () => {
  const mine = async (who: string) => (await call(who, 'GET', '/workspaces')).json().workspaces as { id: string; title: string; members: { name: string }[] }[];

  it("a non-member naming a workspace as a confidential one is named gets one of its own, and learns nothing of the other", async () => {
    const before = (await call('alice', 'GET', `/workspaces/${WS}`)).json();
    const fresh = await call('bob', 'POST', '/workspaces', { name: 'never named' });
    const same = await call('bob', 'POST', '/workspaces', { name: 'kp_case' });
    const old = await call('bob', 'POST', '/workspaces', { slug: 'kp_case' }); // what older clients send
    expect([fresh.statusCode, same.statusCode, old.statusCode], same.body).toEqual([201, 201, 201]);
    for (const made of [same, old]) {
      expect(made.json().id).not.toBe(WS);
      expect(made.json().id).toMatch(/^ws_[a-z2-7]{16}$/);
      expect(made.body).not.toContain(WS);
      expect(made.json()).toMatchObject({ title: 'kp_case', members: [expect.objectContaining({ name: 'bob', owner: true })] });
      expect(Object.keys(made.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    }
    expect(same.json().id).not.toBe(old.json().id);
    expect((await mine('bob')).map((w) => w.title).sort()).toEqual(['kp_case', 'kp_case', 'never named']);
    // The member's workspace is untouched.
    expect((await call('alice', 'GET', `/workspaces/${WS}`)).json()).toEqual(before);
    expect((await mine('alice')).map((w) => w.id)).toEqual([WS]);
  });

  it('name a workspace among those one is a member of; two of one name are told apart by id; others are unknown', async () => {
    // Alice means her own by its name; Bob's two of that name do not count for her.
    expect((await upload('alice', BOOK, '?workspace=kp_case&mode=merge')).json()).toMatchObject({ unchanged: 1 });
    expect((await call('alice', 'GET', `/alerts?portfolio=${encodeURIComponent(BOOK)}&workspace=KP_case`)).json().total).toBe(1);
    // Bob has two called kp_case: the answer names both ids, and nothing of Alice's.
    const bobs = (await mine('bob')).filter((w) => w.title === 'kp_case').map((w) => w.id);
    const ambiguous = await upload('bob', 'bob book', '?workspace=kp_case');
    expect(ambiguous.statusCode).toBe(400);
    for (const id of bobs) expect(ambiguous.json().error).toContain(id);
    expect(ambiguous.body).not.toContain(WS);
    expect((await upload('bob', 'bob book', `?workspace=${bobs[0]}`)).statusCode).toBe(200);
    // A name or id of a workspace one is not a member of answers as one nobody made.
    const said = async (workspace: string) => {
      const res = await upload('bob', 'bob book', `?workspace=${encodeURIComponent(workspace)}`);
      return [res.statusCode, String(res.json().error).replaceAll(workspace, 'W')];
    };
    expect(await said(WS)).toEqual(await said('ws_nobodys'));
    expect(await said('never named by alice')).toEqual(await said('ws_nobodys'));
    expect((await said(WS))[0]).toBe(404);
    expect((await call('bob', 'GET', `/alerts?portfolio=${encodeURIComponent(BOOK)}&workspace=${WS}`)).statusCode).toBe(404);
  });
});
