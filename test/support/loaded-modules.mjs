// `node --import ./test/support/loaded-modules.mjs …`: appends the URL of every module the process loads
// to the file INTERDICT_LOADED_LOG names, one a line (the loader's hooks run in a thread of their own).
import { register } from 'node:module';

register(new URL('./loaded-modules-hooks.mjs', import.meta.url), { data: { log: process.env.INTERDICT_LOADED_LOG } });
