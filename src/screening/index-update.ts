// Takes an analyst edit into the screening index without a rebuild: the edited entities leave
// their slots, their new versions enter where a full build would put them (canonical-id order),
// and the postings are merged from the old ones. Every other entity keeps its keys and its prepared
// form, so an edit costs a pass over the postings (tens of milliseconds) instead of reading every
// live statement and computing every name's keys again (seconds), and answers stay the ones a
// full rebuild would give.
import type { FtmEntity } from '../model/entity.ts';
import { CandidateIndex, isScreenable } from './candidate-index.ts';
import type { MatchEngine } from './engine-types.ts';
import { EntityKeyer } from './entity-keys.ts';
import { HashIds } from './hash-ids.ts';

/** Byte order of ids, the order the store streams entities in (and so the order of a built index's slots). */
function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * A new index: `index` without the entities whose ids are in `replaced`, with `fresh` (their new
 * versions, and new entities) added. The old index is left as it was: queries in flight finish on it.
 */
export function updateIndex(index: CandidateIndex, engine: MatchEngine, replaced: ReadonlySet<string>, fresh: FtmEntity[]): CandidateIndex {
  const old = index.entities;
  const added = fresh.filter((e) => isScreenable(e.schema)).sort((x, y) => compareIds(x.id, y.id));
  const leaving = new Set([...replaced, ...fresh.map((e) => e.id)]);
  // New slots: old entities kept in their order, each added one where its id belongs.
  const slotOf = new Int32Array(old.length).fill(-1);
  const addedSlot = new Int32Array(added.length);
  const entities: FtmEntity[] = [];
  let a = 0;
  for (let s = 0; s < old.length; s++) {
    for (; a < added.length && compareIds(added[a].id, old[s].id) < 0; a++) addedSlot[a] = entities.push(added[a]) - 1;
    if (!leaving.has(old[s].id)) slotOf[s] = entities.push(old[s]) - 1;
  }
  for (; a < added.length; a++) addedSlot[a] = entities.push(added[a]) - 1;

  // The added entities' keys, as ids of a copy of the old key table (the old index keeps its own).
  const { keyIds: oldKeyIds, offsets: oldOffsets, slots: oldSlots } = index.postings();
  const parts = oldKeyIds.parts();
  const keyIds = HashIds.fromParts({ hashes: parts.hashes.slice(), ids: parts.ids.slice(), size: parts.size });
  const keyer = new EntityKeyer(engine);
  const starts = [0];
  for (let i = 0; i < added.length; i++) {
    keyer.add(added[i], i + 1);
    starts.push(keyer.count);
  }
  const hashOf = keyHashes(keyer.keyIds);
  const addedByKey = new Map<number, number[]>(); // key id -> new slots (ascending: added are in slot order)
  for (let i = 0; i < added.length; i++) {
    for (let j = starts[i]; j < starts[i + 1]; j++) {
      const id = keyIds.intern(hashOf[keyer.ids[j]]);
      const list = addedByKey.get(id);
      if (list) list.push(addedSlot[i]);
      else addedByKey.set(id, [addedSlot[i]]);
    }
  }

  // Postings merged key by key; each key's slots stay ascending (candidate search relies on it).
  const oldKeyCount = oldOffsets.length - 1;
  const keyCount = keyIds.size;
  let total = 0;
  for (const list of addedByKey.values()) total += list.length;
  const slots = new Int32Array(oldSlots.length + total);
  const offsets = new Int32Array(keyCount + 1);
  let n = 0;
  for (let k = 0; k < keyCount; k++) {
    const extra = addedByKey.get(k);
    let e = 0;
    if (k < oldKeyCount) {
      for (let i = oldOffsets[k]; i < oldOffsets[k + 1]; i++) {
        const slot = slotOf[oldSlots[i]];
        if (slot < 0) continue;
        if (extra) while (e < extra.length && extra[e] < slot) slots[n++] = extra[e++];
        slots[n++] = slot;
      }
    }
    if (extra) while (e < extra.length) slots[n++] = extra[e++];
    offsets[k + 1] = n;
  }
  const updated = new CandidateIndex(entities, engine, { keyIds, offsets, slots: slots.subarray(0, n) });
  index.carryPrepared(updated, slotOf);
  return updated;
}

/** Key id -> key hash of a key table. */
function keyHashes(table: HashIds): Uint32Array {
  const { hashes, ids, size } = table.parts();
  const out = new Uint32Array(size);
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) out[ids[i]] = hashes[i];
  return out;
}
