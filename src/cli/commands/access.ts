// `users`, `keys` and `audit`: the CLI holds the database itself, so it needs no sign-in; it acts as
// `cli:<login name>` with the admin role, and every change it makes is in the audit trail.
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { cliPrincipal } from '../actor.ts';
import { parseRole, ROLE_DUTIES, ROLES } from '../../access/roles.ts';
import { ValidationError } from '../../model/errors.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../errors.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** The store's accounts, and its audit trail: loaded when a command runs, not for --help. */
async function accountsOf(ctx: CliContext) {
  const { Accounts } = await import('../../access/accounts.ts');
  return Accounts.of(await ctx.store());
}

async function auditOf(ctx: CliContext) {
  const { AuditTrail } = await import('../../access/audit.ts');
  return AuditTrail.of(await ctx.store());
}

/** The address a sign-in link opens: the configured public URL, else the server's own address. */
async function signInUrl(ctx: CliContext, token: string): Promise<string> {
  const { welcomeLink } = await import('../../access/accounts.ts');
  return welcomeLink(ctx.config.publicUrl ?? `http://${ctx.config.host === '0.0.0.0' ? 'localhost' : ctx.config.host}:${ctx.config.port}`, token);
}

const ROLE_HELP = ROLES.map((r) => `${r} (${ROLE_DUTIES[r]})`).join('; ');

export function register(program: Command, ctx: CliContext): void {
  const users = program.command('users').description('accounts that sign in to the web app and API');
  users
    .command('add')
    .description('add a user; prints a one-time sign-in link where the user sets a password (or give one on standard input)')
    .argument('<name>')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--password-stdin', 'read the password from standard input instead of printing a link')
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean }) => {
      const accounts = await accountsOf(ctx);
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const user = await accounts.addUser({ name, role: parseRole(opts.role, '--role'), password }, cliPrincipal());
      ctx.out(`added ${user.name} (${user.role}, ${user.id})`);
      if (!password) {
        const link = await accounts.signInToken(user.id, cliPrincipal());
        ctx.out(`one-time sign-in link (valid until ${link.expires_at}):\n${await signInUrl(ctx, link.token)}`);
      }
    });
  users
    .command('list')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await accountsOf(ctx)).listUsers();
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      for (const u of list) ctx.out(`${u.name}\t${u.role}\t${u.disabled ? 'disabled' : u.has_password ? 'active' : 'link not used yet'}\t${u.id}`);
      if (!list.length) ctx.out('no users yet');
    });
  users
    .command('role')
    .description("change a user's role (signs the user out everywhere)")
    .argument('<name>')
    .argument('<role>', ROLES.join(', '))
    .action(async (name: string, role: string) => {
      const u = await (await accountsOf(ctx)).setRole(name, parseRole(role), cliPrincipal());
      ctx.out(`${u.name} is now ${u.role}`);
    });
  users
    .command('disable')
    .argument('<name>')
    .action(async (name: string) => {
      const u = await (await accountsOf(ctx)).disable(name, cliPrincipal());
      ctx.out(`${u.name} is disabled and signed out everywhere`);
    });
  users
    .command('link')
    .description('a new one-time sign-in link for a user (to set or reset the password)')
    .argument('<name>')
    .action(async (name: string) => {
      const link = await (await accountsOf(ctx)).signInToken(name, cliPrincipal());
      ctx.out(`one-time sign-in link (valid until ${link.expires_at}):\n${await signInUrl(ctx, link.token)}`);
    });
  users
    .command('password')
    .description("set a user's password from standard input (signs the user out everywhere)")
    .argument('<name>')
    .action(async (name: string) => {
      await (await accountsOf(ctx)).setPassword(name, await readStdin(), cliPrincipal());
      ctx.out(`password of ${name} set`);
    });

  const keys = program.command('keys').description('API keys for machines (`Authorization: ApiKey <key>`)');
  keys
    .command('create')
    .description('create a key; its secret is printed once and stored only as a hash')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--role <role>', ROLE_HELP)
    .option('--datasets <list>', 'comma-separated datasets the key may read (default: all its role may read)')
    .option('--expires <date>', 'expiry date or time (ISO 8601)')
    .action(async (opts: { name: string; role: string; datasets?: string; expires?: string }) => {
      const datasets = opts.datasets?.split(',').map((d) => d.trim()).filter(Boolean);
      const { key, secret } = await (await accountsOf(ctx)).createKey({ name: opts.name, role: parseRole(opts.role, '--role'), datasets, expiresAt: opts.expires }, cliPrincipal());
      ctx.err(`created key ${key.id} "${key.name}" (${key.role}${key.datasets ? `, datasets ${key.datasets.join(', ')}` : ''}${key.expires_at ? `, expires ${key.expires_at}` : ''}); the secret is shown this once:`);
      ctx.out(secret);
    });
  keys
    .command('list')
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await accountsOf(ctx)).listKeys();
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      for (const k of list) ctx.out(`${k.id}\t${k.name}\t${k.role}\t${k.revoked_at ? `revoked ${k.revoked_at}` : k.expires_at ? `expires ${k.expires_at}` : 'no expiry'}\tlast used ${k.last_used_at ?? 'never'}`);
      if (!list.length) ctx.out('no keys yet');
    });
  keys
    .command('revoke')
    .argument('<id>')
    .action(async (id: string) => {
      const k = await (await accountsOf(ctx)).revokeKey(id, cliPrincipal());
      ctx.out(`key ${k.id} "${k.name}" revoked at ${k.revoked_at}`);
    });

  const audit = program.command('audit').description('the append-only, hash-chained audit trail');
  audit
    .command('verify')
    .description('check every record against its hash and its place in the chain; exit 1 and name each record that was altered, removed or moved')
    .option('--expect-head <hash>', 'a head hash remembered earlier (e.g. from a previous verify): finds records cut off the end')
    .option('--json', 'as JSON')
    .action(async (opts: { expectHead?: string; json?: boolean }) => {
      const result = await (await auditOf(ctx)).verify({ expectHead: opts.expectHead });
      if (opts.json) ctx.out(JSON.stringify(result, null, 2));
      else {
        for (const p of result.problems) ctx.out(`record ${p.seq}: ${p.kind}: ${p.message}`);
        ctx.out(`${result.ok ? 'intact' : 'NOT INTACT'}: ${result.records} records, head ${result.head.seq} ${result.head.hash}`);
      }
      if (!result.ok) process.exitCode = EXIT.failure;
    });
  audit
    .command('export')
    .description('write the records of a period as JSON lines or CSV')
    .option('--from <date>', 'from this date or time (inclusive, ISO 8601)')
    .option('--to <date>', 'to this date or time (exclusive)')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--output <file>', 'write to a file instead of standard output')
    .action(async (opts: { from?: string; to?: string; format: string; output?: string }) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv') throw new ValidationError('--format', 'use jsonl or csv');
      const from = opts.from === undefined ? undefined : isoTime(opts.from, '--from');
      const to = opts.to === undefined ? undefined : isoTime(opts.to, '--to');
      const out: Writable = opts.output ? createWriteStream(opts.output) : process.stdout;
      await pipeline(Readable.from((await auditOf(ctx)).export({ from, to }, opts.format)), out, { end: Boolean(opts.output) });
    });
}

function isoTime(value: string, field: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new ValidationError(field, `"${value}" is not a date or time (ISO 8601)`);
  return d.toISOString();
}
