#!/usr/bin/env node
// Entry point for `npx interdict` and `npm start`: runs the compiled CLI in dist/ (built by
// `npm install` through `prepare`, or `npm run build`). INTERDICT_FROM_SOURCE=1 runs the TypeScript
// sources through tsx instead (a development dependency). The test suite rebuilds dist/ when a source
// is newer (test/support/compiled.ts), so tests never run a stale build.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// Building the screening index keeps millions of name objects, which teaches V8 to allocate
// objects from the same code straight into the old generation; queries then leave their
// short-lived objects there too, and garbage collection pauses grow (docs/BENCHMARKS.md).
setFlagsFromString('--no-allocation-site-pretenuring');
// A heap grows to at most 1.5 times what it kept after a full collection (every thread's: the flag is
// the process's). V8's own factor, up to 4 on a machine with memory, grows with the speed of allocation:
// a quiet machine's upload of 1,000,000 records kept ≈ 200 MB on the main thread and let its heap reach
// 805 MB (docs/BENCHMARKS.md, monitoring). Not for `screen`: a batch that writes its results as they
// come needs no such bound, and the more frequent collections cost it ≈ 5 % of its CPU (bench/screen-cli.ts).
if (process.argv.slice(2).find((arg) => !arg.startsWith('-')) !== 'screen') setFlagsFromString('--heap-growing-percent=50');

if (process.env.INTERDICT_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const compiled = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(compiled)) {
    process.stderr.write('interdict is not built: run `npm run build` (or set INTERDICT_FROM_SOURCE=1 to run the sources through tsx)\n');
    process.exit(1);
  }
  await import(compiled.href);
}
