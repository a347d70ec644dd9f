// Accounts, API keys and the hash-chained audit trail on SQLite and PostgreSQL (issue 13): every
// change leaves its audit record, secrets are stored only as hashes, and verify names each record
// that was altered, removed or moved directly in the database.
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { Accounts, LOCK_AFTER_FAILURES, type Principal } from '../../src/access/accounts.ts';
import { AuditTrail, canonicalJson } from '../../src/access/audit.ts';
import { AuthenticationError, ConflictError, ValidationError } from '../../src/model/errors.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const ADMIN: Principal = { kind: 'cli', id: 'tester', name: 'tester', role: 'admin', datasets: null };
const PASSWORD = 'correct horse battery staple';

// Tampering goes around the domain code on purpose: it is what an attacker with the database would do.
function rawDb(store: unknown): Kysely<any> {
  return (store as SqlStore).db as unknown as Kysely<any>;
}

for (const engine of ENGINES) {
  describe(`accounts and keys on ${engine}`, () => {
    const t = freshStoreForBlock(engine);

    it('adds a user once, with a hashed password, and records the act', async () => {
      const accounts = Accounts.of(t.store);
      const user = await accounts.addUser({ name: 'Alice', role: 'analyst', password: PASSWORD }, ADMIN);
      expect(user).toMatchObject({ name: 'alice', role: 'analyst', has_password: true, disabled: false, created_by: 'cli:tester' });
      await expect(accounts.addUser({ name: 'alice', role: 'viewer' }, ADMIN)).rejects.toBeInstanceOf(ConflictError);
      await expect(accounts.addUser({ name: 'bob', role: 'boss' as never }, ADMIN)).rejects.toBeInstanceOf(ValidationError);
      const stored = await rawDb(t.store).selectFrom('users').select('password_hash').where('name', '=', 'alice').executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(stored.password_hash).not.toContain(PASSWORD);
      const { results } = await AuditTrail.of(t.store).list({ action: 'user.add' });
      expect(results[0]).toMatchObject({ actor: 'cli:tester', subject: user.id, detail: { name: 'alice', role: 'analyst' } });
    });

    it('signs in with the right password only, and locks the account after repeated failures', async () => {
      const accounts = Accounts.of(t.store);
      await accounts.addUser({ name: 'carol', role: 'viewer', password: PASSWORD }, ADMIN);
      expect(await accounts.signIn('Carol', PASSWORD)).toMatchObject({ kind: 'user', name: 'carol', role: 'viewer' });
      await expect(accounts.signIn('nobody', PASSWORD)).rejects.toThrow('wrong name or password');
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await expect(accounts.signIn('carol', 'wrong password!!')).rejects.toThrow('wrong name or password');
      // Locked now: even the right password is refused until the lock runs out.
      await expect(accounts.signIn('carol', PASSWORD)).rejects.toThrow(/too many failed sign-ins/);
      const failures = await AuditTrail.of(t.store).list({ action: 'sign-in.failure' });
      expect(failures.total).toBe(LOCK_AFTER_FAILURES + 2);
    });

    it('uses a sign-in link once to set the password', async () => {
      const accounts = Accounts.of(t.store);
      const user = await accounts.addUser({ name: 'dave', role: 'reviewer' }, ADMIN);
      expect(user.has_password).toBe(false);
      const { token } = await accounts.signInToken('dave', ADMIN);
      await expect(accounts.redeemToken(token, 'short')).rejects.toBeInstanceOf(ValidationError);
      expect(await accounts.redeemToken(token, PASSWORD)).toMatchObject({ name: 'dave', role: 'reviewer' });
      await expect(accounts.redeemToken(token, PASSWORD)).rejects.toBeInstanceOf(AuthenticationError);
      expect(await accounts.signIn('dave', PASSWORD)).toMatchObject({ name: 'dave' });
    });

    it('creates API keys shown once and stored hashed; refuses revoked, expired and forged ones', async () => {
      let now = new Date('2026-12-05T10:00:00Z');
      const accounts = new Accounts(rawDb(t.store), (t.store as SqlStore).engine, () => now);
      const { key, secret } = await accounts.createKey({ name: 'bank screening', role: 'viewer', datasets: ['us_ofac_sdn'], expiresAt: '2027-01-01' }, ADMIN);
      expect(secret).toMatch(/^idk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      const stored = await rawDb(t.store).selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(secret.split('_').slice(2).join('_'));
      expect(await accounts.authenticateKey(secret)).toMatchObject({ kind: 'key', id: key.id, role: 'viewer', datasets: ['us_ofac_sdn'] });
      expect((await accounts.listKeys()).find((k) => k.id === key.id)?.last_used_at).toBe('2026-12-05T10:00:00.000Z');
      await expect(accounts.authenticateKey(secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A'))).rejects.toBeInstanceOf(AuthenticationError);
      await expect(accounts.authenticateKey('idk_nothing')).rejects.toBeInstanceOf(AuthenticationError);
      now = new Date('2027-01-02T00:00:00Z');
      await expect(accounts.authenticateKey(secret)).rejects.toThrow('unknown, revoked or expired API key');
      now = new Date('2026-12-06T00:00:00Z');
      await accounts.revokeKey(key.id, ADMIN);
      await expect(accounts.authenticateKey(secret)).rejects.toBeInstanceOf(AuthenticationError);
      await expect(accounts.createKey({ name: 'old', role: 'viewer', expiresAt: '2020-01-01' }, ADMIN)).rejects.toBeInstanceOf(ValidationError);
    });

    it('keeps an intact chain through all of that', async () => {
      const result = await AuditTrail.of(t.store).verify();
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.records).toBeGreaterThan(10);
    });
  });

  describe(`audit verify on ${engine}`, () => {
    const t = freshStoreForBlock(engine);
    const db = () => rawDb(t.store);
    const fill = async () => {
      await db().deleteFrom('audit_log').execute();
      const trail = AuditTrail.of(t.store);
      for (let i = 1; i <= 6; i++) await trail.append({ actor: 'user:alice', action: 'screening', subject: `q${i}`, detail: { query: { name: `Kim ${i}` }, threshold: 0.7 } });
      return trail;
    };

    it('finds nothing wrong in an untouched chain, and hashes content independent of key order', async () => {
      const trail = await fill();
      expect(await trail.verify()).toMatchObject({ ok: true, records: 6, problems: [] });
      expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}');
    });

    it('names a record whose content was altered in the database', async () => {
      const trail = await fill();
      await db().updateTable('audit_log').set({ detail: canonicalJson({ query: { name: 'Kim 3' }, threshold: 0.99 }) }).where('seq', '=', 3).execute();
      const result = await trail.verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ seq: 3, kind: 'altered' })]);
    });

    it('names a removed record', async () => {
      const trail = await fill();
      await db().deleteFrom('audit_log').where('seq', '=', 4).execute();
      const result = await trail.verify();
      expect(result.problems.map((p) => [p.seq, p.kind])).toEqual([
        [5, 'removed'],
        [5, 'broken-link'],
      ]);
      expect(result.problems[0].message).toContain('record 4 is missing');
    });

    it('names records that were moved (two records swapped, renumbered to look in order)', async () => {
      const trail = await fill();
      const rows = await db().selectFrom('audit_log').selectAll().where('seq', 'in', [2, 3]).orderBy('seq').execute();
      await db().deleteFrom('audit_log').where('seq', 'in', [2, 3]).execute();
      await db().insertInto('audit_log').values([{ ...rows[1], seq: 2 }, { ...rows[0], seq: 3 }]).execute();
      const result = await trail.verify();
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 3]));
      expect(result.problems.some((p) => p.kind === 'moved')).toBe(true);
    });

    it('finds records cut off the end against a remembered head, and accepts records added since', async () => {
      const trail = await fill();
      const head = (await trail.head()).hash;
      await trail.append({ actor: 'system', action: 'sync', subject: 'us_ofac_sdn' });
      expect(await trail.verify({ expectHead: head })).toMatchObject({ ok: true });
      const newHead = (await trail.head()).hash;
      await db().deleteFrom('audit_log').where('seq', '>=', 6).execute();
      const result = await trail.verify({ expectHead: newHead });
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ kind: 'truncated' })]);
    });

    it('keeps one chain when writers append at the same time', async () => {
      const trail = await fill();
      const other = AuditTrail.of(t.store);
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? trail : other).append({ actor: 'user:bob', action: 'screening', subject: `c${i}` })));
      const result = await trail.verify();
      expect(result).toMatchObject({ ok: true, records: 26 });
      const count = await sql<{ n: number }>`select count(distinct seq) as n from audit_log`.execute(db());
      expect(Number(count.rows[0].n)).toBe(26);
    });
  });
}
