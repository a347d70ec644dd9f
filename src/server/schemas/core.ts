// The answers of health, catalog, versions, diffs and entities (src/store/types.ts, store/diff.ts,
// ingest/freshness.ts and server/entities.ts say what each field means).
import { Type } from 'typebox';
import { VERDICTS } from '../../resolve/judgements.ts';
import { DIFF_KINDS } from '../../store/types.ts';
import { Closed, EvidenceGrade, Nullable } from './common.ts';

export const Health = Type.Object({ status: Type.Literal('ok') }, Closed);

export const Readiness = Type.Object(
  {
    status: Type.Enum(['ready', 'starting']),
    stage: Type.String({ description: 'what the start is doing: "loading bundled lists (3 of 9 imported)", "building the screening index", "ready"' }),
    progress: Type.Optional(
      Type.Object(
        {
          step: Type.Integer(),
          steps: Type.Integer(),
          done: Type.Optional(Type.Integer({ description: 'within the step: lists imported' })),
          total: Type.Optional(Type.Integer()),
          percent: Type.Integer({ minimum: 0, maximum: 100 }),
        },
        Closed,
      ),
    ),
  },
  { ...Closed, description: '200 when ready, 503 while starting' },
);

export const DatasetVersion = Type.Object(
  {
    id: Type.Integer(),
    dataset: Type.String(),
    version: Type.String({ description: 'the publication date plus the import time, e.g. `20231228-120501`' }),
    publishedAt: Nullable(Type.String({ description: 'when the publisher issued the data (ISO date), if the file says so' })),
    importedAt: Type.String(),
    status: Type.Enum(['live', 'superseded', 'failed', 'importing', 'archived']),
    format: Type.String(),
    sourceFiles: Type.Array(Type.String()),
    entityCount: Type.Integer(),
    statementCount: Type.Integer(),
    schemaCounts: Type.Record(Type.String(), Type.Integer(), { description: 'entities per schema; list entries (targets) under `$targets`' }),
  },
  Closed,
);

export const CatalogDataset = Type.Object(
  {
    name: Type.String(),
    title: Type.String(),
    publisher: Type.String(),
    licence: Type.String(),
    versions: Type.Integer({ description: 'how many versions are stored' }),
    version: Nullable(Type.String({ description: 'the live version' })),
    published_at: Nullable(Type.String()),
    imported_at: Nullable(Type.String()),
    entity_count: Type.Integer(),
    target_count: Type.Integer({ description: 'list entries: entities a Sanction of the list names' }),
    statement_count: Type.Integer(),
    schema_counts: Type.Record(Type.String(), Type.Integer()),
    stale: Type.Boolean(),
    age_days: Nullable(Type.Integer({ description: 'days since publication; null when the date is unknown' })),
    retired: Type.Optional(Type.Boolean({ description: 'the publisher no longer issues the list' })),
    retired_on: Type.Optional(Type.String()),
    superseded_by: Type.Optional(Type.String()),
    retirement_note: Type.Optional(Type.String()),
    warning: Nullable(Type.String()),
  },
  Closed,
);

export const Catalog = Type.Object(
  {
    datasets: Type.Array(CatalogDataset),
    warnings: Type.Array(Type.String({ description: 'one sentence per stale, retired or undated list' })),
  },
  Closed,
);

export const VersionHistory = Type.Object({ dataset: Type.String(), versions: Type.Array(DatasetVersion, { description: 'newest first' }) }, Closed);

export const DiffKind = Type.Enum([...DIFF_KINDS]);

const DiffCounts = { added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer() };

export const PropertyChanges = Type.Record(Type.String(), Type.Object({ removed: Type.Array(Type.String()), added: Type.Array(Type.String()) }, Closed), {
  description: 'per property: values only in the older version, values only in the newer one',
});

export const DiffRow = Type.Object(
  {
    kind: DiffKind,
    id: Type.String(),
    schema: Type.String(),
    caption: Type.String(),
    target: Type.Boolean({ description: 'a list entry (named by a Sanction), not a sub-record such as a passport or an address' }),
    changes: Type.Optional(PropertyChanges),
  },
  Closed,
);

export const DiffPage = Type.Object(
  {
    dataset: Type.String(),
    from: DatasetVersion,
    to: DatasetVersion,
    counts: Type.Object({ ...DiffCounts, targets: Type.Object(DiffCounts, Closed) }, { ...Closed, description: 'the whole diff, and its list entries alone' }),
    schemata: Type.Array(Type.Object({ schema: Type.String(), ...DiffCounts }, Closed), { description: 'per schema, most changes first' }),
    filter: Type.Object({ kind: Nullable(DiffKind), schema: Nullable(Type.String()), q: Nullable(Type.String()) }, Closed),
    total: Type.Integer({ description: 'rows matching the filter; `results` is the page of them' }),
    offset: Type.Integer(),
    limit: Type.Integer(),
    results: Type.Array(DiffRow),
  },
  Closed,
);

/** An FtM entity as the stores hold it (src/model/entity.ts). */
export const FtmEntity = Type.Object(
  {
    id: Type.String(),
    schema: Type.String(),
    properties: Type.Record(Type.String(), Type.Array(Type.String())),
    caption: Type.Optional(Type.String()),
    datasets: Type.Optional(Type.Array(Type.String())),
    referents: Type.Optional(Type.Array(Type.String())),
    first_seen: Type.Optional(Type.String()),
    last_seen: Type.Optional(Type.String()),
    target: Type.Optional(Type.Boolean()),
  },
  Closed,
);

export const ValueProvenance = Type.Object(
  {
    value: Type.String(),
    dataset: Type.String(),
    version: Nullable(Type.String()),
    sourceDocument: Nullable(Type.String()),
    locator: Nullable(Type.String()),
    claimDate: Nullable(Type.String()),
    evidenceGrade: EvidenceGrade,
    reviewStatus: Type.String(),
    firstSeen: Type.String(),
    lastSeen: Type.String(),
    author: Type.String(),
    lang: Nullable(Type.String()),
  },
  Closed,
);

export const Judgement = Type.Object(
  {
    seq: Type.Integer(),
    left: Type.String(),
    right: Type.String(),
    verdict: Type.Enum([...VERDICTS]),
    author: Type.String(),
    createdAt: Type.String(),
    reason: Type.String(),
    basedOn: Type.Unknown({ description: 'what a machine judgement rested on (its features)' }),
    machine: Type.Boolean(),
    score: Nullable(Type.Number()),
  },
  Closed,
);

export const Member = Type.Object(
  {
    id: Type.String(),
    referent: Type.String(),
    dataset: Type.String(),
    judgements: Type.Array(Judgement, { description: 'the `same` judgements in force that hold this record in its target' }),
  },
  Closed,
);

export const EntityView = Type.Object(
  {
    ...FtmEntity.properties,
    properties: Type.Record(Type.String(), Type.Array(Type.Union([Type.String(), FtmEntity])), {
      description: 'values; with `nested`, the entities that point at this one (sanctions, relationships) under their reverse properties',
    }),
    provenance: Type.Optional(Type.Record(Type.String(), Type.Array(ValueProvenance), { description: 'with `provenance`: every value\'s statements, by property' })),
    members: Type.Array(Member, { description: 'the records resolved into this entity' }),
  },
  Closed,
);
