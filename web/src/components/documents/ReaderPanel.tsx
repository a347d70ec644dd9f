// The document's text by page and paragraph, mentions as controls, the quoted passage highlighted.
// Everything is a text node: document text is never rendered as HTML.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { DocumentFull, Mention } from '../../api/documents.ts';
import { offsetOfPoint, segmentsOf, type Span } from '../../lib/passageSegments.ts';

export interface ReaderProps {
  doc: DocumentFull;
  mentions: Mention[];
  quote: Span | null;
  /** A paragraph to bring into view when no quote is given. */
  focusParagraph: number | null;
  selectedMention: string | null;
  onMention: (m: Mention) => void;
  /** A passage the analyst selected, cut to one paragraph (the server's claims take one). */
  onSelect: (span: Span) => void;
}

export function ReaderPanel({ doc, mentions, quote, focusParagraph, selectedMention, onMention, onSelect }: ReaderProps) {
  const root = useRef<HTMLDivElement>(null);

  const quoteAt = quote ? `${quote.start}-${quote.end}` : null;
  useEffect(() => {
    const target = quoteAt ? root.current?.querySelector('[data-quote]') : focusParagraph ? root.current?.querySelector(`[data-paragraph="${focusParagraph}"]`) : null;
    target?.scrollIntoView({ block: 'center' });
  }, [quoteAt, focusParagraph, doc.id]);

  const selectionChanged = () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !root.current) return;
    const range = sel.getRangeAt(0);
    if (!root.current.contains(range.commonAncestorContainer)) return;
    let start = offsetOfPoint(range.startContainer, range.startOffset);
    let end = offsetOfPoint(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    const paragraph = doc.paragraphs.find((p) => start! >= p.start && start! < p.end);
    if (!paragraph) return;
    end = Math.min(end, paragraph.end);
    // Leading and trailing blanks are no part of a quote.
    while (start < end && /\s/.test(doc.text[start])) start++;
    while (end > start && /\s/.test(doc.text[end - 1])) end--;
    if (end > start) onSelect({ start, end });
  };

  const keyOnMention = (e: KeyboardEvent, m: Mention) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onMention(m);
    }
  };

  const firstOfPage = new Set(doc.paragraphs.filter((p, i) => i === 0 || doc.paragraphs[i - 1].page !== p.page).map((p) => p.paragraph));
  return (
    <div className="reader" ref={root} onMouseUp={selectionChanged} onKeyUp={selectionChanged} aria-label="Document text">
      {doc.paragraphs.map((p) => {
        const pageHeading = doc.page_count > 1 && firstOfPage.has(p.paragraph) ? <h3 className="reader-page" key={`page-${p.page}`}>Page {p.page}</h3> : null;
        return [
          pageHeading,
          <p key={p.paragraph} data-paragraph={p.paragraph} className="reader-para">
            <span className="para-no" aria-hidden="true">{p.paragraph}</span>
            {segmentsOf(p, mentions, quote).map((s) => {
              const quoteMark = s.inQuote ? { 'data-quote': '' } : {};
              if (s.mention) {
                const m = s.mention;
                return (
                  <mark
                    key={s.start}
                    data-start={s.start}
                    {...quoteMark}
                    role="button"
                    tabIndex={0}
                    aria-pressed={selectedMention === m.id}
                    className={`mention kind-${m.kind} status-${m.status}${m.entityId ? ' linked' : ''}${s.inQuote ? ' in-quote' : ''}`}
                    title={m.entityId ? `${m.kind}: ${m.candidates.find((c) => c.id === m.entityId)?.caption ?? m.entityId} (${m.status})` : `${m.kind}${m.value ? `: ${m.value}` : ''}`}
                    onClick={() => onMention(m)}
                    onKeyDown={(e) => keyOnMention(e, m)}
                  >
                    {s.text}
                  </mark>
                );
              }
              return s.inQuote ? <mark key={s.start} data-start={s.start} {...quoteMark} className="quote">{s.text}</mark> : <span key={s.start} data-start={s.start}>{s.text}</span>;
            })}
          </p>,
        ];
      })}
    </div>
  );
}
