// The previous matcher, for `npm run eval` to print beside the current one: the `src/` and
// `test/eval/` of a git revision (default: where this branch left main), unpacked with `git archive`
// into a temporary directory that shares this tree's node_modules and data. Nothing in the
// repository is changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The revision the current branch started from (merge-base with main), or undefined outside git. */
export function previousRevision(): string | undefined {
  try {
    return execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Unpacks `paths` of `rev` into a temporary tree; returns its root and a function that removes it. */
export function unpackRevision(rev: string, paths = ['src', 'test/eval', 'test/screening/helpers']): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'interdict-previous-'));
  const tar = execFileSync('git', ['archive', '--format=tar', rev, ...paths], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', root], { input: tar });
  for (const shared of ['node_modules', 'data', 'package.json']) if (existsSync(join(ROOT, shared))) symlinkSync(join(ROOT, shared), join(root, shared));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
