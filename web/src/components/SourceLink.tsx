// Where a claim comes from, as a link: a document in the store (`doc-<sha256>`) opens the reader at
// the claim's locator (the quoted passage highlighted); a URL opens the page; anything else is an
// entity of its own (a case file's source documents).
import { documentIdOfSource } from '../api/documents.ts';
import { href } from '../router.ts';
import { EntityLink } from './common.tsx';

export function SourceLink({ source, locator }: { source: string; locator?: string | null }) {
  const documentId = documentIdOfSource(source);
  if (documentId) {
    return (
      <a href={href('documents', documentId, { locator: locator ?? undefined })} title={locator ? `Open the quoted passage: ${locator}` : 'Open the document'}>
        document {documentId.slice(0, 12)}…{locator ? ' (the quoted passage)' : ''}
      </a>
    );
  }
  if (/^https?:\/\//.test(source)) return <a href={source} rel="noreferrer noopener">{source}</a>;
  return <EntityLink id={source} caption={source} />;
}
