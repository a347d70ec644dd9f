// An alert's history, oldest first: who did what, when, to which status and why.
import type { AlertEvent } from '../../api/monitor.ts';
import { StatusBadge } from './StatusBadge.tsx';

const ACTIONS: Record<string, string> = { decide: 'decided', 'propose-true-match': 'proposed a true match', assign: 'assigned' };

export function AlertHistory({ events }: { events: AlertEvent[] }) {
  if (!events.length) return <p className="muted">Nobody has acted on this alert yet.</p>;
  return (
    <div className="table-wrap">
      <table aria-label="History">
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Did</th><th scope="col">Status</th><th scope="col">Reason</th></tr></thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <td><time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time></td>
              <td>{e.actor}</td>
              <td>{ACTIONS[e.action] ?? e.action}</td>
              <td><StatusBadge status={e.status} /></td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
