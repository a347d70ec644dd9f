// Confidential workspaces (issue 13): what a member writes into a workspace is seen by its members
// only. A non-member of the same role finds nothing of it by search, match, graph or id, and its
// counts do not move; an API key limited to one list sees that list only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, apiKey, sessionHeaders } from '../support/credentials.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/** The workspace Alice makes, by the id its creation answered. */
let WS = '';
const SECRET_NAME = 'Zyxwvut Quillfeather Holdings';
const SECRET_ALIAS = 'Qwertyuiop Marblestone Trading';
const claim = { source_document: 'https://example.org/confidential-note', evidence_grade: 'reported' };

let server: RunningServer;
type Headers = Record<string, string>;
let alice: Headers; // analyst, member (the workspace's creator)
let bob: Headers; // analyst, not a member
let admin: Headers; // admin, not a member: manages members, reads contents only as one

/** Headers of a signed-in user: the session cookie and its CSRF token, as the web app sends them. */
function signedIn(name: string, role: 'analyst' | 'admin'): Promise<Headers> {
  return sessionHeaders(server.store, name, role);
}

/** Uploads a text document (optionally into a workspace) and waits for its mention job. */
async function upload(h: Headers, text: string, workspace?: string): Promise<string> {
  const res = await fetch(`${server.url}/documents?file_name=note.txt${workspace ? `&workspace=${workspace}` : ''}`, { method: 'POST', headers: { ...h, 'content-type': 'text/plain' }, body: text });
  const json: any = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  await expect.poll(async () => (await get(h, `/documents/jobs/${json.job.id}`)).json.status, { timeout: 30_000 }).toBe('done');
  return json.document.id;
}

const call = apiCaller(() => server.url);
const get = (h: Headers, path: string) => call(h, 'GET', path);

/** What a reader sees around the OFAC entity the workspace links to, as numbers that must not move for a non-member. */
async function counts(h: Headers, target: string) {
  const [search, secret, adjacent, neighbourhood, stats, catalog] = await Promise.all([
    get(h, '/search/default?q=bank&limit=1'),
    get(h, `/search/all?q=${encodeURIComponent(SECRET_NAME)}&limit=1`),
    get(h, `/entities/${target}/adjacent`),
    get(h, `/graph/neighborhood?id=${target}&hops=1`),
    get(h, '/graph/stats'),
    get(h, '/catalog'),
  ]);
  return {
    search: search.json.total.value,
    secretSearch: secret.json.total.value,
    datasetsFacet: search.json.facets.datasets.values.map((v: { name: string }) => v.name),
    adjacent: adjacent.json.total,
    neighbourhood: neighbourhood.json.nodes.length,
    nodes: stats.json.nodes,
    edges: stats.json.edges,
    catalog: catalog.json.datasets.map((d: { name: string }) => d.name),
  };
}

let target: string; // an OFAC-listed company the workspace's new company is said to own
let secretId: string; // the workspace's own company
let transferId: string; // an arms transfer the workspace records
let before: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  server = await startServer({ writable: true });
  alice = await signedIn('alice', 'analyst');
  bob = await signedIn('bob', 'analyst');
  admin = await signedIn('root', 'admin');
  const found = await get(alice, '/search/us_ofac_sdn?q=bank&schema=Organization&limit=1');
  target = found.json.results[0].id;
  before = await counts(bob, target);
}, 240_000);
afterAll(async () => server?.stop());

describe('confidential workspaces', () => {
  it('a member writes into the workspace; a non-member may not, and learns nothing of it', async () => {
    const created = await call(alice, 'POST', '/workspaces', { name: 'Probe case' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.stringMatching(/^ws_[a-z2-7]{16}$/), title: 'Probe case', members: [{ name: 'alice', role: 'analyst', owner: true }] });
    WS = created.json.id;

    const company = await call(alice, 'POST', '/entities', { schema: 'Company', properties: { name: SECRET_NAME, country: 'kp' }, dataset: WS, ...claim });
    expect(company.status).toBe(201);
    secretId = company.json.id;
    const owns = await call(alice, 'POST', '/entities', { schema: 'Ownership', properties: { owner: secretId, asset: target, percentage: '60' }, dataset: WS, ...claim });
    expect(owns.status).toBe(201);
    const transfer = await call(alice, 'POST', '/entities', { schema: 'ArmsTransfer', properties: { name: 'Quillfeather rifles', supplier: secretId, recipient: target }, dataset: WS, ...claim });
    expect(transfer.status).toBe(201);
    transferId = transfer.json.id;
    // A note on the listed entity's sanction, which every profile of it nests.
    const sanction = (await get(alice, `/entities/${target}`)).json.properties.sanctions[0].id;
    const note = await call(alice, 'POST', '/statements', { dataset: WS, statements: [{ entity_id: sanction, prop: 'summary', value: `${SECRET_NAME} paid for this`, ...claim }] });
    expect(note.status).toBe(201);
    const alias = await call(alice, 'POST', '/statements', { dataset: WS, statements: [{ entity_id: target, prop: 'alias', value: SECRET_ALIAS, ...claim }] });
    expect(alias.status).toBe(201);

    const refused = await call(bob, 'POST', '/entities', { schema: 'Company', properties: { name: 'Intruder Ltd' }, dataset: WS, ...claim });
    expect(refused.status).toBe(403);
    expect(refused.json.error).not.toContain('Probe case');
    expect((await call(bob, 'POST', '/entities', { schema: 'Company', properties: { name: 'Squatter Ltd' }, dataset: 'ws_nobody', ...claim })).status).toBe(403);
    expect((await get(bob, `/workspaces/${WS}`)).status).toBe(404);
    expect((await get(bob, '/workspaces')).json.workspaces).toEqual([]);
    expect((await call(bob, 'POST', `/workspaces/${WS}/members`, { user: 'bob' })).status).toBe(404);
  });

  it('the member finds the workspace data by id, search, match and graph', async () => {
    // The edit reaches the screening index and the graph shortly after the write.
    await expect.poll(async () => (await get(alice, `/search/default?q=${encodeURIComponent(SECRET_NAME)}`)).json.total.value, { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await get(alice, `/entities/${secretId}`)).status).toBe(200);
    const profile = await get(alice, `/entities/${target}?provenance=true`);
    expect(profile.json.properties.alias).toContain(SECRET_ALIAS);
    expect(profile.text).toContain(`${SECRET_NAME} paid for this`);
    const match = await call(alice, 'POST', '/match/all', { queries: { q: { schema: 'Company', properties: { name: [SECRET_NAME] } } } });
    expect(match.json.responses.q.results.map((r: { id: string }) => r.id)).toContain(secretId);
    // The ownership and the transfer (its supplier and recipient) link them.
    await expect.poll(async () => (await get(alice, `/entities/${target}/adjacent`)).json.total, { timeout: 30_000 }).toBe(before.adjacent + 2);
    const paths = await get(alice, `/graph/paths?from=${secretId}&to=${target}`);
    expect(paths.json.paths.length).toBeGreaterThan(0);
  });

  it('a non-member of the same role sees nothing of it, and its counts do not move', async () => {
    expect(await counts(bob, target)).toEqual(before);
    expect(before.catalog).not.toContain(WS);
    expect((await get(alice, '/metrics')).text).toContain(`dataset="${WS}"`);
    expect((await get(bob, '/metrics')).text).not.toContain(WS);

    // By id: the very answer an unknown id gets.
    const hidden = await get(bob, `/entities/${secretId}`);
    const unknown = await get(bob, `/entities/${secretId}x`);
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.replace(secretId, 'ID')).toBe(unknown.json.error.replace(`${secretId}x`, 'ID'));
    expect((await get(bob, `/datasets/${WS}/versions`)).json.error).toBe((await get(bob, '/datasets/ws_nothing/versions')).json.error.replace('ws_nothing', WS));

    // The listed entity shows, without the workspace's alias or its name for the dataset.
    const profile = await get(bob, `/entities/${target}?provenance=true`);
    expect(profile.status).toBe(200);
    expect(profile.text).not.toContain(SECRET_ALIAS);
    expect(profile.text).not.toContain(WS);
    expect(profile.text).not.toContain(SECRET_NAME);

    // Search and match: nothing by the workspace company's name; the listed entity without the alias.
    const bySecretName = await get(bob, `/search/all?q=${encodeURIComponent(SECRET_NAME)}&limit=500`);
    expect(bySecretName.text).not.toContain(secretId);
    expect(bySecretName.text).not.toContain(SECRET_NAME);
    expect((await get(bob, `/search/${WS}?q=x`)).status).toBe(404);
    const match = await call(bob, 'POST', '/match/all', { queries: { q: { schema: 'Company', properties: { name: [SECRET_NAME] } } } });
    expect(match.text).not.toContain(secretId);
    expect(match.text).not.toContain(WS);
    const byName = await get(bob, `/search/default?q=${encodeURIComponent(profile.json.caption)}`);
    expect(byName.json.results.map((r: { id: string }) => r.id)).toContain(target);
    expect(byName.text).not.toContain(SECRET_ALIAS);
    expect(byName.text).not.toContain(WS);
    // Nor is the listed entity found through the workspace's alias for it.
    const aliasQuery = { queries: { q: { schema: 'Organization', properties: { name: [SECRET_ALIAS] } } } };
    expect((await call(alice, 'POST', '/match/all', aliasQuery)).json.responses.q.results[0].id).toBe(target);
    expect((await call(bob, 'POST', '/match/all', aliasQuery)).text).not.toContain(target);
    expect((await get(alice, `/search/default?q=${encodeURIComponent(SECRET_ALIAS)}`)).text).toContain(target);
    expect((await get(bob, `/search/default?q=${encodeURIComponent(SECRET_ALIAS)}`)).text).not.toContain(target);
    const reconcile = await get(bob, `/reconcile/all?queries=${encodeURIComponent(JSON.stringify({ q: { query: SECRET_NAME } }))}`);
    expect(reconcile.text).not.toContain(secretId);

    // Graph: no edge, node or path through the workspace; its company is unknown to every traversal.
    const adjacent = await get(bob, `/entities/${target}/adjacent`);
    expect(adjacent.text).not.toContain(secretId);
    expect((await get(bob, `/graph/neighborhood?id=${target}&hops=2`)).text).not.toContain(secretId);
    expect((await get(bob, `/graph/paths?from=${secretId}&to=${target}`)).status).toBe(404);
    expect((await get(bob, `/entities/${secretId}/adjacent`)).status).toBe(404);
    expect((await get(bob, `/entities/${secretId}/exposure`)).status).toBe(404);
    // Transfers: not listed, and unknown by id.
    expect((await get(alice, '/transfers')).text).toContain(transferId);
    expect((await get(bob, '/transfers')).text).not.toContain(transferId);
    expect((await get(bob, `/transfers/${transferId}`)).status).toBe(404);
    expect((await get(bob, `/transfers/${transferId}/violations`)).status).toBe(404);
    expect((await get(bob, '/xref/candidates?status=all&limit=500')).text).not.toContain(secretId);
    expect((await get(bob, `/entities/${secretId}/members`)).status).toBe(404);
    const judging = (left: string) => call(bob, 'POST', '/judgements', { left, right: target, judgement: 'same', reason: 'looks alike' });
    const judgedHidden = await judging(secretId);
    const judgedUnknown = await judging(`${secretId}x`);
    expect(judgedHidden.status).toBe(404);
    expect(judgedHidden.json.error.replace(secretId, 'ID')).toBe(judgedUnknown.json.error.replace(`${secretId}x`, 'ID'));
    for (const format of ['gexf', 'graphml', 'ftm']) {
      const file = await get(bob, `/graph/export?ids=${target}&hops=1&format=${format}`);
      expect(file.status).toBe(200);
      expect(file.text).not.toContain(secretId);
      expect(file.text).not.toContain(SECRET_ALIAS);
      expect(file.text).not.toContain(WS);
    }
  });

  it("a workspace's documents are read by its members only; a shared document's mentions hide its entities", async () => {
    const confidential = await upload(alice, `Informant notes.\n\n${SECRET_NAME} pays the shipping agent in cash.`, WS);
    const shared = await upload(alice, `Press cutting.\n\n${SECRET_NAME} was seen at the port with ${SECRET_NAME}.`);
    // A non-member naming the workspace, by id or name, names one that does not exist.
    const intrude = (workspace: string) => fetch(`${server.url}/documents?workspace=${encodeURIComponent(workspace)}`, { method: 'POST', headers: { ...bob, 'content-type': 'text/plain' }, body: 'Planted note.' });
    for (const workspace of [WS, 'Probe case']) {
      const intruding = await intrude(workspace);
      expect(intruding.status).toBe(404);
      expect(((await intruding.json()) as { error: string }).error).toBe(`no workspace ${workspace}`);
    }

    expect((await get(alice, `/documents/${confidential}`)).status).toBe(200);
    expect((await get(alice, '/documents')).text).toContain(confidential);
    expect((await get(alice, '/documents/search?q=Quillfeather')).text).toContain(confidential);
    expect((await get(alice, `/documents/${shared}/mentions`)).text).toContain(secretId);

    const hidden = await get(bob, `/documents/${confidential}`);
    const unknown = await get(bob, `/documents/${'0'.repeat(64)}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.replace(confidential, 'ID')).toBe(unknown.json.error.replace('0'.repeat(64), 'ID'));
    for (const path of [`/documents/${confidential}/original`, `/documents/${confidential}/mentions`, `/documents/${confidential}/passage?paragraph=1`]) {
      expect((await get(bob, path)).status, path).toBe(404);
    }
    expect((await get(bob, '/documents')).text).not.toContain(confidential);
    const found = await get(bob, '/documents/search?q=Quillfeather');
    expect(found.text).not.toContain(confidential);
    expect(found.text).toContain(shared);
    const mentions = await get(bob, `/documents/${shared}/mentions`);
    expect(mentions.status).toBe(200);
    expect(mentions.text).not.toContain(secretId);
    expect(mentions.text).not.toContain(WS);
    expect((await get(bob, `/entities/${secretId}/documents`)).status).toBe(404);
  });

  it('an admin manages members but reads the contents only once a member', async () => {
    expect((await get(admin, `/entities/${secretId}`)).status).toBe(404);
    expect((await get(admin, '/workspaces')).json.workspaces.map((w: { id: string }) => w.id)).toEqual([WS]);
    const added = await call(admin, 'POST', `/workspaces/${WS}/members`, { user: 'bob', role: 'viewer' });
    expect(added.status).toBe(200);
    expect((await get(bob, `/entities/${secretId}`)).status).toBe(200);
    expect((await get(bob, `/entities/${target}/adjacent`)).json.total).toBe(before.adjacent + 2);
    // A viewer member reads but may not write.
    expect((await call(bob, 'POST', '/entities', { schema: 'Company', properties: { name: 'Viewer Ltd' }, dataset: WS, ...claim })).status).toBe(403);
    expect((await call(admin, 'POST', `/workspaces/${WS}/members`, { user: 'bob', role: 'admin' })).status).toBe(400);
    const bobId = added.json.members.find((m: { name: string }) => m.name === 'bob').user_id;
    expect((await call(alice, 'DELETE', `/workspaces/${WS}/members/${bobId}`)).status).toBe(200);
    expect((await get(bob, `/entities/${secretId}`)).status).toBe(404);
  });

  it('an API key limited to us_ofac_sdn sees OFAC results only', async () => {
    const ofacOnly = { authorization: `ApiKey ${await apiKey(server.store, 'viewer', ['us_ofac_sdn'])}` };
    const everything = await get(server.headers, '/search/default?q=bank&limit=50');
    const limited = await get(ofacOnly, '/search/default?q=bank&limit=50');
    expect(new Set(everything.json.results.flatMap((r: { datasets: string[] }) => r.datasets)).size).toBeGreaterThan(1);
    expect(limited.json.total.value).toBeGreaterThan(0);
    expect(limited.json.total.value).toBeLessThan(everything.json.total.value);
    for (const r of limited.json.results) expect(r.datasets).toEqual(['us_ofac_sdn']);
    expect(limited.json.facets.datasets.values.map((v: { name: string }) => v.name)).toEqual(['us_ofac_sdn']);
    const match = await call(ofacOnly, 'POST', '/match/default', { queries: { q: { schema: 'Organization', properties: { name: ['bank'] } } } });
    expect(match.json.scope.datasets).toEqual(['us_ofac_sdn']);
    for (const r of match.json.responses.q.results) expect(r.datasets).toEqual(['us_ofac_sdn']);
    expect((await get(ofacOnly, '/catalog')).json.datasets.map((d: { name: string }) => d.name)).toEqual(['us_ofac_sdn']);
    // Another dataset is refused by the key's scope (403), whether it exists or not: the answer tells nothing.
    expect((await get(ofacOnly, '/search/un_sc_sanctions?q=bank')).status).toBe(403);
    expect((await get(ofacOnly, '/search/ws_no_such_workspace?q=bank')).status).toBe(403);
  });
});
