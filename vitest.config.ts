import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

/**
 * The fast tier (`npm run test:unit`, ≤ 20 s): parsers, names and the matcher's pure parts, with no
 * database, server, browser or child process. `npm test` runs it and the integration tier.
 */
const UNIT = [
  'test/model/**/*.test.ts',
  'test/names/**/*.test.ts',
  'test/sources/**/*.test.ts',
  'test/screening/query.test.ts',
  'test/screening/compare.test.ts',
  'test/screening/query-keys.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll's default of 1 s is shorter than a page's re-fetch after a server action on a slow
    // machine (web/resolve's split failed so on one clean-clone CI, passed on two before it).
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Vitest's default on two cores is one worker (cores − 1): files ran one at a time. Most integration
    // files spend much of their time waiting on a child process (CLI, server, Chromium), so three
    // overlap well on two cores. VITEST_MAX_WORKERS=N overrides it (`--maxWorkers` does not reach
    // the projects, which inherit this value).
    maxWorkers: 3,
    // The long files first, so none starts last and runs on alone (test/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // CLI and server tests start bin/interdict.js in child processes: they run dist/, which the global
    // setup rebuilds when a source is newer (test/support/compiled.ts), not the sources through tsx.
    // Servers started by tests log warnings and errors only.
    env: { INTERDICT_FROM_SOURCE: '0', INTERDICT_LOG_LEVEL: 'warn' },
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      // Pure functions with no process state: one module graph per worker, not one per file.
      { extends: true, test: { name: 'unit', include: UNIT, isolate: false } },
      // Integration files run one after another in the same worker without a fresh module graph each
      // (isolate: false): the imports, and the matcher's code compiled by V8, are paid once per worker,
      // not per file (test/access and test/web, the last to join: 163.8 → 150.4 CPU-s). So a file must
      // leave no process state behind (an environment variable set is restored; every store, server,
      // browser and watcher closed) and pass with `npx vitest run <dir> --no-isolate`.
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: UNIT, isolate: false, globalSetup: ['./test/support/global-setup.ts'] } },
    ],
  },
});
