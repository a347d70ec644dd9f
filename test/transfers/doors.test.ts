// The door rules for transfer analysis (docs/ARCHITECTURE.md): sources parse, transfers analyse.
// src/transfers/ reads only the model and the store's reader interface; the parsers in
// src/sources/transfers/ reach no analysis; date spans live in the model.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every relative import under `dir`, as the repository path it resolves to. */
function importsOf(dir: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const file = join((entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? dir, entry.name); // parentPath from Node 20.12
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)) {
      out.push({ file, target: relative(process.cwd(), resolve(dirname(file), m[1])) });
    }
  }
  return out;
}

const outside = (allowed: string[]) => ({ target }: { target: string }) => !allowed.some((a) => target === a || target.startsWith(`${a}/`));

describe('transfer modules keep the door rules', () => {
  it('src/transfers imports only the model, the store interface and itself', () => {
    expect(importsOf('src/transfers').filter(outside(['src/transfers', 'src/model', 'src/store/types.ts']))).toEqual([]);
  });

  it('src/sources/transfers imports only the model and the sources', () => {
    expect(importsOf('src/sources/transfers').filter(outside(['src/sources', 'src/model']))).toEqual([]);
  });

  it('the rule catches a module that breaks it (the CLI adapter uses both)', () => {
    expect(importsOf('src/cli/commands').filter(outside(['src/sources', 'src/model'])).length).toBeGreaterThan(0);
  });

  it('nothing imports date spans from the graph any more', () => {
    const all = [...importsOf('src'), ...importsOf('test'), ...importsOf('bench')];
    expect(all.filter(({ target }) => target === 'src/graph/dates.ts')).toEqual([]);
  });
});
