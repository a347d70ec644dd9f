// An entity's links, page by page: how many a selected node has (for "n more"), and the next page
// when the user expands it. Both go into the explorer's graph state.
import { useEffect, useState, type Dispatch } from 'react';
import { adjacent, type GraphFilter } from '../api/graph.ts';
import { useApi } from '../lib/useApi.ts';
import type { DrawnGraph, GraphAction } from '../graph/model.ts';

/** Links added per expansion; the rest is offered as "n more". */
export const EXPAND_CAP = 25;

/** Learns how many links a node has on the server, once, so "n more" can be offered. */
export function useLinkCount(id: string | null, filter: GraphFilter, dispatch: Dispatch<GraphAction>): void {
  const count = useApi(id ? async (signal) => ({ id, total: (await adjacent(id, { limit: 1, ...filter }, signal)).total }) : null, [id, JSON.stringify(filter)]);
  useEffect(() => {
    if (count.data) dispatch({ type: 'paged', id: count.data.id, total: count.data.total });
  }, [count.data, dispatch]);
}

/** Adds the next page of a node's links around it. */
export function useExpansion(graph: DrawnGraph, filter: GraphFilter, dispatch: Dispatch<GraphAction>) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error>();
  const expand = async (id: string) => {
    setBusy(`Expanding ${graph.nodes.get(id)?.caption ?? id}…`);
    setError(undefined);
    try {
      const offset = graph.cursor.get(id) ?? 0;
      const page = await adjacent(id, { limit: EXPAND_CAP, offset, ...filter });
      dispatch({ type: 'merge', nodes: [page.entity, ...page.results.map((r) => r.other)], edges: page.results.map((r) => r.edge), change: { kind: 'expanded', anchor: id } });
      dispatch({ type: 'paged', id, total: page.total, cursor: offset + page.results.length });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  return { expand, busy, error };
}
