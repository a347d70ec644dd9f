// A deliberately plain stand-in matcher for testing the screening plumbing (index, swap, API
// shapes, validation) independently of the real matcher: exact lower-case tokens and Jaccard overlap.
import type { MatchEngine } from '../../../src/screening/engine.ts';
import { namesOf } from '../../../src/screening/candidate-index.ts';
import { hashKeys } from '../../../src/names/keys.ts';
import type { FtmEntity } from '../../../src/model/entity.ts';
import type { QueryEntity } from '../../../src/screening/query.ts';

const tokens = (name: string) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export const tokenEngine: MatchEngine = {
  defaultThreshold: 0.7,
  candidateKeyLists: (entity) => namesOf(entity).map((n) => hashKeys(tokens(n))),
  queryKeyLists: (_query, names) => names.map((n) => ({ keys: hashKeys(tokens(n)), factor: 1 })),
  textKeyLists: (text) => [hashKeys(tokens(text))],
  prepare: (entity: FtmEntity) => namesOf(entity).map((n) => new Set(tokens(n))),
  prepareQuery: (query) => query,
  compare(query, candidate) {
    const listed = candidate as Set<string>[];
    let best = 0;
    let pair = '';
    for (const q of namesOf(query as QueryEntity)) {
      const qt = new Set(tokens(q));
      for (const l of listed) {
        const shared = [...qt].filter((t) => l.has(t)).length;
        const score = shared / new Set([...qt, ...l]).size;
        if (score > best) [best, pair] = [score, `${q} ~ ${[...l].join(' ')}`];
      }
    }
    return { score: best, match: best >= 0.7, explanations: [{ feature: 'name.tokens', weight: best, detail: pair }], features: { token_jaccard: best } };
  },
};
