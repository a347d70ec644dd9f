// The lists: catalog, each dataset's versions, and a page of the diff between two versions.
import { request, query, type Answer } from './http.ts';

export type CatalogDataset = Answer<'/catalog'>['datasets'][number];
export type DatasetVersion = Answer<'/datasets/{name}/versions'>['versions'][number];
export type DiffPage = Answer<'/datasets/{name}/diff'>;
export type DiffRow = DiffPage['results'][number];
export type DiffKind = DiffRow['kind'];
export interface DiffFilter {
  kind?: DiffKind | '';
  schema?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

export async function catalog(signal?: AbortSignal): Promise<CatalogDataset[]> {
  return (await request<Answer<'/catalog'>>('/catalog', { signal })).datasets;
}

export async function versions(dataset: string, signal?: AbortSignal): Promise<DatasetVersion[]> {
  return (await request<Answer<'/datasets/{name}/versions'>>(`/datasets/${encodeURIComponent(dataset)}/versions`, { signal })).versions;
}

/** One page of the diff, filtered and ordered by the server (list entries first). */
export function diff(dataset: string, from: string, to: string, filter: DiffFilter = {}, signal?: AbortSignal): Promise<DiffPage> {
  return request<DiffPage>(`/datasets/${encodeURIComponent(dataset)}/diff${query({ from, to, ...filter })}`, { signal });
}
