// Starting worker threads that run TypeScript modules of this package.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Workers run from the TypeScript source, so tsx must be active inside them. `execArgv: ['--import',
 * 'tsx']` does not reach a worker's own module loading on Node 20 ("Unknown file extension .ts"),
 * so a small bootstrap registers tsx's ESM hooks in the thread first, then imports the module.
 * Both are absolute URLs: this works whatever the working directory.
 */
export function startWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
