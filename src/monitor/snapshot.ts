// What of a listed target a monitored hit remembers, and how to say what changed: the values a
// compliance officer would re-check (names, dates, countries, identifiers, the lists that carry it).
import { createHash } from 'node:crypto';
import type { FtmEntity } from '../model/entity.ts';

const WATCHED: Record<string, string> = {
  name: 'name',
  alias: 'alias',
  weakAlias: 'weak alias',
  previousName: 'previous name',
  birthDate: 'birth date',
  deathDate: 'death date',
  nationality: 'nationality',
  citizenship: 'citizenship',
  country: 'country',
  jurisdiction: 'jurisdiction',
  passportNumber: 'passport',
  idNumber: 'id number',
  imoNumber: 'IMO number',
  mmsi: 'MMSI',
  registrationNumber: 'registration number',
  topics: 'topic',
};

export interface TargetSnapshot {
  caption: string;
  datasets: string[];
  values: Record<string, string[]>;
}

export function snapshotOf(entity: FtmEntity): TargetSnapshot {
  const values: Record<string, string[]> = {};
  for (const prop of Object.keys(WATCHED)) {
    const v = entity.properties[prop];
    if (v?.length) values[prop] = [...new Set(v)].sort();
  }
  return { caption: entity.caption ?? entity.id, datasets: [...new Set(entity.datasets ?? [])].sort(), values };
}

export function snapshotDigest(s: TargetSnapshot): string {
  return createHash('sha256').update(JSON.stringify([s.datasets, Object.entries(s.values).sort()])).digest('hex');
}

/** Sentences for what differs, e.g. `new alias "KIM Chol"`, `birth date 1966 → 1966-05-01`, `now also on un_sc_sanctions`. */
export function describeChanges(was: TargetSnapshot, now: TargetSnapshot): string[] {
  const out: string[] = [];
  for (const d of now.datasets) if (!was.datasets.includes(d)) out.push(`now also on ${d}`);
  for (const d of was.datasets) if (!now.datasets.includes(d)) out.push(`no longer on ${d}`);
  for (const [prop, label] of Object.entries(WATCHED)) {
    const before = was.values[prop] ?? [];
    const after = now.values[prop] ?? [];
    const added = after.filter((v) => !before.includes(v));
    const removed = before.filter((v) => !after.includes(v));
    if (!added.length && !removed.length) continue;
    if (added.length === 1 && removed.length === 1) out.push(`${label} ${removed[0]} → ${added[0]}`);
    else {
      for (const v of added) out.push(`new ${label} "${v}"`);
      for (const v of removed) out.push(`${label} "${v}" removed`);
    }
  }
  return out;
}
