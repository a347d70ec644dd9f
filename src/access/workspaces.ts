// Confidential workspaces (issue 13): a workspace is an analyst dataset `ws_<id>` with members. Its
// statements (case files, claims, documents' claims) are seen only by its members, whatever their
// account role: an admin manages membership but reads a workspace's content only as a member.
// Everything else (publishers' lists, the shared `analyst` dataset) is read by every signed-in user,
// and an API key limited to some datasets sees only those.
// The server chooses a workspace's id at random; its name (`title`) is whatever its creator typed and
// need not be unique. An id derived from the name made "that name is taken" an answer to anyone.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ForbiddenError, InterdictError, NotFoundError, ValidationError } from '../model/errors.ts';
import type { Sees } from '../model/visibility.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { AccessTables, WorkspaceMembersTable } from '../store/access-schema.ts';
import type { Store } from '../store/types.ts';
import { actorOf, type Principal } from './accounts.ts';
import { AuditTrail } from './audit.ts';
import { atLeast, parseRole, ROLES, type Role } from './roles.ts';

export const WORKSPACE_PREFIX = 'ws_';
/** Lowercase base32 (RFC 4648): an id stays a valid dataset name (lowercase letters, digits, _). */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_LENGTH = 16; // 80 random bits
const NAME_MAX = 200;

/** A new workspace's id, `ws_` and 16 random base32 characters: it says nothing of its name. */
export function newWorkspaceId(): string {
  let id = WORKSPACE_PREFIX;
  for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** Names are compared as people type them: case and surrounding blanks aside. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface WorkspaceMember {
  user_id: string;
  name: string;
  role: Role;
  owner: boolean;
  added_at: string;
  added_by: string;
}

export interface WorkspaceView {
  id: string;
  title: string;
  created_at: string;
  created_by: string;
  members: WorkspaceMember[];
}

/** Whether a dataset is a workspace's (and so confidential). */
export function isWorkspaceDataset(dataset: string): boolean {
  return dataset.startsWith(WORKSPACE_PREFIX);
}

/** The same refusal for a workspace that does not exist and one the asker may not see: no hint either way. */
const notFound = (id: string) => new NotFoundError(`no workspace ${id.slice(0, 80)}`);
const mayNotWrite = (dataset: string) => new ForbiddenError(`you may not write to ${dataset.slice(0, 80)}`);

export class Workspaces {
  private readonly audit: AuditTrail;

  constructor(
    private readonly db: Kysely<AccessTables>,
    engine: 'sqlite' | 'postgres',
    private readonly now: () => Date = () => new Date(),
  ) {
    this.audit = new AuditTrail(db, engine, now);
  }

  static of(store: Store): Workspaces {
    if (!(store instanceof SqlStore)) throw new InterdictError('workspaces need the SQL store');
    return new Workspaces(store.db as unknown as Kysely<AccessTables>, store.engine);
  }

  /** The ids of the workspaces a principal is a member of, as a sub-query (a key or anonymous: none). */
  private membershipsOf(p: Principal) {
    return this.db.selectFrom('workspace_members').select('workspace_id').where('user_id', '=', p.kind === 'user' ? p.id : '');
  }

  /**
   * What a principal may read. Null (filter nothing) when no workspace hides anything from it and no
   * key scope applies: the common case costs one small query and no filtering at all.
   */
  async sees(p: Principal): Promise<Sees> {
    if (p.kind === 'cli' || p.kind === 'system') return null; // they hold the database itself
    const hidden = new Set(
      (
        await this.db
          .selectFrom('workspaces')
          .select('id')
          .where('id', 'not in', this.membershipsOf(p))
          .execute()
      ).map((r) => r.id),
    );
    const only = p.datasets ? new Set(p.datasets) : null;
    if (!hidden.size && !only) return null;
    return (dataset) => !hidden.has(dataset) && (only === null || only.has(dataset));
  }

  /** Refuses a write to a dataset the principal may not write: a workspace needs a member with the analyst role. */
  async checkWrite(p: Principal, dataset: string): Promise<void> {
    if (p.datasets && !p.datasets.includes(dataset)) throw mayNotWrite(dataset);
    if (!isWorkspaceDataset(dataset) || p.kind === 'cli' || p.kind === 'system') return;
    const member = p.kind === 'user' ? await this.member(dataset, p.id) : undefined;
    if (!member || !atLeast(effectiveRole(member, p.role), 'analyst')) throw mayNotWrite(dataset);
  }

  /** A new workspace named `name` (not unique), with a fresh id; `owner` (default: its creator) is its first member. */
  async create(input: { name: string; owner?: string }, by: Principal): Promise<WorkspaceView> {
    const name = input.name.trim();
    if (!name || name.length > NAME_MAX || /\p{Cc}/u.test(name)) throw new ValidationError('name', `a workspace's name is 1–${NAME_MAX} characters, no control characters`);
    const id = newWorkspaceId();
    const ownerId = input.owner ?? (by.kind === 'user' ? by.id : undefined);
    const at = this.stamp();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('workspaces').values({ id, title: name, created_at: at, created_by: actorOf(by) }).execute();
      if (ownerId) {
        const owner = await trx.selectFrom('users').select(['id', 'role']).where((eb) => eb.or([eb('id', '=', ownerId), eb('name', '=', ownerId.toLowerCase())])).executeTakeFirst();
        if (!owner) throw new ValidationError('owner', `no user "${ownerId.slice(0, 64)}"`);
        await trx.insertInto('workspace_members').values({ workspace_id: id, user_id: owner.id, role: owner.role, owner: 1, added_at: at, added_by: actorOf(by) }).execute();
      }
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'workspace.create', subject: id, detail: { title: name, owner: ownerId ?? null } }]);
    });
    return this.view(id);
  }

  /**
   * The workspace a principal means by an id or a name, among those it is a member of (the CLI, which
   * holds the database: all). Two of that name are refused, naming their ids; any other reference,
   * whether to a workspace it is not a member of or to none at all, gets the one answer: no workspace.
   */
  async resolve(ref: string, p: Principal): Promise<string> {
    let query = this.db.selectFrom('workspaces').select(['id', 'title']).orderBy('id');
    if (p.kind !== 'cli' && p.kind !== 'system') {
      query = query.where('id', 'in', this.membershipsOf(p));
    }
    const mine = await query.execute();
    const wanted = ref.trim();
    if (mine.some((w) => w.id === wanted)) return wanted;
    const named = mine.filter((w) => sameName(w.title, wanted));
    if (named.length > 1) throw new ValidationError('workspace', `${named.length} of your workspaces are named "${wanted.slice(0, 80)}": say which by its id (${named.map((w) => w.id).join(', ')})`);
    if (!named.length) throw notFound(wanted);
    return named[0].id;
  }

  /** The workspaces a principal may name: its own, or every one for an admin (who manages them). */
  async list(p: Principal): Promise<WorkspaceView[]> {
    let query = this.db.selectFrom('workspaces').select('id').orderBy('id');
    if (!(p.role === 'admin' && p.kind === 'user') && p.kind !== 'cli') {
      query = query.where('id', 'in', this.membershipsOf(p));
    }
    const ids = (await query.execute()).map((r) => r.id);
    return Promise.all(ids.map((id) => this.view(id)));
  }

  /** One workspace, for its members and admins; anyone else gets the answer an unknown id gets. */
  async get(id: string, p: Principal): Promise<WorkspaceView> {
    const view = await this.view(id);
    const mayName = p.kind === 'cli' || (p.kind === 'user' && (p.role === 'admin' || view.members.some((m) => m.user_id === p.id)));
    if (!mayName) throw notFound(id);
    return view;
  }

  /** Adds a member or changes a member's role; by an admin or an owner of the workspace. */
  async setMember(id: string, input: { user: string; role?: string; owner?: boolean }, by: Principal): Promise<WorkspaceView> {
    await this.checkManage(id, by);
    const user = await this.db.selectFrom('users').select(['id', 'role', 'name']).where((eb) => eb.or([eb('id', '=', input.user), eb('name', '=', input.user.trim().toLowerCase())])).executeTakeFirst();
    if (!user) throw new ValidationError('user', `no user "${input.user.slice(0, 64)}"`);
    const accountRole = parseRole(user.role);
    const role = input.role === undefined ? accountRole : parseRole(input.role);
    if (!atLeast(accountRole, role)) throw new ValidationError('role', `${user.name} is a ${accountRole}: a workspace role may not exceed the account's`);
    const at = this.stamp();
    const row: WorkspaceMembersTable = { workspace_id: id, user_id: user.id, role, owner: input.owner ? 1 : 0, added_at: at, added_by: actorOf(by) };
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('workspace_members').where('workspace_id', '=', id).where('user_id', '=', user.id).execute();
      await trx.insertInto('workspace_members').values(row).execute();
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'workspace.member', subject: id, detail: { user: user.id, role, owner: !!input.owner } }]);
    });
    return this.view(id);
  }

  async removeMember(id: string, userId: string, by: Principal): Promise<WorkspaceView> {
    await this.checkManage(id, by);
    await this.db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('workspace_members').where('workspace_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (!gone.numDeletedRows) throw new NotFoundError(`${userId.slice(0, 64)} is not a member of ${id}`);
      await this.audit.appendIn(trx, [{ actor: actorOf(by), action: 'workspace.member.remove', subject: id, detail: { user: userId } }]);
    });
    return this.view(id);
  }

  private async checkManage(id: string, by: Principal): Promise<void> {
    const view = await this.get(id, by); // a non-member non-admin learns nothing, not even that it exists
    if (by.kind === 'cli' || by.role === 'admin') return;
    if (!view.members.some((m) => m.user_id === by.id && m.owner)) throw new ForbiddenError(`only an admin or an owner of ${id} manages its members`);
  }

  private async member(id: string, userId: string): Promise<WorkspaceMembersTable | undefined> {
    return this.db.selectFrom('workspace_members').selectAll().where('workspace_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  }

  private async view(id: string): Promise<WorkspaceView> {
    const row = await this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(id);
    const members = await this.db
      .selectFrom('workspace_members')
      .innerJoin('users', 'users.id', 'workspace_members.user_id')
      .select(['workspace_members.user_id', 'users.name', 'workspace_members.role', 'workspace_members.owner', 'workspace_members.added_at', 'workspace_members.added_by'])
      .where('workspace_members.workspace_id', '=', id)
      .orderBy('users.name')
      .execute();
    return { ...row, members: members.map((m) => ({ ...m, role: parseRole(m.role), owner: m.owner === 1 })) };
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

/** A member acts with the lower of its workspace role and its account role (a demoted account stays demoted). */
function effectiveRole(member: WorkspaceMembersTable, accountRole: Role): Role {
  const inWorkspace = parseRole(member.role);
  return ROLES.indexOf(inWorkspace) < ROLES.indexOf(accountRole) ? inWorkspace : accountRole;
}
