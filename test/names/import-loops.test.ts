// No import loops in the matcher's rooms (issue 11): keys.ts ↔ tokens.ts and engine.ts →
// candidate-index.ts → entity-keys.ts → engine.ts were loops; type-only imports count too, since a
// loop of types is still two modules that cannot be read apart.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) out.push(resolve(dirname(file), m[1]));
  return out;
}

/** Every cycle found by a depth-first walk, as the list of files on it. */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));
  const found: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 1) found.push(stack.slice(stack.indexOf(t)).map((x) => x.slice(SRC.length)));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('import loops', () => {
  it('src/names and src/screening have none', () => {
    const files = [...filesUnder(join(SRC, 'names')), ...filesUnder(join(SRC, 'screening'))];
    expect(cycles(files)).toEqual([]);
  });
});
