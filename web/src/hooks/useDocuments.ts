// Data hooks for the documents pages, over the typed client (web/src/api/documents.ts).
import { useCallback, useEffect, useState } from 'react';
import { documentsApi, type Mention, type MentionJob, type SearchQuery } from '../api/documents.ts';
import { useApi } from '../lib/useApi.ts';

/** Any filter given: the server's full-text search; none: the documents, newest first. `refresh` reloads. */
export function useDocumentSearch(filters: SearchQuery, refresh = 0) {
  const key = JSON.stringify(filters) + refresh;
  const searching = Object.values(filters).some((v) => v !== undefined && v !== '');
  const list = useApi(searching ? null : (signal) => documentsApi.list(signal), [key]);
  const search = useApi(searching ? (signal) => documentsApi.search(filters, signal) : null, [key]);
  return { searching, list, search };
}

/** A document with its text and paragraphs, and its mentions (which reviews change in place). */
export function useDocument(id: string) {
  const doc = useApi((signal) => documentsApi.get(id, signal), [id]);
  const mentions = useApi((signal) => documentsApi.mentions(id, signal), [id]);
  // A review answers the mention as it now stands; it replaces the loaded one.
  const [reviewed, setReviewed] = useState<Record<string, Mention>>({});
  const list = (mentions.data?.mentions ?? []).map((m) => reviewed[m.id] ?? m);
  const replaceMention = useCallback((m: Mention) => setReviewed((r) => ({ ...r, [m.id]: m })), []);
  return { doc, mentions: { ...mentions, list }, replaceMention };
}

/** The passage a locator points at (the server checks the quote hash). */
export function usePassage(id: string, locator: string | null) {
  return useApi(locator ? (signal) => documentsApi.passage(id, locator, signal) : null, [id, locator]);
}

/** Follows a mention job until it is done or failed, polling its progress. */
export function useMentionJob(initial: MentionJob | null): MentionJob | null {
  const [polled, setJob] = useState<MentionJob | null>(null);
  const job = polled && polled.id === initial?.id ? polled : initial;
  useEffect(() => {
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      documentsApi.job(job.id, controller.signal).then(setJob, () => undefined);
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [job]);
  return job;
}

export function useEntityDocuments(entityId: string) {
  return useApi((signal) => documentsApi.entityDocuments(entityId, signal), [entityId]);
}
