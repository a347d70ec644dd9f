// Load data from the API for a component: aborts the previous request when inputs change. State is
// set only when an answer arrives; whether it is loading is read off which inputs the answer was for.
import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

interface Settled<T> {
  /** The inputs the answer was for (null: none yet). */
  deps: unknown[] | null;
  data?: T;
  error?: Error;
}

const sameDeps = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export function useApi<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: unknown[]): Loaded<T> {
  const [settled, setSettled] = useState<Settled<T>>({ deps: null });
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setSettled({ deps, data }),
      (error: Error) => !controller.signal.aborted && setSettled({ deps, error }),
    );
    return () => controller.abort();
    // The inputs are the caller's, as with useEffect; `load` is a new closure every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if (!load) {
    if (settled.deps !== null) setSettled({ deps: null }); // nothing asked: forget the last answer
    return { data: undefined, error: undefined, loading: false };
  }
  const current = settled.deps !== null && sameDeps(settled.deps, deps);
  // While a new answer is coming the previous data stays on screen (an error does not).
  return { data: settled.data, error: current ? settled.error : undefined, loading: !current };
}
