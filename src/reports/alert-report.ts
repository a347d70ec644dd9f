// The report of an alert decision: the monitored record, the hit and why it matched, the list change
// that raised it and the list versions in force, and every decision with who made it.
import type { AlertView } from '../monitor/monitor.ts';
import type { DatasetVersion } from '../store/types.ts';
import type { Report } from './report.ts';

export interface AlertEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  status: string;
  reason: string;
}

export interface AlertReportInput {
  alert: AlertView;
  record: { ref: string; query: unknown; screened_at: string | null } | null;
  history: AlertEvent[];
  lists: DatasetVersion[];
  now: Date;
}

interface Detail {
  target?: { caption?: string; datasets?: string[]; values?: Record<string, string[]> };
  explanation?: { explanations?: { feature?: string; weight?: number; detail?: string }[] };
  changes?: string[];
  list?: { dataset: string; version: string } | null;
}

export function alertReport({ alert, record, history, lists, now }: AlertReportInput): Report {
  const detail = (alert.detail ?? {}) as Detail;
  const query = (record?.query ?? {}) as { schema?: string; properties?: Record<string, string[]> };
  const target = detail.target ?? {};
  const deciders = [...new Set(history.filter((e) => e.action !== 'assign').map((e) => e.actor))];
  return {
    title: `Alert ${alert.id}`,
    subtitle: `${alert.portfolio} / ${alert.ref}: ${alert.kind}, ${alert.reason}; status ${alert.status}`,
    generatedAt: now.toISOString(),
    sections: [
      {
        heading: 'The monitored record',
        facts: [['Portfolio', alert.portfolio], ['Reference', alert.ref], ['Schema', query.schema ?? ''], ...Object.entries(query.properties ?? {}).map(([p, v]): [string, string] => [p, v.join('; ')]), ['Last screened', record?.screened_at ?? 'removed from the portfolio']],
      },
      {
        heading: 'The hit',
        facts: [
          ['Target', `${target.caption ?? alert.target_id} (${alert.target_id})`],
          ['Lists', (target.datasets ?? []).join(', ')],
          ['Score', alert.score.toFixed(3)],
          ['Band', alert.band],
          ['Alert', `${alert.kind}: ${alert.reason}`],
          ...Object.entries(target.values ?? {}).map(([p, v]): [string, string] => [p, v.join('; ')]),
        ],
      },
      {
        heading: 'Why it matched',
        table: { columns: ['feature', 'contribution', 'detail'], rows: (detail.explanation?.explanations ?? []).map((e) => [e.feature ?? '', e.weight === undefined ? '' : e.weight.toFixed(3), e.detail ?? '']) },
        paragraphs: detail.changes?.length ? [`What changed: ${detail.changes.join('; ')}`] : [],
      },
      {
        heading: 'Lists and versions',
        paragraphs: [detail.list ? `Raised by ${detail.list.dataset} version ${detail.list.version}.` : 'Raised when the record was screened on arrival.'],
        table: { columns: ['list', 'version', 'published', 'imported'], rows: lists.map((v) => [v.dataset, v.version, v.publishedAt ?? 'unknown', v.importedAt]) },
      },
      {
        heading: 'Decisions',
        paragraphs: [deciders.length ? `Decided by: ${deciders.join(', ')}.` : 'No decision yet.'],
        table: { columns: ['#', 'when', 'who', 'action', 'status', 'reason'], rows: history.map((e) => [String(e.seq), e.at, e.actor, e.action, e.status, e.reason]) },
      },
    ],
  };
}
