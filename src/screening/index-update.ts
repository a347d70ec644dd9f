// Takes an analyst edit into the screening index without a rebuild: the edited entities leave
// their slots, their new versions enter where a full build would put them (canonical-id order),
// and the postings are merged from the old ones. Every other entity keeps its keys and its prepared
// form, so an edit costs a pass over the postings (tens of milliseconds) instead of reading every
// live statement and computing every name's keys again (seconds), and answers stay the ones a
// full rebuild would give.
import type { FtmEntity } from '../model/entity.ts';
import { CandidateIndex, isScreenable } from './candidate-index.ts';
import type { MatchEngine } from './engine-types.ts';
import { attributeKeys } from './entity-keys.ts';
import { HashIds } from './hash-ids.ts';
import { identifierKeys } from './identifiers.ts';
import { keyHash } from '../names/keys.ts';
import { nextTurn, Slices } from '../model/turns.ts';

/** Byte order of ids, the order the store streams entities in (and so the order of a built index's slots). */
function compareIds(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Where `id` belongs among `entities` (sorted by id): the first slot whose id is not below it. */
function slotFor(entities: FtmEntity[], id: string): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(entities[mid].id, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The distinct key hashes of an entity, as an index build computes them (entity-keys.ts). */
function keyHashesOf(entity: FtmEntity, engine: MatchEngine): Set<number> {
  const out = new Set<number>();
  for (const list of engine.candidateKeyLists(entity)) for (const h of list.hashes) out.add(h);
  for (const key of identifierKeys(entity)) out.add(keyHash(key));
  for (const key of attributeKeys(entity)) out.add(keyHash(key));
  return out;
}

/**
 * A new index: `index` without the entities whose ids are in `replaced`, with `fresh` (their new
 * versions, and new entities) added. The old index is left as it was: queries in flight finish on
 * it, and get the event loop every few milliseconds meanwhile.
 */
export async function updateIndex(index: CandidateIndex, engine: MatchEngine, replaced: ReadonlySet<string>, fresh: FtmEntity[]): Promise<CandidateIndex> {
  const old = index.entities;
  const added = fresh.filter((e) => isScreenable(e.schema)).sort((x, y) => compareIds(x.id, y.id));
  const leaving = new Set([...replaced, ...fresh.map((e) => e.id)]);
  // New slots: old entities kept in their order, each added one where its id belongs.
  const at = added.map((e) => slotFor(old, e.id));
  const slotOf = new Int32Array(old.length).fill(-1);
  const addedSlot = new Int32Array(added.length);
  const entities: FtmEntity[] = [];
  let a = 0;
  for (let s = 0; s <= old.length; s++) {
    for (; a < added.length && at[a] === s; a++) addedSlot[a] = entities.push(added[a]) - 1;
    if (s < old.length && !leaving.has(old[s].id)) slotOf[s] = entities.push(old[s]) - 1;
  }

  // The added entities' keys as key ids; a key the index lacks goes into a copy of its key table
  // (the old index keeps its own).
  const { keyIds: oldKeyIds, offsets: oldOffsets, slots: oldSlots } = index.postings();
  const hashes = added.map((e) => keyHashesOf(e, engine));
  let keyIds = oldKeyIds;
  if (hashes.some((set) => [...set].some((h) => oldKeyIds.get(h) < 0))) {
    const parts = oldKeyIds.parts();
    keyIds = HashIds.fromParts({ hashes: parts.hashes.slice(), ids: parts.ids.slice(), size: parts.size });
  }
  const pairs: number[][] = []; // [key id, new slot]
  hashes.forEach((set, i) => {
    for (const h of set) pairs.push([keyIds.intern(h), addedSlot[i]]);
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  await nextTurn();

  // Postings merged key by key; each key's slots stay ascending (candidate search relies on it).
  const oldKeyCount = oldOffsets.length - 1;
  const keyCount = keyIds.size;
  const slots = new Int32Array(oldSlots.length + pairs.length);
  const offsets = new Int32Array(keyCount + 1);
  let n = 0;
  let p = 0;
  const slices = new Slices();
  for (let k = 0; k < keyCount; k++) {
    if ((k & 0xfff) === 0 && slices.due()) await slices.turn();
    if (k < oldKeyCount) {
      for (let i = oldOffsets[k]; i < oldOffsets[k + 1]; i++) {
        const slot = slotOf[oldSlots[i]];
        if (slot < 0) continue;
        for (; p < pairs.length && pairs[p][0] === k && pairs[p][1] < slot; p++) slots[n++] = pairs[p][1];
        slots[n++] = slot;
      }
    }
    for (; p < pairs.length && pairs[p][0] === k; p++) slots[n++] = pairs[p][1];
    offsets[k + 1] = n;
  }
  await nextTurn();
  const updated = new CandidateIndex(entities, engine, { keyIds, offsets, slots: slots.subarray(0, n) });
  index.carryPrepared(updated, slotOf);
  return updated;
}
