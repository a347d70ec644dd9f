// Cuts the OFAC SDN subset fixtures (test/fixtures/ofac_sdn/subset/): the entries of the DPRK and
// Zimbabwe programmes in either of two real versions (2021-07-07, 2023-12-28), with their address,
// alias and remark rows. Each kept line is the publisher's byte for byte (Windows-1252, CRLF), in the
// publisher's order, and each file keeps its end-of-file mark (Ctrl-Z). A real change between two
// versions (additions, removals, changed entries) at a twentieth of the size: tests that need *a*
// change import it in a fraction of the time. Run from the project root:
//   node --import tsx scripts/cut-ofac-subset.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

const ROOT = new URL('../', import.meta.url).pathname;
const VERSIONS = {
  '2021-07-07': { dir: 'test/fixtures/ofac_sdn/2021-07-07', files: ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'] },
  '2023-12-28': { dir: 'data/us_ofac_sdn/2023-12-28', files: ['sdn.csv.gz', 'add.csv.gz', 'alt.csv.gz'] },
};
const OUT = join(ROOT, 'test/fixtures/ofac_sdn/subset');
const END = '\r\n\x1a';

const read = (path: string) => {
  const bytes = readFileSync(join(ROOT, path));
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1');
};
/** The record lines of a legacy CSV file (one record a line; the end mark dropped). */
const lines = (text: string) => text.replace(/\r\n\x1a?$/, '').split('\r\n');
const entNum = (line: string) => line.slice(0, line.indexOf(','));

/** The programmes of an sdn.csv line: its fourth field, e.g. "NPWMD] [IFSR". */
const programmes = (line: string) => (parse(line, { relax_quotes: true }) as string[][])[0][3].split(/\]\s*\[/).map((p) => p.trim());
const chosen = (line: string) => programmes(line).some((p) => p.startsWith('DPRK') || p === 'ZIMBABWE');

const ids = new Set<string>();
for (const { dir } of Object.values(VERSIONS)) {
  for (const line of lines(read(join(dir, 'sdn.csv' + (dir.startsWith('data') ? '.gz' : ''))))) if (chosen(line)) ids.add(entNum(line));
}
for (const [date, { dir, files }] of Object.entries(VERSIONS)) {
  mkdirSync(join(OUT, date), { recursive: true });
  for (const file of files) {
    const text = read(join(dir, file));
    const kept = lines(text).filter((line) => ids.has(entNum(line)));
    const end = text.endsWith(END) ? END : '\r\n';
    writeFileSync(join(OUT, date, file.replace(/\.gz$/, '')), Buffer.from(kept.join('\r\n') + end, 'latin1'));
    process.stdout.write(`${date}/${file}: ${kept.length} of ${lines(text).length} lines\n`);
  }
}
