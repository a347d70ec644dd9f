// Mapping between database rows and domain objects.
import type { Selectable } from 'kysely';
import type { Statement, StatementDraft } from '../model/statement.ts';
import { statementId } from '../model/statement.ts';
import type { EvidenceGrade, ReviewStatus } from '../model/grades.ts';
import { propertyType } from '../model/ftm.ts';
import type { StatementsTable, VersionsTable } from './schema.ts';
import type { DatasetVersion } from './types.ts';

export type StatementRow = StatementsTable;

export interface RowDefaults {
  dataset: string;
  versionId: number;
  seenAt: string;
  author: string;
  grade: EvidenceGrade;
  reviewStatus: ReviewStatus;
}

export function draftToRow(d: StatementDraft, o: RowDefaults): StatementRow {
  return {
    version_id: o.versionId,
    id: statementId(o.dataset, d.entityId, d.prop, d.value, d.lang),
    entity_id: d.entityId,
    canonical_id: d.entityId,
    prop: d.prop,
    schema: d.schema,
    value: d.value,
    dataset: o.dataset,
    lang: d.lang ?? null,
    original_value: d.originalValue ?? null,
    first_seen: d.firstSeen ?? o.seenAt,
    last_seen: d.lastSeen ?? o.seenAt,
    source_document: d.sourceDocument ?? null,
    locator: d.locator ?? null,
    claim_date: d.claimDate ?? null,
    evidence_grade: d.evidenceGrade ?? o.grade,
    review_status: o.reviewStatus,
    author: o.author,
    is_ref: propertyType(d.schema, d.prop) === 'entity' ? 1 : 0,
  };
}

export function rowToStatement(r: StatementRow): Statement {
  return {
    id: r.id,
    entityId: r.entity_id,
    canonicalId: r.canonical_id,
    prop: r.prop,
    schema: r.schema,
    value: r.value,
    dataset: r.dataset,
    versionId: Number(r.version_id),
    lang: r.lang,
    originalValue: r.original_value,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    sourceDocument: r.source_document,
    locator: r.locator,
    claimDate: r.claim_date,
    evidenceGrade: r.evidence_grade as EvidenceGrade,
    reviewStatus: r.review_status as ReviewStatus,
    author: r.author,
  };
}

export function rowToVersion(r: Selectable<VersionsTable>): DatasetVersion {
  return {
    id: Number(r.id),
    dataset: r.dataset,
    version: r.version,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    status: r.status as DatasetVersion['status'],
    format: r.format,
    sourceFiles: JSON.parse(r.source_files) as string[],
    entityCount: Number(r.entity_count),
    statementCount: Number(r.statement_count),
    schemaCounts: JSON.parse(r.schema_counts) as Record<string, number>,
  };
}

export const STATEMENT_COLUMNS = [
  'version_id', 'id', 'entity_id', 'canonical_id', 'prop', 'schema', 'value', 'dataset', 'lang', 'original_value',
  'first_seen', 'last_seen', 'source_document', 'locator', 'claim_date', 'evidence_grade', 'review_status', 'author', 'is_ref',
] as const;
