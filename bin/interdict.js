#!/usr/bin/env node
// Entry point for `npx interdict` and `npm start`: runs the TypeScript CLI through tsx,
// so there is no build step between a clone and a working command.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
