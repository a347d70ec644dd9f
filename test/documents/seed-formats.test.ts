// The seed article ingested as text, HTML and PDF through the API: the same text and offsets, the
// listed people and organisations it names linked to their list entries, nobody on no list linked to
// a sanctioned entity; claims built from its passages open at the quoted sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { SEED, htmlOf, pdfOf } from './make-files.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ writable: true });
});
afterAll(async () => server?.stop());

const AUTHOR = { 'x-interdict-author': 'analyst@test' };

async function upload(bytes: Uint8Array | string, contentType: string, fileName: string) {
  const res = await fetch(`${server.url}/documents?file_name=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { ...AUTHOR, 'content-type': contentType }, body: typeof bytes === 'string' ? bytes : Buffer.from(bytes) });
  return { status: res.status, body: (await res.json()) as any };
}

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(server.url + path, { method, headers: { ...AUTHOR, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(jobId: string) {
  for (let i = 0; i < 600; i++) {
    const { body } = await call('GET', `/documents/jobs/${jobId}`);
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

// What the article names, and the list entity each must link to (where lists hold them).
const EXPECTED: [string, RegExp, (id: string, candidates: any[]) => boolean][] = [
  ['PRIGOZHIN', /Prighozin/, (id) => id === 'us-ofac-sdn-21171'],
  ['MKRTYCHEV', /Mkrtychev/, (id) => id === 'us-ofac-sdn-41736'],
  ['RIM Yong Hyok', /Rim Yong Hyok/, (_id, c) => c.some((x) => x.sanctioned && /RIM, Yong Hyok/i.test(x.caption))],
  ['Wagner Group', /Wagner Group/, (id) => id === 'us-ofac-sdn-22543'],
  ['KOMID', /Komid/, (_id, c) => c.some((x) => x.sanctioned && /KOREA MINING DEVELOPMENT/i.test(x.caption))],
  ['KIM Jong Un', /Kim Jong-un/, (id) => id === 'us-ofac-sdn-20157'],
  ['Shoigu', /Shoigu/, (id) => id === 'us-ofac-sdn-35173'],
];

describe('the seed article as text, HTML and PDF', () => {
  const docs: Record<string, { id: string; text: string; mentions: any[] }> = {};

  beforeAll(async () => {
    const files: [string, Uint8Array | string, string][] = [
      ['text', SEED, 'text/plain'],
      ['html', htmlOf(SEED), 'text/html'],
      ['pdf', await pdfOf(SEED, { title: 'Why North Korea’s Arms Sales to Russia Should Worry the World' }), 'application/pdf'],
    ];
    for (const [format, bytes, type] of files) {
      const { status, body } = await upload(bytes, type, `seed.${format === 'text' ? 'txt' : format}`);
      expect(status, JSON.stringify(body)).toBe(201);
      expect((await finished(body.job.id)).status).toBe('done');
      const doc = (await call('GET', `/documents/${body.document.id}`)).body;
      docs[format] = { id: doc.id, text: doc.text, mentions: (await call('GET', `/documents/${doc.id}/mentions`)).body.mentions };
    }
  });

  it('gives the same text, so the same offsets, in all three formats', () => {
    expect(docs.html.text).toBe(docs.text.text);
    expect(docs.pdf.text).toBe(docs.text.text);
  });

  it('keeps navigation, scripts and styles of the HTML out of the text', () => {
    expect(docs.html.text).not.toMatch(/document\.write|Subscribe|Home World|color: red/);
  });

  it('links the listed people and organisations to their list entities, at the same offsets in every format', () => {
    for (const [who, pattern, linked] of EXPECTED) {
      const spans = Object.entries(docs).map(([format, d]) => {
        const hits = d.mentions.filter((m) => m.kind === 'entity' && pattern.test(m.text) && m.entityId && linked(m.entityId, m.candidates));
        expect(hits.length, `${who} in ${format}`).toBeGreaterThan(0);
        return hits.map((m) => `${m.start}-${m.end}`).join(',');
      });
      expect(new Set(spans).size, `${who}: ${spans.join(' | ')}`).toBe(1);
    }
  });

  it('links no person on no list (John Kirby) to a sanctioned entity', () => {
    for (const d of Object.values(docs)) {
      const kirby = d.mentions.filter((m) => /Kirby/.test(m.text));
      expect(kirby.length).toBeGreaterThan(0);
      for (const m of kirby) {
        expect(m.candidates.find((c: any) => c.id === m.entityId)?.sanctioned ?? false).toBe(false);
      }
    }
  });

  it('finds dates, quantities and countries with their values', () => {
    const values = docs.text.mentions.map((m) => `${m.kind}:${m.value}`);
    expect(values).toEqual(expect.arrayContaining(['date:2022-09', 'date:2023-01', 'quantity:3,000kg', 'country:kp', 'country:ru', 'country:sy']));
  });

  it('refuses a corrupt PDF and a body that is not a file with a clear 4xx, writing nothing', async () => {
    const before = (await call('GET', '/documents')).body.documents.length;
    const corrupt = await upload('%PDF-1.7\n1 0 obj << /Type /Catalog', 'application/pdf', 'report.pdf');
    expect(corrupt.status).toBe(422);
    expect(corrupt.body.error).toMatch(/report\.pdf: not a readable PDF/);
    const json = await call('POST', '/documents', { text: 'not a file' });
    expect(json.status).toBe(415);
    expect((await call('GET', '/documents')).body.documents.length).toBe(before);
  });

  it('is one document for the same bytes twice', async () => {
    const again = await upload(SEED, 'text/plain', 'copy.txt');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, document: { id: docs.text.id } });
  });

  it('rebuilds a case-file claim from a passage, with a locator that opens at the quoted sentence', async () => {
    const d = docs.text;
    const sentence = 'In July, the U.S. sanctioned North Korean arms dealer Rim Yong Hyok for facilitating unspecified arms transfers to the Wagner Group.';
    const start = d.text.indexOf(sentence);
    const proposal = await call('POST', `/documents/${d.id}/claims`, { start, end: start + sentence.length, kind: 'relationship', propose: true });
    expect(proposal.status).toBe(200);
    expect(proposal.body.quote).toBe(sentence);
    const rim = d.mentions.find((m) => /Rim Yong Hyok/.test(m.text));
    expect(proposal.body.entities).toEqual(expect.arrayContaining([rim.entityId, 'us-ofac-sdn-22543']));
    const created = await call('POST', `/documents/${d.id}/claims`, {
      start,
      end: start + sentence.length,
      kind: 'relationship',
      schema: 'UnknownLink',
      properties: { subject: rim.entityId, object: 'us-ofac-sdn-22543', role: 'facilitated arms transfers to' },
      evidence_grade: 'reported',
      claim_date: '2023-07',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const statement = created.body.statements.find((s: any) => s.prop === 'subject');
    expect(statement).toMatchObject({ sourceDocument: `doc-${d.id}`, evidenceGrade: 'reported' });
    expect(statement.locator).toMatch(/^page 1, para \d+, chars \d+-\d+, quote sha256:[0-9a-f]{16}$/);
    const passage = await call('GET', `/documents/${d.id}/passage?locator=${encodeURIComponent(statement.locator)}`);
    expect(passage.status).toBe(200);
    expect(passage.body.quote).toBe(sentence);
    // A claim without a grade is refused by the analyst path.
    const ungraded = await call('POST', `/documents/${d.id}/claims`, { start, end: start + 10, kind: 'property', entity_id: rim.entityId, prop: 'notes', value: 'x' });
    expect(ungraded.status).toBe(422);
  });

  it('proposes an arms transfer from a passage, pre-filled with its parties, and records it with the locator', async () => {
    const d = docs.text;
    const sentence = 'In September 2022, the U.S. suggested that the DPRK was supplying Russia with artillery shells in “significant” numbers.';
    const start = d.text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    const proposal = await call('POST', `/documents/${d.id}/claims`, { start, end: start + sentence.length, kind: 'transfer', propose: true });
    // A draft: the passage's countries and date, which the analyst corrects (the U.S. is the claimant here).
    expect(proposal.body.draft).toMatchObject({ schema: 'ArmsTransfer', properties: { deliveryDate: '2022-09' } });
    expect([proposal.body.draft.properties.originCountry, proposal.body.draft.properties.destinationCountry]).toEqual(['us', 'kp']);
    const properties = { ...proposal.body.draft.properties, originCountry: 'kp', destinationCountry: 'ru', itemDescription: 'artillery shells', quantity: 'significant numbers', supplier: 'case-dprk-russia-gov-dprk' };
    const created = await call('POST', `/documents/${d.id}/claims`, { start, end: start + sentence.length, kind: 'transfer', properties, evidence_grade: 'alleged' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.statements.every((s: any) => s.schema === 'ArmsTransfer' && s.sourceDocument === `doc-${d.id}` && s.evidenceGrade === 'alleged')).toBe(true);
    const passage = await call('GET', `/documents/${d.id}/passage?locator=${encodeURIComponent(created.body.statements[0].locator)}`);
    expect(passage.body.quote).toBe(sentence);
  });

  it('accepts, rejects and relinks mentions', async () => {
    const d = docs.text;
    const kirby = d.mentions.find((m) => m.text === 'John Kirby');
    const rejected = await call('POST', `/documents/${d.id}/mentions/${kirby.id}`, { action: 'reject' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewedBy: 'analyst@test' });
    const relinked = await call('POST', `/documents/${d.id}/mentions/${kirby.id}`, { action: 'relink', entity_id: 'case-dprk-russia-kirby' });
    expect(relinked.body).toMatchObject({ status: 'relinked', entityId: 'case-dprk-russia-kirby' });
    expect((await call('POST', `/documents/${d.id}/mentions/${kirby.id}`, { action: 'relink', entity_id: 'no-such-entity' })).status).toBe(404);
  });

  it('searches the text and lists the documents that mention an entity, with passages', async () => {
    const hits = (await call('GET', '/documents/search?q=Mkrtychev')).body.results;
    expect(new Set(hits.map((h: any) => h.documentId))).toEqual(new Set(Object.values(docs).map((d) => d.id)));
    const byEntity = (await call('GET', `/documents/search?entity=us-ofac-sdn-22543&q=${encodeURIComponent('Wagner')}`)).body.results;
    expect(byEntity.length).toBeGreaterThan(0);
    expect((await call('GET', '/documents/search?q=Mkrtychev&from=2024-01-01')).body.results.filter((h: any) => h.documentId === docs.html.id)).toEqual([]);
    const entityDocs = (await call('GET', '/entities/us-ofac-sdn-21171/documents')).body;
    expect(entityDocs.documents.map((d: any) => d.documentId)).toEqual(expect.arrayContaining(Object.values(docs).map((d) => d.id)));
    expect(entityDocs.documents[0].passages[0].text).toMatch(/Prighozin/);
  });
});
