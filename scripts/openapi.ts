// Writes the server's OpenAPI description (the routes' own schemas) to a file, without a database
// or a port: the web build turns it into web/src/api-types.ts with openapi-typescript.
//   node --import tsx scripts/openapi.ts web/openapi.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { openStore } from '../src/store/open.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: scripts/openapi.ts OUTPUT.json');
const config = { ...loadConfig({}), sqlitePath: ':memory:', databaseUrl: null, loadBundled: false };
const store = await openStore(config);
const { app } = await buildApp(config, store, { logger: false });
await app.ready();
const description = (await app.inject('/openapi.json')).json();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(description, null, 2) + '\n');
await app.close();
await store.close();
