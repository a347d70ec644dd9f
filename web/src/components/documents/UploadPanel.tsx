// Upload a document (file input or drag and drop): the bytes' upload progress, then the mention job's.
import { useId, useState, type DragEvent } from 'react';
import { uploadDocument, type IngestResult } from '../../api/documents.ts';
import { useMentionJob } from '../../hooks/useDocuments.ts';
import { href } from '../../router.ts';
import { ErrorMessage, Section } from '../common.tsx';
import { WhereSelect } from '../WhereSelect.tsx';

export function UploadPanel({ onUploaded }: { onUploaded: () => void }) {
  const id = useId();
  const [meta, setMeta] = useState({ title: '', publisher: '', published_at: '', url: '' });
  const [workspace, setWorkspace] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<Error>();
  const [over, setOver] = useState(false);
  const job = useMentionJob(result?.job ?? null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setResult(null);
    setSent(0);
    try {
      const r = await uploadDocument(file, { title: meta.title || undefined, publisher: meta.publisher || undefined, published_at: meta.published_at || undefined, url: meta.url || undefined, workspace: workspace || undefined }, setSent);
      setResult(r);
      onUploaded();
    } catch (err) {
      setError(err as Error);
    } finally {
      setSent(null);
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };

  return (
    <Section title="Add a document" id="upload">
      <div className="upload-grid">
        <label>Title<input value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} placeholder="from the file if empty" /></label>
        <label>Publisher<input value={meta.publisher} onChange={(e) => setMeta({ ...meta, publisher: e.target.value })} /></label>
        <label>Published<input value={meta.published_at} onChange={(e) => setMeta({ ...meta, published_at: e.target.value })} placeholder="YYYY[-MM[-DD]]" /></label>
        <label>URL<input value={meta.url} onChange={(e) => setMeta({ ...meta, url: e.target.value })} type="url" /></label>
        <WhereSelect value={workspace} onChange={setWorkspace} />
      </div>
      <div className={`dropzone${over ? ' over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
        <label htmlFor={`${id}-file`}>Drop a PDF, HTML, DOCX or text file here, or choose one:</label>
        <input id={`${id}-file`} type="file" accept=".pdf,.html,.htm,.docx,.txt,application/pdf,text/html,text/plain" onChange={(e) => void send(e.target.files?.[0])} />
      </div>
      {sent !== null && (
        <div className="progress" role="status" aria-label="Upload progress">
          <progress max={1} value={sent} /> Uploading: {Math.round(sent * 100)}%
        </div>
      )}
      <ErrorMessage error={error} what="the document" />
      {result && (
        <div className="message" role="status" aria-label="Upload result">
          {result.created ? 'Ingested' : 'Already there (same bytes)'}: <strong>{result.document.title ?? result.document.file_name}</strong>, {result.paragraphs} paragraphs
          {result.warnings.map((w, i) => <p key={i} className="message warning">{w}</p>)}
          {job && job.status !== 'done' && job.status !== 'failed' && (
            <div className="progress"><progress max={1} value={job.progress} aria-label="Finding mentions" /> Finding mentions: {Math.round(job.progress * 100)}%</div>
          )}
          {job?.status === 'failed' && <p className="message error">Finding mentions failed: {job.error}</p>}
          {job?.status === 'done' && <p>Found {job.mentions} mentions.</p>}
          {(!job || job.status === 'done' || job.status === 'failed') && <p><a href={href('documents', result.document.id)}>Open the document</a></p>}
        </div>
      )}
    </Section>
  );
}
