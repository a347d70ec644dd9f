// The stored transfers, then each one's detail and embargo check, a few at a time (the page shows
// progress as they come).
import { useEffect, useState } from 'react';
import { checkTransfer, getTransfer, listTransfers } from '../api/transfers.ts';
import { useApi } from '../lib/useApi.ts';
import { transferView, type TransferView } from '../lib/transferView.ts';

const AT_ONCE = 3;

export function useTransfers() {
  const list = useApi((signal) => listTransfers(signal), []);
  const [loaded, setLoaded] = useState<Record<string, TransferView | Error>>({});
  useEffect(() => {
    const ids = list.data?.transfers.map((t) => t.id) ?? [];
    if (!ids.length) return;
    const controller = new AbortController();
    const { signal } = controller;
    let next = 0;
    const worker = async () => {
      while (next < ids.length && !signal.aborted) {
        const id = ids[next++];
        try {
          const [detail, check] = await Promise.all([getTransfer(id, signal), checkTransfer(id, signal)]);
          setLoaded((m) => ({ ...m, [id]: transferView(detail, check) }));
        } catch (e) {
          if (!signal.aborted) setLoaded((m) => ({ ...m, [id]: e as Error }));
        }
      }
    };
    void Promise.all(Array.from({ length: AT_ONCE }, worker));
    return () => controller.abort();
  }, [list.data]);
  const transfers = Object.values(loaded).filter((t): t is TransferView => !(t instanceof Error)).sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  const failures = Object.entries(loaded).filter((e): e is [string, Error] => e[1] instanceof Error);
  return { list, transfers, failures, total: list.data?.transfers.length ?? 0, done: Object.keys(loaded).length };
}
