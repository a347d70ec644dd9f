// "Verify chain": walks the audit trail's hash chain on the server and says ok, or names each problem.
import { useState } from 'react';
import { accessApi, type AuditVerification } from '../../api/access.ts';
import { ErrorMessage } from '../common.tsx';

export function ChainCheck() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await accessApi.verify());
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="chain-check">
      <button type="button" disabled={busy} onClick={() => void verify()}>Verify chain</button>
      <ErrorMessage error={error} what="the verification" />
      {result?.ok && <p className="message success" role="status">Chain intact: {result.records} records, head #{result.head.seq} <code>{result.head.hash.slice(0, 16)}…</code></p>}
      {result && !result.ok && (
        <div className="message error" role="alert">
          <strong>The chain is broken ({result.problems.length} problems in {result.records} records):</strong>
          <ul>{result.problems.map((p, i) => <li key={i}>#{p.seq} {p.kind}: {p.message}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
