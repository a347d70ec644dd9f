// Workspaces on SQLite and PostgreSQL: who sees which datasets, who may write into a workspace, who
// manages its members, and the audit record of each change.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Accounts, type Principal } from '../../src/access/accounts.ts';
import { AuditTrail } from '../../src/access/audit.ts';
import { Workspaces } from '../../src/access/workspaces.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/model/errors.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const CLI: Principal = { kind: 'cli', id: 'tester', name: 'tester', role: 'admin', datasets: null };

for (const engine of ENGINES) {
  describe(`workspaces on ${engine}`, () => {
    const t = freshStoreForBlock(engine);

    it('hides a workspace from everyone but its members, and limits a key to its datasets', async () => {
      const accounts = Accounts.of(t.store);
      const workspaces = Workspaces.of(t.store);
      const as = async (name: string, role: Principal['role']): Promise<Principal> => {
        const u = await accounts.addUser({ name, role }, CLI);
        return { kind: 'user', id: u.id, name: u.name, role, datasets: null };
      };
      const owner = await as('owner', 'analyst');
      const other = await as('other', 'analyst');
      const admin = await as('boss', 'admin');
      const viewer = await as('reader', 'viewer');

      expect(await workspaces.sees(other)).toBeNull(); // nothing hidden yet: nothing to filter
      const ws = await workspaces.create({ name: ' Case one ' }, owner);
      expect(ws).toMatchObject({ title: 'Case one', members: [{ name: 'owner', role: 'analyst', owner: true }] });
      const CASE = ws.id; // chosen by the store: `ws_` and 16 random base32 characters, whatever the name
      expect(CASE).toMatch(/^ws_[a-z2-7]{16}$/);
      await expect(workspaces.create({ name: '   ' }, owner)).rejects.toBeInstanceOf(ValidationError);

      // Named by id or name among one's own workspaces; to others, any workspace is one nobody made.
      expect(await workspaces.resolve('case ONE', owner)).toBe(CASE);
      expect(await workspaces.resolve(CASE, owner)).toBe(CASE);
      expect(await workspaces.resolve('Case one', CLI)).toBe(CASE);
      for (const ref of [CASE, 'Case one']) await expect(workspaces.resolve(ref, other)).rejects.toThrow(`no workspace ${ref}`);
      await expect(workspaces.resolve(CASE, admin)).rejects.toBeInstanceOf(NotFoundError);

      const seenBy = async (p: Principal) => {
        const sees = await workspaces.sees(p);
        return ['us_ofac_sdn', 'analyst', CASE].filter((d) => sees === null || sees(d));
      };
      expect(await seenBy(owner)).toEqual(['us_ofac_sdn', 'analyst', CASE]);
      expect(await seenBy(other)).toEqual(['us_ofac_sdn', 'analyst']);
      expect(await seenBy(admin)).toEqual(['us_ofac_sdn', 'analyst']);
      expect(await seenBy({ ...owner, kind: 'key', datasets: ['us_ofac_sdn'] })).toEqual(['us_ofac_sdn']);
      expect(await seenBy(CLI)).toEqual(['us_ofac_sdn', 'analyst', CASE]);

      await workspaces.checkWrite(owner, CASE);
      await expect(workspaces.checkWrite(other, CASE)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(workspaces.checkWrite(owner, 'ws_unmade')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(workspaces.checkWrite({ ...owner, kind: 'key', datasets: ['us_ofac_sdn'] }, 'analyst')).rejects.toBeInstanceOf(ForbiddenError);

      // A non-member that is not an admin learns nothing; only admins and owners manage members.
      await expect(workspaces.get(CASE, other)).rejects.toBeInstanceOf(NotFoundError);
      await expect(workspaces.setMember(CASE, { user: 'other' }, other)).rejects.toBeInstanceOf(NotFoundError);
      await expect(workspaces.setMember(CASE, { user: 'reader', role: 'analyst' }, admin)).rejects.toBeInstanceOf(ValidationError);
      await workspaces.setMember(CASE, { user: 'reader' }, admin);
      await expect(workspaces.setMember(CASE, { user: 'other' }, viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(workspaces.checkWrite(viewer, CASE)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await seenBy(viewer)).toEqual(['us_ofac_sdn', 'analyst', CASE]);
      await workspaces.setMember(CASE, { user: 'other', role: 'analyst' }, owner);
      await workspaces.checkWrite(other, CASE);

      // A demoted account acts with its lower role in the workspace too.
      await accounts.setRole('other', 'viewer', CLI);
      await expect(workspaces.checkWrite({ ...other, role: 'viewer' }, CASE)).rejects.toBeInstanceOf(ForbiddenError);

      await workspaces.removeMember(CASE, viewer.id, owner);
      expect(await seenBy(viewer)).toEqual(['us_ofac_sdn', 'analyst']);
      expect((await workspaces.list(owner)).map((w) => w.id)).toEqual([CASE]);
      expect(await workspaces.list(viewer)).toEqual([]);
      expect((await workspaces.list(admin)).map((w) => w.id)).toEqual([CASE]);

      const actions = (await AuditTrail.of(t.store).list({})).results.filter((r) => r.subject === CASE).map((r) => r.action);
      expect(actions.sort()).toEqual(['workspace.create', 'workspace.member', 'workspace.member', 'workspace.member.remove']);
      expect((await AuditTrail.of(t.store).verify()).ok).toBe(true);
    });

    it('keeps the ids of workspaces made before (derived from their slug then), named by id or name', async () => {
      const owner = await Accounts.of(t.store).addUser({ name: 'elder', role: 'analyst' }, CLI);
      const db = (t.store as SqlStore).db;
      await sql`insert into workspaces (id, title, created_at, created_by) values ('ws_old_case', 'Old case', '2026-01-01', 'cli:ops')`.execute(db);
      await sql`insert into workspace_members (workspace_id, user_id, role, owner, added_at, added_by) values ('ws_old_case', ${owner.id}, 'analyst', 1, '2026-01-01', 'cli:ops')`.execute(db);
      const elder: Principal = { kind: 'user', id: owner.id, name: owner.name, role: 'analyst', datasets: null };
      const workspaces = Workspaces.of(t.store);
      expect(await workspaces.resolve('ws_old_case', elder)).toBe('ws_old_case');
      expect(await workspaces.resolve('old case', elder)).toBe('ws_old_case');
      await workspaces.checkWrite(elder, 'ws_old_case');
      // A new one of the same name beside it gets a fresh id, and the name alone no longer says which.
      const again = await workspaces.create({ name: 'Old case' }, elder);
      expect(again.id).not.toBe('ws_old_case');
      await expect(workspaces.resolve('Old case', elder)).rejects.toThrow(/2 of your workspaces are named "Old case": say which by its id \((ws_old_case, ws_\w+|ws_\w+, ws_old_case)\)/);
    });
  });
}
