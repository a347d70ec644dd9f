// The seed article ingested as text, HTML and PDF through the API: the same text and offsets, the
// listed people and organisations it names linked to their list entries, nobody on no list linked to
// a sanctioned entity; claims built from its passages open at the quoted sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, keyAuthor } from '../support/credentials.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SEED, htmlOf, pdfOf } from './make-files.ts';
import { caseDrafts } from '../graph/support.ts';
import type { StatementDraft } from '../../src/model/statement.ts';

let server: RunningServer;
// A first start builds the screening index over the bundled lists: minutes on a loaded machine.
beforeAll(async () => {
  server = await startServer({ writable: true });
}, 300_000);
afterAll(async () => server?.stop());

/** An analyst's key: the role that uploads documents and reviews their mentions. */
const analyst = () => authHeaders(server.store, 'analyst');

async function upload(bytes: Uint8Array | string, contentType: string, fileName: string) {
  const res = await fetch(`${server.url}/documents?file_name=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { ...(await analyst()), 'content-type': contentType }, body: typeof bytes === 'string' ? bytes : Buffer.from(bytes) });
  return { status: res.status, body: (await res.json()) as any };
}

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(server.url + path, { method, headers: { ...(await analyst()), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
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

  it('rebuilds every relationship and transfer claim of the DPRK–Russia case file from the article, each locator opening at its quote', async () => {
    const d = docs.text;
    const claims = caseClaims(await caseDrafts());
    const created = new Map<string, string>();
    const counts = { fromTheArticle: 0, citedByIt: 0, statements: 0 };
    for (const c of claims) {
      const quote = quoteFor(c.entityId, c.paragraph);
      const start = d.text.indexOf(quote);
      expect(start, `${c.entityId}: quote not in the text`).toBeGreaterThan(0);
      const range = { start, end: start + quote.length, evidence_grade: c.grade, claim_date: c.claimDate ?? undefined };
      const main = !created.has(c.entityId);
      const answers = main
        ? [await call('POST', `/documents/${d.id}/claims`, { ...range, kind: c.schema === 'ArmsTransfer' ? 'transfer' : 'relationship', schema: c.schema, properties: c.properties })]
        : await Promise.all(
            Object.entries(c.properties).flatMap(([prop, values]) =>
              values.map((value) => call('POST', `/documents/${d.id}/claims`, { ...range, kind: 'property', entity_id: created.get(c.entityId), prop, value })),
            ),
          );
      for (const answer of answers) {
        expect(answer.status, `${c.entityId} para ${c.paragraph}: ${JSON.stringify(answer.body)}`).toBe(201);
        if (main) created.set(c.entityId, answer.body.id);
        for (const statement of answer.body.statements) {
          expect(statement).toMatchObject({ sourceDocument: `doc-${d.id}`, evidenceGrade: c.grade });
          counts.statements++;
        }
        const locator = answer.body.statements[0].locator;
        const passage = (await call('GET', `/documents/${d.id}/passage?locator=${encodeURIComponent(locator)}`)).body;
        // The case file's "para N" counts the article's lines from the title: the document's paragraphs.
        expect(passage, c.entityId).toMatchObject({ quote, paragraph: { paragraph: c.paragraph } });
      }
      if (c.citing) counts.citedByIt++;
      else counts.fromTheArticle++;
    }
    // 15 relationships and 7 transfers: 30 claims, a claim being one entity's values at one place and
    // grade (every row of transfers.csv is one). The article supports all of them: 26 in its own words,
    // 4 where it reports what the UN's 2019 and 2022 reports found (no claim comes from elsewhere).
    expect(new Set(claims.map((c) => c.entityId)).size).toBe(22);
    expect(counts).toMatchObject({ fromTheArticle: 26, citedByIt: 4 });
    expect(counts.statements).toBeGreaterThan(100);
  }, 300_000); // some 50 analyst writes, each taken into the server's indexes

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
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewedBy: await keyAuthor(server.store, 'analyst') });
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

// ---- the case file's claims and the sentences of the article that support them -------------------

interface CaseClaim {
  entityId: string;
  schema: string;
  paragraph: number;
  /** The article reports another source here (a UN report). */
  citing: boolean;
  grade: string;
  claimDate: string | null;
  properties: Record<string, string[]>;
}

const CLAIM_SCHEMATA = new Set(['UnknownLink', 'Ownership', 'Employment', 'Directorship', 'Representation', 'ArmsTransfer']);

/** The case file's relationships and transfers, one claim per entity, locator and grade, in file order. */
function caseClaims(drafts: StatementDraft[]): CaseClaim[] {
  const claims = new Map<string, CaseClaim>();
  for (const s of drafts) {
    if (!CLAIM_SCHEMATA.has(s.schema) || s.prop === 'id') continue;
    const m = /^seed article, para (\d+)( \(citing)?/.exec(s.locator ?? '');
    if (!m || s.sourceDocument !== 'case-dprk-russia-src-seed-article') throw new Error(`${s.entityId}.${s.prop}: not from the seed article (${s.locator})`);
    const key = `${s.entityId}|${s.locator}|${s.evidenceGrade}`;
    let c = claims.get(key);
    if (!c) claims.set(key, (c = { entityId: s.entityId, schema: s.schema, paragraph: Number(m[1]), citing: !!m[2], grade: s.evidenceGrade ?? 'reported', claimDate: null, properties: {} }));
    c.claimDate ??= s.claimDate ?? null;
    (c.properties[s.prop] ??= []).push(s.value);
  }
  // A relationship's first claim is the one that names its ends (it creates the entity).
  const ends = (c: CaseClaim) => ['subject', 'owner', 'employee', 'director', 'agent', 'supplier', 'recipient'].some((p) => p in c.properties);
  const byEntity = new Map<string, CaseClaim[]>();
  for (const c of claims.values()) byEntity.set(c.entityId, [...(byEntity.get(c.entityId) ?? []), c]);
  return [...byEntity.values()].flatMap((group) => [...group.filter(ends), ...group.filter((c) => !ends(c))]);
}

/** The sentence of each paragraph a claim quotes, and the claims that quote another sentence of theirs. */
const SENTENCES: Record<number, string> = {
  3: 'U.S. National Security Council official John Kirby noted on August 30 that arms transfer negotiations between North Korea and Russia are “actively advancing” as the Russian president, Vladimir Putin, seeks to feed his war machine.',
  4: 'Under an array of Western-led sanctions, Russia and its military contractor, the Wagner Group, have already allegedly turned to Pyongyang for artillery shells and what has been reported as “infantry rockets and missiles” in the past year.',
  6: 'Recent developments have suggested a burgeoning arms trading relationship, despite denials from North Korea and the recently deceased Wagner Group owner, Yevgeny Prighozin.',
  7: 'And in January 2023 — two months after North Korea allegedly supplied the Wagner Group with the battlefield rockets and missiles — Kirby shared satellite imagery of a train at the DPRK-Russian border carrying the deadly cargo.',
  8: 'In March, Ashot Mkrtychev, a Slovakian national, was sanctioned by the U.S. Treasury Department for working with DPRK officials to procure “two dozen kinds of weapons and munitions for Russia.”',
  9: 'In July, the U.S. sanctioned North Korean arms dealer Rim Yong Hyok for facilitating unspecified arms transfers to the Wagner Group.',
  10: 'This is a theatre in which the Wagner Group has operated extensively, suggesting this may be where at least one arms trading connection was forged.',
  12: 'It was, however, the visit of Sergei Shoigu, Russia’s defense minister, to Pyongyang that was the most significant sign of a flourishing relationship.',
  13: 'Most significantly, Shoigu was guided around an arms exhibition by the North Korean leader, Kim Jong-un.',
  14: 'Iran was one of North Korea’s biggest customers in the 1980s during its war with Iraq.',
  16: 'Russia – a UN Security Council permanent member with veto power — actively endorsed the creation of the DPRK sanctions regime for more than a decade through its votes for sanctions resolutions.',
  21: 'The sanctioned Slovakian individual mentioned above, for example, worked with DPRK officials to procure weapons for Russia “in exchange for materials ranging from commercial aircraft, raw materials and commodities to be sent to the DPRK.”',
  25: 'A 2022 UN report highlighted the role of a North Korean diplomat in Moscow in procuring a range of technologies for ballistic missiles, and even attempting to procure 3,000kg of steel for North Korea’s submarine program, between 2016 and 2021.',
  26: 'The irony of Russia’s new interest in North Korean weaponry is that — historically alongside China — Moscow was North Korea’s top arms supplier before the sanctions era.',
};
const UN_2019 = 'A 2019 UN report lists an individual with the same name as having been the deputy representative of the North Korean arms trading company Komid in Syria.';
const OTHER_SENTENCES: Record<string, string> = {
  'case-dprk-russia-rel-rim-possible-same-as@9': UN_2019,
  'case-dprk-russia-rel-komid-syria-rep@9': UN_2019,
  'case-dprk-russia-tr-2022-dprk-russia-shells@7': 'In September 2022, the U.S. suggested that the DPRK was supplying Russia with artillery shells in “significant” numbers.',
};

function quoteFor(entityId: string, paragraph: number): string {
  const quote = OTHER_SENTENCES[`${entityId}@${paragraph}`] ?? SENTENCES[paragraph];
  if (!quote) throw new Error(`no sentence chosen for ${entityId} in paragraph ${paragraph}`);
  return quote;
}
