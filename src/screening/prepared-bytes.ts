// Listed entities' prepared forms (compare.ts) as bytes, so a saved index can carry what a run's
// worker threads prepared and the next run's read them back instead of preparing every name again
// (each worker prepares every listed entity its queries meet: most of them in a large batch). In one
// process, bench:screen's 17,372 entities cost 4.0 CPU-s prepared, and 1.9 with the 13,292 a
// 60,000-row run saved read back and the rest prepared.
// The words go once into a table shared by all the forms packed together, and come back through
// internToken: one object per word, as after preparing (similarity.ts caches pairs of words by
// their number), without working out their keys again. A name whose readings the cache holds
// already takes those.
import { deserialize, serialize } from 'node:v8';
import type { FtmEntity } from '../model/entity.ts';
import { internToken, restoredName, type NameJoin, type NameKind, type NameToken, type PortableToken, type PreparedName } from '../names/tokens.ts';
import type { NameEntry, PreparedCandidate } from './compare.ts';

interface PortableReading extends Omit<PreparedName, 'tokens' | 'joins'> {
  /** Places in the words table. */
  words: number[];
  joins: Omit<NameJoin, 'token'>[];
}
interface PortableEntry extends Omit<NameEntry, 'readings'> {
  readings: PortableReading[];
}
interface PortableCandidate extends Omit<PreparedCandidate, 'prepared' | 'schema' | 'properties' | 'caption' | 'names'> {
  names: [NameKind, PortableEntry[]][];
}

/** Packs prepared forms one by one; `shared()` is the words table they refer to. */
export class PreparedPacker {
  private readonly places = new Map<NameToken, number>();
  private readonly table: PortableToken[] = [];

  pack(p: PreparedCandidate): Uint8Array {
    const portable: PortableCandidate = {
      names: [...p.names].map(([kind, entries]) => [kind, entries.map((e) => ({ value: e.value, prop: e.prop, strength: e.strength, readings: e.readings.map((r) => this.portableReading(r)), keys: e.keys }))]),
      dates: p.dates,
      countries: p.countries,
      genders: p.genders,
      ids: p.ids,
    };
    return serialize(portable);
  }

  shared(): Uint8Array {
    return serialize(this.table);
  }

  private portableReading(r: PreparedName): PortableReading {
    const { tokens, joins, ...rest } = r;
    return { ...rest, words: tokens.map((t) => this.placeOf(t)), joins: joins.map(({ token: _t, ...j }) => j) };
  }

  private placeOf(t: NameToken): number {
    let place = this.places.get(t);
    if (place === undefined) {
      const { kept: _k, id: _i, keyLists: _l, keyHashes: _h, ...portable } = t;
      this.places.set(t, (place = this.table.push(portable) - 1));
    }
    return place;
  }
}

/** Reads forms packed by one PreparedPacker, given its words table; call inside keepingNames, as preparing is. */
export class PreparedUnpacker {
  private table?: PortableToken[];
  private tokens: (NameToken | undefined)[] = [];

  constructor(private readonly words: Uint8Array) {}

  unpack(bytes: Uint8Array, entity: FtmEntity): PreparedCandidate {
    const portable = deserialize(bytes) as PortableCandidate;
    const names = new Map<NameKind, NameEntry[]>();
    for (const [kind, entries] of portable.names) {
      names.set(kind, entries.map((e) => ({ value: e.value, prop: e.prop, strength: e.strength, readings: restoredName(e.value, kind, () => e.readings.map((r) => this.readingOf(r))), keys: e.keys })));
    }
    const { dates, countries, genders, ids } = portable;
    // Fields in prepareCandidate's order, so the matcher's hot code meets one object shape.
    return { prepared: true, schema: entity.schema, properties: entity.properties, caption: entity.caption, names, dates, countries, genders, ids };
  }

  private tokenAt(place: number): NameToken {
    const table = (this.table ??= deserialize(this.words) as PortableToken[]);
    return (this.tokens[place] ??= internToken(table[place]));
  }

  private readingOf(r: PortableReading): PreparedName {
    const tokens = r.words.map((place) => this.tokenAt(place));
    // Fields in prepareReading's order (one object shape for the matcher).
    const reading: PreparedName = { original: r.original, system: r.system, text: r.text, vowelless: r.vowelless, tokens, legal: r.legal, legalPhrases: r.legalPhrases, removed: r.removed, joins: r.joins, givenIndex: r.givenIndex, surnameCount: r.surnameCount, compacts: r.compacts, initials: r.initials, lineage: r.lineage };
    if (r.compound) reading.compound = r.compound;
    return reading;
  }
}
