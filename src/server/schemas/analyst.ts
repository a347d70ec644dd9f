// The analyst edit routes' requests and answers (src/graph/edits.ts says what each field means).
// Request fields are snake_case; which ones are required, and what a value may be, is checked by the
// domain (422 naming the field), so the rule lives in one place for HTTP, CLI and documents.
import { Type } from 'typebox';
import { REVIEW_STATUSES } from '../../model/grades.ts';
import { Closed, ErrorBody, EvidenceGrade, Nullable } from './common.ts';

/** Body fields as the API names them → as src/graph/edits.ts names them. */
export const ANALYST_FIELD_NAMES = {
  sourceDocument: 'source_document',
  evidenceGrade: 'evidence_grade',
  claimDate: 'claim_date',
  entityId: 'entity_id',
} as const;

const claimFields = {
  source_document: Type.Optional(Type.String({ description: 'the source the claim cites: a Document entity id or a URL (required)' })),
  evidence_grade: Type.Optional(Type.String({ description: "corroborated, reported, alleged, disputed or denied (required; 'official' is the publishers' own lists only)" })),
  locator: Type.Optional(Type.String({ description: 'where in the source: page, paragraph' })),
  claim_date: Type.Optional(Type.String({ description: 'when the source says the fact held (ISO date)' })),
};

const dataset = Type.Optional(Type.String({ description: "an analyst dataset (default: analyst); publishers' lists are read-only" }));
const author = Type.Optional(Type.String({ description: 'ignored: the signed-in user or API key is recorded as the author' }));

export const NewEntityBody = Type.Object({
  schema: Type.Optional(Type.String({ description: 'FtM schema, or ArmsTransfer (required)' })),
  id: Type.Optional(Type.String({ description: 'the new entity id (default: a fresh one in the dataset)' })),
  properties: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), { description: 'property → value or values (required)' })),
  dataset,
  author,
  ...claimFields,
});

export const StatementsBody = Type.Object({
  statements: Type.Optional(
    Type.Array(
      Type.Object({
        entity_id: Type.Optional(Type.String({ description: 'the entity the value belongs to (required)' })),
        schema: Type.Optional(Type.String({ description: "default: the entity's schema" })),
        prop: Type.Optional(Type.String({ description: 'required' })),
        value: Type.Optional(Type.String({ description: 'required' })),
        lang: Type.Optional(Type.String()),
        retract: Type.Optional(Type.Boolean({ description: 'true: retract this value (stored graded `denied`, in analyst_retractions)' })),
        ...claimFields,
      }),
      { description: '1 to 1000 statements (required)' },
    ),
  ),
  dataset,
  author,
});

/** A stored statement (src/model/statement.ts); response fields keep their names. */
export const Statement = Type.Object(
  {
    id: Type.String(),
    entityId: Type.String(),
    canonicalId: Type.String(),
    prop: Type.String(),
    schema: Type.String(),
    value: Type.String(),
    dataset: Type.String(),
    versionId: Type.Integer(),
    lang: Nullable(Type.String()),
    originalValue: Nullable(Type.String()),
    firstSeen: Type.String(),
    lastSeen: Type.String(),
    sourceDocument: Nullable(Type.String()),
    locator: Nullable(Type.String()),
    claimDate: Nullable(Type.String()),
    evidenceGrade: EvidenceGrade,
    reviewStatus: Type.Enum([...REVIEW_STATUSES]),
    author: Type.String(),
  },
  Closed,
);

export const CreatedEntity = Type.Object({ id: Type.String(), dataset: Type.String(), statements: Type.Array(Statement) }, Closed);
export const AddedStatements = Type.Object({ statements: Type.Array(Statement) }, Closed);

/** Edits answer 422 for a claim the domain refuses (no source, no grade, a publisher's list). */
export const EDIT_ERRORS = { 400: ErrorBody, 404: ErrorBody, 422: ErrorBody, 500: ErrorBody } as const;
