// `interdict ingest FILE…` on a copy of the bundled database: mentions found, the same file twice is
// one document, and a bad file among good ones stops the command before anything is written. The
// screening index the first ingest builds is saved beside the database, and the next reads it back.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { copyOfBundledDb } from '../support/bundled-db.ts';
import { SEED } from './make-files.ts';
import { tempDirForTest } from '../support/temp-dir.ts';

it('ingests documents with their mentions, once per content, and refuses a corrupt file whole', async () => {
  const dir = tempDirForTest('ingest');
  const db = copyOfBundledDb(inject('bundledDb'), join(dir, 'copy.db'));
  const env = { INTERDICT_DB: db };
  // The saved screening indexes by name and inode: a build saved under the same name is a new file.
  const indexes = () => (existsSync(`${db}.cache`) ? readdirSync(`${db}.cache`) : []).filter((n) => /^screening-[0-9a-f]{20}\.v8$/.test(n)).map((n) => [n, statSync(join(`${db}.cache`, n)).ino]);
  const seed = join(dir, 'seed.txt');
  writeFileSync(seed, SEED);
  const broken = join(dir, 'broken.pdf');
  writeFileSync(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog');
  const other = join(dir, 'other.txt');
  writeFileSync(other, 'Ashot Mkrtychev was sanctioned in March 2023.');

  const refused = await runCli(['ingest', other, broken, '--json'], env);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toMatch(/broken\.pdf/);

  const first = await runCli(['ingest', seed, '--json', '--published', '2023-09-05'], env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  const [report] = JSON.parse(first.stdout);
  expect(report).toMatchObject({ created: true, mediaType: 'text/plain', textLayer: 'text' });
  expect(report.mentions).toBeGreaterThan(50);
  const saved = indexes();
  expect(saved).toHaveLength(1);

  const again = await runCli(['ingest', seed, other], env);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/seed\.txt: already there as [0-9a-f]{64}/);
  expect(again.stdout).toMatch(/other\.txt: ingested as [0-9a-f]{64} \(text\/plain, 1 page\(s\), 1 paragraph\(s\), \d+ mention\(s\)\)/);
  expect(indexes(), 'read back, not built again').toEqual(saved);
}, 240_000);
