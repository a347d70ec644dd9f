// Runs the longest test files first. Three files run at a time: a three-minute file started last keeps
// the run going alone long after the others end. Vitest orders by the durations it saw last time, but
// CI starts with no such record (then it goes by file size), so the known long files are named here,
// longest first: the figures of the last clean-clone CI before session 11 (s, three files at a time;
// issue 11), the runner's halved since its engines run side by side, portfolio's gone to the subset;
// the rest follow in Vitest's own order.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/monitor/delta-sift.test.ts', // 60
  'test/safety/import-integrity.test.ts', // 54
  'test/resolve/downstream.test.ts', // 50
  'test/monitor/killed-worker.test.ts', // 39
  'test/web/app.test.ts', // 33
  'test/monitor/bulk-screening.test.ts', // 30
  'test/web/monitor.test.ts', // 29
  'test/cli/import.test.ts', // 29
  'test/live/restart-snapshots.test.ts', // 28
  'test/resolve/judgements.test.ts', // 27
  'test/web/workspaces.test.ts', // 25
  'test/web/resolve.test.ts', // 23
  'test/resolve/shipped.test.ts', // 23
  'test/screening/batch.test.ts', // 21
  'test/web/access.test.ts', // 21
  'test/resolve/interfaces.test.ts', // 21
  'test/graph/judgement-update.test.ts', // 20
  'test/documents/cli.test.ts', // 20
  'test/screening/prepared-saved.test.ts', // new in session 11: about 20 on a quiet machine
  'test/jobs/runner.test.ts', // 35 then, about half now
  'test/web/jobs.test.ts', // 22 in an older run
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
