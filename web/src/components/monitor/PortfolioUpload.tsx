// Upload a portfolio file (batch CSV with the customer's reference in `id`, or FtM JSON lines) to a new or
// existing portfolio: the bytes' progress, then "screening" until the server answers with its report.
import { useId, useState } from 'react';
import { WhereSelect } from '../WhereSelect.tsx';
import { uploadPortfolio, type Portfolio, type UploadMode, type UploadReport } from '../../api/monitor.ts';
import { ErrorMessage, Section } from '../common.tsx';
import { UploadReportView } from './UploadReportView.tsx';

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;

export function PortfolioUpload({ portfolios, onUploaded }: { portfolios: Portfolio[]; onUploaded: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<UploadMode>('replace');
  const [where, setWhere] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [report, setReport] = useState<UploadReport | null>(null);
  const [error, setError] = useState<Error>();
  const validName = NAME.test(name) && name.length <= 100;

  const send = async () => {
    if (!file || !validName) return;
    setError(undefined);
    setReport(null);
    setSent(0);
    try {
      setReport(await uploadPortfolio(name, file, mode, setSent, where || undefined));
      onUploaded();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSent(null);
    }
  };

  return (
    <Section title="Upload records" id="upload">
      <form className="upload-grid" aria-label="Upload a portfolio" onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <label>
          Portfolio
          <input value={name} onChange={(e) => setName(e.target.value)} list={`${id}-names`} required maxLength={100} placeholder="new or existing name" aria-invalid={name !== '' && !validName} />
          <datalist id={`${id}-names`}>{portfolios.map((p) => <option key={p.id} value={p.name} />)}</datalist>
        </label>
        <WhereSelect value={where} onChange={setWhere} />
        <fieldset className="modes">
          <legend>Mode</legend>
          <label className="check"><input type="radio" name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace: the file is the whole portfolio</label>
          <label className="check"><input type="radio" name={`${id}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge: add and change only</label>
        </fieldset>
        <label>
          File (CSV or FtM JSON lines)
          <input type="file" accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={!file || !validName || sent !== null}>Upload and screen</button>
      </form>
      <p className="hint">CSV in the batch layout, your own reference in the <code>id</code> column; or FtM JSON lines, the reference as the entity's <code>id</code>.</p>
      {name !== '' && !validName && <p className="hint">A name starts with a letter or digit and holds letters, digits, spaces, dots, dashes and underscores.</p>}
      {sent !== null && (
        <div className="progress" role="status" aria-label="Upload progress">
          {sent < 1 ? <><progress max={1} value={sent} /> Uploading: {Math.round(sent * 100)}%</> : <><progress /> Screening the records…</>}
        </div>
      )}
      <ErrorMessage error={error} what="the portfolio" />
      {report && <UploadReportView report={report} />}
    </Section>
  );
}
