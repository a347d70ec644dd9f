// The documents API, typed by the generated OpenAPI types (web/src/api-types.ts): what the server's
// schemas say is what the pages get, without normalisers.
import type { paths } from '../api-types.ts';
import { ApiError, csrfHeaders, query, request, toSignIn } from './http.ts';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;

export type DocumentList = Get<'/documents'>;
export type DocumentMeta = DocumentList['documents'][number];
export type DocumentFull = Get<'/documents/{id}'>;
export type Paragraph = DocumentFull['paragraphs'][number];
export type Mention = Get<'/documents/{id}/mentions'>['mentions'][number];
export type Candidate = Mention['candidates'][number];
export type MentionJob = Get<'/documents/jobs/{jobId}'>;
export type SearchQuery = NonNullable<paths['/documents/search']['get']['parameters']['query']>;
export type SearchResults = Get<'/documents/search'>;
export type SearchHit = SearchResults['results'][number];
export type Passage = Get<'/documents/{id}/passage'>;
export type EntityDocuments = Get<'/entities/{id}/documents'>;
export type IngestResult = Json<paths['/documents']['post']['responses'][201]>;
export type UploadQuery = NonNullable<paths['/documents']['post']['parameters']['query']>;
export type ReviewBody = Json<NonNullable<paths['/documents/{id}/mentions/{mentionId}']['post']['requestBody']>>;
export type ClaimBody = Json<NonNullable<paths['/documents/{id}/claims']['post']['requestBody']>>;
export type ClaimProposal = Json<paths['/documents/{id}/claims']['post']['responses'][200]>;
export type ClaimCreated = Json<paths['/documents/{id}/claims']['post']['responses'][201]>;
export type ClaimDraft = ClaimProposal['draft'];
export type ClaimKind = NonNullable<ClaimBody['kind']>;
export type AnalystGrade = Exclude<NonNullable<ClaimBody['evidence_grade']>, 'official'>;

/** Writes carry no author: the server records the signed-in user with each review, claim and upload. */
function writeHeaders(): Record<string, string> {
  return { 'content-type': 'application/json' };
}

const enc = encodeURIComponent;

export const documentsApi = {
  list: (signal?: AbortSignal) => request<DocumentList>('/documents', { signal }),
  search: (q: SearchQuery, signal?: AbortSignal) => request<SearchResults>(`/documents/search${query({ ...q })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => request<DocumentFull>(`/documents/${enc(id)}`, { signal }),
  mentions: (id: string, signal?: AbortSignal) => request<Get<'/documents/{id}/mentions'>>(`/documents/${enc(id)}/mentions`, { signal }),
  job: (jobId: string, signal?: AbortSignal) => request<MentionJob>(`/documents/jobs/${enc(jobId)}`, { signal }),
  passage: (id: string, locator: string, signal?: AbortSignal) => request<Passage>(`/documents/${enc(id)}/passage${query({ locator })}`, { signal }),
  review: (id: string, mentionId: string, body: ReviewBody) =>
    request<Mention>(`/documents/${enc(id)}/mentions/${enc(mentionId)}`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) }),
  propose: (id: string, body: ClaimBody) =>
    request<ClaimProposal>(`/documents/${enc(id)}/claims`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify({ ...body, propose: true }) }),
  createClaim: (id: string, body: ClaimBody) =>
    request<ClaimCreated>(`/documents/${enc(id)}/claims`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify({ ...body, propose: false }) }),
  entityDocuments: (entityId: string, signal?: AbortSignal) => request<EntityDocuments>(`/entities/${enc(entityId)}/documents`, { signal }),
  originalUrl: (id: string) => `/documents/${enc(id)}/original`,
};

/** The upload content types the server takes; anything else goes as octet-stream (the server reads magic bytes). */
const UPLOAD_TYPES = new Set(['application/pdf', 'text/html', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

/**
 * Sends a file's bytes with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * `onProgress` gets the fraction sent (0..1).
 */
export function uploadDocument(file: File, meta: Omit<UploadQuery, 'file_name'>, onProgress: (sent: number) => void): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const path = `/documents${query({ ...meta, file_name: file.name })}`;
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', UPLOAD_TYPES.has(file.type) ? file.type : 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError('The server cannot be reached.', 0, path));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 || xhr.status === 201) return resolve(body as IngestResult);
      if (xhr.status === 401) toSignIn();
      const message = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : xhr.statusText;
      reject(new ApiError(`${xhr.status}: ${message}`, xhr.status, path));
    };
    xhr.send(file);
  });
}

/** The document id a claim's source names (`doc-<sha256>`), or null for other sources. */
export function documentIdOfSource(source: string | null | undefined): string | null {
  const m = /^doc-([0-9a-f]{64})$/.exec(source ?? '');
  return m ? m[1] : null;
}
