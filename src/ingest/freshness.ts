// A stale list is a compliance risk: every surface shows each dataset's age and flags old ones.
import type { DatasetVersion } from '../store/types.ts';

export interface Freshness {
  publishedAt: string | null;
  ageDays: number | null;
  stale: boolean;
  warning: string | null;
}

export function freshness(version: Pick<DatasetVersion, 'dataset' | 'publishedAt'>, staleAfterDays: number, now = new Date()): Freshness {
  if (!version.publishedAt) {
    return { publishedAt: null, ageDays: null, stale: true, warning: `${version.dataset}: publication date unknown; treat as possibly stale` };
  }
  const ageDays = Math.floor((now.getTime() - Date.parse(version.publishedAt)) / 86_400_000);
  const stale = ageDays > staleAfterDays;
  return {
    publishedAt: version.publishedAt,
    ageDays,
    stale,
    warning: stale ? `${version.dataset}: published ${version.publishedAt}, ${ageDays} days ago (older than ${staleAfterDays} days): run \`interdict sync\`` : null,
  };
}
