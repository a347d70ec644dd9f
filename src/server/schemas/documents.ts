// The documents routes' requests and answers (src/documents/README.md says what each field means).
// Request fields are snake_case; answers keep the names the documents room gives them.
import { Type } from 'typebox';
import { CLAIM_KINDS } from '../../documents/service.ts';
import { Closed, EvidenceGrade, Nullable } from './common.ts';

export const ISO_DATE = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

export const DocumentMeta = Type.Object(
  {
    id: Type.String({ description: 'SHA-256 of the original bytes, hex' }),
    media_type: Type.String(),
    file_name: Type.String(),
    size: Type.Integer(),
    title: Nullable(Type.String()),
    author: Nullable(Type.String()),
    publisher: Nullable(Type.String()),
    published_at: Nullable(Type.String()),
    url: Nullable(Type.String()),
    language: Nullable(Type.String()),
    page_count: Type.Integer(),
    text_layer: Type.String({ description: '`text`, or `none` for a scan without a text layer' }),
    created_at: Type.String(),
    created_by: Type.String(),
    workspace: Nullable(Type.String({ description: 'the confidential workspace it belongs to; null: shared with every reader' })),
  },
  Closed,
);

export const Paragraph = Type.Object(
  {
    paragraph: Type.Integer({ description: '1-based over the whole document' }),
    page: Type.Integer({ description: '1-based; 1 for formats without pages' }),
    start: Type.Integer({ description: 'offset into the text (UTF-16 code units)' }),
    end: Type.Integer(),
    text: Type.String(),
  },
  Closed,
);

export const DocumentWithText = Type.Object(
  { ...DocumentMeta.properties, text: Type.String({ description: 'plain text, paragraphs joined by a blank line' }), paragraphs: Type.Array(Paragraph) },
  Closed,
);

export const MentionJob = Type.Object(
  {
    id: Type.String(),
    documentId: Type.String(),
    status: Type.Enum(['queued', 'running', 'done', 'failed']),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    mentions: Nullable(Type.Integer()),
    error: Nullable(Type.String()),
    startedAt: Type.String(),
    finishedAt: Nullable(Type.String()),
  },
  Closed,
);

export const IngestResult = Type.Object(
  {
    document: DocumentMeta,
    created: Type.Boolean({ description: 'false when the same bytes were ingested before' }),
    paragraphs: Type.Integer(),
    warnings: Type.Array(Type.String()),
    job: Nullable(MentionJob),
  },
  Closed,
);

const Explanation = Type.Object(
  { feature: Type.String(), weight: Type.Number(), detail: Type.String(), query: Type.Optional(Type.String()), candidate: Type.Optional(Type.String()) },
  Closed,
);

export const MentionCandidate = Type.Object(
  {
    id: Type.String(),
    caption: Type.String(),
    schema: Type.String(),
    score: Type.Number(),
    datasets: Type.Array(Type.String()),
    sanctioned: Type.Boolean({ description: 'a sanctions list designates the entity' }),
    explanations: Type.Union([
      Type.Array(Explanation),
      Type.Object(
        { coreference: Type.String({ description: 'the full name earlier in the text this surname refers to' }), antecedent: Type.Array(Explanation) },
        { ...Closed, description: 'a lone surname linked to the person named in full before it' },
      ),
    ]),
  },
  Closed,
);

export const MENTION_KINDS = ['entity', 'vessel', 'imo', 'mmsi', 'passport', 'date', 'quantity', 'country'] as const;

export const Mention = Type.Object(
  {
    id: Type.String(),
    kind: Type.Enum([...MENTION_KINDS]),
    start: Type.Integer(),
    end: Type.Integer(),
    paragraph: Type.Integer(),
    page: Type.Integer(),
    text: Type.String(),
    value: Nullable(Type.String({ description: 'normalised: IMO number, ISO date, country code…' })),
    entityId: Nullable(Type.String({ description: 'the linked entity: the best candidate, or the analyst’s choice' })),
    score: Nullable(Type.Number()),
    status: Type.Enum(['proposed', 'accepted', 'rejected', 'relinked']),
    reviewedBy: Nullable(Type.String()),
    candidates: Type.Array(MentionCandidate),
  },
  Closed,
);

export const SearchHit = Type.Object(
  {
    documentId: Type.String(),
    title: Nullable(Type.String()),
    publisher: Nullable(Type.String()),
    publishedAt: Nullable(Type.String()),
    paragraph: Type.Integer(),
    page: Type.Integer(),
    start: Type.Integer(),
    end: Type.Integer(),
    text: Type.String(),
  },
  Closed,
);

export const Passage = Type.Object(
  {
    documentId: Type.String(),
    title: Nullable(Type.String()),
    locator: Type.String({ description: '`page P, para N, chars A-B, quote sha256:<16 hex>`' }),
    page: Type.Integer(),
    paragraph: Paragraph,
    start: Type.Integer(),
    end: Type.Integer(),
    quote: Type.String(),
  },
  Closed,
);

/** A property value or a list of them, as FtM properties are written in a claim. */
const PropertyValues = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));


export const ClaimBody = Type.Object(
  {
    kind: Type.Optional(Type.Enum([...CLAIM_KINDS], { description: 'default relationship' })),
    locator: Type.Optional(Type.String({ maxLength: 200, description: 'the passage as a locator; or give paragraph, or start and end' })),
    paragraph: Type.Optional(Type.Integer({ minimum: 1 })),
    start: Type.Optional(Type.Integer({ minimum: 0 })),
    end: Type.Optional(Type.Integer({ minimum: 0 })),
    evidence_grade: Type.Optional(EvidenceGrade),
    claim_date: Type.Optional(Type.String({ pattern: ISO_DATE })),
    schema: Type.Optional(Type.String({ maxLength: 100, description: 'relationship / transfer: the FtM schema (default UnknownLink / ArmsTransfer)' })),
    properties: Type.Optional(PropertyValues),
    entity_id: Type.Optional(Type.String({ maxLength: 300, description: 'property: the entity' })),
    prop: Type.Optional(Type.String({ maxLength: 100 })),
    value: Type.Optional(Type.String({ maxLength: 10_000 })),
    dataset: Type.Optional(Type.String({ maxLength: 100, description: 'the analyst dataset to write to' })),
    propose: Type.Optional(Type.Boolean({ description: 'true: return the pre-filled claim without writing it' })),
    author: Type.Optional(Type.String({ maxLength: 200 })),
  },
  Closed,
);

const claimSource = {
  sourceDocument: Type.String({ description: '`doc-<sha256>`' }),
  locator: Type.String(),
  evidenceGrade: Type.Optional(EvidenceGrade),
  claimDate: Nullable(Type.String()),
};

export const ClaimDraft = Type.Union([
  Type.Object(
    { kind: Type.Literal('property'), entityId: Nullable(Type.String()), prop: Nullable(Type.String()), value: Nullable(Type.String()), ...claimSource },
    Closed,
  ),
  Type.Object({ kind: Type.Enum(['relationship', 'transfer']), schema: Type.String(), properties: PropertyValues, ...claimSource }, Closed),
]);

const StatementOut = Type.Object(
  {
    id: Type.String(),
    canonicalId: Type.String(),
    entityId: Type.String(),
    schema: Type.String(),
    prop: Type.String(),
    value: Type.String(),
    lang: Nullable(Type.String()),
    originalValue: Nullable(Type.String()),
    dataset: Type.String(),
    versionId: Type.Integer(),
    sourceDocument: Nullable(Type.String()),
    locator: Nullable(Type.String()),
    claimDate: Nullable(Type.String()),
    evidenceGrade: EvidenceGrade,
    reviewStatus: Type.String(),
    firstSeen: Type.String(),
    lastSeen: Type.String(),
    author: Type.String(),
  },
  Closed,
);

const proposalFields = {
  draft: ClaimDraft,
  quote: Type.String(),
  mentions: Type.Array(Mention, { description: 'what was found inside the passage' }),
  entities: Type.Array(Type.String(), { description: 'the entities linked inside the passage, in order' }),
};

export const ClaimProposal = Type.Object({ proposed: Type.Literal(true), ...proposalFields }, Closed);

export const ClaimCreated = Type.Object(
  {
    proposed: Type.Literal(false),
    ...proposalFields,
    id: Type.Optional(Type.String({ description: 'the relationship or transfer entity written' })),
    dataset: Type.Optional(Type.String()),
    statements: Type.Array(StatementOut),
  },
  Closed,
);

export const EntityDocuments = Type.Object(
  {
    entityId: Type.String(),
    documents: Type.Array(
      Type.Object(
        {
          documentId: Type.String(),
          title: Nullable(Type.String()),
          publishedAt: Nullable(Type.String()),
          publisher: Nullable(Type.String()),
          mentions: Type.Array(Mention),
          passages: Type.Array(Paragraph, { description: 'the paragraphs with the mentions' }),
        },
        Closed,
      ),
    ),
  },
  Closed,
);
