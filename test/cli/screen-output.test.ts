// interdict screen writes a JSON line from parts (head, the results' JSON as a worker made it, tail)
// rather than stringifying each record: the bytes must be those of JSON.stringify(record).
import { describe, expect, it } from 'vitest';
import { batchRecord, outputLine } from '../../src/cli/run/screen-batch.ts';
import type { InputRow } from '../../src/screening/batch-input.ts';
import { encodeResults, PooledResult } from '../../src/screening/worker-protocol.ts';
import type { ScreenedJson } from '../../src/screening/screener.ts';

const query = { id: 'q', schema: 'Person', properties: { name: ['x'] } };
const rows: InputRow[] = [
  { line: 2, id: 'r1', query, warnings: [] },
  { line: 3, id: 'a "quoted" id, with \\ and ünïcödé 김정은', query, warnings: ['"1937-4-28" read as 1937-04-28', 'nationality "xx" left out'] },
  { line: 40_000, id: 'line-40000', query },
  { line: 5, id: 'bad', error: 'no usable name' },
];
const results: ScreenedJson[] = [
  { json: '[]', matched: false, band: 'clear' },
  { json: JSON.stringify([{ id: 'e1', caption: 'Ким Чен Ын', score: 0.97, band: 'match' }]), matched: true, band: 'match' },
  { json: JSON.stringify([{ id: 'e2', caption: 'x', score: 0.6, band: 'review' }]), matched: false, band: 'review' },
];
const lists = 'us_ofac_sdn 2023-12-28; un_sc_sanctions 2026-02-27 STALE';

const text = (line: ReturnType<typeof outputLine>) =>
  typeof line === 'string' ? line : line.map((part) => (typeof part === 'string' ? part : new TextDecoder().decode(part))).join('');

describe('interdict screen JSON lines', () => {
  it('are the bytes of JSON.stringify(record), from results as text or as a worker sends them', () => {
    for (const row of rows) {
      for (const r of results) {
        const expected = `${JSON.stringify(batchRecord(row, r, lists))}\n`;
        expect(text(outputLine('jsonl', row, r, lists))).toBe(expected);
        const encoded = encodeResults([r]);
        expect(text(outputLine('jsonl', row, new PooledResult(encoded.bytes, r.matched, r.band), lists))).toBe(expected);
      }
    }
  });
});
