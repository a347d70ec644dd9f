// A reader that counts the store reads made through it, by method: tests that an update reads only
// what it must (an analyst edit must not read the live data again).
import type { EntityReader } from '../../src/store/types.ts';

/** The store's reads, counted by method. */
export function counted(reader: EntityReader): { reader: EntityReader; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(reader, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { reader: proxy, calls };
}
