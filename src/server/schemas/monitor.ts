// Schemas of the monitoring routes: portfolios, alerts, decisions.
import { Type } from 'typebox';
import { ALERT_STATUSES } from '../../monitor/decisions.ts';
import { Closed, Nullable } from './common.ts';

export const PortfolioList = Type.Object(
  { results: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), records: Type.Integer(), created_at: Type.String(), workspace: Nullable(Type.String({ description: 'the confidential workspace it lives in; null: shared' })) }, Closed)) },
  Closed,
);

/**
 * Names a portfolio's workspace (portfolio names are unique per workspace): its id, or its name when one
 * of the asker's own workspaces alone bears it; `shared`: the space of every signed-in user.
 */
const PortfolioWorkspace = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

/** Picks among portfolios of one name in different workspaces. */
export const PortfolioScope = Type.Object({ workspace: PortfolioWorkspace('the workspace (its id or its name among yours, or shared) of the portfolio, when several you see share its name') }, Closed);

export const UploadQuery = Type.Object(
  {
    mode: Type.Optional(Type.Enum(['replace', 'merge'], { description: 'replace (default): the file is the whole portfolio; merge: add and change only' })),
    schema: Type.Optional(Type.String({ maxLength: 50, description: 'schema of rows without a `schema` column' })),
    workspace: PortfolioWorkspace('the workspace (its id or its name among yours, or shared) of the portfolio: a new one lives there, seen by its members only; needed when several portfolios you see share the name'),
  },
  Closed,
);

export const UploadReport = Type.Object(
  {
    portfolio: Type.String(),
    added: Type.Integer(),
    changed: Type.Integer(),
    removed: Type.Integer(),
    unchanged: Type.Integer(),
    unscreenable: Type.Array(Type.Object({ line: Type.Integer(), ref: Type.String(), error: Type.String() }, Closed)),
    alerts: Type.Integer(),
  },
  { ...Closed, description: 'What the upload changed; every record was screened or is listed as unscreenable' },
);

export const AlertView = Type.Object(
  {
    id: Type.String(),
    portfolio: Type.String({ description: "the portfolio's name; empty for an alert about a list itself (list-stale)" }),
    ref: Type.String({ description: "the record's reference, or the dataset of a list-stale alert" }),
    target_id: Type.String(),
    kind: Type.String({ description: 'new-hit, changed-hit or lifted (a record and a target); list-stale (a list older than its expected refresh interval)' }),
    reason: Type.String({ description: 'what changed, e.g. added to us_ofac_sdn' }),
    detail: Type.Unknown(),
    score: Type.Number(),
    band: Type.String(),
    status: Type.String({ description: 'open, in_review, false_positive, true_match, escalated; resolved: a stale list whose new version arrived' }),
    assignee: Nullable(Type.String()),
    created_at: Type.String(),
    updated_at: Type.String(),
  },
  Closed,
);

export const AlertQuery = Type.Object(
  {
    portfolio: Type.Optional(Type.String({ maxLength: 100 })),
    workspace: PortfolioWorkspace("with portfolio: the portfolio's workspace (its id or its name among yours, or shared), when several you see share its name"),
    status: Type.Optional(Type.Enum([...ALERT_STATUSES, 'resolved'])),
    kind: Type.Optional(Type.Enum(['new-hit', 'changed-hit', 'lifted', 'list-stale'])),
    band: Type.Optional(Type.Enum(['match', 'review', 'clear'])),
    assignee: Type.Optional(Type.String({ maxLength: 200 })),
    list: Type.Optional(Type.String({ maxLength: 100, description: 'alerts raised by a change of this list (a dataset name, e.g. us_ofac_sdn), or about it (list-stale)' })),
    older_than_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 36500, description: 'alerts raised at least this many days ago' })),
    since: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$', description: 'alerts raised on or after this date or time (ISO 8601: 2024-01-31 or 2024-01-31T09:00Z)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  Closed,
);

export const AlertPage = Type.Object({ total: Type.Integer(), results: Type.Array(AlertView) }, Closed);

export const AlertEvent = Type.Object(
  { alert_id: Type.String(), seq: Type.Integer(), at: Type.String(), actor: Type.String(), action: Type.String(), status: Type.String(), reason: Type.String(), evidence: Type.Unknown() },
  Closed,
);

export const MonitoredRecord = Type.Object(
  { ref: Type.String(), query: Type.Unknown({ description: 'the record as uploaded: an FtM-style query (schema, properties)' }), screened_at: Nullable(Type.String()) },
  Closed,
);

export const AlertDetail = Type.Object(
  { alert: AlertView, record: Nullable(MonitoredRecord), history: Type.Array(AlertEvent) },
  { ...Closed, description: 'An alert, the record it is about (null once removed from its portfolio), and its history' },
);

export const DecisionBody = Type.Object(
  { status: Type.Enum([...ALERT_STATUSES]), reason: Type.String({ minLength: 1, maxLength: 2000 }), evidence: Type.Optional(Type.Unknown()) },
  Closed,
);

export const DecisionResult = Type.Object(
  { status: Type.String(), pending: Type.Boolean({ description: 'a true match proposed, waiting for a second reviewer' }), alert: AlertView },
  Closed,
);

export const Assignment = Type.Object({ assignee: Nullable(Type.String({ minLength: 1, maxLength: 200 })) }, Closed);
