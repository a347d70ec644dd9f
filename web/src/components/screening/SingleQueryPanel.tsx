// Screen one name: the query form, the answer's sources and warnings, and the explained results.
import { useMemo, useState, type FormEvent } from 'react';
import { match, type AnswerContext, type Band, type MatchQuery, type MatchResult } from '../../api/screening.ts';
import { AnswerSources, BandBadge, ErrorMessage, Loading, Section } from '../common.tsx';
import { allCountries } from '../../lib/ftm.ts';
import { MatchResults } from './MatchResults.tsx';
import { buildQuery, SCHEMATA, SCOPES, type QueryFields } from './query.ts';

export function SingleQueryPanel() {
  const [fields, setFields] = useState<QueryFields>({ name: '', schema: 'Person', birthDate: '', nationality: '', identifiers: '' });
  const [threshold, setThreshold] = useState('');
  const [scope, setScope] = useState('default');
  const [state, setState] = useState<{ loading: boolean; error?: Error; results?: MatchResult[]; query?: MatchQuery; band?: Band; warnings?: string[]; context?: AnswerContext }>({ loading: false });
  const countries = useMemo(() => allCountries(), []);
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
      const answer = await match(scope, { q: query }, { limit: 10, threshold: threshold ? Number(threshold) : undefined });
      const q = answer.responses.q;
      setState({ loading: false, results: q?.results ?? [], band: q?.band ?? 'clear', warnings: q?.warnings ?? [], query, context: answer });
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
        <label>
          Screen against
          <select value={scope} onChange={(e) => setScope(e.target.value)} name="scope">
            {SCOPES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
        <button type="submit" disabled={state.loading}>Screen</button>
      </form>
      {state.loading && <Loading what="matches" />}
      <ErrorMessage error={state.error} what="matches" />
      {state.context && <AnswerSources context={state.context} />}
      {state.warnings && state.warnings.length > 0 && (
        <div className="message warning" role="status">
          <strong>Read with care:</strong>
          <ul>{state.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </div>
      )}
      {state.band && state.results && <p className="summary" role="status">Result: <BandBadge band={state.band} /></p>}
      {state.results && state.query && <MatchResults results={state.results} query={state.query} />}
    </Section>
  );
}
