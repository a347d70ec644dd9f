// Collects the blocking keys of listed entities for an index build: per entity, the dense ids of
// its key hashes, each once.
import type { FtmEntity } from '../model/entity.ts';
import { keyHash } from '../names/keys.ts';
import type { KeyList, MatchEngine } from './engine-types.ts';
import { HashIds } from './hash-ids.ts';
import { identifierKeys } from './identifiers.ts';

/**
 * Birth years as keys (`b:1970`): among many people who share a name (KIM Chol), the one born in
 * the query's year is among the candidates scored. They weigh little (ATTRIBUTE_WEIGHT), so a year
 * alone does not make a candidate worth scoring.
 */
export function attributeKeys(entity: { schema: string; properties: Record<string, string[]> }): string[] {
  if (entity.schema !== 'Person' && entity.schema !== 'LegalEntity') return [];
  const out: string[] = [];
  for (const d of entity.properties.birthDate ?? []) {
    const year = typeof d === 'string' ? /(?:^|\D)(1[89]\d\d|20\d\d)(?:\D|$)/.exec(d)?.[1] : undefined;
    if (year && !out.includes('b:' + year)) out.push('b:' + year);
    if (out.length >= 4) break;
  }
  return out;
}

/** How much a shared birth year counts beside name keys (a rare name word weighs about 5–9). */
export const ATTRIBUTE_WEIGHT = 0.3;

export class EntityKeyer {
  readonly keyIds = new HashIds(1 << 18);
  /** The key ids of all entities so far, entity after entity. */
  ids: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  count = 0;
  /** Per key id: the last entity stamp that got it, to count each key once per entity. */
  private lastStamp: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  /** Key ids of each key list the engine hands out (again for every name with the same token). */
  private readonly idsOfList = new Map<KeyList, Int32Array>();

  constructor(private readonly engine: MatchEngine) {}

  /** Adds the keys of `entity`; `stamp` must differ from one entity to the next (e.g. its slot + 1). */
  add(entity: FtmEntity, stamp: number): void {
    for (const list of this.engine.candidateKeyLists(entity)) {
      const ids = this.listIds(list);
      for (let i = 0; i < ids.length; i++) this.push(ids[i], stamp);
    }
    for (const key of identifierKeys(entity)) this.push(this.keyId(keyHash(key)), stamp);
    for (const key of attributeKeys(entity)) this.push(this.keyId(keyHash(key)), stamp);
  }

  private listIds(list: KeyList): Int32Array {
    let ids = this.idsOfList.get(list);
    if (!ids) {
      ids = Int32Array.from(list.hashes, (hash) => this.keyId(hash));
      this.idsOfList.set(list, ids);
    }
    return ids;
  }

  private keyId(hash: number): number {
    const id = this.keyIds.intern(hash);
    if (id === this.lastStamp.length) this.lastStamp = grown(this.lastStamp);
    return id;
  }

  private push(id: number, stamp: number): void {
    if (this.lastStamp[id] === stamp) return;
    this.lastStamp[id] = stamp;
    if (this.count === this.ids.length) this.ids = grown(this.ids);
    this.ids[this.count++] = id;
  }
}

/** A copy of a typed array at twice its length (for arrays that grow as they fill). */
export function grown<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}
