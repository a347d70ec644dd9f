// The seam between screening (index, API, batch) and the matcher (compare.ts, src/names/keys.ts).
// Blocking keys follow the matcher's name kinds: a pair is compared as person names when either
// side is a Person, as vessel names for vessels and aircraft, else as organisation names; each side
// is keyed under every kind it can be compared as, so candidate generation never loses a pair the
// matcher could score above its threshold.
import { kindKeyHashLists, nameKeyHashLists } from '../names/keys.ts';
import { keepingNames } from '../names/memo.ts';
import type { NameKind } from '../names/tokens.ts';
import { namesOf } from './entity-names.ts';
import type { KeyList, MatchEngine, WeightedKeyList } from './engine-types.ts';
import { PreparedPacker, PreparedUnpacker } from './prepared-bytes.ts';
import { compareEntities, DEFAULT_THRESHOLD, prepareCandidate, prepareQuery, type PreparedCandidate } from './compare.ts';
import type { QueryEntity } from './query.ts';

export type { Comparison, CompareOptions, KeyList, MatchEngine, WeightedKeyList } from './engine-types.ts';

/** Name kinds a listed entity of this schema can be compared as. */
function candidateKinds(schema: string): NameKind[] {
  if (schema === 'Person') return ['person'];
  if (schema === 'Vessel' || schema === 'Airplane') return ['vessel'];
  if (schema === 'LegalEntity') return ['person', 'org']; // a LegalEntity may meet a Person query
  return ['org'];
}

/** Name kinds a query of this schema is compared as, over all compatible candidates; the first leads. */
function queryKinds(schema: string): NameKind[] {
  return schema === 'LegalEntity' ? ['org', 'person'] : candidateKinds(schema);
}

const SECONDARY_KIND_WEIGHT = 0.3;


export const matcherEngine: MatchEngine = {
  defaultThreshold: DEFAULT_THRESHOLD,
  // A listed entity's names are kept in the name caches; a query's are not (memo.ts).
  prepare: (entity) => keepingNames(() => prepareCandidate(entity)),
  packer() {
    const packer = new PreparedPacker();
    return { pack: (prepared) => packer.pack(prepared as PreparedCandidate), shared: () => packer.shared() };
  },
  unpacker(shared) {
    const unpacker = new PreparedUnpacker(shared);
    return (bytes, entity) => keepingNames(() => unpacker.unpack(bytes, entity));
  },
  prepareQuery: (query) => prepareQuery(query),
  compare: (query, candidate, options) => compareEntities(query as QueryEntity | PreparedCandidate, candidate as PreparedCandidate, options),
  candidateKeyLists(entity) {
    return keepingNames(() => {
      const lists: KeyList[] = [];
      const names = namesOf(entity);
      for (const kind of candidateKinds(entity.schema)) for (const name of names) lists.push(...kindKeyHashLists(name, kind));
      return lists;
    });
  },
  queryKeyLists(query, names) {
    // A LegalEntity query may name a person or an organisation: its organisation reading leads; the
    // person reading (where legal words such as JSC or CORPORATION become name words) counts less.
    const lists: WeightedKeyList[] = [];
    const [lead, ...others] = queryKinds(query.schema);
    for (const name of names) for (const keys of kindKeyHashLists(name, lead)) lists.push({ keys, factor: 1 });
    for (const kind of others) for (const name of names) for (const keys of kindKeyHashLists(name, kind)) lists.push({ keys, factor: SECONDARY_KIND_WEIGHT });
    return lists;
  },
  textKeyLists: (text) => nameKeyHashLists(text, ['person', 'org', 'vessel']),
};

/** The matcher (kept async so callers do not care how it is loaded). */
export async function loadEngine(): Promise<MatchEngine> {
  return matcherEngine;
}
