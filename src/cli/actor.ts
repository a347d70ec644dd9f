// Who the CLI acts as, and its audit records. The CLI holds the database, so it needs no sign-in; it
// acts as `cli:<login name>` with the admin role, and what it changes goes into the audit trail.
import { userInfo } from 'node:os';
import type { Principal } from '../access/accounts.ts';
import type { AuditEvent } from '../access/audit.ts';
import type { Store } from '../store/types.ts';

export function cliPrincipal(): Principal {
  const name = process.env.INTERDICT_AUTHOR ?? userInfo().username;
  return { kind: 'cli', id: name, name, role: 'admin', datasets: null };
}

/** Appends the CLI's own acts (imports, syncs, judgements) to the audit trail. */
export async function recordCliActs(store: Store, events: Omit<AuditEvent, 'actor'>[]): Promise<void> {
  if (!events.length) return;
  const [{ actorOf }, { AuditTrail }] = await Promise.all([import('../access/accounts.ts'), import('../access/audit.ts')]);
  const actor = actorOf(cliPrincipal());
  await AuditTrail.of(store).append(events.map((e) => ({ ...e, actor })));
}
