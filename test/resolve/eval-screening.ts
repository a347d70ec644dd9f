// Screening all bundled lists through the resolved reader (xref's shipped machine judgements plus
// the analysts'), with the DPRK and Russian dev queries of test/eval/dprk_russia_dev.csv (names in
// Hangul, Cyrillic and romanizations): is the expected target the top result, a match, carrying its
// OFAC referent; and does any target appear twice in one result list (records vs resolved)?
// Run: node --import tsx test/resolve/eval-screening.ts
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { loadShippedJudgements } from '../../src/resolve/shipped.ts';
import { loadScreenableEntities } from '../../src/screening/service.ts';
import { Screener } from '../../src/screening/screener.ts';
import { matcherEngine } from '../../src/screening/engine.ts';
import { buildBundledDb } from '../support/bundled-db.ts';

const rows = readFileSync(new URL('../eval/dprk_russia_dev.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const dir = mkdtempSync(join(tmpdir(), 'interdict-eval-screen-'));
const sqlitePath = join(dir, 'db.sqlite');
copyFileSync(await buildBundledDb(), sqlitePath);
const store = await openStore({ databaseUrl: null, sqlitePath });
try {
  await loadShippedJudgements(store);
  const resolver = new Resolver(store);
  const resolution = await resolver.resolution();
  const screeners = {
    records: Screener.build(await loadScreenableEntities(store), matcherEngine),
    resolved: Screener.build(await loadScreenableEntities(await resolver.reader()), matcherEngine),
  };
  for (const [label, screener] of Object.entries(screeners)) {
    let positives = 0;
    let right = 0;
    let duplicated = 0;
    const misses: string[] = [];
    for (const [qid, kind, schema, name, birthDate, nationality, imo, expected] of rows) {
      const properties: Record<string, string[]> = { name: [name] };
      if (birthDate) properties.birthDate = [birthDate];
      if (nationality) properties.nationality = [nationality];
      if (imo) properties.imoNumber = [imo];
      const { results } = screener.screen({ id: qid, schema, properties }, { limit: 10, threshold: 0.72 });
      // the same target twice: two results whose records resolve to one canonical id
      const targets = results.map((r) => resolution.canonical(r.entity.id));
      if (new Set(targets).size < targets.length) duplicated++;
      if (kind !== 'pos') continue;
      positives++;
      const top = results[0];
      if (top?.match && top.entity.referents?.includes(`us_ofac_sdn:${expected}`)) right++;
      else misses.push(`${qid} ${name}: top ${top ? `${top.entity.caption} ${top.score}` : 'none'}`);
    }
    console.log(`${label}: expected OFAC target top, a match, with its OFAC referent in ${right}/${positives} (${((100 * right) / positives).toFixed(1)} %); result lists with a target twice: ${duplicated}/${rows.length}`);
    for (const m of misses) console.log(`  miss ${m}`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
