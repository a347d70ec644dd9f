// The due-diligence report of an entity: its profile, its designations, a summary of its network, and
// every value with its source, list version and evidence grade.
import type { FtmEntity } from '../model/entity.ts';
import type { DatasetVersion } from '../store/types.ts';
import type { Report } from './report.ts';

export interface ProvenanceRow {
  value: string;
  dataset: string;
  version: string | null;
  sourceDocument: string | null;
  evidenceGrade: string;
  firstSeen: string;
}

export interface EntityReportInput {
  entity: Omit<FtmEntity, 'properties'> & { properties: Record<string, (string | FtmEntity)[]>; provenance?: Record<string, ProvenanceRow[]>; target?: boolean };
  lists: DatasetVersion[];
  now: Date;
}

const PROFILE = ['name', 'alias', 'birthDate', 'birthPlace', 'nationality', 'citizenship', 'country', 'jurisdiction', 'position', 'passportNumber', 'idNumber', 'imoNumber', 'registrationNumber', 'address', 'notes'];

export function entityReport({ entity, lists, now }: EntityReportInput): Report {
  const plain = (prop: string) => (entity.properties[prop] ?? []).filter((v): v is string => typeof v === 'string');
  const nested = Object.entries(entity.properties).flatMap(([prop, values]) => values.filter((v): v is FtmEntity => typeof v !== 'string').map((e) => ({ prop, e })));
  const sanctions = nested.filter(({ e }) => e.schema === 'Sanction');
  const links = nested.filter(({ e }) => e.schema !== 'Sanction');
  const byKind = new Map<string, number>();
  for (const { e } of links) byKind.set(e.schema, (byKind.get(e.schema) ?? 0) + 1);
  const version = new Map(lists.map((v) => [v.dataset, v]));
  return {
    title: entity.caption ?? entity.id,
    subtitle: `${entity.schema} ${entity.id}${entity.target ? ': a sanctions target' : ''}; lists: ${(entity.datasets ?? []).join(', ')}`,
    generatedAt: now.toISOString(),
    sections: [
      { heading: 'Profile', facts: PROFILE.filter((p) => plain(p).length).map((p): [string, string] => [p, plain(p).join('; ')]) },
      {
        heading: 'Designations',
        paragraphs: sanctions.length ? [] : ['No designation on the live lists.'],
        table: {
          columns: ['list', 'version', 'authority', 'programme', 'listed', 'reason'],
          rows: sanctions.map(({ e }) => {
            const p = (k: string) => (e.properties[k] ?? []).join('; ');
            const ds = (e.datasets ?? [])[0] ?? '';
            return [ds, version.get(ds)?.version ?? '', p('authority'), p('program') || p('programId'), p('listingDate') || p('startDate'), p('reason')];
          }),
        },
      },
      {
        heading: 'Network',
        paragraphs: links.length ? [`${links.length} direct relationships: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}.`] : ['No relationship on record.'],
        table: { columns: ['relationship', 'entity', 'lists'], rows: links.slice(0, 200).map(({ prop, e }) => [`${e.schema} (${prop})`, e.caption ?? e.id, (e.datasets ?? []).join(', ')]) },
      },
      {
        heading: 'Sources and grades',
        table: {
          columns: ['property', 'value', 'list or dataset', 'version', 'grade', 'source', 'first seen'],
          rows: Object.entries(entity.provenance ?? {}).flatMap(([prop, rows]) => rows.map((r) => [prop, r.value, r.dataset, r.version ?? '', r.evidenceGrade, r.sourceDocument ?? '', r.firstSeen])),
        },
      },
    ],
  };
}
