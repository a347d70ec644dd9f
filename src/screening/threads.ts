// Starting worker threads that run modules of this package.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** True when this package runs from dist/ (the build), false under tsx or vitest from src/. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Starts `module` (written as its `.ts` source URL) in a worker thread. The build runs the compiled
 * `.js` file directly. From the sources, tsx must be active inside the thread: `execArgv: ['--import',
 * 'tsx']` does not reach a worker's own module loading on Node 20 ("Unknown file extension .ts"), so a
 * development-only bootstrap registers tsx's ESM hooks in the thread first, then imports the module.
 */
export function startWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (COMPILED) return new Worker(new URL(module.href.replace(/\.ts$/, '.js')), options);
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
