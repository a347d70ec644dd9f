// Starting worker threads that run modules of this package.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** True when this package runs from dist/ (the build), false under tsx or vitest from src/. */
const COMPILED = import.meta.url.endsWith('.js');

/** The compiled module of a source URL (dist/ mirrors src/). */
const compiledOf = (module: URL) => new URL(module.href.replace(/\/src\/(.*)\.ts$/, '/dist/$1.js'));

/**
 * Starts `module` (written as its `.ts` source URL) in a worker thread. The build runs the compiled
 * `.js` file directly. From the sources, tsx must be active inside the thread: `execArgv: ['--import',
 * 'tsx']` does not reach a worker's own module loading on Node 20 ("Unknown file extension .ts"), so a
 * development-only bootstrap registers tsx's ESM hooks in the thread first, then imports the module.
 * The test suite says INTERDICT_FROM_SOURCE=0 (every process it starts runs dist/, rebuilt when a source
 * is newer): its threads start the compiled module too (a pool of two started and closed: 0.45 CPU-s, not 0.70).
 */
export function startWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (COMPILED) return new Worker(new URL(module.href.replace(/\.ts$/, '.js')), options);
  if (process.env.INTERDICT_FROM_SOURCE === '0' && existsSync(compiledOf(module))) return new Worker(compiledOf(module), options);
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Worker threads a pool gets when not told: one per core, at most eight. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Below this many rows (lines of a file given to `interdict screen`; distinct rows of stdin or gzip,
 * counted once read), starting workers costs more than it saves. Measured (crossover ≈ 26,000 on two
 * cores, docs/BENCHMARKS.md) when each worker built its own index; workers now read the saved one and
 * start sooner, so the crossover is lower, but it has not been measured again.
 */
export const WORKER_MIN_ROWS = 25_000;
