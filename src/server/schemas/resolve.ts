// The resolver routes' requests and answers (src/resolve/: judgements.ts, xref.ts, review.ts and
// split.ts say what each field means).
import { Type } from 'typebox';
import { Closed, Nullable } from './common.ts';

const RecordId = Type.String({ minLength: 1, maxLength: 512, description: 'entity id, referent (`us_ofac_sdn:12211`) or canonical id' });

export const Judgement = Type.Object(
  {
    seq: Type.Integer({ description: 'position in the append-only log' }),
    left: Type.String(),
    right: Type.String(),
    verdict: Type.Enum(['same', 'not_same', 'unsure', 'undo']),
    author: Type.String(),
    createdAt: Type.String(),
    reason: Type.String(),
    basedOn: Type.Unknown({ description: 'what the judgement rests on (free JSON)' }),
    machine: Type.Boolean({ description: 'made by xref, not a person' }),
    score: Nullable(Type.Number()),
  },
  Closed,
);

const Explanation = Type.Object(
  {
    feature: Type.String(),
    weight: Type.Number(),
    detail: Type.String(),
    query: Type.Optional(Type.String()),
    candidate: Type.Optional(Type.String()),
  },
  Closed,
);

const CandidateStatus = Type.Enum(['waiting', 'decided', 'flagged']);

export const Candidate = Type.Object(
  {
    left: Type.String(),
    right: Type.String(),
    score: Type.Number(),
    nameScore: Type.Number(),
    leftDataset: Type.String(),
    rightDataset: Type.String(),
    leftCaption: Type.String(),
    rightCaption: Type.String(),
    evidence: Type.Array(Type.String(), { description: 'what agrees: `identifier.match`, `birthDate.exact`, `official:KPi.033`…' }),
    conflicts: Type.Array(Type.String(), { description: 'what disagrees: `birthDate.mismatch`, `official.names_differ`…' }),
    official: Nullable(Type.String({ description: 'the UN reference a list cites for this pair' })),
    flagged: Type.Boolean({ description: 'a contradicted official cross-reference: a possible list error' }),
    explanations: Type.Array(Explanation),
    status: CandidateStatus,
  },
  Closed,
);

export const CandidateQuery = Type.Object({
  dataset: Type.Optional(Type.String({ maxLength: 64, description: 'pairs with a record of this dataset' })),
  min: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'lowest score' })),
  max: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'highest score' })),
  status: Type.Optional(Type.Enum(['waiting', 'decided', 'flagged', 'all'], { default: 'waiting' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});

export const CandidatePage = Type.Object(
  {
    total: Type.Integer(),
    offset: Type.Integer(),
    limit: Type.Integer(),
    counts: Type.Object({ waiting: Type.Integer(), decided: Type.Integer(), flagged: Type.Integer() }, { ...Closed, description: 'pairs per status under the dataset and score filters' }),
    results: Type.Array(Candidate),
  },
  Closed,
);

const SourcedValue = Type.Object(
  {
    value: Type.String(),
    dataset: Type.String(),
    version: Nullable(Type.String({ description: 'the live version the value comes from' })),
    locator: Nullable(Type.String()),
    matched: Type.Boolean({ description: 'the other record has this value too (compared as normalised text)' }),
  },
  Closed,
);

const PairRecord = Type.Object(
  {
    id: Type.String(),
    schema: Type.String(),
    caption: Type.String(),
    dataset: Type.String(),
    canonicalId: Type.String({ description: 'the target the record belongs to (its own id when in none)' }),
  },
  Closed,
);

export const CandidatePair = Type.Object(
  {
    candidate: Nullable(Candidate),
    left: PairRecord,
    right: PairRecord,
    properties: Type.Array(
      Type.Object(
        {
          prop: Type.String(),
          state: Type.Enum(['agree', 'conflict', 'differ', 'one_side'], { description: 'conflict: named by a conflict of the candidate; agree: a shared value or evidence' }),
          features: Type.Array(Type.String({ description: 'the evidence or conflicts that name this property' })),
          left: Type.Array(SourcedValue),
          right: Type.Array(SourcedValue),
        },
        Closed,
      ),
    ),
    judgement: Nullable(Judgement),
  },
  { ...Closed, description: 'Two records side by side, property by property, each value with its source' },
);

export const PairParams = Type.Object({ left: RecordId, right: RecordId });

const judgementFields = {
  left: Type.Optional(RecordId),
  right: Type.Optional(RecordId),
  judgement: Type.Optional(Type.String({ maxLength: 40, description: 'same, not-same, unsure or undo (nomenklatura: positive, negative, unsure, no_judgement)' })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  based_on: Type.Optional(Type.Unknown({ description: 'what the judgement rests on (free JSON)' })),
  score: Type.Optional(Type.Number()),
};

export const JudgementsBody = Type.Object({
  ...judgementFields,
  judgements: Type.Optional(Type.Array(Type.Object(judgementFields), { maxItems: 1000, description: 'a batch, recorded all or nothing' })),
  author: Type.Optional(Type.String({ maxLength: 200, description: 'ignored: the signed-in user or API key is recorded' })),
});

const TargetOf = Type.Object(
  { id: Type.String(), canonical_id: Type.String(), members: Type.Array(Type.String()) },
  { ...Closed, description: 'where a judged record now belongs' },
);

export const JudgementsRecorded = Type.Object({ judgements: Type.Array(Judgement), targets: Type.Array(TargetOf) }, Closed);

export const SplitBody = Type.Object({
  member: RecordId,
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  author: Type.Optional(Type.String({ maxLength: 200, description: 'ignored: the signed-in user or API key is recorded' })),
});

export const SplitRecorded = Type.Object(
  {
    judgements: Type.Array(Judgement, { description: 'the undo, not-same (and any keep-together same) judgements recorded' }),
    member: TargetOf,
    rest: TargetOf,
  },
  Closed,
);

export const MemberList = Type.Object(
  {
    id: Type.String({ description: 'the canonical id' }),
    members: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          referent: Type.String(),
          dataset: Type.String(),
          schema: Type.String(),
          caption: Type.String(),
          judgements: Type.Array(Judgement, { description: 'the `same` judgements in force that hold the record in its target' }),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

export const EntityParams = Type.Object({ id: RecordId });
