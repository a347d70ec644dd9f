// The labelled mention set as a floor: what the eval prints, held so it cannot fall unseen.
import { inject, it, expect } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { MentionFinder, type FoundMention } from '../../src/documents/mentions.ts';
import { loadLabelled, scoreMentions } from './eval-mentions.ts';

it('finds the labelled mentions in six languages, and links nobody on no list to a sanctioned entity', async () => {
  const store = await openStore({ databaseUrl: null, sqlitePath: inject('bundledDb') });
  const screening = new ScreeningService(store);
  try {
    const finder = new MentionFinder(await screening.screener());
    const docs = loadLabelled();
    const found = new Map<string, FoundMention[]>();
    for (const d of docs) found.set(d.id, await finder.find(d.text));
    const s = scoreMentions(docs, found);
    expect(s.unlistedLinkedToSanctioned).toEqual([]);
    expect(s.precision, s.falsePositives.join('; ')).toBeGreaterThanOrEqual(0.95);
    expect(s.recall, s.misses.join('; ')).toBeGreaterThanOrEqual(0.9);
  } finally {
    await screening.close();
    await store.close();
  }
});
