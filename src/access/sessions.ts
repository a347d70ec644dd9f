// Browser sessions (issue 13): a random secret in an HttpOnly cookie, stored as its SHA-256 with a CSRF
// token the web app echoes on writes. Kept in the database so every server replica knows them, and
// void when the user is disabled, changes role or password, or signs out everywhere.
import type { Kysely } from 'kysely';
import { InterdictError } from '../model/errors.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { AccessTables } from '../store/access-schema.ts';
import type { Store } from '../store/types.ts';
import { AuditTrail } from './audit.ts';
import type { Principal } from './accounts.ts';
import { parseRole } from './roles.ts';
import { newSecret, sha256 } from './secrets.ts';

export const SESSION_HOURS = 12;

export interface Session {
  principal: Principal;
  csrfToken: string;
  expiresAt: string;
}

export class Sessions {
  private readonly audit: AuditTrail;

  constructor(
    private readonly db: Kysely<AccessTables>,
    engine: 'sqlite' | 'postgres',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditTrail(db, engine, now);
  }

  static of(store: Store): Sessions {
    if (!(store instanceof SqlStore)) throw new InterdictError('sessions need the SQL store');
    return new Sessions(store.db as unknown as Kysely<AccessTables>, store.engine);
  }

  /** Opens a session for a signed-in user; the secret goes in the cookie and is not kept. */
  async start(user: Principal, hours = SESSION_HOURS): Promise<{ secret: string; session: Session }> {
    const secret = newSecret();
    const now = this.now();
    const row = { secret_sha256: sha256(secret), user_id: user.id, csrf_token: newSecret(24), created_at: now.toISOString(), expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString() };
    await this.db.insertInto('sessions').values(row).execute();
    return { secret, session: { principal: user, csrfToken: row.csrf_token, expiresAt: row.expires_at } };
  }

  /** The session a cookie names, or null if it is unknown, expired, or voided since it was issued. */
  async find(secret: string): Promise<Session | null> {
    if (!secret || secret.length > 200) return null;
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.csrf_token', 'sessions.created_at', 'sessions.expires_at', 'users.id', 'users.name', 'users.role', 'users.disabled_at', 'users.sessions_valid_after'])
      .where('sessions.secret_sha256', '=', sha256(secret))
      .executeTakeFirst();
    if (!row || row.disabled_at || row.created_at < row.sessions_valid_after || new Date(row.expires_at) <= this.now()) return null;
    return { principal: { kind: 'user', id: row.id, name: row.name, role: parseRole(row.role), datasets: null }, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async end(secret: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('secret_sha256', '=', sha256(secret)).execute();
  }

  /** Voids every session of a user, on every replica (they check `sessions_valid_after`). */
  async endAll(user: Principal): Promise<void> {
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ sessions_valid_after: at }).where('id', '=', user.id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await this.audit.appendIn(trx, [{ actor: `user:${user.name}`, action: 'sign-out.everywhere', subject: user.id }]);
    });
  }

  /** Drops expired sessions (called now and then; a stale row is refused anyway). */
  async prune(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', this.now().toISOString()).execute();
  }
}
