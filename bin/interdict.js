#!/usr/bin/env node
// Entry point for `npx interdict` and `npm start`: runs the TypeScript CLI through tsx,
// so there is no build step between a clone and a working command.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Building the screening index keeps millions of name objects, which teaches V8 to allocate
// objects from the same code straight into the old generation; queries then leave their
// short-lived objects there too, and garbage collection pauses grow (docs/BENCHMARKS.md).
setFlagsFromString('--no-allocation-site-pretenuring');
register();
await import('../src/cli/main.ts');
