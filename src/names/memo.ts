// Caches of name processing (readings, tokens, keys, prepared names). They keep what listed names
// produce, because an index meets the same names again (rebuilds, entities prepared on first use,
// the words every list repeats), and only look up for queries: a query's new words are worked out
// and dropped with the query. Values kept for queries lived just long enough to be copied by every
// young-generation garbage collection into the caches: ≈ 8 ms pauses every ≈ 75 ms, which set the
// one-query p99 and kept batch workers from scaling (docs/BENCHMARKS.md).

let keeping = 0;

/** Runs `fn` with the caches keeping what it produces (listed names: index builds, preparation). */
export function keepingNames<T>(fn: () => T): T {
  keeping++;
  try {
    return fn();
  } finally {
    keeping--;
  }
}

/** Whether values made now are kept (inside keepingNames). */
export function isKeepingNames(): boolean {
  return keeping > 0;
}

/**
 * One memo per kind (of name, token …), so lookups key on the text itself: a key built by
 * concatenation is a new string each time, whose hash is worked out again on every lookup.
 */
export function memosByKind<V>(limit: number, whenFull: 'clear' | 'stop' = 'clear'): (kind: string) => NameMemo<string, V> {
  const memos = new Map<string, NameMemo<string, V>>();
  return (kind) => {
    let memo = memos.get(kind);
    if (!memo) memos.set(kind, (memo = new NameMemo<string, V>(limit, whenFull)));
    return memo;
  };
}

/** Values made outside keepingNames that a memo holds on to, so one query reuses its own work. */
const RECENT_LIMIT = 512;

/**
 * A bounded map that keeps values made inside keepingNames; others go to a small map of recent
 * values, dropped whole when full, so they still die young.
 */
export class NameMemo<K, V> {
  private readonly map = new Map<K, V>();
  private recent = new Map<K, V>();

  /**
   * `whenFull`: 'clear' starts over (the usual case); 'stop' keeps what it has, for interned
   * values whose identity other caches rely on.
   */
  constructor(
    private readonly limit: number,
    private readonly whenFull: 'clear' | 'stop' = 'clear',
  ) {}

  get(key: K): V | undefined {
    // While keeping, a recent value is made again: it may hold parts that are not kept (tokens).
    if (keeping > 0) return this.map.get(key);
    // The small map first: it is in the processor's cache, the large one seldom is.
    return this.recent.get(key) ?? this.map.get(key);
  }

  /** Stores `value` (for long when keeping); returns it. */
  set(key: K, value: V): V {
    if (keeping === 0) {
      if (this.recent.size >= RECENT_LIMIT) this.recent = new Map();
      this.recent.set(key, value);
      return value;
    }
    if (this.map.size >= this.limit) {
      if (this.whenFull === 'stop') return value;
      this.map.clear();
    }
    this.map.set(key, value);
    this.recent.delete(key); // superseded by the kept value
    return value;
  }
}
