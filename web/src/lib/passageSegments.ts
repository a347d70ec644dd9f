// Cuts a paragraph into runs of text at mention and quote boundaries, so the reader can show each
// mention as a control and the quoted passage as a highlight, all as text nodes (never HTML).

export interface Span { start: number; end: number }

export interface Segment<M extends Span> {
  /** Document offsets of the run. */
  start: number;
  end: number;
  text: string;
  mention: M | null;
  inQuote: boolean;
}

export function segmentsOf<M extends Span>(paragraph: Span & { text: string }, mentions: M[], quote: Span | null): Segment<M>[] {
  const inside = mentions.filter((m) => m.start >= paragraph.start && m.end <= paragraph.end && m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping mentions cannot both be controls: the earlier (longer) one wins.
  const kept: M[] = [];
  for (const m of inside) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const m of kept) cuts.add(m.start).add(m.end);
  if (quote) for (const at of [quote.start, quote.end]) if (at > paragraph.start && at < paragraph.end) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<M>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const mention = kept.find((m) => m.start <= start && end <= m.end) ?? null;
    out.push({ start, end, text: paragraph.text.slice(start - paragraph.start, end - paragraph.start), mention, inQuote: !!quote && start >= quote.start && end <= quote.end });
  }
  return out;
}

/** The document offset of a point in the reader: the run's `data-start` plus the offset inside its text. */
export function offsetOfPoint(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-start]');
    return run ? Number(run.dataset.start) + offset : null;
  }
  if (!(node instanceof Element)) return null;
  const child = node.childNodes[offset];
  const run = child instanceof Element ? child.closest<HTMLElement>('[data-start]') ?? child.querySelector<HTMLElement>('[data-start]') : null;
  if (run) return Number(run.dataset.start);
  const own = node.closest<HTMLElement>('[data-start]');
  return own ? Number(own.dataset.start) + (offset > 0 ? (own.textContent ?? '').length : 0) : null;
}
