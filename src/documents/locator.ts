// A claim's place in a document: page, paragraph, character range and a hash of the quoted text,
// written as one readable string (`page 1, para 7, chars 1234-1290, quote sha256:9f2c…`) that
// resolves back to the passage. The hash tells when the text at that place is not the quote.
import { createHash } from 'node:crypto';
import { ValidationError } from '../model/errors.ts';

export interface Locator {
  page: number;
  paragraph: number;
  start: number;
  end: number;
  quoteHash: string | null;
}

export function quoteHash(quote: string): string {
  return 'sha256:' + createHash('sha256').update(quote).digest('hex').slice(0, 16);
}

export function formatLocator(l: Locator): string {
  return `page ${l.page}, para ${l.paragraph}, chars ${l.start}-${l.end}${l.quoteHash ? `, quote ${l.quoteHash}` : ''}`;
}

const LOCATOR = /^page (\d+), para (\d+), chars (\d+)-(\d+)(?:, quote (sha256:[0-9a-f]{16}))?$/;

export function parseLocator(text: string): Locator {
  const m = LOCATOR.exec(text.trim());
  if (!m) throw new ValidationError('locator', `"${text.slice(0, 100)}" is not a document locator (page N, para N, chars A-B, quote sha256:…)`);
  return { page: Number(m[1]), paragraph: Number(m[2]), start: Number(m[3]), end: Number(m[4]), quoteHash: m[5] ?? null };
}
