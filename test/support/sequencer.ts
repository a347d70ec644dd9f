// Runs the longest test files first. Three files run at a time: a three-minute file started last keeps
// the run going alone long after the others end. Vitest orders by the durations it saw last time, but
// CI starts with no such record (then it goes by file size), so the known long files are named here,
// longest first (the figures of a CI run; those that now import the OFAC subset, short since, left
// out); the rest follow in Vitest's own order.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/monitor/killed-worker.test.ts',
  'test/resolve/downstream.test.ts',
  'test/web/monitor.test.ts',
  'test/monitor/portfolio.test.ts',
  'test/safety/import-integrity.test.ts',
  'test/resolve/interfaces.test.ts',
  'test/resolve/shipped.test.ts',
  'test/web/app.test.ts',
  'test/live/restart-snapshots.test.ts',
  'test/screening/batch.test.ts',
  'test/monitor/webhooks.test.ts',
  'test/cli/import.test.ts',
  // Long in a run under load (2026-12-06, load average 20–30), after those above.
  'test/monitor/bulk-screening.test.ts',
  'test/documents/seed-formats.test.ts',
  'test/resolve/resolved-reads.test.ts',
  'test/documents/cli.test.ts',
  'test/cli/paths-by-name.test.ts',
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the files not named keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
