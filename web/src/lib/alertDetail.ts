// What an alert's `detail` holds (src/monitor/monitor.ts writes it; the schema says only "unknown"):
// the listed target as seen, the explanation of the hit, what changed and the list version that did it.
// Read defensively, so an older alert with fewer fields still shows what it has.

export interface TargetSnapshot {
  caption: string;
  datasets: string[];
  values: Record<string, string[]>;
}

export interface ExplanationLine {
  feature: string;
  weight: number;
  detail: string;
  query?: string;
  candidate?: string;
}

export interface AlertDetailView {
  target: TargetSnapshot | null;
  before: TargetSnapshot | null;
  explanations: ExplanationLine[];
  changes: string[];
  returned: boolean;
  /** The list version whose arrival raised the alert (null: raised when the record was uploaded). */
  list: { dataset: string; version: string } | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function snapshot(v: unknown): TargetSnapshot | null {
  if (!isObject(v)) return null;
  const values: Record<string, string[]> = {};
  if (isObject(v.values)) for (const [prop, vals] of Object.entries(v.values)) values[prop] = strings(vals);
  return { caption: typeof v.caption === 'string' ? v.caption : '', datasets: strings(v.datasets), values };
}

function line(v: unknown): ExplanationLine | null {
  if (!isObject(v) || typeof v.feature !== 'string') return null;
  const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { feature: v.feature, weight: typeof v.weight === 'number' ? v.weight : 0, detail: text(v.detail) ?? '', query: text(v.query), candidate: text(v.candidate) };
}

export function readAlertDetail(detail: unknown): AlertDetailView {
  const d = isObject(detail) ? detail : {};
  const explanation = isObject(d.explanation) ? d.explanation : {};
  const list = isObject(d.list) && typeof d.list.dataset === 'string' && typeof d.list.version === 'string' ? { dataset: d.list.dataset, version: d.list.version } : null;
  return {
    target: snapshot(d.target),
    before: snapshot(d.before),
    explanations: (Array.isArray(explanation.explanations) ? explanation.explanations : []).map(line).filter((l): l is ExplanationLine => l !== null),
    changes: strings(d.changes),
    returned: d.returned === true,
    list,
  };
}

/** The record's values the matcher compared (the query side of the explanation), by feature family. */
export function matchedRecordValues(lines: ExplanationLine[]): { label: string; values: string[] }[] {
  const out = new Map<string, Set<string>>();
  for (const l of lines) {
    if (!l.query) continue;
    const label = l.feature.split('.')[0];
    (out.get(label) ?? out.set(label, new Set()).get(label)!).add(l.query);
  }
  return [...out].map(([label, values]) => ({ label, values: [...values] }));
}

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  in_review: 'In review',
  false_positive: 'False positive',
  true_match: 'True match',
  escalated: 'Escalated',
  resolved: 'Resolved',
};
