// An alert's status as a badge: open, in review, false positive, true match, escalated.
import { STATUS_LABELS } from '../../lib/alertDetail.ts';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge alert-status alert-status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
