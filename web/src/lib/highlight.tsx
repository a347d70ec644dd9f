// Marks the parts of a listed name that met the query, so a reviewer sees why it matched.
import type { ReactNode } from 'react';

/** Word separators; hyphens split too, so "Yo'-cho'ng" is two words as the matcher sees them. */
const SEPARATORS = /[\s,.;:()/"\u2010-]+/u;

/** Fold case and accents so "Ch'oe" meets "CHOE" and "Ñ" meets "n". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’'ʼ`‘]/g, '').toLowerCase();
}

export function tokens(s: string): string[] {
  return s.split(SEPARATORS).map(fold).filter((t) => t.length > 0);
}

/** Wrap every token of `text` whose folded form is in `terms` in <mark>. */
export function Highlight({ text, terms }: { text: string; terms: Set<string> }): ReactNode {
  if (!terms.size) return text;
  const parts = text.split(new RegExp(`(${SEPARATORS.source})`, 'u'));
  return parts.map((part, i) => {
    const f = fold(part);
    return f && terms.has(f) ? <mark key={i}>{part}</mark> : part;
  });
}
