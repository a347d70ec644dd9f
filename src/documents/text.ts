// A document's text with positions: paragraphs joined by a blank line, each with its page and its
// character range in the whole text. Every extractor (text, HTML, PDF, DOCX) ends here, so the same
// article gives the same text and offsets whatever format it came in.

export interface Paragraph {
  /** 1-based over the whole document. */
  paragraph: number;
  /** 1-based; 1 for formats without pages. */
  page: number;
  /** Offsets into the document text (UTF-16 code units, as JavaScript strings count). */
  start: number;
  end: number;
  text: string;
}

export interface DocumentText {
  text: string;
  paragraphs: Paragraph[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Collapses runs of white space inside a paragraph (line wraps, tabs, non-breaking spaces). */
export function cleanParagraph(raw: string): string {
  return raw.replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
}

/** Lays paragraphs (with their pages) out as one text; empty ones are dropped. */
export function layOut(pieces: { text: string; page: number }[]): DocumentText {
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const piece of pieces) {
    const clean = cleanParagraph(piece.text);
    if (!clean) continue;
    if (text) text += PARAGRAPH_SEPARATOR;
    const start = text.length;
    text += clean;
    paragraphs.push({ paragraph: paragraphs.length + 1, page: piece.page, start, end: text.length, text: clean });
  }
  return { text, paragraphs };
}

/** The paragraph holding an offset (binary search). */
export function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}
