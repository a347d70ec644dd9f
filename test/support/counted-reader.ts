// A reader that counts the store reads made through it, by method: tests that an update reads only
// what it must (an analyst edit must not read the live data again).
import type { EntityReader } from '../../src/store/types.ts';

/**
 * The store's reads, counted by method; a scan of some datasets only (`{ datasets }`: the analyst
 * datasets a saved index has read again) is counted apart, as `iterateStatements(datasets)`.
 */
export function counted<R extends EntityReader>(reader: R): { reader: R; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(reader, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const name = (args[0] as { datasets?: unknown } | undefined)?.datasets ? `${String(prop)}(datasets)` : String(prop);
        calls[name] = (calls[name] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { reader: proxy, calls };
}
