// One judgement as a person reads it: verdict, who (machine or person), when, score and why.
import type { Judgement } from '../../api/resolve.ts';
import { formatDate } from '../../lib/format.ts';

export const VERDICT_LABELS: Record<Judgement['verdict'], string> = { same: 'same', not_same: 'not same', unsure: 'unsure', undo: 'undone' };

export function JudgementLine({ judgement: j }: { judgement: Judgement }) {
  return (
    <span className="judgement-line">
      <span className={`badge verdict verdict-${j.verdict}`}>{VERDICT_LABELS[j.verdict]}</span>{' '}
      by <strong>{j.author}</strong> <span className="tag">{j.machine ? 'machine' : 'person'}</span> on {formatDate(j.createdAt)}
      {j.score !== null && <> · score {j.score.toFixed(3)}</>}
      {j.reason && <> · <q>{j.reason}</q></>}
    </span>
  );
}
