// `workspaces`: confidential workspaces and their members. The CLI holds the database, so it acts as an
// admin (`cli:<login name>`); each change is in the audit trail. A workspace is named by its id (which
// the server chooses) or by its name when no other workspace bears it.
import type { Command } from 'commander';
import { ROLES } from '../../access/roles.ts';
import type { WorkspaceView } from '../../access/workspaces.ts';
import { ValidationError } from '../../model/errors.ts';
import type { CliContext } from '../context.ts';
import { cliPrincipal } from '../actor.ts';

function describe(w: WorkspaceView): string[] {
  return [`${w.id}\t${w.title}\t${w.members.length} member(s)`, ...w.members.map((m) => `  ${m.name}\t${m.role}${m.owner ? '\towner' : ''}`)];
}

/** The store's workspaces: loaded when a command runs, not for --help. */
async function workspacesOf(ctx: CliContext) {
  const { Workspaces } = await import('../../access/workspaces.ts');
  return Workspaces.of(await ctx.store());
}

export function register(program: Command, ctx: CliContext): void {
  const workspaces = program.command('workspaces').description('confidential workspaces: analyst datasets ws_<id> only their members read');
  workspaces
    .command('add')
    .description('create a workspace with a fresh id (printed); its owner (a user) becomes its first member')
    .argument('<name>', 'what to call it (need not be unique)')
    .requiredOption('--owner <user>', 'the user who owns it (name or id)')
    .option('--title <title>', 'older spelling: the name, in place of <name>')
    .action(async (name: string, opts: { owner: string; title?: string }) => {
      const w = await (await workspacesOf(ctx)).create({ name: opts.title ?? name, owner: opts.owner }, cliPrincipal());
      ctx.out(`created ${w.id} "${w.title}", owned by ${w.members.map((m) => m.name).join(', ')}`);
    });
  workspaces
    .command('list')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await workspacesOf(ctx)).list(cliPrincipal());
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      for (const w of list) ctx.out(describe(w).join('\n'));
      if (!list.length) ctx.out('no workspaces yet');
    });
  workspaces
    .command('members')
    .description("a workspace's members; --add or --remove one")
    .argument('<workspace>', 'its id (ws_…), or its name when no other workspace bears it')
    .option('--add <user>', 'add a member, or change a member’s role')
    .option('--role <role>', `the role in the workspace (${ROLES.join(', ')}; default and at most the account's)`)
    .option('--owner', 'the member manages the members too')
    .option('--remove <user>', 'remove a member')
    .action(async (ref: string, opts: { add?: string; role?: string; owner?: boolean; remove?: string }) => {
      const all = await workspacesOf(ctx);
      const by = cliPrincipal();
      if (opts.add && opts.remove) throw new ValidationError('--add', 'give --add or --remove, not both');
      const id = await all.resolve(ref, by);
      let w = await all.get(id, by);
      if (opts.add) w = await all.setMember(id, { user: opts.add, role: opts.role, owner: opts.owner }, by);
      if (opts.remove) {
        const member = w.members.find((m) => m.name === opts.remove!.toLowerCase() || m.user_id === opts.remove);
        if (!member) throw new ValidationError('--remove', `${opts.remove} is not a member of ${id}`);
        w = await all.removeMember(id, member.user_id, by);
      }
      ctx.out(describe(w).join('\n'));
    });
}
