// An upload reads its rows as it goes (issue 14: a million-record portfolio in ≤ 2 GB): the first chunk
// is screened before the last row is read, a one-pass source (a file read line by line) is uploaded whole,
// and a reference seen twice late in the source undoes everything written before it. SQLite and PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Monitor, type BatchScreenFn } from '../../src/monitor/monitor.ts';
import { screeningInputRows, type InputRow } from '../../src/screening/batch-input.ts';
import { ENGINES, freshStoreForBlock } from '../support/engines.ts';

const RECORDS = 12_000; // past two of the upload's screening chunks (5,000)
const row = (i: number): InputRow => ({ line: i + 2, id: `R-${i}`, query: { id: `R-${i}`, schema: 'Person', properties: { name: [`Customer ${i}`] } } });
const hitsNothing: BatchScreenFn = async (queries) => ({ results: queries.map(() => []) });
const dir = mkdtempSync(join(tmpdir(), 'interdict-streamed-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of ENGINES) {
  describe(`an upload streamed from its source on ${engine}`, () => {
    const t = freshStoreForBlock(engine);

    it('screens the first chunk before the last row is read, from a source read once', async () => {
      let read = 0;
      let readAtFirstScreening = -1;
      function* source(): Generator<InputRow> {
        for (; read < RECORDS; ) yield row(read++);
      }
      const screen: BatchScreenFn = async (queries) => {
        if (readAtFirstScreening < 0) readAtFirstScreening = read;
        return hitsNothing(queries);
      };
      const report = await Monitor.of(t.store).upload('book', source(), { mode: 'replace', screen, actor: 'test' });
      expect(report).toMatchObject({ added: RECORDS, changed: 0, unchanged: 0, alerts: 0 });
      expect(readAtFirstScreening).toBeGreaterThan(0);
      expect(readAtFirstScreening).toBeLessThan(RECORDS);
      expect((await Monitor.of(t.store).portfolios()).find((p) => p.name === 'book')?.records).toBe(RECORDS);
    });

    it('reads a JSON-lines file row by row, and a reference seen twice undoes the whole upload', async () => {
      const file = join(dir, `${engine}.jsonl`);
      const lines = Array.from({ length: RECORDS }, (_, i) => JSON.stringify({ id: `F-${i}`, schema: 'Person', properties: { name: [`Client ${i}`] } }));
      writeFileSync(file, `${lines.join('\n')}\n`);
      const monitor = Monitor.of(t.store);
      const report = await monitor.upload('file', await screeningInputRows(file), { mode: 'replace', screen: hitsNothing, actor: 'test' });
      expect(report).toMatchObject({ added: RECORDS, alerts: 0 });

      // The same file with its last line repeating the first reference: refused after two chunks were written.
      writeFileSync(file, `${[...lines.map((l) => l.replace('Client', 'Customer')), lines[0]].join('\n')}\n`);
      await expect(monitor.upload('file', await screeningInputRows(file), { mode: 'replace', screen: hitsNothing, actor: 'test' })).rejects.toThrow(/reference "F-0" appears twice \(first on line 1\)/);
      // Nothing of the refused upload was kept: the first file again finds every record as it was.
      writeFileSync(file, `${lines.join('\n')}\n`);
      expect(await monitor.upload('file', await screeningInputRows(file), { mode: 'replace', screen: hitsNothing, actor: 'test' })).toMatchObject({ added: 0, changed: 0, unchanged: RECORDS });
    });
  });
}
