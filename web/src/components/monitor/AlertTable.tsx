// The inbox table: one row per alert, a check box to select it for a bulk action, and a cursor moved
// with j/k (or the arrow keys) that Enter opens and x selects. Keys typed in a field stay the field's.
import { useEffect, useRef } from 'react';
import type { Alert } from '../../api/monitor.ts';
import { isTyping } from '../../hooks/useDecisionKeys.ts';
import { href, navigate } from '../../router.ts';
import { StatusBadge } from './StatusBadge.tsx';

interface Props {
  alerts: Alert[];
  cursor: number;
  onCursor: (index: number) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}

export function AlertTable({ alerts, cursor, onCursor, selected, onToggle, onToggleAll }: Props) {
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const latest = useRef({ alerts, cursor, onCursor, onToggle });
  useEffect(() => {
    latest.current = { alerts, cursor, onCursor, onToggle };
  });
  useEffect(() => {
    const listen = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const { alerts: list, cursor: at, onCursor: move, onToggle: toggle } = latest.current;
      if (!list.length) return;
      const current = list[Math.min(at, list.length - 1)];
      if (e.key === 'j' || e.key === 'ArrowDown') move(Math.min(at + 1, list.length - 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') move(Math.max(at - 1, 0));
      else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)) navigate(href('alerts', current.id));
      else if (e.key === 'x') toggle(current.id);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', listen);
    return () => window.removeEventListener('keydown', listen);
  }, []);
  useEffect(() => {
    rows.current[cursor]?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const all = alerts.length > 0 && alerts.every((a) => selected.has(a.id));
  return (
    <div className="table-wrap">
      <table className="alert-table" aria-label="Alerts">
        <thead>
          <tr>
            <th scope="col"><input type="checkbox" aria-label="Select all on this page" checked={all} onChange={onToggleAll} /></th>
            <th scope="col">Record</th>
            <th scope="col">Listed target</th>
            <th scope="col">Reason</th>
            <th scope="col">Kind</th>
            <th scope="col">Band</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
            <th scope="col">Raised</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a, i) => (
            <tr key={a.id} ref={(el) => {
              rows.current[i] = el;
            }} className={i === cursor ? 'selected' : undefined} aria-current={i === cursor ? 'true' : undefined} onClick={() => onCursor(i)} data-ref={a.ref}>
              <td><input type="checkbox" aria-label={`Select the alert on ${a.ref}`} checked={selected.has(a.id)} onChange={() => onToggle(a.id)} /></td>
              <td><a href={href('alerts', a.id)}>{a.portfolio ? `${a.portfolio} · ${a.ref}` : `list ${a.ref}`}</a></td>
              <td>{targetCaption(a)}</td>
              <td className="reason">{a.reason}</td>
              <td>{a.kind}</td>
              <td><span className={`badge band band-${a.band}`}>{a.band}</span> <span className="muted small">{a.score.toFixed(2)}</span></td>
              <td><StatusBadge status={a.status} /></td>
              <td>{a.assignee ?? <span className="muted">nobody</span>}</td>
              <td><time dateTime={a.created_at}>{a.created_at.slice(0, 16).replace('T', ' ')}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function targetCaption(a: Alert): string {
  const d = a.detail as { target?: { caption?: unknown } } | null;
  return typeof d?.target?.caption === 'string' ? d.target.caption : a.target_id;
}
