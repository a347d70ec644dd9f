// Documents: the library (upload, list, full-text search with filters) at #/documents, and the
// reader at #/documents/<id>[?locator=…|?paragraph=N]: text with mentions, a mention's candidates
// and review, and the claim builder beside the text.
import { useState } from 'react';
import { documentsApi, type Mention } from '../api/documents.ts';
import type { Route } from '../router.ts';
import { href } from '../router.ts';
import { useDocument, usePassage } from '../hooks/useDocuments.ts';
import { useMe } from '../hooks/useMe.ts';
import { formatDate } from '../lib/format.ts';
import type { Span } from '../lib/passageSegments.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { UploadPanel } from '../components/documents/UploadPanel.tsx';
import { DocumentListPanel, filtersOf } from '../components/documents/DocumentListPanel.tsx';
import { ReaderPanel } from '../components/documents/ReaderPanel.tsx';
import { MentionPanel } from '../components/documents/MentionPanel.tsx';
import { ClaimBuilder } from '../components/documents/ClaimBuilder.tsx';

export function DocumentsPage({ route }: { route: Route }) {
  const id = route.segments[1];
  if (id) return <DocumentReader key={id} id={id} locator={route.params.get('locator')} paragraph={Number(route.params.get('paragraph')) || null} />;
  return <DocumentLibrary route={route} />;
}

function DocumentLibrary({ route }: { route: Route }) {
  const [uploads, setUploads] = useState(0);
  const filters = filtersOf(route.params);
  const { can } = useMe();
  return (
    <div className="page documents-page">
      <h1>Documents</h1>
      {can('analyst') && <UploadPanel onUploaded={() => setUploads((n) => n + 1)} />}
      <DocumentListPanel key={JSON.stringify(filters)} filters={filters} refresh={uploads} />
    </div>
  );
}

function DocumentReader({ id, locator, paragraph }: { id: string; locator: string | null; paragraph: number | null }) {
  const { doc, mentions, replaceMention } = useDocument(id);
  const passage = usePassage(id, locator);
  const [selected, setSelected] = useState<string | null>(null);
  const [selection, setSelection] = useState<Span | null>(null);
  const { can } = useMe();
  const analyst = can('analyst');

  if (doc.loading && !doc.data) return <Loading what="document" />;
  if (doc.error || !doc.data) return <div className="page"><ErrorMessage error={doc.error} what={`document ${id}`} /></div>;
  const d = doc.data;
  const quote = passage.data ? { start: passage.data.start, end: passage.data.end } : null;
  const mention = mentions.list.find((m) => m.id === selected) ?? null;
  const linked = mentions.list.filter((m) => m.entityId && m.status !== 'rejected').length;

  return (
    <article className="page document-page" aria-labelledby="document-title">
      <header className="document-head">
        <p className="small"><a href={href('documents')}>← Documents</a></p>
        <h1 id="document-title">{d.title ?? d.file_name}</h1>
        <p className="muted small">
          {[d.author, d.publisher, formatDate(d.published_at)].filter(Boolean).join(' · ')}
          {d.url && /^https?:\/\//.test(d.url) ? <> · <a href={d.url} rel="noreferrer noopener">{d.url}</a></> : null}
          {' · '}{d.media_type}, {d.page_count} page(s), {d.paragraphs.length} paragraphs · <code title="SHA-256 of the original bytes">{d.id.slice(0, 16)}…</code>
          {' · '}<a href={documentsApi.originalUrl(d.id)} download>original file</a>
        </p>
        {d.text_layer === 'none' && <p className="message warning">This PDF has no text layer (a scan): there is no text to read or quote.</p>}
        <p className="small">
          {mentions.loading ? 'Loading mentions…' : `${mentions.list.length} mentions, ${linked} linked to entities.`} {analyst ? 'Select a passage to build a claim; click a highlighted name to review its link.' : 'Click a highlighted name to see its link.'}
        </p>
        {locator && passage.error && <ErrorMessage error={passage.error} what="the quoted passage" />}
        {passage.data && <p className="small" role="status">Showing the quoted passage: {passage.data.locator}</p>}
      </header>
      <div className="reader-layout">
        <ReaderPanel doc={d} mentions={mentions.list} quote={quote} focusParagraph={paragraph} selectedMention={selected} onMention={(m: Mention) => setSelected(m.id)} onSelect={setSelection} />
        <aside className="reader-side" aria-label="Mention and claim">
          {mention && <MentionPanel key={mention.id} documentId={d.id} mention={mention} onChanged={replaceMention} canReview={analyst} />}
          {analyst && <ClaimBuilder key={selection ? `${selection.start}-${selection.end}` : 'none'} documentId={d.id} passage={selection} />}
        </aside>
      </div>
    </article>
  );
}
