// On an entity's profile: the documents that mention it, with the passages, each opening the reader.
import { useEntityDocuments } from '../../hooks/useDocuments.ts';
import { href } from '../../router.ts';
import { formatDate } from '../../lib/format.ts';
import { segmentsOf } from '../../lib/passageSegments.ts';
import { ErrorMessage, Loading, Section } from '../common.tsx';

export function EntityDocumentsPanel({ entityId }: { entityId: string }) {
  const docs = useEntityDocuments(entityId);
  if (docs.loading && !docs.data) return <Loading what="documents" />;
  if (docs.error || !docs.data) return <ErrorMessage error={docs.error} what="the documents that mention it" />;
  if (docs.data.documents.length === 0) return null;
  return (
    <Section title="Mentioned in documents" id="documents">
      <ul className="entity-docs">
        {docs.data.documents.map((d) => (
          <li key={d.documentId}>
            <a href={href('documents', d.documentId)}>{d.title ?? d.documentId.slice(0, 12)}</a>
            <span className="muted small"> {d.publisher ?? ''} {formatDate(d.publishedAt)} · {d.mentions.length} mention(s)</span>
            <ul className="passages">
              {d.passages.map((p) => {
                const mentions = d.mentions.filter((m) => m.paragraph === p.paragraph);
                return (
                  <li key={p.paragraph}>
                    <a className="small" href={href('documents', d.documentId, { paragraph: p.paragraph })}>page {p.page}, para {p.paragraph}</a>
                    <p className="snippet">
                      {segmentsOf(p, mentions, null).map((s) => (s.mention ? <mark key={s.start} className="mention linked">{s.text}</mark> : <span key={s.start}>{s.text}</span>))}
                    </p>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}
