// A stale list is a compliance risk: every surface shows each dataset's age and flags old ones.
// A retired list is another matter: its publisher no longer issues it, so no sync can make it
// current; it is shown as retired, with the list that superseded it, not as merely stale.
import type { DatasetVersion } from '../store/types.ts';

export interface Retirement {
  /** The day the publisher stopped issuing the list. */
  on: string;
  /** The dataset that replaces it (synced in its place). */
  supersededBy: string;
  note: string;
}

/** Lists their publishers have retired. */
export const RETIRED: Record<string, Retirement> = {
  gb_hmt_sanctions: {
    on: '2026-01-28',
    supersededBy: 'gb_fcdo_sanctions',
    note:
      "OFSI's Consolidated List was retired on 28 January 2026; the UK Sanctions List (FCDO) is the UK's only official list. " +
      'Kept for history and for its OFSI Group IDs, which stay valid for designations made before.',
  },
};

export interface Freshness {
  publishedAt: string | null;
  ageDays: number | null;
  stale: boolean;
  retired: Retirement | null;
  warning: string | null;
}

export function freshness(version: Pick<DatasetVersion, 'dataset' | 'publishedAt'>, staleAfterDays: number, now = new Date()): Freshness {
  const retired = RETIRED[version.dataset] ?? null;
  const ageDays = version.publishedAt ? Math.floor((now.getTime() - Date.parse(version.publishedAt)) / 86_400_000) : null;
  if (retired) {
    return {
      publishedAt: version.publishedAt,
      ageDays,
      stale: false,
      retired,
      warning: `${version.dataset}: retired on ${retired.on}, superseded by ${retired.supersededBy}: no new versions will come; sync ${retired.supersededBy} instead`,
    };
  }
  if (!version.publishedAt || ageDays === null) {
    return { publishedAt: null, ageDays: null, stale: true, retired: null, warning: `${version.dataset}: publication date unknown; treat as possibly stale` };
  }
  const stale = ageDays > staleAfterDays;
  return {
    publishedAt: version.publishedAt,
    ageDays,
    stale,
    retired: null,
    warning: stale ? `${version.dataset}: published ${version.publishedAt}, ${ageDays} days ago (older than ${staleAfterDays} days): run \`interdict sync\`` : null,
  };
}
