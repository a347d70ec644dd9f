// A fresh store that already holds some imported list files (OFAC's 2021 lists, the UN list with the UK's
// or the case file, …): many files import the same lists before their tests (10 s on SQLite, 20 s on
// PostgreSQL under load, each time). The imports run once per run (and day, while the files and the code
// that reads them are unchanged) into a template; each store is a copy of it: the database file on
// SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. The copy holds exactly what the imports wrote, and
// the outcomes they answered are kept with it.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { importFiles, type ImportOptions, type ImportOutcome } from '../../src/ingest/import.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import { codeFingerprint, withLock } from './bundled-db.ts';
import { PG_URL, storeForBlock, withPgClient, type TestStore } from './engines.ts';

export interface ImportedStore extends TestStore {
  /** What importFiles answered when the template was made (each import's outcomes, in turn). */
  outcomes: ImportOutcome[];
}

type Options = Pick<ImportOptions, 'author' | 'dataset' | 'format'>;

/** One `importFiles(store, files, options)`: a template may be made by several, one after another. */
export interface ImportStep {
  files: string[];
  options?: Options;
}

const ROOT = new URL('../../', import.meta.url).pathname;

const today = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');

/** Names the day, then each import's options and files (by content), and the code that imports them. */
function templateKey(steps: ImportStep[]): string {
  const hash = createHash('sha1').update(codeFingerprint());
  for (const { files, options = {} } of steps) {
    hash.update(JSON.stringify(options));
    for (const f of files) hash.update(`\n${relative(ROOT, f)}\n`).update(readFileSync(f));
  }
  return `${today()}_${hash.digest('hex').slice(0, 16)}`;
}

/** Runs the imports one after another, answering their outcomes. */
async function importAll(store: Store, steps: ImportStep[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const { files, options } of steps) outcomes.push(...(await importFiles(store, files, options)));
  return outcomes;
}

/** A fresh store on `engine` holding what `importFiles(store, files, options)` writes into an empty one. */
export async function importedStore(engine: 'sqlite' | 'postgres', files: string[], options: Options = {}): Promise<ImportedStore> {
  return importedStoreOf(engine, [{ files, options }]);
}

/** A fresh store on `engine` holding what the imports `steps`, one after another, write into an empty one. */
export async function importedStoreOf(engine: 'sqlite' | 'postgres', steps: ImportStep[]): Promise<ImportedStore> {
  return engine === 'sqlite' ? sqliteCopy(steps) : postgresCopy(templateKey(steps), steps);
}

/** importedStore for the tests of one describe block: made before them, disposed after. */
export function importedStoreForBlock(engine: 'sqlite' | 'postgres', files: string[], options: Options = {}): ImportedStore {
  return importedStoreOfForBlock(engine, [{ files, options }]);
}

/** importedStoreOf for the tests of one describe block: made before them, disposed after. */
export function importedStoreOfForBlock(engine: 'sqlite' | 'postgres', steps: ImportStep[]): ImportedStore {
  return storeForBlock(() => importedStoreOf(engine, steps), 300_000);
}

/** The SQLite template for these imports and their outcomes, made once (a lock beside it). */
async function sqliteTemplate(steps: ImportStep[]): Promise<{ template: string; outcomes: ImportOutcome[] }> {
  const template = join(tmpdir(), `interdict-imported-${templateKey(steps)}.db`);
  const answers = `${template}.json`;
  await withLock(`${template}.lock`, async () => {
    if (existsSync(template) && existsSync(answers)) return;
    // Templates of other days go (they hold another day's import times).
    for (const name of readdirSync(tmpdir())) {
      if (/^interdict-imported-\d{8}_\w+\.db(\.json)?$/.test(name) && !name.startsWith(`interdict-imported-${today()}_`)) rmSync(join(tmpdir(), name), { force: true });
    }
    const partial = `${template}.${process.pid}.partial`;
    const store = await openStore({ databaseUrl: null, sqlitePath: partial });
    try {
      writeFileSync(answers, JSON.stringify(await importAll(store, steps)));
    } finally {
      await store.close();
    }
    for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
    renameSync(partial, template);
  });
  return { template, outcomes: JSON.parse(readFileSync(answers, 'utf8')) as ImportOutcome[] };
}

/** Writes at `target` a SQLite database holding what the import of `files` writes into an empty one. */
export async function importedSqliteFile(target: string, files: string[], options: Options = {}): Promise<ImportOutcome[]> {
  const { template, outcomes } = await sqliteTemplate([{ files, options }]);
  copyFileSync(template, target);
  return outcomes;
}

async function sqliteCopy(steps: ImportStep[]): Promise<ImportedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-test-'));
  const sqlitePath = join(dir, 'test.db');
  const { template, outcomes } = await sqliteTemplate(steps);
  copyFileSync(template, sqlitePath);
  const store = await openStore({ databaseUrl: null, sqlitePath });
  return { store, url: null, sqlitePath, outcomes, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const urlOf = (name: string) => {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function postgresCopy(key: string, steps: ImportStep[]): Promise<ImportedStore> {
  const template = `interdict_tpl_${key}`;
  // The template is made under another name and renamed when whole; its comment holds the outcomes.
  const outcomesJson = await withPgClient(async (admin) => {
    // One builder per template across the run's workers (and other runs on the cluster).
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await admin.query<{ outcomes: string | null }>(`select shobj_description(oid, 'pg_database') as outcomes from pg_database where datname = $1`, [template]);
      if (found.rows[0]?.outcomes) return found.rows[0].outcomes;
      // Templates of other days go, unless a copy is being made of one right now (then next time).
      const old = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'interdict\\_tpl\\_%' and datname not like $1`, [`interdict\\_tpl\\_${today()}\\_%`]);
      for (const { datname } of old.rows) await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
      const partial = `${template}_partial`;
      await admin.query(`drop database if exists ${partial}`);
      await admin.query(`create database ${partial}`);
      const store = await openStore({ databaseUrl: urlOf(partial), sqlitePath: join(tmpdir(), `${partial}.unused.db`) });
      let json: string;
      try {
        json = JSON.stringify(await importAll(store, steps));
      } finally {
        await store.close();
      }
      await admin.query(`comment on database ${partial} is ${admin.escapeLiteral(json)}`);
      await admin.query(`drop database if exists ${template}`);
      await admin.query(`alter database ${partial} rename to ${template}`);
      return json;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  const name = `interdict_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withPgClient((admin) => admin.query(`create database ${name} template ${template}`));
  const dir = mkdtempSync(join(tmpdir(), 'interdict-test-'));
  const sqlitePath = join(dir, 'test.db');
  const url = urlOf(name);
  const store = await openStore({ databaseUrl: url, sqlitePath });
  return {
    store,
    url,
    sqlitePath,
    outcomes: JSON.parse(outcomesJson) as ImportOutcome[],
    dispose: async () => {
      await store.close();
      await withPgClient((admin) => admin.query(`drop database if exists ${name}`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
