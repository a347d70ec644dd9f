// A directory of a test file's own under the temp dir, removed once its tests have run, so a run
// leaves no folder behind (each file has its own: files running side by side never meet).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const made = (prefix: string) => mkdtempSync(join(tmpdir(), `interdict-${prefix}-`));
const remove = (dir: string) => () => rmSync(dir, { recursive: true, force: true });

/** For the tests of a file or describe block: call it at their top level; removed after them. */
export function tempDirForFile(prefix: string): string {
  const dir = made(prefix);
  afterAll(remove(dir));
  return dir;
}

/** For one test: call it inside the test; removed when the test has finished. */
export function tempDirForTest(prefix: string): string {
  const dir = made(prefix);
  onTestFinished(remove(dir));
  return dir;
}
