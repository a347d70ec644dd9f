// Mention precision and recall on the labelled set (test/fixtures/documents/labelled-mentions.json),
// against all bundled lists: `npm run eval:mentions`. A found mention is right when its text and its
// link (or its kind and value) are what the set expects; every other linked or valued mention is a
// false positive, except those of kinds the set does not label in that document.
import { readFileSync } from 'node:fs';
import { buildBundledDb } from '../support/bundled-db.ts';
import { openStore } from '../../src/store/open.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { MentionFinder, type FoundMention } from '../../src/documents/mentions.ts';

interface Expected {
  text?: string;
  entity?: string[];
  kind?: string;
  value?: string;
}
interface LabelledDoc {
  id: string;
  lang: string;
  text: string;
  expected: Expected[];
  unlisted: string[];
}

export interface MentionScores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  unlistedLinkedToSanctioned: string[];
  misses: string[];
  falsePositives: string[];
}

export function scoreMentions(docs: LabelledDoc[], found: Map<string, FoundMention[]>): MentionScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const unlistedLinked: string[] = [];
  for (const doc of docs) {
    const mentions = found.get(doc.id) ?? [];
    const used = new Set<FoundMention>();
    for (const e of doc.expected) {
      const hit = mentions.find((m) =>
        !used.has(m) && (e.text ? m.text === e.text && !!m.entityId && e.entity!.includes(m.entityId) : m.kind === e.kind && m.value === e.value),
      );
      if (hit) {
        used.add(hit);
        tp++;
      } else {
        fn++;
        misses.push(`${doc.id}: ${e.text ?? `${e.kind}:${e.value}`}`);
      }
    }
    const labelledKinds = new Set(doc.expected.filter((e) => e.kind).map((e) => e.kind));
    for (const m of mentions) {
      if (used.has(m)) continue;
      const counted = m.entityId ? true : labelledKinds.has(m.kind);
      if (!counted) continue;
      fp++;
      falsePositives.push(`${doc.id}: ${m.kind} "${m.text}" → ${m.entityId ?? m.value}`);
    }
    for (const name of doc.unlisted) {
      const at: number[] = [];
      for (let i = doc.text.indexOf(name); i >= 0; i = doc.text.indexOf(name, i + 1)) at.push(i);
      for (const m of mentions) {
        if (at.some((i) => m.start < i + name.length && i < m.end)) {
          const linked = m.candidates.find((c) => c.id === m.entityId);
          if (linked?.sanctioned) unlistedLinked.push(`${doc.id}: ${name} → ${linked.caption}`);
        }
      }
    }
  }
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), unlistedLinkedToSanctioned: unlistedLinked, misses, falsePositives };
}

export function loadLabelled(): LabelledDoc[] {
  return JSON.parse(readFileSync(new URL('../fixtures/documents/labelled-mentions.json', import.meta.url), 'utf8')).documents;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const store = await openStore({ databaseUrl: null, sqlitePath: await buildBundledDb() });
  const screening = new ScreeningService(store);
  const finder = new MentionFinder(await screening.screener());
  const docs = loadLabelled();
  const found = new Map<string, FoundMention[]>();
  for (const d of docs) found.set(d.id, await finder.find(d.text));
  const s = scoreMentions(docs, found);
  console.log(`mentions: ${docs.length} documents (${[...new Set(docs.map((d) => d.lang))].join(', ')}), ${s.tp + s.fn} expected`);
  console.log(`precision ${s.precision.toFixed(3)} (${s.tp}/${s.tp + s.fp}), recall ${s.recall.toFixed(3)} (${s.tp}/${s.tp + s.fn})`);
  console.log(`people on no list linked to a sanctioned entity: ${s.unlistedLinkedToSanctioned.length}`);
  for (const m of s.misses) console.log(`  missed  ${m}`);
  for (const m of s.falsePositives) console.log(`  extra   ${m}`);
  for (const m of s.unlistedLinkedToSanctioned) console.log(`  WRONG   ${m}`);
  await screening.close();
  await store.close();
}
