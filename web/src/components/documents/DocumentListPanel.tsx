// The documents, or the passages a full-text search finds, filtered by the server by entity
// mentioned, publication date and source. Filters live in the URL (#/documents?q=…&entity=…).
import { useState, type FormEvent } from 'react';
import type { SearchQuery } from '../../api/documents.ts';
import { useDocumentSearch } from '../../hooks/useDocuments.ts';
import { href, navigate } from '../../router.ts';
import { formatDate } from '../../lib/format.ts';
import { EntityPicker, type Picked } from '../EntityPicker.tsx';
import { ErrorMessage, Loading, Section } from '../common.tsx';

const FIELDS = ['q', 'entity', 'from', 'to', 'source'] as const;

export function filtersOf(params: URLSearchParams): SearchQuery {
  const f: SearchQuery = {};
  for (const k of FIELDS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function DocumentListPanel({ filters, refresh }: { filters: SearchQuery; refresh: number }) {
  const [form, setForm] = useState({ q: filters.q ?? '', from: filters.from ?? '', to: filters.to ?? '', source: filters.source ?? '' });
  const [entity, setEntity] = useState<Picked | null>(filters.entity ? { id: filters.entity, caption: filters.entity } : null);
  const { searching, list, search } = useDocumentSearch(filters, refresh);

  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    navigate(href('documents', { ...form, entity: entity?.id }), true);
  };

  return (
    <Section title="Documents" id="documents">
      <form className="doc-filters" role="search" aria-label="Search documents" onSubmit={apply}>
        <label>Text, in any script<input value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} /></label>
        <label>Published from<input value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} placeholder="YYYY[-MM[-DD]]" /></label>
        <label>to<input value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} placeholder="YYYY[-MM[-DD]]" /></label>
        <label>Source (publisher, URL or file)<input value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} /></label>
        <button type="submit">Search</button>
      </form>
      <div className="doc-entity-filter">
        <EntityPicker label="Mentioning entity" value={entity} onPick={(p) => { setEntity(p); navigate(href('documents', { ...form, entity: p.id }), true); }} />
        {entity && <button type="button" onClick={() => { setEntity(null); navigate(href('documents', { ...form }), true); }}>Any entity</button>}
      </div>
      {searching ? (
        <>
          {search.loading && <Loading what="results" />}
          <ErrorMessage error={search.error} what="results" />
          {search.data && (
            <ol className="doc-hits" aria-label="Passages found">
              {search.data.results.length === 0 && <li className="muted">No passage matches.</li>}
              {search.data.results.map((h) => (
                <li key={`${h.documentId}-${h.paragraph}`}>
                  <a href={href('documents', h.documentId, { paragraph: h.paragraph })}>{h.title ?? h.documentId.slice(0, 12)}</a>
                  <span className="muted small"> {h.publisher ?? ''} {formatDate(h.publishedAt)} · page {h.page}, para {h.paragraph}</span>
                  <p className="snippet">{h.text}</p>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <>
          {list.loading && <Loading what="documents" />}
          <ErrorMessage error={list.error} what="documents" />
          {list.data && (
            <table className="doc-table">
              <thead><tr><th>Title</th><th>Publisher</th><th>Published</th><th>Type</th><th>Pages</th><th>Added</th></tr></thead>
              <tbody>
                {list.data.documents.length === 0 && <tr><td colSpan={6} className="muted">No documents yet.</td></tr>}
                {list.data.documents.map((d) => (
                  <tr key={d.id}>
                    <td><a href={href('documents', d.id)}>{d.title ?? d.file_name}</a></td>
                    <td>{d.publisher ?? ''}</td>
                    <td>{formatDate(d.published_at)}</td>
                    <td>{d.media_type}{d.text_layer === 'none' ? ' (no text layer)' : ''}</td>
                    <td>{d.page_count}</td>
                    <td className="small">{formatDate(d.created_at)} by {d.created_by}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}
