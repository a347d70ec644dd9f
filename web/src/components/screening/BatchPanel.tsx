// Batch screening: a CSV read in the browser, screened in chunks with progress, downloadable in the
// CLI's result schema (src/screening/batch-output.ts).
import { useMemo, useRef, useState } from 'react';
import { batchResults, match, type AnswerContext, type Band, type BatchRecord, type MatchQuery, type MatchResult } from '../../api/screening.ts';
import { href } from '../../router.ts';
import { AnswerSources, BandBadge, ErrorMessage, Progress, Section } from '../common.tsx';
import { VirtualTable, type Column } from '../VirtualTable.tsx';
import { parseCsv } from '../../lib/csv.ts';
import { download, formatNumber, plural } from '../../lib/format.ts';
import { buildQuery, SCHEMATA, SCOPES } from './query.ts';

/** Queries per /match request in batch mode: small enough to show steady progress. */
const BATCH_CHUNK = 25;


interface BatchRow { line: number; id: string; query?: MatchQuery; name: string; error?: string }
interface BatchOutcome { id: string; name: string; line: number; band: Band | null; results: MatchResult[]; warnings: string[]; error?: string }

/**
 * Read the CSV layout the CLI understands: id,schema,name,birth_date,nationality,imo (header
 * required). A row without a name is kept as unscreenable, in its place; without a schema column
 * every row needs `defaultSchema`, as `interdict screen --schema`.
 */
export function readBatchCsv(text: string, defaultSchema = ''): { rows: BatchRow[]; problems: string[] } {
  const records = parseCsv(text);
  const problems: string[] = [];
  if (!records.length) return { rows: [], problems: ['The file is empty.'] };
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('name') < 0) return { rows: [], problems: [`Line ${records[0].line}: the header has no "name" column (found: ${header.join(', ')}).`] };
  if (col('schema') < 0 && !defaultSchema) return { rows: [], problems: [`Line ${records[0].line}: the header has no "schema" column; choose a type for the rows above.`] };
  const rows: BatchRow[] = [];
  for (const r of records.slice(1)) {
    const get = (name: string) => (col(name) >= 0 ? (r.fields[col(name)] ?? '').trim() : '');
    const name = get('name');
    const id = get('id') || `line-${r.line}`;
    if (r.fields.length !== header.length) {
      rows.push({ line: r.line, id, name, error: `cannot read CSV row: has ${r.fields.length} fields where the header has ${header.length}` });
      continue;
    }
    if (!name) {
      rows.push({ line: r.line, id, name, error: 'no name: a row needs a name to be screened' });
      continue;
    }
    const schema = get('schema') || defaultSchema;
    if (!SCHEMATA.includes(schema)) {
      rows.push({ line: r.line, id, name, error: `unknown schema "${schema}"` });
      continue;
    }
    const query = buildQuery({ name, schema, birthDate: get('birth_date'), nationality: get('nationality'), identifiers: '' });
    if (get('imo')) query.properties.imoNumber = [get('imo').replace(/^IMO\s*/i, '')];
    rows.push({ line: r.line, id, query, name });
  }
  return { rows, problems };
}

/** The record the CLI writes for the same row (src/screening/batch-output.ts). */
function toRecord(o: BatchOutcome, lists: string): BatchRecord {
  return {
    id: o.id,
    line: o.line,
    status: o.error ? 'unscreenable' : 'screened',
    band: o.error ? null : o.band,
    results: o.results.map((r) => ({
      id: r.id, caption: r.caption, schema: r.schema, score: r.score, band: r.band, match: r.match, target: r.target,
      reason: r.reason, referents: r.referents, datasets: r.datasets, explanations: r.explanations,
    })),
    warnings: o.warnings,
    ...(o.error ? { error: o.error } : {}),
    lists,
  };
}

function listsCell(context: AnswerContext | undefined): string {
  return (context?.lists ?? []).map((l) => `${l.dataset} ${l.version}${l.stale ? ' STALE' : ''}`).join('; ');
}

export function BatchPanel() {
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState('');
  const [defaultSchema, setDefaultSchema] = useState('');
  const [scope, setScope] = useState('default');
  const [outcomes, setOutcomes] = useState<BatchOutcome[]>([]);
  const [context, setContext] = useState<AnswerContext>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const controller = useRef<AbortController | null>(null);
  const parsed = useMemo(() => {
    if (!text) return { rows: [] as BatchRow[], problems: [] as string[] };
    try {
      return readBatchCsv(text, defaultSchema);
    } catch (e) {
      return { rows: [] as BatchRow[], problems: [(e as Error).message] };
    }
  }, [text, defaultSchema]);
  const { rows, problems } = parsed;
  const unscreenable = rows.filter((r) => r.error);

  const onFile = async (file: File | undefined) => {
    setOutcomes([]);
    setError(undefined);
    setText('');
    if (!file) return;
    setFileName(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.includes(0)) return setError(new Error(`${file.name} is not a text file (it holds NUL bytes); give a CSV in UTF-8.`));
    try {
      setText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      setError(new Error(`${file.name} is not UTF-8 text; save it as CSV UTF-8.`));
    }
  };

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError(undefined);
    setOutcomes([]);
    const done: BatchOutcome[] = [];
    try {
      for (let i = 0; i < rows.length && !abort.signal.aborted; i += BATCH_CHUNK) {
        const chunk = rows.slice(i, i + BATCH_CHUNK);
        const queries = Object.fromEntries(chunk.flatMap((r, j) => (r.query ? [[`r${i + j}`, r.query]] : [])));
        const answer = Object.keys(queries).length ? await match(scope, queries, { limit: 5 }, abort.signal) : null;
        if (answer) setContext(answer);
        chunk.forEach((r, j) => {
          const a = answer?.responses[`r${i + j}`];
          done.push({ id: r.id, name: r.name, line: r.line, band: a?.band ?? null, results: a?.results ?? [], warnings: a?.warnings ?? [], error: r.error });
        });
        setOutcomes([...done]);
      }
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(e as Error);
    } finally {
      setRunning(false);
      controller.current = null;
    }
  };

  const base = fileName.replace(/\.[^.]+$/, '') || 'screening';
  const records = () => outcomes.map((o) => toRecord(o, listsCell(context)));
  // The server writes both files with the module `interdict screen` uses: one schema, one writer.
  const save = (format: 'csv' | 'jsonl', type: string) =>
    batchResults(format, records()).then((text) => download(`${base}-results.${format}`, text, type), (e: Error) => setError(e));
  const downloadJsonl = () => save('jsonl', 'application/x-ndjson');
  const downloadCsv = () => save('csv', 'text/csv');

  const count = (band: Band) => outcomes.filter((o) => !o.error && o.band === band).length;
  const unscreened = outcomes.filter((o) => o.error).length;
  const columns: Column<BatchOutcome>[] = [
    { key: 'id', header: 'Row id', sortValue: (o) => o.line, render: (o) => o.id, className: 'narrow' },
    { key: 'name', header: 'Name', sortValue: (o) => o.name, render: (o) => o.name || <span className="muted">no name</span>, className: 'wide' },
    { key: 'band', header: 'Result', sortValue: (o) => ['match', 'review', 'clear'].indexOf(o.band ?? 'x'), render: (o) => (o.error ? <span className="badge nomatch" title={o.error}>Unscreenable</span> : <BandBadge band={o.band ?? 'clear'} />), className: 'narrow' },
    { key: 'score', header: 'Score', sortValue: (o) => -(o.results[0]?.score ?? 0), render: (o) => (o.results[0] ? o.results[0].score.toFixed(2) : '—'), className: 'narrow num' },
    { key: 'top', header: 'Best candidate', sortValue: (o) => o.results[0]?.caption ?? '', render: (o) => (o.results[0] ? <a href={href('entity', o.results[0].id)}>{o.results[0].caption}</a> : <span className="muted">none</span>), className: 'wide' },
    { key: 'reason', header: 'Reason', sortValue: (o) => o.results[0]?.reason ?? o.error ?? '', render: (o) => <span className="small">{o.error ?? o.results[0]?.reason ?? 'no candidate on the lists'}{o.warnings.length ? ` (${o.warnings.join('; ')})` : ''}</span>, className: 'wide' },
  ];

  return (
    <Section title="Batch screening" id="batch">
      <p className="hint">
        Upload a CSV (UTF-8) with a header row; the columns <code>id, schema, name, birth_date, nationality, imo</code> are understood
        (<code>name</code> is required; <code>schema</code> too, unless you choose a type for all rows). The file stays in your browser;
        rows go to the server in groups of {BATCH_CHUNK}.
      </p>
      <div className="inline-form">
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => onFile(e.target.files?.[0])} disabled={running} />
        </label>
        <label>
          Rows without a schema are
          <select value={defaultSchema} onChange={(e) => setDefaultSchema(e.target.value)} name="defaultSchema" disabled={running}>
            <option value="">— (the file must say)</option>
            {SCHEMATA.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Screen against
          <select value={scope} onChange={(e) => setScope(e.target.value)} name="batchScope" disabled={running}>
            {SCOPES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        <button type="button" onClick={run} disabled={running || rows.length === 0}>{rows.length ? `Screen ${plural(rows.length, 'row')}` : 'Screen the file'}</button>
        {running && <button type="button" className="secondary" onClick={() => controller.current?.abort()}>Cancel</button>}
      </div>
      {problems.length > 0 && (
        <div className="message error" role="alert">
          <strong>The file cannot be screened:</strong>
          <ul>{problems.slice(0, 20).map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      {unscreenable.length > 0 && (
        <div className="message warning" role="alert">
          <strong>{unscreenable.length === 1 ? 'One row' : `${unscreenable.length} rows`} cannot be screened; {unscreenable.length === 1 ? 'it is' : 'they are'} reported as unscreenable in place:</strong>
          <ul>{unscreenable.slice(0, 20).map((r) => <li key={r.line}>Line {r.line} ({r.id}): {r.error}</li>)}</ul>
          {unscreenable.length > 20 && <p>… and {unscreenable.length - 20} more.</p>}
        </div>
      )}
      {(running || outcomes.length > 0) && <Progress value={outcomes.length} max={rows.length} label="Rows screened" />}
      <ErrorMessage error={error} what="screening results" />
      {context && <AnswerSources context={context} />}
      {outcomes.length > 0 && (
        <>
          <p className="summary" role="status">
            {formatNumber(outcomes.length)} rows: {formatNumber(count('match'))} match, {formatNumber(count('review'))} review, {formatNumber(count('clear'))} clear, {formatNumber(unscreened)} unscreenable.
          </p>
          <div className="actions">
            <button type="button" onClick={downloadCsv} disabled={running}>Download CSV</button>
            <button type="button" onClick={downloadJsonl} disabled={running}>Download JSON lines</button>
          </div>
          <VirtualTable rows={outcomes} columns={columns} rowKey={(o) => `${o.line}`} label="Batch results" height={400} />
        </>
      )}
    </Section>
  );
}
