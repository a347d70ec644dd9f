// Issue 10, point 2 (sync): a chunked download that stopped before its last chunk was accepted and
// labelled published today. A sync now needs the transfer to end cleanly, the publisher's end mark
// (OFAC's Ctrl-Z, the XML root's closing tag) and any checksum offered; the previous version stays live.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDatasets } from '../../src/ingest/sync.ts';
import { ENGINES, freshStore, type TestStore } from '../support/engines.ts';

const DIR = new URL('../fixtures/ofac_xml/csv_2023-12-28/', import.meta.url).pathname;
const FILES = Object.fromEntries(['sdn.csv', 'add.csv', 'alt.csv'].map((f) => [f, readFileSync(join(DIR, f))]));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
/** sdn.csv cut after its fifth line, at a line boundary: no Ctrl-Z. */
const CUT_SDN = Buffer.from(FILES['sdn.csv'].toString('latin1').split('\r\n').slice(0, 5).join('\r\n') + '\r\n', 'latin1');

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, route, name] = (req.url ?? '').split('/');
    const body = FILES[name];
    if (!body) return res.writeHead(404).end();
    if (name !== 'sdn.csv' || route === 'ok') return res.end(body);
    switch (route) {
      case 'chunked-cut': // a chunked response that ends cleanly, but before the list does
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        res.write(CUT_SDN.subarray(0, 300));
        res.write(CUT_SDN.subarray(300));
        return res.end();
      case 'chunked-dropped': // the connection drops before the last chunk
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        res.write(body.subarray(0, 400));
        return setTimeout(() => res.destroy(), 30);
      case 'close-delimited': // no length, no chunks: the body ends when the connection closes
        res.socket!.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n'), CUT_SDN]));
        return;
      case 'bad-digest':
        res.writeHead(200, { 'repr-digest': `sha-256=:${sha256(Buffer.from('something else')).toString('base64')}:` });
        return res.end(body);
      case 'good-digest':
        res.writeHead(200, { digest: `SHA-256=${sha256(body).toString('base64')}` });
        return res.end(body);
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe.each(ENGINES)('sync verification on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await freshStore(engine);
  });
  afterAll(async () => t?.dispose());

  const sync = (route: string, pin = '') =>
    syncDatasets(t.store, ['us_ofac_sdn'], {
      urls: { us_ofac_sdn: [`${base}/${route}/sdn.csv${pin}`, `${base}/${route}/add.csv`, `${base}/${route}/alt.csv`] },
      timeoutMs: 5000,
    });

  it('imports a complete download', async () => {
    const [r] = await sync('ok');
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it.each([
    ['chunked-cut', /sdn\.csv:5: no end-of-file mark \(Ctrl-Z\)/],
    ['chunked-dropped', /download failed after \d+ bytes \(the transfer did not end cleanly: truncated\)/],
    ['close-delimited', /sdn\.csv:5: no end-of-file mark \(Ctrl-Z\)/],
    ['bad-digest', /checksum mismatch: sha256 [0-9a-f]{64} is not the [0-9a-f]{64} stated in the repr-digest header/],
  ])('keeps the previous version live when the download is %s', async (route, message) => {
    const before = await t.store.liveVersions();
    const [r] = await sync(route);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
    expect(await t.store.liveVersions()).toEqual(before);
  });

  it("checks the publisher's digest header and a checksum pinned in the URL", async () => {
    const [good] = await sync('good-digest');
    expect(good.ok, JSON.stringify(good)).toBe(true);
    const before = await t.store.liveVersions();
    const [pinnedWrong] = await sync('ok', `#sha256=${'0'.repeat(64)}`);
    expect(pinnedWrong.ok).toBe(false);
    if (!pinnedWrong.ok) expect(pinnedWrong.error).toMatch(/checksum mismatch: .* stated in the URL/);
    expect(await t.store.liveVersions()).toEqual(before);
    const [pinnedRight] = await sync('ok', `#sha256=${sha256(FILES['sdn.csv']).toString('hex')}`);
    expect(pinnedRight.ok, JSON.stringify(pinnedRight)).toBe(true);
  });
});
