// Resolve: review xref's candidate pairs. A queue (filtered and paged by the server, best score first),
// the selected pair side by side, and decisions by key or button, recorded through POST /judgements.
import { useMemo, useState } from 'react';
import { useCatalog } from '../hooks/useCatalog.ts';
import { resolveApi, type Candidate, type CandidateFilter } from '../api/resolve.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { CandidateQueue, pairKeyOf } from '../components/resolve/CandidateQueue.tsx';
import { DecisionBar, DEFAULT_REASONS, type Verdict } from '../components/resolve/DecisionBar.tsx';
import { PairComparison } from '../components/resolve/PairComparison.tsx';
import { useCandidatePair, useCandidates } from '../hooks/useResolve.ts';
import { useDecisionKeys } from '../hooks/useDecisionKeys.ts';
import { useMe } from '../hooks/useMe.ts';
import type { Route } from '../router.ts';

const PAGE = 50;
type Status = NonNullable<CandidateFilter['status']>;

interface Decided {
  left: string;
  right: string;
  verdict: Verdict;
}

const numberOrUndefined = (v: string | null) => (v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v));

export function ResolvePage({ route }: { route: Route }) {
  const [filter, setFilter] = useState<CandidateFilter>(() => ({
    dataset: route.params.get('dataset') ?? undefined,
    status: (route.params.get('status') as Status | null) ?? 'waiting',
    min: numberOrUndefined(route.params.get('min')),
    max: numberOrUndefined(route.params.get('max')),
    offset: 0,
    limit: PAGE,
  }));
  const [version, setVersion] = useState(0);
  // The selected pair, by key; when it leaves the queue (decided), the pair now at its position.
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [position, setPosition] = useState(0);
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<Decided[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error | undefined>();
  const [notice, setNotice] = useState('');
  const catalog = useCatalog();
  const { can, me } = useMe();
  const mayJudge = can('analyst');
  const queue = useCandidates(filter, version);
  const results = queue.data?.results ?? [];
  const found = selectedKey === null ? -1 : results.findIndex((c) => pairKeyOf(c) === selectedKey);
  const selected = found >= 0 ? found : Math.min(position, results.length - 1);
  const current: Candidate | undefined = results[selected];
  const left = current?.left;
  const right = current?.right;
  const pairIds = useMemo(() => (left && right ? { left, right } : null), [left, right]);
  const pair = useCandidatePair(pairIds, version);

  const select = (index: number) => {
    const c = results[Math.max(0, Math.min(index, results.length - 1))];
    setSelectedKey(c ? pairKeyOf(c) : null);
    setPosition(Math.max(0, index));
  };
  const change = (patch: Partial<CandidateFilter>) => {
    setFilter((f) => ({ ...f, offset: 0, ...patch }));
    setSelectedKey(null);
    setPosition(0);
  };

  async function record(left: string, right: string, judgement: Verdict | 'undo', why: string): Promise<boolean> {
    setBusy(true);
    setFailure(undefined);
    try {
      await resolveApi.judge({ left, right, judgement, reason: why });
      return true;
    } catch (error) {
      setFailure(error as Error);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function decide(verdict: Verdict) {
    if (!current || busy) return;
    const why = reason.trim() || DEFAULT_REASONS[verdict];
    if (!(await record(current.left, current.right, verdict, why))) return;
    setHistory((h) => [...h, { left: current.left, right: current.right, verdict }]);
    setNotice(`Recorded: ${current.leftCaption} and ${current.rightCaption} ${verdict === 'same' ? 'are the same' : verdict === 'not-same' ? 'are not the same' : 'unsure'}.`);
    setReason('');
    // A decided pair leaves the waiting queue, so the next one moves up to this position; elsewhere move on.
    if (filter.status === 'waiting' || filter.status === 'flagged') {
      setSelectedKey(null);
      setPosition(selected);
    } else select(selected + 1);
    setVersion((v) => v + 1);
  }

  async function undo() {
    const last = history.at(-1);
    if (!last || busy) return;
    if (!(await record(last.left, last.right, 'undo', `undo of my last decision (${last.verdict})`))) return;
    setHistory((h) => h.slice(0, -1));
    setNotice(`Undone: the ${last.verdict} decision on ${last.left} and ${last.right}.`);
    setSelectedKey(pairKeyOf(last));
    setVersion((v) => v + 1);
  }

  useDecisionKeys((key) => {
    if (key === 'next') select(selected + 1);
    else if (key === 'previous') select(selected - 1);
    else if (!mayJudge) return;
    else if (key === 'undo') void undo();
    else void decide(key);
  });

  const total = queue.data?.total ?? 0;
  const offset = filter.offset ?? 0;
  return (
    <div className="page resolve-page">
      <h1>Resolve</h1>
      <p className="muted">Pairs of records that may be one target, found by cross-referencing the lists. Decide each: the judgement is recorded with your name and reason, and can be undone.</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter candidate pairs">
        <label>Dataset{' '}
          <select value={filter.dataset ?? ''} onChange={(e) => change({ dataset: e.target.value || undefined })}>
            <option value="">all</option>
            {(catalog.data ?? []).map((d) => <option key={d.name} value={d.name}>{d.name}</option>)}
          </select>
        </label>
        <label>Status{' '}
          <select value={filter.status} onChange={(e) => change({ status: e.target.value as Status })}>
            {['waiting', 'flagged', 'decided', 'all'].map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Score from <input type="number" min={0} max={1} step={0.01} value={filter.min ?? ''} onChange={(e) => change({ min: numberOrUndefined(e.target.value) })} /></label>
        <label>to <input type="number" min={0} max={1} step={0.01} value={filter.max ?? ''} onChange={(e) => change({ max: numberOrUndefined(e.target.value) })} /></label>
      </form>
      {mayJudge ? <DecisionBar reason={reason} onReason={setReason} onDecide={(v) => void decide(v)} onUndo={() => void undo()} canUndo={history.length > 0} busy={busy} counts={queue.data?.counts} /> : <p className="muted small">Your role ({me?.principal?.role ?? 'not signed in'}) may look at the pairs; deciding them is for analysts.</p>}
      <ErrorMessage error={failure} what={undefined} />
      {notice && <p className="message success" role="status">{notice}</p>}
      <div className="resolve-layout">
        <div className="queue-column">
          {queue.error && <ErrorMessage error={queue.error} what="candidate pairs" />}
          {queue.loading && !queue.data && <Loading what="candidate pairs" />}
          {queue.data && <CandidateQueue page={queue.data} selected={selected} onSelect={select} />}
          {total > PAGE && (
            <div className="pager">
              <button type="button" className="secondary" disabled={offset === 0} onClick={() => { setFilter((f) => ({ ...f, offset: Math.max(offset - PAGE, 0) })); select(0); }}>Previous</button>
              <span>{offset + 1}–{Math.min(offset + PAGE, total)} of {total}</span>
              <button type="button" className="secondary" disabled={offset + PAGE >= total} onClick={() => { setFilter((f) => ({ ...f, offset: offset + PAGE })); select(0); }}>Next</button>
            </div>
          )}
        </div>
        <div className="pair-column">
          {pair.error && <ErrorMessage error={pair.error} what="the pair" />}
          {pair.data && current && <PairComparison pair={pair.data} schema={pair.data.left.schema} />}
          {!current && queue.data && <p className="muted">Nothing to review here.</p>}
        </div>
      </div>
    </div>
  );
}

export default ResolvePage;
