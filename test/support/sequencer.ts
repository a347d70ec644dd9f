// Runs the longest test files first. Three files run at a time: a three-minute file started last keeps
// the run going alone long after the others end. Vitest orders by the durations it saw last time, but
// CI starts with no such record (then it goes by file size), so the known long files are named here,
// longest first: the figures of the clean-clone CI of ebdda50 (s, three files at a time), killed-worker
// where its subset puts it (137 s then, ≈ 40–60 s now: docs/BENCHMARKS.md); the rest follow in Vitest's
// own order.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/safety/import-integrity.test.ts', // 60
  'test/resolve/downstream.test.ts', // 48
  'test/monitor/killed-worker.test.ts',
  'test/cli/import.test.ts', // 35
  'test/jobs/runner.test.ts', // 34, most of it waiting on leases
  'test/web/resolve.test.ts', // 32
  'test/resolve/shipped.test.ts', // 32
  'test/resolve/interfaces.test.ts', // 30
  'test/web/monitor.test.ts', // 30
  'test/web/app.test.ts', // 29
  'test/web/workspaces.test.ts', // 27
  'test/resolve/judgements.test.ts', // 25
  'test/live/restart-snapshots.test.ts', // 25
  'test/documents/cli.test.ts', // 22
  'test/web/jobs.test.ts', // 22
  'test/monitor/bulk-screening.test.ts', // 21
  'test/web/access.test.ts', // 20
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
