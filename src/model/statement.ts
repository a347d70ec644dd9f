// A statement is one value of one property of one entity, with where it came from.
// It follows the FtM statement model (nomenklatura) plus Interdict's provenance columns.
import { createHash } from 'node:crypto';
import type { EvidenceGrade, ReviewStatus } from './grades.ts';

/** What a parser yields: the claim itself and where in the source it stands. */
export interface StatementDraft {
  entityId: string;
  schema: string;
  prop: string;
  value: string;
  lang?: string | null;
  originalValue?: string | null;
  /** Where the value stands in its source: "sdn.csv:line 1234", "page 12 ¶3", "chars 10-42". */
  locator?: string | null;
  /** When the source says the fact held (a designation date, a report's date). */
  claimDate?: string | null;
  evidenceGrade?: EvidenceGrade;
  /** A document entity id or URL the claim comes from (reports, articles). Lists use the version. */
  sourceDocument?: string | null;
  /** When the source itself says the fact was first/last seen (FtM exports); default: the import time. */
  firstSeen?: string | null;
  lastSeen?: string | null;
}

/** A stored statement: a draft bound to a dataset version, with first/last seen. */
export interface Statement extends Required<Omit<StatementDraft, 'evidenceGrade' | 'firstSeen' | 'lastSeen'>> {
  id: string;
  canonicalId: string;
  dataset: string;
  versionId: number;
  evidenceGrade: EvidenceGrade;
  reviewStatus: ReviewStatus;
  firstSeen: string;
  lastSeen: string;
  /** Who wrote it: "import" for list imports, the analyst's name for edits. */
  author: string;
}

/** Special property holding the entity's own id, so entities with no other values still exist. */
export const ID_PROP = 'id';

/** Stable id for a statement: the same fact from the same dataset keeps the same id across versions. */
export function statementId(dataset: string, entityId: string, prop: string, value: string, lang?: string | null): string {
  return createHash('sha1').update([dataset, entityId, prop, value, lang ?? ''].join('\u0000')).digest('hex');
}

/** What binds a draft to a dataset version: the defaults a stored statement needs. */
export interface StatementBinding {
  dataset: string;
  versionId: number;
  /** first_seen/last_seen unless the draft states its own. */
  seenAt: string;
  author: string;
  /** Grade for drafts that give none. */
  grade: EvidenceGrade;
  reviewStatus: ReviewStatus;
}

/** A draft bound to a version: the one place a statement's id and defaults are decided. */
export function statementFromDraft(d: StatementDraft, b: StatementBinding): Statement {
  return {
    id: statementId(b.dataset, d.entityId, d.prop, d.value, d.lang),
    entityId: d.entityId,
    canonicalId: d.entityId,
    prop: d.prop,
    schema: d.schema,
    value: d.value,
    dataset: b.dataset,
    versionId: b.versionId,
    lang: d.lang ?? null,
    originalValue: d.originalValue ?? null,
    firstSeen: d.firstSeen ?? b.seenAt,
    lastSeen: d.lastSeen ?? b.seenAt,
    sourceDocument: d.sourceDocument ?? null,
    locator: d.locator ?? null,
    claimDate: d.claimDate ?? null,
    evidenceGrade: d.evidenceGrade ?? b.grade,
    reviewStatus: b.reviewStatus,
    author: b.author,
  };
}
