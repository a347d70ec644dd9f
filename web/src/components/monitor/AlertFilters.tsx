// The inbox's filters: portfolio, list, status, kind, band, assignee and age (older than N days, opened since a date). They live in the address (#/alerts?…),
// so a filtered inbox can be bookmarked and Back returns to it.
import { ALERT_BANDS, ALERT_FILTER_STATUSES, ALERT_KINDS, type Portfolio } from '../../api/monitor.ts';
import { useWorkspaceTitles } from '../../hooks/useWorkspaceTitles.ts';
import { STATUS_LABELS } from '../../lib/alertDetail.ts';

export interface InboxFilter {
  portfolio?: string;
  /** The portfolio's workspace (its id, or shared): names are unique per workspace only. */
  workspace?: string;
  /** The list whose change raised the alert (a dataset name). */
  list?: string;
  status?: string;
  kind?: string;
  band?: string;
  assignee?: string;
  /** Days, as the address holds them. */
  older_than_days?: string;
  /** A date, YYYY-MM-DD. */
  since?: string;
}

const AGES = [1, 7, 30, 90].map((d) => ({ value: String(d), label: `older than ${d} ${d === 1 ? 'day' : 'days'}` }));

function Choice({ label, value, options, onChange }: { label: string; value: string | undefined; options: readonly { value: string; label: string }[]; onChange: (v: string | undefined) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">any</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const scopeOf = (p: Portfolio) => p.workspace ?? 'shared';

export function AlertFilters({ filter, portfolios, lists, onChange }: { filter: InboxFilter; portfolios: Portfolio[]; lists: string[]; onChange: (patch: InboxFilter) => void }) {
  const workspaceName = useWorkspaceTitles();
  return (
    <form className="filters inline-form" aria-label="Filter the alerts" onSubmit={(e) => e.preventDefault()}>
      <Choice
        label="Portfolio"
        value={portfolios.find((p) => p.name === filter.portfolio && (filter.workspace === undefined || scopeOf(p) === filter.workspace))?.id}
        options={portfolios.map((p) => ({ value: p.id, label: p.workspace ? `${p.name} (${workspaceName(p.workspace)})` : p.name }))}
        onChange={(id) => {
          const chosen = portfolios.find((p) => p.id === id);
          onChange({ portfolio: chosen?.name, workspace: chosen && scopeOf(chosen) });
        }}
      />
      <Choice label="List" value={filter.list} options={plain(lists)} onChange={(list) => onChange({ list })} />
      <Choice label="Status" value={filter.status} options={ALERT_FILTER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} onChange={(status) => onChange({ status })} />
      <Choice label="Kind" value={filter.kind} options={plain(ALERT_KINDS)} onChange={(kind) => onChange({ kind })} />
      <Choice label="Band" value={filter.band} options={plain(ALERT_BANDS)} onChange={(band) => onChange({ band })} />
      <label>Assignee<input value={filter.assignee ?? ''} onChange={(e) => onChange({ assignee: e.target.value || undefined })} placeholder="user:alice" /></label>
      <Choice label="Age" value={filter.older_than_days} options={AGES} onChange={(older_than_days) => onChange({ older_than_days })} />
      <label>Opened since<input type="date" value={filter.since ?? ''} onChange={(e) => onChange({ since: e.target.value || undefined })} /></label>
    </form>
  );
}
