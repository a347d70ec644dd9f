// The in-memory candidate index: blocking keys of every name and normalized identifiers of every
// screenable entity → entity slots. Candidate generation ranks entities by the rarity-weighted keys
// they share with the query, rare keys first, so common tokens (KIM, TRADING, COMPANY) cannot
// crowd out the right answer and cost little.
import type { FtmEntity } from '../model/entity.ts';
import { MATCHABLE_SCHEMATA, model } from '../model/ftm.ts';
import type { KeyList, MatchEngine, WeightedKeyList } from './engine-types.ts';
import { namesOf } from './entity-names.ts';
import { hashKeys, KeyFamily } from '../names/keys.ts';
import { targetHash } from './id-sets.ts';
import { ATTRIBUTE_WEIGHT, attributeKeys, EntityKeyer, grown } from './entity-keys.ts';
import type { HashIds } from './hash-ids.ts';
import { identifierKeys, normalizeIdentifier } from './identifiers.ts';
import type { QueryEntity } from './query.ts';
import { Slices } from '../model/turns.ts';

/** Keys found in more entities than this add no new candidates once enough are found; they only rank. */
const COMMON_KEY_POSTINGS = 256;
/** An identifier hit outweighs any number of shared name keys. */
const IDENTIFIER_WEIGHT = 1000;

/**
 * How much a shared key of each family says (times its rarity). The matcher's key families
 * (src/names/keys.ts): `k:` a token's phonetic key, `c:` a spelling-variant class, `s:` a consonant
 * skeleton (loose), `d:`/`t:` deletion neighbourhoods of a token's key and text (typo tolerance,
 * counted once per token, see units()). Unknown families count as typo-level evidence.
 */
const FAMILY_WEIGHTS: number[] = [];
FAMILY_WEIGHTS[KeyFamily.Other] = 1;
FAMILY_WEIGHTS[KeyFamily.Phonetic] = 1;
FAMILY_WEIGHTS[KeyFamily.Variant] = 0.8;
FAMILY_WEIGHTS[KeyFamily.Skeleton] = 0.3;
FAMILY_WEIGHTS[KeyFamily.Arabic] = 0.5;
FAMILY_WEIGHTS[KeyFamily.TextDeletion] = 0.5;
FAMILY_WEIGHTS[KeyFamily.KeyDeletion] = 0.5;
FAMILY_WEIGHTS[KeyFamily.Identifier] = IDENTIFIER_WEIGHT;
FAMILY_WEIGHTS[KeyFamily.Attribute] = ATTRIBUTE_WEIGHT;

/**
 * A key's unit within its list: its own (-1), the list's `t:` (0) or `d:` (1) deletion
 * neighbourhood, or its own unit that only ranks candidates other keys found (2: a birth year).
 */
function unitOf(family: number): number {
  return family === KeyFamily.TextDeletion ? 0 : family === KeyFamily.KeyDeletion ? 1 : family === KeyFamily.Attribute ? 2 : -1;
}

/** The posting size given to a unit that only ranks: it applies last, as a common key does. */
const RANK_ONLY = 0x3fffffff;

/**
 * Prepared forms as bytes (MatchEngine.packer): slot `slots[k]`'s are `bytes[ends[k - 1] ?? 0, ends[k])`,
 * packed with the others of table `tableOf[k]`, whose shared part is `tables[tableOf[k]]`.
 */
export interface PackedPrepared {
  slots: Int32Array;
  ends: Uint32Array;
  tableOf: Uint8Array;
  tables: Uint8Array[];
  bytes: Uint8Array;
}

const rangeOf = (p: PackedPrepared, k: number) => p.bytes.subarray(k === 0 ? 0 : p.ends[k - 1], p.ends[k]);

/** Several workers' packed forms as one (each packed slots the others had not). */
export function mergePacked(all: PackedPrepared[]): PackedPrepared {
  const entries: { slot: number; table: number; bytes: Uint8Array }[] = [];
  let tables = 0;
  for (const p of all) {
    p.slots.forEach((slot, k) => entries.push({ slot, table: tables + p.tableOf[k], bytes: rangeOf(p, k) }));
    tables += p.tables.length;
  }
  entries.sort((a, b) => a.slot - b.slot);
  return { slots: Int32Array.from(entries, (e) => e.slot), tableOf: Uint8Array.from(entries, (e) => e.table), tables: all.flatMap((p) => p.tables), ...joined(entries.map((e) => e.bytes)) };
}

/** Parts laid end to end, and where each ends. */
function joined(parts: Uint8Array[]): { ends: Uint32Array; bytes: Uint8Array } {
  const ends = new Uint32Array(parts.length);
  let length = 0;
  parts.forEach((part, k) => (ends[k] = length += part.length));
  const bytes = new Uint8Array(length);
  parts.forEach((part, k) => bytes.set(part, k === 0 ? 0 : ends[k - 1]));
  return { ends, bytes };
}

/** A key list resolved against one index: key ids (-1: not in the index), base weights and units. */
interface ResolvedList {
  ids: Int32Array;
  weights: Float32Array;
  units: Int8Array;
}

/** A unit of evidence: posting ranges `slots[start..end)` with their weights, counted once per slot. */
class QueryUnits {
  unitCount = 0;
  /** Per unit: its first entry, its largest posting, and the units in the order they apply. */
  unitHead = new Int32Array(64);
  unitSize = new Int32Array(64);
  order = new Int32Array(64);
  /** Per entry (a key of the query): its posting range, weight and the next entry of its unit. */
  start = new Int32Array(256);
  end = new Int32Array(256);
  weight = new Float64Array(256);
  next = new Int32Array(256);

  ensureUnits(n: number): void {
    if (n <= this.unitHead.length) return;
    this.unitHead = grown(this.unitHead);
    this.unitSize = grown(this.unitSize);
    this.order = grown(this.order);
  }

  ensureEntries(n: number): void {
    if (n <= this.start.length) return;
    this.start = grown(this.start);
    this.end = grown(this.end);
    this.weight = grown(this.weight);
    this.next = grown(this.next);
  }
}


/** Blocking keys of a query, as lists (identifier keys `id:...` weigh IDENTIFIER_WEIGHT). */
export type QueryKeys = WeightedKeyList[];

export interface Scope {
  /** Allowed dataset ids (by index into `datasets`), or null for all. */
  datasets: Uint8Array | null;
  /** The same as a mask over slots (1: in scope), made once per set of datasets: one lookup per candidate. */
  slots?: Uint8Array | null;
  /** Allowed schema ids (compatible with the query's schema), or null for all. */
  schemata: Uint8Array | null;
}

export interface Hit {
  slot: number;
  weight: number;
}

const MATCHABLE = [...MATCHABLE_SCHEMATA] as string[];

const screenable = new Map<string, boolean>();
/** True for the schemata the index holds: the matchable ones and their descendants (PublicBody). */
export function isScreenable(schema: string): boolean {
  let ok = screenable.get(schema);
  if (ok === undefined) {
    const s = model.schemata[schema];
    screenable.set(schema, (ok = s !== undefined && MATCHABLE.some((m) => s.isA(m))));
  }
  return ok;
}

const compatCache = new Map<string, boolean>();
/** Person meets Person; Company meets Organization and LegalEntity; LegalEntity meets all persons and bodies. */
export function schemataCompatible(query: string, candidate: string): boolean {
  const key = `${query}\u0000${candidate}`;
  let ok = compatCache.get(key);
  if (ok === undefined) {
    const q = model.schemata[query];
    const c = model.schemata[candidate];
    ok = q !== undefined && c !== undefined && (c.isA(query) || q.isA(candidate));
    compatCache.set(key, ok);
  }
  return ok;
}

export { namesOf } from './entity-names.ts';

export class CandidateIndex {
  readonly entities: FtmEntity[];
  private readonly prepared: unknown[];
  /** Prepared forms an earlier run packed (read on first use instead of preparing), and each slot's place in them (-1: none). */
  private readonly packed?: PackedPrepared;
  private readonly packedAt?: Int32Array;
  private readonly unpackers: ((bytes: Uint8Array, entity: FtmEntity) => unknown)[] = [];
  private readonly engine: MatchEngine;
  readonly datasets: string[];
  private readonly schemaNames: string[];
  private readonly slotSchema: Uint16Array;
  private readonly slotDatasets: Uint16Array[];
  /** Postings in compressed-row form: key → key id; the slots of key id k are slots[offsets[k]..offsets[k+1]). */
  private readonly keyIds: HashIds;
  private readonly offsets: Int32Array;
  private readonly slots: Int32Array;
  private readonly weights: Float32Array; // scratch accumulator, one per slot
  private readonly seen: Int32Array; // scratch: the last key unit that counted for a slot
  private readonly touched: Int32Array; // scratch: the slots a query reached
  private readonly floorScratch: Float32Array;
  private readonly queryUnits = new QueryUnits();
  private stamp = 0;
  /** Scratch: the last query that used a key (a key counts once per query). */
  private readonly keyStamp: Int32Array;
  private keyStampCounter = 0;
  private readonly resolved = new WeakMap<KeyList, ResolvedList>();
  private readonly schemaScopes = new Map<string, Uint8Array>();
  readonly keyCount: number;

  constructor(entities: FtmEntity[], engine: MatchEngine, postings: { keyIds: HashIds; offsets: Int32Array; slots: Int32Array }, packed?: PackedPrepared) {
    this.entities = entities;
    this.engine = engine;
    this.prepared = new Array(entities.length);
    if (packed && engine.unpacker) {
      this.packed = packed;
      this.unpackers = new Array(packed.tables.length);
      this.packedAt = new Int32Array(entities.length).fill(-1);
      packed.slots.forEach((slot, k) => slot < entities.length && (this.packedAt![slot] = k));
    }
    this.keyIds = postings.keyIds;
    this.offsets = postings.offsets;
    this.slots = postings.slots;
    this.keyCount = postings.keyIds.size;
    this.keyStamp = new Int32Array(this.keyCount);
    this.weights = new Float32Array(entities.length);
    this.seen = new Int32Array(entities.length);
    this.touched = new Int32Array(entities.length);
    this.floorScratch = new Float32Array(entities.length);
    const datasetIds = new Map<string, number>();
    const schemaIds = new Map<string, number>();
    this.slotSchema = new Uint16Array(entities.length);
    this.slotDatasets = entities.map((e, slot) => {
      let sid = schemaIds.get(e.schema);
      if (sid === undefined) schemaIds.set(e.schema, (sid = schemaIds.size));
      this.slotSchema[slot] = sid;
      return Uint16Array.from((e.datasets ?? []).map((d) => {
        let id = datasetIds.get(d);
        if (id === undefined) datasetIds.set(d, (id = datasetIds.size));
        return id;
      }));
    });
    this.datasets = [...datasetIds.keys()];
    this.schemaNames = [...schemaIds.keys()];
  }

  /**
   * Builds the index from screenable entities (others are skipped). Only blocking keys are computed
   * here; the matcher's per-entity preparation happens on first use (or in the background, see
   * `prepareSome`), so a rebuild is ready sooner.
   */
  static build(all: Iterable<FtmEntity>, engine: MatchEngine): CandidateIndex {
    const builder = new IndexBuilder(engine);
    for (const entity of all) builder.add(entity);
    return builder.finish();
  }

  /** The same, yielding to the event loop every few milliseconds so a server keeps answering. */
  static async buildAsync(all: FtmEntity[], engine: MatchEngine): Promise<CandidateIndex> {
    const builder = new IndexBuilder(engine);
    const slices = new Slices();
    for (const entity of all) {
      builder.add(entity);
      if (slices.due()) await slices.turn();
    }
    return builder.finish();
  }

  /** The postings as built, to be saved for the next start (screening/index-snapshot.ts). */
  postings(): { keyIds: HashIds; offsets: Int32Array; slots: Int32Array } {
    return { keyIds: this.keyIds, offsets: this.offsets, slots: this.slots };
  }

  /** The matcher's prepared form of an entity, made (or read from what a run before packed) on first use. */
  preparedAt(slot: number): unknown {
    return (this.prepared[slot] ??= this.unpackedAt(slot) ?? this.engine.prepare(this.entities[slot]));
  }

  private unpackedAt(slot: number): unknown {
    const k = this.packedAt?.[slot] ?? -1;
    if (k < 0) return undefined;
    const table = this.packed!.tableOf[k];
    const unpack = (this.unpackers[table] ??= this.engine.unpacker!(this.packed!.tables[table]));
    return unpack(rangeOf(this.packed!, k), this.entities[slot]);
  }

  /** Whether prepared forms packed by an earlier run came with the index. */
  get hasPacked(): boolean {
    return this.packed !== undefined;
  }

  /** The prepared forms made so far, but those of the slots in `except`, packed for the next run (see prepared-bytes.ts). */
  packPrepared(except?: Int32Array): PackedPrepared {
    const packing = this.packingPrepared(except);
    packing.step(Infinity);
    return packing.packed();
  }

  /** packPrepared a slice at a time (`step(count)` packs up to `count` more slots: false when all are), for a thread that must keep answering. */
  packingPrepared(except?: Int32Array): { step(count: number): boolean; packed(): PackedPrepared } {
    const skip = new Uint8Array(this.entities.length);
    for (const slot of except ?? []) skip[slot] = 1;
    const slots: number[] = [];
    const parts: Uint8Array[] = [];
    const packer = this.engine.packer?.();
    let next = packer ? 0 : this.prepared.length;
    return {
      step: (count) => {
        for (; count > 0 && next < this.prepared.length; next++) {
          if (this.prepared[next] === undefined || skip[next]) continue;
          slots.push(next);
          parts.push(packer!.pack(this.prepared[next]));
          count--;
        }
        return next < this.prepared.length;
      },
      packed: () => ({ slots: Int32Array.from(slots), tableOf: new Uint8Array(slots.length), tables: packer ? [packer.shared()] : [], ...joined(parts) }),
    };
  }

  /** Prepares up to `count` entities not prepared yet; returns false when all are. */
  prepareSome(count: number): boolean {
    while (count > 0 && this.nextToPrepare < this.entities.length) {
      this.preparedAt(this.nextToPrepare++);
      count--;
    }
    return this.nextToPrepare < this.entities.length;
  }
  private nextToPrepare = 0;

  /** Hands the prepared forms to an index of mostly the same entities (index-update.ts): `slotOf[slot]` is the new slot, or -1. */
  carryPrepared(to: CandidateIndex, slotOf: Int32Array): void {
    for (let slot = 0; slot < slotOf.length; slot++) if (slotOf[slot] >= 0 && this.prepared[slot] !== undefined) to.prepared[slotOf[slot]] = this.prepared[slot];
  }

  get size(): number {
    return this.entities.length;
  }

  /**
   * A slot's target as a hash of its id (targetHash): the same in every build of the index, unlike its
   * slot, so a record can keep which targets it was scored against (Screener's `considered`). Two ids
   * sharing a hash can only make a delta skip a target also new to the record's candidates that would
   * score: about one in 4·10⁹ of those few.
   */
  idHashOf(slot: number): number {
    this.idHashes ??= Uint32Array.from(this.entities, (e) => targetHash(e.id));
    return this.idHashes[slot];
  }
  private idHashes?: Uint32Array;

  /** A mask of the slots of these entities (by id) in shared memory (ScreenOptions.within: worker threads read it in place). */
  slotsOf(ids: Set<string>): Uint8Array {
    const mask = new Uint8Array(new SharedArrayBuffer(this.entities.length));
    this.entities.forEach((e, slot) => ids.has(e.id) && (mask[slot] = 1));
    return mask;
  }

  /** A scope limited to some datasets (unknown names match nothing) and a query schema. */
  scope(datasets: string[] | null, schema: string | null): Scope {
    let allowedDatasets: Uint8Array | null = null;
    if (datasets) {
      allowedDatasets = new Uint8Array(this.datasets.length);
      for (const d of datasets) {
        const i = this.datasets.indexOf(d);
        if (i >= 0) allowedDatasets[i] = 1;
      }
    }
    let allowedSchemata: Uint8Array | null = null;
    if (schema) {
      allowedSchemata = this.schemaScopes.get(schema) ?? null;
      if (!allowedSchemata) {
        allowedSchemata = Uint8Array.from(this.schemaNames, (c) => (schemataCompatible(schema, c) ? 1 : 0));
        this.schemaScopes.set(schema, allowedSchemata);
      }
    }
    return { datasets: allowedDatasets, schemata: allowedSchemata, slots: datasets ? this.slotMask(datasets, allowedDatasets!) : null };
  }

  private readonly slotMasks = new Map<string, Uint8Array>();
  private slotMask(datasets: string[], allowed: Uint8Array): Uint8Array {
    const key = [...datasets].sort().join('\u0000');
    let mask = this.slotMasks.get(key);
    if (!mask) {
      mask = new Uint8Array(this.slotDatasets.length);
      for (let slot = 0; slot < mask.length; slot++) {
        const ids = this.slotDatasets[slot];
        for (let i = 0; i < ids.length; i++) if (allowed[ids[i]]) mask[slot] = 1;
      }
      if (this.slotMasks.size > 64) this.slotMasks.clear(); // a few scopes are in use at a time
      this.slotMasks.set(key, mask);
    }
    return mask;
  }

  inScope(slot: number, scope: Scope): boolean {
    if (scope.schemata && !scope.schemata[this.slotSchema[slot]]) return false;
    if (scope.slots) return scope.slots[slot] === 1;
    if (scope.datasets) {
      const ids = this.slotDatasets[slot];
      let any = false;
      for (let i = 0; i < ids.length; i++) if (scope.datasets[ids[i]]) any = true;
      if (!any) return false;
    }
    return true;
  }

  /** Blocking keys of a query: its names' keys and its identifiers. */
  queryKeys(query: QueryEntity, engine: MatchEngine): QueryKeys {
    const lists = this.nameKeys(query, engine).slice();
    const ids = identifierKeys(query);
    if (ids.length) lists.push({ keys: hashKeys(ids), factor: 1 });
    const years = attributeKeys(query);
    if (years.length && lists.length) lists.push({ keys: hashKeys(years), factor: 1 });
    return lists;
  }

  /**
   * The keys of a query's names: the last query's when it has the same schema and names. A batch in
   * name order meets one name with other birth dates, countries or identifiers side by side (as
   * prepareQuery does, compare.ts). A query's name keys were ≈ 21 % of a screening thread's time in a
   * delta re-screen (a profile). In 50,000-record windows a third of the delta's queries took them from
   * the query before (counted at 100,000 records); in name order across the bench's 1,000,000, 72 % follow
   * one with the same names (monitor/sift.ts).
   */
  private nameKeys(query: QueryEntity, engine: MatchEngine): readonly WeightedKeyList[] {
    const names = namesOf(query);
    const key = `${query.schema}\u0000${names.join('\u0000')}`;
    const last = this.lastNameKeys;
    if (last?.key === key && last.engine === engine) return last.lists;
    const lists = engine.queryKeyLists(query, names);
    this.lastNameKeys = { key, engine, lists };
    return lists;
  }
  private lastNameKeys?: { key: string; engine: MatchEngine; lists: readonly WeightedKeyList[] };

  /** Keys of free text (search): the text as a name, and as an identifier. */
  textKeys(text: string, engine: MatchEngine): QueryKeys {
    const lists: QueryKeys = engine.textKeyLists(text).map((keys) => ({ keys, factor: 1 }));
    const ids = [normalizeIdentifier(text), normalizeIdentifier(text, 'imoNumber')].filter((id) => id).map((id) => `id:${id}`);
    if (ids.length) lists.push({ keys: hashKeys(ids), factor: 1 });
    return lists;
  }

  /**
   * Entities sharing keys with the query, best first, at most `max`. Rare keys are applied first;
   * a common key only adds new entities while fewer than `max` are found, otherwise it just ranks.
   */
  candidates(keys: QueryKeys, scope: Scope, max: number): Hit[] {
    return this.collect(keys, scope, max);
  }

  /** Every entity sharing a key (search), ranked. */
  hits(keys: QueryKeys, scope: Scope): Hit[] {
    return this.collect(keys, scope, Infinity);
  }

  private collect(keys: QueryKeys, scope: Scope, max: number): Hit[] {
    const acc = this.weights;
    const seen = this.seen;
    const all = this.slots;
    const touched = this.touched;
    let found = 0;
    const q = this.units(keys);
    for (let o = 0; o < q.unitCount; o++) {
      const u = q.order[o];
      const stamp = ++this.stamp;
      const common = q.unitSize[u] > COMMON_KEY_POSTINGS && (found >= max || q.unitSize[u] === RANK_ONLY);
      for (let e = q.unitHead[u]; e >= 0; e = q.next[e]) {
        const start = q.start[e];
        const end = q.end[e];
        const weight = q.weight[e];
        if (common) {
          // Enough candidates already: a common key only ranks them. Either binary-search each
          // candidate in the posting or scan the posting for candidates (a candidate is exactly a
          // slot with a non-zero weight), whichever is cheaper.
          if (found * Math.log2(end - start + 1) < end - start) {
            for (let t = 0; t < found; t++) {
              const slot = touched[t];
              if (seen[slot] !== stamp && contains(all, start, end, slot)) {
                seen[slot] = stamp;
                acc[slot] += weight;
              }
            }
          } else {
            for (let i = start; i < end; i++) {
              const slot = all[i];
              if (acc[slot] !== 0 && seen[slot] !== stamp) {
                seen[slot] = stamp;
                acc[slot] += weight;
              }
            }
          }
          continue;
        }
        for (let i = start; i < end; i++) {
          const slot = all[i];
          if (seen[slot] === stamp) continue; // one contribution per unit
          if (acc[slot] === 0) {
            if (!this.inScope(slot, scope)) continue;
            touched[found++] = slot;
          }
          seen[slot] = stamp;
          acc[slot] += weight;
        }
      }
    }
    // Only entities weighing at least the max-th largest weight can be among the best `max`: rank
    // just those (a numeric typed-array sort finds that weight without ranking everything).
    let floor = -Infinity;
    if (found > max) {
      const weights = this.floorScratch.subarray(0, found);
      for (let i = 0; i < found; i++) weights[i] = acc[touched[i]];
      weights.sort();
      floor = weights[found - max];
    }
    const hits: Hit[] = [];
    for (let t = 0; t < found; t++) {
      const slot = touched[t];
      if (acc[slot] >= floor) hits.push({ slot, weight: acc[slot] });
      acc[slot] = 0;
    }
    hits.sort((a, b) => b.weight - a.weight || a.slot - b.slot);
    return hits.length > max ? hits.slice(0, max) : hits;
  }

  /**
   * Groups the query's keys into units of evidence, rarest first. A token's deletion keys (`t:`,
   * `d:`) are one unit each: a token with a typo shares one or two of them, an identical token all
   * of them, and either way it is one token's worth of evidence, counted once per candidate. A key
   * in several lists counts once, in the first (lists of the leading name kind come first). Built in
   * reused scratch arrays: this runs for every query, and allocation is what slows queries down.
   */
  private units(keys: QueryKeys): QueryUnits {
    const stamp = ++this.keyStampCounter;
    const keyStamp = this.keyStamp;
    const offsets = this.offsets;
    const q = this.queryUnits;
    let entries = 0;
    let units = 0;
    for (const { keys: list, factor } of keys) {
      const r = this.resolve(list);
      let textUnit = -1;
      let keyUnit = -1;
      for (let i = 0; i < r.ids.length; i++) {
        const id = r.ids[i];
        if (id < 0 || keyStamp[id] === stamp) continue;
        keyStamp[id] = stamp;
        const g = r.units[i];
        let u = g === 0 ? textUnit : g === 1 ? keyUnit : -1;
        if (u < 0) {
          q.ensureUnits(units + 1);
          u = units++;
          q.unitHead[u] = -1;
          q.unitSize[u] = 0;
          if (g === 0) textUnit = u;
          else if (g === 1) keyUnit = u;
        }
        q.ensureEntries(entries + 1);
        const e = entries++;
        const start = offsets[id];
        const end = offsets[id + 1];
        const weight = factor * r.weights[i];
        q.start[e] = start;
        q.end[e] = end;
        q.weight[e] = weight;
        // Within a unit, heavier keys first.
        if (q.unitHead[u] < 0 || q.weight[q.unitHead[u]] < weight) {
          q.next[e] = q.unitHead[u];
          q.unitHead[u] = e;
        } else {
          let p = q.unitHead[u];
          while (q.next[p] >= 0 && q.weight[q.next[p]] >= weight) p = q.next[p];
          q.next[e] = q.next[p];
          q.next[p] = e;
        }
        if (g === 2) q.unitSize[u] = RANK_ONLY;
        else if (end - start > q.unitSize[u]) q.unitSize[u] = end - start;
      }
    }
    // Units by posting size, smallest first (insertion sort: a query has tens of units).
    for (let u = 0; u < units; u++) {
      let j = u;
      while (j > 0 && q.unitSize[q.order[j - 1]] > q.unitSize[u]) {
        q.order[j] = q.order[j - 1];
        j--;
      }
      q.order[j] = u;
    }
    q.unitCount = units;
    return q;
  }

  /** Key ids, rarity-scaled family weights and units of a key list, worked out once per list. */
  private resolve(list: KeyList): ResolvedList {
    let r = list.kept ? this.resolved.get(list) : undefined;
    if (r) return r;
    const n = this.entities.length;
    const { hashes, families } = list;
    r = { ids: new Int32Array(hashes.length), weights: new Float32Array(hashes.length), units: new Int8Array(hashes.length) };
    for (let i = 0; i < hashes.length; i++) {
      const id = this.keyIds.get(hashes[i]);
      const family = families[i];
      r.ids[i] = id;
      r.units[i] = unitOf(family);
      if (id < 0) continue;
      const size = this.offsets[id + 1] - this.offsets[id];
      const weight = FAMILY_WEIGHTS[family] ?? 0.5;
      r.weights[i] = family === KeyFamily.Identifier ? weight : weight * Math.log(1 + n / size);
    }
    if (list.kept) this.resolved.set(list, r); // a query's own list dies with the query
    return r;
  }

}

/** Collects each entity's key ids, then sorts them into postings by key (counting sort). */
class IndexBuilder {
  private readonly entities: FtmEntity[] = [];
  private readonly keyer: EntityKeyer;
  /** Per slot: where its key ids start in keyer.ids (one more entry than slots). */
  private readonly starts: number[] = [0];

  constructor(private readonly engine: MatchEngine) {
    this.keyer = new EntityKeyer(engine);
  }

  add(entity: FtmEntity): void {
    if (!isScreenable(entity.schema)) return;
    this.entities.push(entity);
    this.keyer.add(entity, this.entities.length);
    this.starts.push(this.keyer.count);
  }

  finish(): CandidateIndex {
    const { ids, count, keyIds } = this.keyer;
    const keyCount = keyIds.size;
    const offsets = new Int32Array(keyCount + 1);
    for (let i = 0; i < count; i++) offsets[ids[i] + 1]++;
    for (let k = 0; k < keyCount; k++) offsets[k + 1] += offsets[k];
    const fill = offsets.slice(0, keyCount);
    const slots = new Int32Array(count);
    // Slots are visited in order, so each key's slots come out sorted (binary search relies on it).
    for (let slot = 0; slot < this.entities.length; slot++) {
      for (let j = this.starts[slot]; j < this.starts[slot + 1]; j++) slots[fill[ids[j]]++] = slot;
    }
    return new CandidateIndex(this.entities, this.engine, { keyIds, offsets, slots });
  }
}

/** Binary search for `value` in the sorted range `sorted[start..end)`. */
function contains(sorted: Int32Array, start: number, end: number, value: number): boolean {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
