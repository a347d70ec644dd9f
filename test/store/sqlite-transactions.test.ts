// A transaction that reads and then writes must wait its turn when another process commits in between,
// not fail at once: `interdict portfolio add` failed with "database is locked" while a server beside it
// checked its lists every few seconds (CI, test/web/jobs.test.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** Another process writes one row; it resolves with its exit code. */
function writeFromAnotherProcess(path: string): { exited: Promise<number | null> } {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('busy_timeout = 10000');
db.prepare("insert into contention (who) values ('other')").run(); db.close();`;
  const child = spawn(process.execPath, ['-e', script, path], { stdio: 'inherit' });
  return { exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe('SQLite transactions', () => {
  it('a transaction that read before another process committed still writes, after waiting for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interdict-tx-'));
    dirs.push(dir);
    const path = join(dir, 'interdict.db');
    const store = (await openStore({ databaseUrl: null, sqlitePath: path })) as SqlStore;
    try {
      await sql`create table contention (who text not null)`.execute(store.db);
      let other: { exited: Promise<number | null> } | undefined;
      await store.db.transaction().execute(async (trx) => {
        await sql`select count(*) from contention`.execute(trx);
        other = writeFromAnotherProcess(path);
        // Give the other process time to commit if nothing holds it back.
        await Promise.race([other.exited, new Promise((r) => setTimeout(r, 1500))]);
        await sql`insert into contention (who) values ('this')`.execute(trx);
      });
      expect(await other!.exited).toBe(0);
      const { rows } = await sql<{ who: string }>`select who from contention order by rowid`.execute(store.db);
      expect(rows.map((r) => r.who)).toEqual(['this', 'other']);
    } finally {
      await store.close();
    }
  });
});
