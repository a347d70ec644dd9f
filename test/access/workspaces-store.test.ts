// Workspaces on SQLite and PostgreSQL: who sees which datasets, who may write into a workspace, who
// manages its members, and the audit record of each change.
import { describe, expect, it } from 'vitest';
import { Accounts, type Principal } from '../../src/access/accounts.ts';
import { AuditTrail } from '../../src/access/audit.ts';
import { Workspaces } from '../../src/access/workspaces.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/model/errors.ts';
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
      const ws = await workspaces.create({ slug: 'Case_One', title: 'Case one' }, owner);
      expect(ws).toMatchObject({ id: 'ws_case_one', members: [{ name: 'owner', role: 'analyst', owner: true }] });

      const seenBy = async (p: Principal) => {
        const sees = await workspaces.sees(p);
        return ['us_ofac_sdn', 'analyst', 'ws_case_one'].filter((d) => sees === null || sees(d));
      };
      expect(await seenBy(owner)).toEqual(['us_ofac_sdn', 'analyst', 'ws_case_one']);
      expect(await seenBy(other)).toEqual(['us_ofac_sdn', 'analyst']);
      expect(await seenBy(admin)).toEqual(['us_ofac_sdn', 'analyst']);
      expect(await seenBy({ ...owner, kind: 'key', datasets: ['us_ofac_sdn'] })).toEqual(['us_ofac_sdn']);
      expect(await seenBy(CLI)).toEqual(['us_ofac_sdn', 'analyst', 'ws_case_one']);

      await workspaces.checkWrite(owner, 'ws_case_one');
      await expect(workspaces.checkWrite(other, 'ws_case_one')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(workspaces.checkWrite(owner, 'ws_unmade')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(workspaces.checkWrite({ ...owner, kind: 'key', datasets: ['us_ofac_sdn'] }, 'analyst')).rejects.toBeInstanceOf(ForbiddenError);

      // A non-member that is not an admin learns nothing; only admins and owners manage members.
      await expect(workspaces.get('ws_case_one', other)).rejects.toBeInstanceOf(NotFoundError);
      await expect(workspaces.setMember('ws_case_one', { user: 'other' }, other)).rejects.toBeInstanceOf(NotFoundError);
      await expect(workspaces.setMember('ws_case_one', { user: 'reader', role: 'analyst' }, admin)).rejects.toBeInstanceOf(ValidationError);
      await workspaces.setMember('ws_case_one', { user: 'reader' }, admin);
      await expect(workspaces.setMember('ws_case_one', { user: 'other' }, viewer)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(workspaces.checkWrite(viewer, 'ws_case_one')).rejects.toBeInstanceOf(ForbiddenError);
      expect(await seenBy(viewer)).toEqual(['us_ofac_sdn', 'analyst', 'ws_case_one']);
      await workspaces.setMember('ws_case_one', { user: 'other', role: 'analyst' }, owner);
      await workspaces.checkWrite(other, 'ws_case_one');

      // A demoted account acts with its lower role in the workspace too.
      await accounts.setRole('other', 'viewer', CLI);
      await expect(workspaces.checkWrite({ ...other, role: 'viewer' }, 'ws_case_one')).rejects.toBeInstanceOf(ForbiddenError);

      await workspaces.removeMember('ws_case_one', viewer.id, owner);
      expect(await seenBy(viewer)).toEqual(['us_ofac_sdn', 'analyst']);
      expect((await workspaces.list(owner)).map((w) => w.id)).toEqual(['ws_case_one']);
      expect(await workspaces.list(viewer)).toEqual([]);
      expect((await workspaces.list(admin)).map((w) => w.id)).toEqual(['ws_case_one']);

      const actions = (await AuditTrail.of(t.store).list({})).results.filter((r) => r.subject === 'ws_case_one').map((r) => r.action);
      expect(actions.sort()).toEqual(['workspace.create', 'workspace.member', 'workspace.member', 'workspace.member.remove']);
      expect((await AuditTrail.of(t.store).verify()).ok).toBe(true);
    });
  });
}
