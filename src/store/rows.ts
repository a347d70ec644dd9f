// Mapping between database rows and domain objects.
import type { Selectable } from 'kysely';
import type { Statement, StatementDraft } from '../model/statement.ts';
import { statementFromDraft, type StatementBinding } from '../model/statement.ts';
import type { EvidenceGrade, ReviewStatus } from '../model/grades.ts';
import { propertyType } from '../model/ftm.ts';
import type { StatementsTable, VersionsTable } from './schema.ts';
import type { DatasetVersion } from './types.ts';

export type StatementRow = StatementsTable;

export function draftToRow(d: StatementDraft, o: StatementBinding): StatementRow {
  const s = statementFromDraft(d, o);
  return {
    version_id: s.versionId,
    id: s.id,
    entity_id: s.entityId,
    canonical_id: s.canonicalId,
    prop: s.prop,
    schema: s.schema,
    value: s.value,
    dataset: s.dataset,
    lang: s.lang,
    original_value: s.originalValue,
    first_seen: s.firstSeen,
    last_seen: s.lastSeen,
    source_document: s.sourceDocument,
    locator: s.locator,
    claim_date: s.claimDate,
    evidence_grade: s.evidenceGrade,
    review_status: s.reviewStatus,
    author: s.author,
    is_ref: propertyType(s.schema, s.prop) === 'entity' ? 1 : 0,
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
