// Ingest on both engines: whole or nothing, content-addressed, search in any script; bad files
// (corrupt, truncated, encrypted, oversized, zip bombs, binary) refused with a message naming them.
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentService } from '../../src/documents/service.ts';
import { DEFAULT_LIMITS, extractDocument } from '../../src/documents/extract.ts';
import { SourceError } from '../../src/model/errors.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { Screener } from '../../src/screening/screener.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';
import { SEED, pdfOf, scannedPdf } from './make-files.ts';

// A small screener: two listed people, enough to link mentions without the whole lists.
const screener = Screener.build(
  [
    { id: 'us-ofac-sdn-21171', schema: 'Person', caption: 'PRIGOZHIN, Yevgeniy Viktorovich', datasets: ['us_ofac_sdn'], properties: { name: ['PRIGOZHIN, Yevgeniy Viktorovich'], topics: ['sanction'] } },
    { id: 'us-ofac-sdn-20157', schema: 'Person', caption: 'KIM, Jong Un', datasets: ['us_ofac_sdn'], properties: { name: ['KIM, Jong Un'], topics: ['sanction'] } },
  ],
  matcherEngine,
);

const RUSSIAN = 'Евгений Пригожин, основатель группы Вагнера, погиб в августе 2023 года.';
const KOREAN = '김정은 국무위원장은 2023년 9월 러시아를 방문했다.';

async function docx(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const DOCX_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const docxBody = (paragraphs: string[]) =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;

describe('extraction of bad files', () => {
  const refused = async (bytes: Uint8Array | string, name: string, pattern: RegExp, limits = DEFAULT_LIMITS) => {
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const err = await extractDocument(data, name, limits).catch((e) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err.message).toContain(name);
    expect(err.message).toMatch(pattern);
  };

  it('refuses truncated and corrupt PDFs, binary text, and files over the limit', async () => {
    const pdf = await pdfOf(SEED);
    await refused(pdf.slice(0, Math.floor(pdf.length / 3)), 'cut.pdf', /PDF/);
    await refused('%PDF-1.7\nthis is no pdf at all', 'bad.pdf', /PDF/);
    await refused('plain words', 'fake.pdf', /does not start with %PDF/);
    await refused(new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x00]), 'binary.txt', /UTF-8|NUL/);
    await refused('x'.repeat(2000), 'big.txt', /over the limit of 1000/, { ...DEFAULT_LIMITS, maxBytes: 1000 });
    await refused('', 'empty.txt', /empty/);
  });

  it('refuses encrypted PDFs', async () => {
    // pdf-lib cannot encrypt; an /Encrypt entry in the trailer is what readers look for.
    const doc = await PDFDocument.load(await pdfOf('Secret paragraph.'));
    const plain = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    expect(plain).toContain('trailer\n<<');
    const encrypted = plain.replace('trailer\n<<', 'trailer\n<<\n/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 /Length 128 >>\n');
    await refused(new Uint8Array(Buffer.from(encrypted, 'latin1')), 'locked.pdf', /encrypted|PDF/);
  });

  it('reads a DOCX, and refuses zip bombs and broken archives', async () => {
    const ok = await docx({ '[Content_Types].xml': DOCX_TYPES, '_rels/.rels': DOCX_RELS, 'word/document.xml': docxBody(['Yevgeny Prigozhin led the Wagner Group.', 'Second paragraph.']) });
    const read = await extractDocument(ok, 'ok.docx');
    expect(read.paragraphs.map((p) => p.text)).toEqual(['Yevgeny Prigozhin led the Wagner Group.', 'Second paragraph.']);
    const bomb = await docx({ '[Content_Types].xml': DOCX_TYPES, '_rels/.rels': DOCX_RELS, 'word/document.xml': docxBody(['a']), 'word/media/zeros.bin': new Uint8Array(30 * 1024 * 1024) });
    await refused(bomb, 'bomb.docx', /zip bomb/);
    await refused(ok.slice(0, ok.length - 30), 'cut.docx', /truncated|corrupt|damaged/);
  });

  it('reports a PDF without a text layer as a scan', async () => {
    const read = await extractDocument(await scannedPdf(), 'scan.pdf');
    expect(read.textLayer).toBe('none');
    expect(read.warnings[0]).toMatch(/no text layer/);
  });
});

for (const engine of ENGINES) {
  describe(`documents on ${engine}`, () => {
    const t = freshStoreForBlock(engine);

    it('ingests whole, once per content, and finds mentions in Russian and Korean', async () => {
      const service = new DocumentService(t.store, async () => screener);
      const ru = await service.ingest({ bytes: new TextEncoder().encode(RUSSIAN), fileName: 'ru.txt', author: 'test', metadata: { publishedAt: '2023-08-24', publisher: 'Test Wire' } });
      expect(ru.created).toBe(true);
      expect((await service.ingest({ bytes: new TextEncoder().encode(RUSSIAN), fileName: 'again.txt', author: 'test' })).created).toBe(false);
      const ko = await service.ingest({ bytes: new TextEncoder().encode(KOREAN), fileName: 'ko.txt', author: 'test' });
      for (const id of [ru.document.id, ko.document.id]) expect((await service.waitFor((await service.startMentions(id)).id)).status).toBe('done');
      const ruMentions = await service.mentions(ru.document.id);
      expect(ruMentions.find((m) => m.kind === 'entity')).toMatchObject({ text: 'Евгений Пригожин', entityId: 'us-ofac-sdn-21171' });
      const koMentions = await service.mentions(ko.document.id);
      expect(koMentions.find((m) => m.kind === 'entity')).toMatchObject({ text: '김정은', entityId: 'us-ofac-sdn-20157' });
      expect(koMentions.filter((m) => m.kind === 'country').map((m) => m.value)).toContain('ru');

      // Full text in any script, filtered by entity, date and source.
      const hits = async (p: Record<string, string>) => (await service.search(p)).results.map((h) => h.documentId);
      expect(await hits({ q: 'Пригожин' })).toEqual([ru.document.id]);
      expect(await hits({ q: '김정은' })).toEqual([ko.document.id]);
      expect(await hits({ entity: 'us-ofac-sdn-20157' })).toEqual([ko.document.id]);
      expect(await hits({ q: 'Пригожин', from: '2024-01-01' })).toEqual([]);
      expect(await hits({ q: 'Пригожин', source: 'test wire' })).toEqual([ru.document.id]);
    });

    it('leaves nothing behind when a file is refused', async () => {
      const service = new DocumentService(t.store, async () => screener);
      const before = (await service.repo.list()).length;
      const pdf = await pdfOf('A paragraph that will be cut.');
      await expect(service.ingest({ bytes: pdf.slice(0, 200), fileName: 'cut.pdf', author: 'test' })).rejects.toThrow(/cut\.pdf/);
      expect((await service.repo.list()).length).toBe(before);
      expect(await service.repo.bytes('0'.repeat(64))).toBeUndefined();
    });
  });
}
