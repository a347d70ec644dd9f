// Accounts, API keys and one-time sign-in links (issue 13). Every change is written with its audit
// record in one transaction, so the trail never misses an act that happened nor holds one that did not.
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AuthenticationError, ConflictError, InterdictError, NotFoundError, ValidationError } from '../model/errors.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { AccessTables, ApiKeysTable, UsersTable } from '../store/access-schema.ts';
import type { Store } from '../store/types.ts';
import { AuditTrail } from './audit.ts';
import { hashPassword, passwordMatches } from './passwords.ts';
import { parseRole, type Role } from './roles.ts';
import { newSecret, sameDigest, sha256 } from './secrets.ts';

/** Who is acting: a signed-in user, an API key, the CLI (it holds the database itself), or the system. */
export interface Principal {
  kind: 'user' | 'key' | 'cli' | 'system' | 'anonymous';
  id: string;
  name: string;
  role: Role;
  /** Datasets a key is limited to; null: every dataset the role may read. */
  datasets: string[] | null;
}

/** Who reads when anonymous read access is switched on (never for writes). */
export const ANONYMOUS: Principal = { kind: 'anonymous', id: 'anonymous', name: 'anonymous', role: 'viewer', datasets: null };

/** The one-time sign-in link a user opens: the web app's welcome page, where the password is set. */
export function welcomeLink(base: string, token: string): string {
  return `${base.replace(/\/$/, '')}/#/welcome?token=${token}`;
}

export function actorOf(p: Principal): string {
  if (p.kind === 'anonymous') return 'anonymous';
  return `${p.kind}:${p.kind === 'key' ? p.id : p.name}`;
}

export const KEY_PREFIX = 'idk_';
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
const NAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

export interface UserView {
  id: string;
  name: string;
  role: Role;
  created_at: string;
  created_by: string;
  disabled: boolean;
  has_password: boolean;
  locked_until: string | null;
}

export interface KeyView {
  id: string;
  name: string;
  role: Role;
  datasets: string[] | null;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export class Accounts {
  private readonly audit: AuditTrail;

  constructor(
    private readonly db: Kysely<AccessTables>,
    engine: 'sqlite' | 'postgres',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditTrail(db, engine, now);
  }

  static of(store: Store): Accounts {
    if (!(store instanceof SqlStore)) throw new InterdictError('accounts need the SQL store');
    return new Accounts(store.db as unknown as Kysely<AccessTables>, store.engine);
  }

  async userCount(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async addUser(input: { name: string; role: Role; password?: string }, by: Principal): Promise<UserView> {
    const name = normalizeName(input.name);
    const role = parseRole(input.role);
    const password_hash = input.password === undefined ? null : await hashPassword(input.password);
    const at = this.stamp();
    const row: UsersTable = { id: `u-${randomBytes(8).toString('hex')}`, name, role, password_hash, created_at: at, created_by: actorOf(by), disabled_at: null, failed_attempts: 0, locked_until: null, sessions_valid_after: at };
    await this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst()) throw new ConflictError(`a user named "${name}" exists`);
      await trx.insertInto('users').values(row).execute();
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'user.add', subject: row.id, detail: { name, role } }]);
    });
    return toUserView(row);
  }

  async listUsers(): Promise<UserView[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('name').execute()).map(toUserView);
  }

  async user(nameOrId: string): Promise<UsersTable> {
    const key = nameOrId.trim().toLowerCase();
    const row = await this.db.selectFrom('users').selectAll().where((eb) => eb.or([eb('name', '=', key), eb('id', '=', nameOrId)])).executeTakeFirst();
    if (!row) throw new NotFoundError(`no user "${nameOrId}"`);
    return row;
  }

  async userView(nameOrId: string): Promise<UserView> {
    return toUserView(await this.user(nameOrId));
  }

  async setRole(nameOrId: string, role: Role, by: Principal): Promise<UserView> {
    const user = await this.user(nameOrId);
    const next = parseRole(role);
    await this.change(user.id, { role: next, sessions_valid_after: this.stamp() }, by, 'user.role', { from: user.role, to: next });
    return toUserView({ ...user, role: next });
  }

  async disable(nameOrId: string, by: Principal): Promise<UserView> {
    const user = await this.user(nameOrId);
    const at = this.stamp();
    await this.change(user.id, { disabled_at: at, sessions_valid_after: at }, by, 'user.disable', {});
    return toUserView({ ...user, disabled_at: at });
  }

  /** Sets a password and voids every session issued before (a changed password signs out everywhere). */
  async setPassword(nameOrId: string, password: string, by: Principal): Promise<void> {
    const user = await this.user(nameOrId);
    const password_hash = await hashPassword(password);
    await this.change(user.id, { password_hash, failed_attempts: 0, locked_until: null, sessions_valid_after: this.stamp() }, by, 'user.password', {});
  }

  /** Changes one's own password: the current one is checked first (with the same lock-out as signing in). */
  async changePassword(user: Principal, current: string, next: string): Promise<void> {
    if (user.kind !== 'user') throw new ValidationError('user', 'only a signed-in user has a password');
    await this.signIn(user.name, current);
    await this.setPassword(user.id, next, user);
  }

  /** Checks a password; repeated failures lock the account for a while. Errors never say which part was wrong. */
  async signIn(name: string, password: string): Promise<Principal> {
    const refused = new AuthenticationError('wrong name or password');
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name.trim().toLowerCase()).executeTakeFirst();
    if (!row || row.disabled_at) {
      await passwordMatches(DUMMY_HASH, password); // the same work as for a real account: no timing hint that the name is unknown
      await this.audit.append({ actor: 'anonymous', action: 'sign-in.failure', subject: name.slice(0, 64), detail: { reason: row ? 'disabled' : 'unknown user' } });
      throw refused;
    }
    const now = this.now();
    if (row.locked_until && new Date(row.locked_until) > now) {
      await this.audit.append({ actor: 'anonymous', action: 'sign-in.failure', subject: row.id, detail: { reason: 'locked' } });
      throw new AuthenticationError(`too many failed sign-ins: try again after ${row.locked_until}`);
    }
    if (!(await passwordMatches(row.password_hash, password))) {
      const failures = row.failed_attempts + 1;
      const locked_until = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      await this.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ failed_attempts: locked_until ? 0 : failures, locked_until }).where('id', '=', row.id).execute();
        await this.audit.appendIn(trx, [{ actor: 'anonymous', action: 'sign-in.failure', subject: row.id, detail: { reason: 'wrong password', failures, locked_until } }]);
      });
      throw refused;
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', row.id).execute();
      await this.audit.appendIn(trx, [{ actor: `user:${row.name}`, action: 'sign-in', subject: row.id }]);
    });
    return userPrincipal(row);
  }

  /** A one-time link secret for a user (first admin, new user, reset), valid for `minutes`; shown once. */
  async signInToken(nameOrId: string, by: Principal, minutes = 60 * 24): Promise<{ token: string; expires_at: string }> {
    const user = await this.user(nameOrId);
    const token = newSecret();
    const expires_at = new Date(this.now().getTime() + minutes * 60_000).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('sign_in_tokens').values({ secret_sha256: sha256(token), user_id: user.id, purpose: 'set-password', created_at: this.stamp(), expires_at, used_at: null }).execute();
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'sign-in-link.create', subject: user.id, detail: { expires_at } }]);
    });
    return { token, expires_at };
  }

  /** Uses a sign-in link once: sets the password and answers the user. */
  async redeemToken(token: string, password: string): Promise<Principal> {
    const row = await this.db.selectFrom('sign_in_tokens').selectAll().where('secret_sha256', '=', sha256(token)).executeTakeFirst();
    if (!row || row.used_at || new Date(row.expires_at) <= this.now()) throw new AuthenticationError('this sign-in link is unknown, used or expired');
    const user = await this.db.selectFrom('users').selectAll().where('id', '=', row.user_id).executeTakeFirstOrThrow();
    if (user.disabled_at) throw new AuthenticationError('this account is disabled');
    const password_hash = await hashPassword(password);
    const at = this.stamp();
    await this.db.transaction().execute(async (trx) => {
      const used = await trx.updateTable('sign_in_tokens').set({ used_at: at }).where('secret_sha256', '=', row.secret_sha256).where('used_at', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AuthenticationError('this sign-in link is unknown, used or expired');
      await trx.updateTable('users').set({ password_hash, failed_attempts: 0, locked_until: null, sessions_valid_after: at }).where('id', '=', user.id).execute();
      await this.audit.appendIn(trx, [{ actor: `user:${user.name}`, action: 'sign-in-link.use', subject: user.id }]);
    });
    return userPrincipal(user);
  }

  /** Creates an API key; the secret is in the answer only (stored as its SHA-256). */
  async createKey(input: { name: string; role: Role; datasets?: string[] | null; expiresAt?: string | null }, by: Principal): Promise<{ key: KeyView; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 100) throw new ValidationError('name', 'a key needs a name of 1–100 characters');
    const role = parseRole(input.role);
    const expires_at = input.expiresAt ? parseFuture(input.expiresAt, this.now()) : null;
    const id = randomBytes(6).toString('hex');
    const secretPart = newSecret();
    const row: ApiKeysTable = { id, name, role, datasets: input.datasets?.length ? JSON.stringify([...new Set(input.datasets)].sort()) : null, secret_sha256: sha256(secretPart), created_at: this.stamp(), created_by: actorOf(by), expires_at, last_used_at: null, revoked_at: null };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('api_keys').values(row).execute();
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'key.create', subject: id, detail: { name, role, datasets: row.datasets ? JSON.parse(row.datasets) : null, expires_at } }]);
    });
    return { key: toKeyView(row), secret: `${KEY_PREFIX}${id}_${secretPart}` };
  }

  async listKeys(): Promise<KeyView[]> {
    return (await this.db.selectFrom('api_keys').selectAll().orderBy('created_at').execute()).map(toKeyView);
  }

  async revokeKey(id: string, by: Principal): Promise<KeyView> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no API key "${id}"`);
    if (row.revoked_at) return toKeyView(row);
    const revoked_at = this.stamp();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('api_keys').set({ revoked_at }).where('id', '=', id).execute();
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'key.revoke', subject: id, detail: { name: row.name } }]);
    });
    return toKeyView({ ...row, revoked_at });
  }

  /** The principal of a key secret (`idk_<id>_<secret>`); refused if unknown, revoked or expired. */
  async authenticateKey(secret: string): Promise<Principal> {
    const m = /^idk_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$/.exec(secret.trim());
    const refused = new AuthenticationError('unknown, revoked or expired API key');
    if (!m) throw refused;
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', m[1]).executeTakeFirst();
    if (!row || !sameDigest(row.secret_sha256, sha256(m[2])) || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= this.now())) throw refused;
    // Last use is kept to the minute: one write per key and minute, not one per request.
    const now = this.now();
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
      await this.db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    return { kind: 'key', id: row.id, name: row.name, role: parseRole(row.role), datasets: row.datasets ? (JSON.parse(row.datasets) as string[]) : null };
  }

  private async change(userId: string, set: Partial<UsersTable>, by: Principal, action: string, detail: object): Promise<void> {
    await this.db.transaction().execute(async (trx: Transaction<AccessTables>) => {
      await trx.updateTable('users').set(set).where('id', '=', userId).execute();
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action, subject: userId, detail }]);
    });
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

// A fixed argon2id hash, verified against when the name is unknown so that case costs the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$qWnqKqbiGlIPWGzIUtRC9Q$CGJ4g72kP38lL2blDGxspcQk04COPHnK03WKQpW5T5g';

function normalizeName(name: string): string {
  const n = name.trim().toLowerCase();
  if (!NAME_PATTERN.test(n)) throw new ValidationError('name', 'a user name is 1–64 characters: letters, digits, and . _ @ - (not first)');
  return n;
}

function parseFuture(value: string, now: Date): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new ValidationError('expires', `"${value}" is not a date (use YYYY-MM-DD or an ISO time)`);
  if (d <= now) throw new ValidationError('expires', 'must be in the future');
  return d.toISOString();
}

function userPrincipal(row: UsersTable): Principal {
  return { kind: 'user', id: row.id, name: row.name, role: parseRole(row.role), datasets: null };
}

function toUserView(row: UsersTable): UserView {
  return { id: row.id, name: row.name, role: parseRole(row.role), created_at: row.created_at, created_by: row.created_by, disabled: row.disabled_at !== null, has_password: row.password_hash !== null, locked_until: row.locked_until };
}

function toKeyView(row: ApiKeysTable): KeyView {
  return { id: row.id, name: row.name, role: parseRole(row.role), datasets: row.datasets ? (JSON.parse(row.datasets) as string[]) : null, created_at: row.created_at, created_by: row.created_by, expires_at: row.expires_at, last_used_at: row.last_used_at, revoked_at: row.revoked_at };
}

/**
 * On a first start with no users: creates the admin `admin` and answers a one-time sign-in link token
 * (printed to the terminal, as notebook servers do). Null when users exist (or another replica won).
 */
export async function firstAdmin(accounts: Accounts): Promise<{ name: string; token: string; expires_at: string } | null> {
  if ((await accounts.userCount()) > 0) return null;
  const system: Principal = { kind: 'system', id: 'first-start', name: 'first-start', role: 'admin', datasets: null };
  try {
    const user = await accounts.addUser({ name: 'admin', role: 'admin' }, system);
    return { name: user.name, ...(await accounts.signInToken(user.id, system)) };
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
