// Access tables (issue 13), created beside the statements by the store's migration: accounts, API keys,
// one-time sign-in tokens, the audit trail, and confidential workspaces with their members. Secrets are
// never stored: passwords as argon2id hashes, keys and tokens as SHA-256 of their random part (they carry
// 256 bits, so a slow hash buys nothing).
import type { Kysely } from 'kysely';
import { ensureIndex } from './ddl.ts';

export interface UsersTable {
  id: string;
  /** Sign-in name, unique, compared case-insensitively (stored lower-case). */
  name: string;
  role: string;
  /** argon2id PHC string; null until the user sets a password through a sign-in link. */
  password_hash: string | null;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
  failed_attempts: number;
  locked_until: string | null;
  /** Sessions issued before this time are void ("sign out everywhere", password change). */
  sessions_valid_after: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  role: string;
  /** JSON array of dataset names the key may read, or null for every dataset its role may read. */
  datasets: string | null;
  secret_sha256: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SignInTokensTable {
  secret_sha256: string;
  user_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's secret: a copied table signs nobody in. */
  secret_sha256: string;
  user_id: string;
  /** Sent back by the web app in X-CSRF-Token on every write (a forged cross-site form cannot read it). */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  /** Who acted: `user:<name>`, `key:<id>`, `cli:<os user>`, `system`, or `anonymous`. */
  actor: string;
  action: string;
  /** What it was done to (an entity, dataset, user or key id); may be empty. */
  subject: string;
  /** JSON: what the act needs to be understood later (query, scope, versions, results…). */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** A confidential workspace: an analyst dataset (`ws_<id>`) only its members read and write. */
export interface WorkspacesTable {
  /**
   * The dataset name: `ws_` and 16 random base32 characters the server chose (databases made before
   * keep their `ws_<slug>` ids, derived from the name then).
   */
  id: string;
  /** Its name as its creator gave it; not unique. */
  title: string;
  created_at: string;
  created_by: string;
}

export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  /** The member's role in the workspace; never above their account's role. */
  role: string;
  /** 1 for the members who manage membership (the creator first). */
  owner: number;
  added_at: string;
  added_by: string;
}

export interface AccessTables {
  users: UsersTable;
  api_keys: ApiKeysTable;
  sign_in_tokens: SignInTokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  workspaces: WorkspacesTable;
  workspace_members: WorkspaceMembersTable;
}

export async function migrateAccess(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('sessions_valid_after', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_keys')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('datasets', 'text')
    .addColumn('secret_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('sign_in_tokens')
    .ifNotExists()
    .addColumn('secret_sha256', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('sessions')
    .ifNotExists()
    .addColumn('secret_sha256', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await ensureIndex(db, 'sessions_user', (index) => index.on('sessions').columns(['user_id']));
  // seq is given by the writer (last + 1) rather than generated, so a removed row leaves a visible gap
  // and two writers racing for the same place collide on the key instead of forking the chain.
  await db.schema
    .createTable('audit_log')
    .ifNotExists()
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('workspaces')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('workspace_members')
    .ifNotExists()
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('owner', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'user_id'])
    .execute();
  await ensureIndex(db, 'workspace_members_user', (index) => index.on('workspace_members').columns(['user_id']));
  await ensureIndex(db, 'audit_log_at', (index) => index.on('audit_log').columns(['at']));
}
