// Text and metadata out of a file's bytes: plain text, HTML, PDF and DOCX. Pure (no database): a
// file that cannot be read whole is refused with a SourceError naming it, so nothing is half-ingested.
// Nothing a document refers to is ever fetched: HTML is parsed as data, PDF fonts are not loaded
// from the system, and no script runs.
import { Parser } from 'htmlparser2';
import { SourceError } from '../model/errors.ts';
import { layOut, type DocumentText } from './text.ts';
import { checkZip } from './zip-guard.ts';

export type MediaType = 'text/plain' | 'text/html' | 'application/pdf' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocumentMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
}

export interface Extracted extends DocumentText {
  mediaType: MediaType;
  metadata: DocumentMetadata;
  pageCount: number;
  /** 'none': a PDF whose pages carry no text (a scan); reported, never silently empty. */
  textLayer: 'text' | 'none';
  warnings: string[];
}

export interface ExtractLimits {
  /** Files larger than this are refused. */
  maxBytes: number;
  /** DOCX: the unpacked size and the unpacked/packed ratio at most (zip bombs). */
  maxUnpackedBytes: number;
  maxZipRatio: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxBytes: 50 * 1024 * 1024, maxUnpackedBytes: 200 * 1024 * 1024, maxZipRatio: 100 };

const EMPTY_META: DocumentMetadata = { title: null, author: null, publisher: null, publishedAt: null, url: null, language: null };

/** The format from the bytes (magic numbers) first, the file name second. */
export function detectMediaType(bytes: Uint8Array, fileName: string): MediaType {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    if (/\.docx$/i.test(fileName) || head.includes('[Content_Types].xml') || head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    throw new SourceError(fileName, 'a ZIP archive that is not a DOCX document is not read');
  }
  if (/\.pdf$/i.test(fileName)) throw new SourceError(fileName, 'not a PDF: the file does not start with %PDF- (corrupt or truncated?)');
  if (/\.docx$/i.test(fileName)) throw new SourceError(fileName, 'not a DOCX: the file is not a ZIP archive (corrupt or truncated?)');
  if (/\.x?html?$/i.test(fileName) || /^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>])/i.test(head.replace(/^\ufeff/, ''))) return 'text/html';
  return 'text/plain';
}

export async function extractDocument(bytes: Uint8Array, fileName: string, limits: ExtractLimits = DEFAULT_LIMITS): Promise<Extracted> {
  if (bytes.length === 0) throw new SourceError(fileName, 'the file is empty');
  if (bytes.length > limits.maxBytes) throw new SourceError(fileName, `the file is ${bytes.length} bytes, over the limit of ${limits.maxBytes} (INTERDICT_DOCUMENT_MAX_BYTES)`);
  const mediaType = detectMediaType(bytes, fileName);
  switch (mediaType) {
    case 'application/pdf':
      return extractPdf(bytes, fileName);
    case 'text/html':
      return { mediaType, ...extractHtml(decodeText(bytes, fileName)), pageCount: 1, textLayer: 'text', warnings: [] };
    case 'text/plain':
      return { mediaType, ...extractPlain(decodeText(bytes, fileName)), pageCount: 1, textLayer: 'text', warnings: [] };
    default:
      return extractDocx(bytes, fileName, limits);
  }
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(fileName, 'the text is not valid UTF-8 (binary, or another encoding)');
  }
  if (text.includes('\u0000')) throw new SourceError(fileName, 'the file holds NUL bytes: binary, not text');
  return text.replace(/^\ufeff/, '');
}

/** Plain text: a paragraph per line (or per blank-line block when lines are wrapped). */
export function extractPlain(text: string): DocumentText & { metadata: DocumentMetadata } {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = /\n\s*\n/.test(normalised) ? normalised.split(/\n\s*\n/) : normalised.split('\n');
  const laid = layOut(blocks.map((b) => ({ text: b, page: 1 })));
  return { ...laid, metadata: { ...EMPTY_META, title: laid.paragraphs[0]?.text.slice(0, 300) ?? null } };
}

// Elements whose content is never text of the document: navigation, scripts, styles, forms, embeds.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'dd', 'dt', 'dl', 'figcaption', 'figure', 'br', 'hr', 'address', 'title']);

/** HTML as data: text of the body's blocks, metadata from title/meta; nothing is fetched or run. */
export function extractHtml(html: string): DocumentText & { metadata: DocumentMetadata } {
  const meta: DocumentMetadata = { ...EMPTY_META };
  const pieces: string[] = [];
  let current = '';
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  const flush = () => {
    if (current.trim()) pieces.push(current);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'html' && attrs.lang) meta.language = attrs.lang.slice(0, 20);
        if (name === 'meta') readMeta(meta, (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').toLowerCase(), attrs.content ?? '');
        if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href) meta.url ??= attrs.href;
        if (SKIPPED.has(name)) skipDepth++;
        else if (BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (inTitle) title += data;
        else if (skipDepth === 0) current += data;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  meta.title ??= title.trim() || null;
  return { ...layOut(pieces.map((text) => ({ text, page: 1 }))), metadata: meta };
}

function readMeta(meta: DocumentMetadata, name: string, content: string): void {
  const value = content.trim().slice(0, 500) || null;
  if (!value) return;
  if (name === 'author' || name === 'article:author' || name === 'dc.creator') meta.author ??= value;
  else if (name === 'og:site_name' || name === 'publisher' || name === 'dc.publisher') meta.publisher ??= value;
  else if (name === 'og:title' || name === 'dc.title') meta.title ??= value;
  else if (name === 'og:url') meta.url ??= value;
  else if (['article:published_time', 'date', 'dc.date', 'datepublished', 'pubdate'].includes(name)) meta.publishedAt ??= isoDateOf(value);
  else if (name === 'language' || name === 'dc.language') meta.language ??= value;
}

function isoDateOf(value: string): string | null {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value)?.[0] ?? null;
}

/** PDF: text per page, lines grouped into paragraphs by vertical gaps; a page break ends a paragraph. */
async function extractPdf(bytes: Uint8Array, fileName: string): Promise<Extracted> {
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js may transfer (detach) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: true, verbosity: 0 } as never);
  } catch (err) {
    const e = err as Error;
    if (e.name === 'PasswordException') throw new SourceError(fileName, 'the PDF is encrypted (password protected); save an unprotected copy to ingest it');
    throw new SourceError(fileName, `not a readable PDF (corrupt or truncated?): ${e.message}`);
  }
  try {
    const pieces: { text: string; page: number }[] = [];
    let textItems = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      let paragraph = '';
      let lastY: number | null = null;
      let lineHeight = 0;
      for (const item of content.items as { str?: string; transform?: number[]; height?: number; hasEOL?: boolean }[]) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        const y = item.transform[5];
        const h = item.height || Math.abs(item.transform[3]) || 10;
        if (lastY !== null && y < lastY - 0.1) {
          // A new line: a gap of more than 1.6 lines starts a new paragraph.
          if (lastY - y > 1.6 * Math.max(h, lineHeight)) {
            pieces.push({ text: paragraph, page: p });
            paragraph = '';
          } else paragraph += ' ';
        }
        if (item.str.trim()) textItems++;
        paragraph += item.str;
        if (item.hasEOL) paragraph += ' ';
        lastY = y;
        lineHeight = h;
      }
      pieces.push({ text: paragraph, page: p });
      page.cleanup();
    }
    const laid = layOut(pieces);
    const meta = await readPdfMeta(pdf);
    const scanned = textItems === 0;
    return {
      mediaType: 'application/pdf',
      ...laid,
      metadata: meta,
      pageCount: pdf.numPages,
      textLayer: scanned ? 'none' : 'text',
      warnings: scanned ? [`${fileName}: the PDF has ${pdf.numPages} page(s) but no text layer (a scan?): run OCR first; no mentions can be found`] : [],
    };
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(fileName, `the PDF could not be read whole (corrupt or truncated?): ${(err as Error).message}`);
  } finally {
    await pdf.destroy();
  }
}

async function readPdfMeta(pdf: { getMetadata(): Promise<{ info: unknown }> }): Promise<DocumentMetadata> {
  const info = ((await pdf.getMetadata().catch(() => ({ info: {} }))).info ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 500) : null);
  const date = s(info.CreationDate);
  const m = date ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(date) : null;
  return {
    title: s(info.Title),
    author: s(info.Author),
    publisher: s(info.Producer) === null ? null : null, // the PDF producer is software, not a publisher
    publishedAt: m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null,
    url: null,
    language: s(info.Language) ?? s(info.Lang),
  };
}

/** DOCX: the zip is checked for bombs before mammoth unpacks it; paragraphs from its raw text. */
async function extractDocx(bytes: Uint8Array, fileName: string, limits: ExtractLimits): Promise<Extracted> {
  checkZip(bytes, fileName, limits);
  const mammoth = (await import('mammoth')).default;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (err) {
    throw new SourceError(fileName, `not a readable DOCX (corrupt or truncated?): ${(err as Error).message}`);
  }
  const laid = layOut(raw.split(/\n+/).map((text) => ({ text, page: 1 })));
  const core = await docxCoreProperties(bytes);
  return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...laid, metadata: core, pageCount: 1, textLayer: 'text', warnings: [] };
}

async function docxCoreProperties(bytes: Uint8Array): Promise<DocumentMetadata> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const tag = (name: string) => {
    const m = new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml);
    return m?.[1].trim() ? m[1].trim().slice(0, 500) : null;
  };
  const created = tag('dcterms:created');
  return { title: tag('dc:title'), author: tag('dc:creator'), publisher: null, publishedAt: created ? isoDateOf(created) : null, url: null, language: tag('dc:language') };
}
