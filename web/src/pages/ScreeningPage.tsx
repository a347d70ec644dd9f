// Screening console: one query with explained results, or a batch of CSV rows with progress.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { api, type MatchQuery, type MatchResult } from '../api.ts';
import { href } from '../router.ts';
import { ErrorMessage, Loading, Progress, SchemaTag, Section } from '../components/common.tsx';
import { VirtualTable, type Column } from '../components/VirtualTable.tsx';
import { fold, Highlight, tokens } from '../lib/highlight.tsx';
import { allCountries, propInfo } from '../lib/ftm.ts';
import { parseCsv, toCsv } from '../lib/csv.ts';
import { download, formatNumber, plural } from '../lib/format.ts';

const SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane'];
/** Queries per /match request in batch mode: small enough to show steady progress. */
const BATCH_CHUNK = 25;

/** Where identifiers go for each schema, as FtM names them. */
function identifierProp(schema: string, value: string): string {
  if (schema === 'Vessel') return /^\d{7}$/.test(value.replace(/^IMO\s*/i, '')) ? 'imoNumber' : 'mmsi';
  if (schema === 'Airplane') return 'serialNumber';
  if (schema === 'Person') return 'idNumber';
  return 'registrationNumber';
}

export interface QueryFields { name: string; schema: string; birthDate: string; nationality: string; identifiers: string }

export function buildQuery(f: QueryFields): MatchQuery {
  const properties: Record<string, string[]> = { name: [f.name.trim()] };
  if (f.birthDate.trim() && f.schema === 'Person') properties.birthDate = [f.birthDate.trim()];
  if (f.nationality.trim()) properties[f.schema === 'Person' ? 'nationality' : f.schema === 'Vessel' ? 'flag' : 'jurisdiction'] = [f.nationality.trim().toLowerCase()];
  for (const id of f.identifiers.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const prop = identifierProp(f.schema, id);
    (properties[prop] ??= []).push(prop === 'imoNumber' ? id.replace(/^IMO\s*/i, '') : id);
  }
  return { schema: f.schema, properties };
}

export function ScreeningPage() {
  return (
    <div className="page screening-page">
      <h1>Screening</h1>
      <SingleQuery />
      <BatchScreening />
    </div>
  );
}

function SingleQuery() {
  const [fields, setFields] = useState<QueryFields>({ name: '', schema: 'Person', birthDate: '', nationality: '', identifiers: '' });
  const [threshold, setThreshold] = useState('');
  const [state, setState] = useState<{ loading: boolean; error?: Error; results?: MatchResult[]; query?: MatchQuery }>({ loading: false });
  const countries = useMemo(allCountries, []);
  const set = (k: keyof QueryFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!fields.name.trim()) {
      setState({ loading: false, error: new Error('Enter a name to screen.') });
      return;
    }
    const query = buildQuery(fields);
    setState({ loading: true, query });
    try {
      const responses = await api.match('default', { q: query }, { limit: 10, threshold: threshold ? Number(threshold) : undefined });
      setState({ loading: false, results: responses.q ?? [], query });
    } catch (error) {
      setState({ loading: false, error: error as Error, query });
    }
  };

  return (
    <Section title="Screen one name" id="single">
      <form className="query-form" onSubmit={submit} aria-label="Screening query">
        <label className="wide">
          <span>Name <span className="muted">(any script)</span></span>
          <input value={fields.name} onChange={set('name')} required autoComplete="off" spellCheck={false} placeholder="Kim Chong-un" name="name" />
        </label>
        <label>
          Type
          <select value={fields.schema} onChange={set('schema')} name="schema">
            {SCHEMATA.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Birth date
          <input value={fields.birthDate} onChange={set('birthDate')} placeholder="YYYY or YYYY-MM-DD" disabled={fields.schema !== 'Person'} name="birthDate" inputMode="numeric" />
        </label>
        <label>
          {fields.schema === 'Person' ? 'Nationality' : fields.schema === 'Vessel' ? 'Flag' : 'Country'}
          <select value={fields.nationality} onChange={set('nationality')} name="nationality">
            <option value="">any</option>
            {countries.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <label>
          Identifiers
          <input value={fields.identifiers} onChange={set('identifiers')} placeholder="passport, IMO, registration…" name="identifiers" />
        </label>
        <label>
          Threshold
          <input value={threshold} onChange={(e) => setThreshold(e.target.value)} placeholder="default" inputMode="decimal" name="threshold" />
        </label>
        <button type="submit" disabled={state.loading}>Screen</button>
      </form>
      {state.loading && <Loading what="matches" />}
      <ErrorMessage error={state.error} what="matches" />
      {state.results && state.query && <MatchResults results={state.results} query={state.query} />}
    </Section>
  );
}

function MatchResults({ results, query }: { results: MatchResult[]; query: MatchQuery }) {
  if (!results.length) return <p className="message" role="status">No candidate on any list. Nothing reached the threshold.</p>;
  return (
    <ol className="match-list" aria-label="Screening results">
      {results.map((r) => <MatchCard key={r.id} result={r} query={query} />)}
    </ol>
  );
}

function MatchCard({ result: r, query }: { result: MatchResult; query: MatchQuery }) {
  // Mark the words of the listed names that met the query: the words of each name an explanation
  // pairs with the query, and single-word variants ('chong' ~ 'jong'), less the words the matcher
  // reports as without a counterpart.
  const matched = new Set<string>();
  const unmatched = new Set<string>();
  for (const e of r.explanations) {
    if (e.candidate && !e.against) tokens(e.candidate).forEach((t) => matched.add(t));
    else if (e.candidate && tokens(e.candidate).length === 1) matched.add(tokens(e.candidate)[0]);
    if (/listed words without a counterpart/.test(e.text)) for (const m of e.text.matchAll(/'([^']+)'/g)) unmatched.add(fold(m[1]));
  }
  for (const t of unmatched) matched.delete(t);
  if (!r.explanations.some((e) => e.candidate)) Object.values(query.properties).flat().flatMap(tokens).forEach((t) => matched.add(t));
  const matchedNames = new Set(r.explanations.filter((e) => e.candidate && !e.against).map((e) => e.candidate));
  const names = [...new Set([...(r.properties.name ?? [r.caption]), ...(r.properties.alias ?? []), ...(r.properties.weakAlias ?? [])])]
    .sort((a, b) => Number(matchedNames.has(b)) - Number(matchedNames.has(a)));
  const marked = (text: string) => new Set(tokens(text).filter((t) => matched.has(t)));
  const otherProps = Object.entries(r.properties).filter(([p]) => ['birthDate', 'nationality', 'country', 'passportNumber', 'idNumber', 'imoNumber', 'registrationNumber'].includes(p));
  return (
    <li className={`match-card ${r.match ? 'is-match' : ''}`}>
      <div className="match-head">
        <a href={href('entity', r.id)} className="match-caption"><Highlight text={r.caption} terms={marked(r.caption)} /></a>
        <SchemaTag schema={r.schema} />
        {r.match ? <span className="badge match">Match</span> : <span className="badge nomatch">Below threshold</span>}
        <span className="score">
          <meter min={0} max={1} value={r.score} aria-label={`Score ${r.score.toFixed(2)}`} />
          {r.score.toFixed(2)}
        </span>
      </div>
      <div className="muted small">{r.datasets.join(', ')}{r.referents.length ? ` · ${r.referents.slice(0, 3).join(', ')}` : ''}</div>
      <div className="match-names">
        <span className="muted">Names: </span>
        {names.slice(0, 8).map((n, i) => (
          <span key={i} className={matchedNames.has(n) ? 'name matched-name' : 'name'}>
            <Highlight text={n} terms={marked(n)} />
            {i < Math.min(names.length, 8) - 1 ? ' · ' : ''}
          </span>
        ))}
        {names.length > 8 && <span className="muted"> +{names.length - 8} more</span>}
      </div>
      {otherProps.length > 0 && (
        <div className="small">
          {otherProps.map(([p, v]) => <span key={p} className="kv"><span className="muted">{propInfo(r.schema, p).label}:</span> {v.join(', ')}</span>)}
        </div>
      )}
      <div className="explanation">
        <h3>Why</h3>
        {r.explanations.length === 0 ? (
          <p className="muted">The server gave no explanation.</p>
        ) : (
          <ul>
            {r.explanations.map((e, i) => (
              <li key={i} className={e.against ? 'against' : 'for'}>
                <span aria-hidden="true">{e.against ? '−' : '+'}</span>
                {e.feature && <span className="feature">{e.feature}</span>}
                <span className="expl-text">{e.text}</span>
                {e.query && e.candidate && (
                  <span className="pair"><q>{e.query}</q> ↔ <q><mark>{e.candidate}</mark></q></span>
                )}
                {e.score !== null && <span className="muted"> ({e.score > 0 ? '+' : ''}{e.score.toFixed(2)})</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

// ---- batch ----

interface BatchRow { line: number; id: string; query: MatchQuery; name: string }
interface BatchOutcome { id: string; name: string; line: number; results: MatchResult[]; error?: string }

/** Read the CSV layout the CLI understands: id,schema,name,birth_date,nationality,imo (header required). */
export function readBatchCsv(text: string): { rows: BatchRow[]; problems: string[] } {
  const records = parseCsv(text);
  const problems: string[] = [];
  if (!records.length) return { rows: [], problems: ['The file is empty.'] };
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('name') < 0) return { rows: [], problems: [`Line ${records[0].line}: the header has no "name" column (found: ${header.join(', ')}).`] };
  const rows: BatchRow[] = [];
  for (const r of records.slice(1)) {
    const get = (name: string) => (col(name) >= 0 ? (r.fields[col(name)] ?? '').trim() : '');
    const name = get('name');
    if (!name) {
      problems.push(`Line ${r.line}: no name.`);
      continue;
    }
    const schema = get('schema') || 'Person';
    if (!SCHEMATA.includes(schema)) {
      problems.push(`Line ${r.line}: unknown schema "${schema}".`);
      continue;
    }
    const query = buildQuery({ name, schema, birthDate: get('birth_date'), nationality: get('nationality'), identifiers: '' });
    if (get('imo')) query.properties.imoNumber = [get('imo').replace(/^IMO\s*/i, '')];
    rows.push({ line: r.line, id: get('id') || `row-${r.line}`, query, name });
  }
  return { rows, problems };
}

function BatchScreening() {
  const [fileName, setFileName] = useState('');
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<BatchOutcome[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const controller = useRef<AbortController | null>(null);

  const onFile = async (file: File | undefined) => {
    setOutcomes([]);
    setError(undefined);
    if (!file) return;
    setFileName(file.name);
    try {
      const parsed = readBatchCsv(await file.text());
      setRows(parsed.rows);
      setProblems(parsed.problems);
    } catch (e) {
      setRows([]);
      setProblems([(e as Error).message]);
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
        const queries = Object.fromEntries(chunk.map((r, j) => [`r${i + j}`, r.query]));
        const responses = await api.match('default', queries, { limit: 5 }, abort.signal);
        chunk.forEach((r, j) => done.push({ id: r.id, name: r.name, line: r.line, results: responses[`r${i + j}`] ?? [] }));
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
  const downloadJsonl = () =>
    download(`${base}-results.jsonl`, outcomes.map((o) => JSON.stringify({
      id: o.id,
      results: o.results.map((r) => ({ id: r.id, caption: r.caption, schema: r.schema, score: r.score, match: r.match, referents: r.referents, datasets: r.datasets, explanations: r.explanations })),
    })).join('\n') + '\n', 'application/x-ndjson');
  const downloadCsv = () =>
    download(`${base}-results.csv`, toCsv(
      ['id', 'name', 'match', 'score', 'match_id', 'match_caption', 'match_schema', 'datasets', 'referents', 'candidates'],
      outcomes.map((o) => {
        const top = o.results[0];
        return [o.id, o.name, top?.match ?? false, top ? top.score.toFixed(3) : '', top?.id, top?.caption, top?.schema, top?.datasets.join(';'), top?.referents.join(';'), o.results.length];
      }),
    ), 'text/csv');

  const matches = outcomes.filter((o) => o.results[0]?.match).length;
  const columns: Column<BatchOutcome>[] = [
    { key: 'id', header: 'Row id', sortValue: (o) => o.line, render: (o) => o.id, className: 'narrow' },
    { key: 'name', header: 'Name', sortValue: (o) => o.name, render: (o) => o.name, className: 'wide' },
    { key: 'match', header: 'Result', sortValue: (o) => (o.results[0]?.match ? 0 : 1), render: (o) => (o.results[0]?.match ? <span className="badge match">Match</span> : <span className="badge nomatch">Clear</span>), className: 'narrow' },
    { key: 'score', header: 'Score', sortValue: (o) => -(o.results[0]?.score ?? 0), render: (o) => (o.results[0] ? o.results[0].score.toFixed(2) : '—'), className: 'narrow num' },
    { key: 'top', header: 'Best candidate', sortValue: (o) => o.results[0]?.caption ?? '', render: (o) => (o.results[0] ? <a href={href('entity', o.results[0].id)}>{o.results[0].caption}</a> : <span className="muted">none</span>), className: 'wide' },
  ];

  return (
    <Section title="Batch screening" id="batch">
      <p className="hint">
        Upload a CSV with a header row; the columns <code>id, schema, name, birth_date, nationality, imo</code> are understood
        (only <code>name</code> is required). The file stays in your browser; rows go to the server in groups of {BATCH_CHUNK}.
      </p>
      <div className="inline-form">
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => onFile(e.target.files?.[0])} disabled={running} />
        </label>
        <button type="button" onClick={run} disabled={running || rows.length === 0}>{rows.length ? `Screen ${plural(rows.length, 'row')}` : 'Screen the file'}</button>
        {running && <button type="button" className="secondary" onClick={() => controller.current?.abort()}>Cancel</button>}
      </div>
      {problems.length > 0 && (
        <div className="message warning" role="alert">
          <strong>{problems.length === 1 ? 'One row' : `${problems.length} rows`} could not be read and will be skipped:</strong>
          <ul>{problems.slice(0, 20).map((p, i) => <li key={i}>{p}</li>)}</ul>
          {problems.length > 20 && <p>… and {problems.length - 20} more.</p>}
        </div>
      )}
      {(running || outcomes.length > 0) && <Progress value={outcomes.length} max={rows.length} label="Rows screened" />}
      <ErrorMessage error={error} what="screening results" />
      {outcomes.length > 0 && (
        <>
          <p className="summary" role="status">{formatNumber(matches)} of {formatNumber(outcomes.length)} rows matched a listed entity.</p>
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
