// The graph routes' answers (src/graph/types.ts, service.ts and ownership.ts say what each field means).
import { Type } from 'typebox';
import { Closed, EvidenceGrade, Nullable } from './common.ts';

export const GraphNode = Type.Object(
  {
    id: Type.String(),
    schema: Type.String(),
    caption: Type.String(),
    datasets: Type.Array(Type.String()),
    sanctioned: Type.Boolean({ description: 'a sanctions list designates the entity' }),
    sanctionedBy: Type.Array(Type.String()),
    known: Type.Boolean({ description: 'false for ids a relationship names but that have no statements of their own' }),
  },
  Closed,
);

const nodeFields = GraphNode.properties;

export const EdgeProvenance = Type.Object(
  {
    dataset: Type.String(),
    versionId: Type.Integer(),
    sourceDocument: Nullable(Type.String()),
    locator: Nullable(Type.String()),
    evidenceGrade: EvidenceGrade,
    claimDate: Nullable(Type.String()),
    firstSeen: Nullable(Type.String()),
    lastSeen: Nullable(Type.String()),
    author: Nullable(Type.String()),
  },
  Closed,
);

const edgeFields = {
  id: Type.String({ description: 'the relationship entity id, or `<entity>#<prop>` for a property link' }),
  kind: Type.Enum(['relationship', 'possibleSameAs', 'property']),
  type: Type.String({ description: 'FtM schema (`Ownership`) or `<Schema>.<prop>`' }),
  label: Type.String(),
  source: Type.String(),
  target: Type.String(),
  directed: Type.Boolean(),
  role: Nullable(Type.String()),
  percentage: Nullable(Type.Number()),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  evidenceGrade: EvidenceGrade,
  provenance: Type.Array(EdgeProvenance),
};

export const GraphEdge = Type.Object(edgeFields, Closed);

/** An edge on a path carries its traversal weight (type weight × grade weight). */
const PathEdge = Type.Object({ ...edgeFields, weight: Type.Optional(Type.Number()) }, Closed);

export const GraphPath = Type.Object({ nodes: Type.Array(Type.String()), edges: Type.Array(PathEdge), hops: Type.Integer() }, Closed);

export const EdgeFilter = Type.Object(
  {
    types: Type.Optional(Type.Array(Type.String())),
    minGrade: Type.Optional(EvidenceGrade),
    fromDate: Type.Optional(Type.String()),
    toDate: Type.Optional(Type.String()),
    includeSameAs: Type.Optional(Type.Boolean()),
  },
  Closed,
);

export const AdjacentPage = Type.Object(
  {
    entity: GraphNode,
    total: Type.Integer(),
    offset: Type.Integer(),
    limit: Type.Integer(),
    results: Type.Array(Type.Object({ edge: GraphEdge, other: GraphNode }, Closed)),
  },
  Closed,
);

export const PathsResult = Type.Object(
  {
    from: GraphNode,
    to: GraphNode,
    maxHops: Type.Integer(),
    k: Type.Integer(),
    filter: EdgeFilter,
    paths: Type.Array(Type.Object({ ...GraphPath.properties, nodeDetails: Type.Array(GraphNode) }, Closed)),
  },
  Closed,
);

export const Neighbourhood = Type.Object(
  {
    centre: GraphNode,
    hops: Type.Integer(),
    limit: Type.Integer(),
    nodes: Type.Array(Type.Object({ ...nodeFields, hops: Type.Integer({ description: 'distance from the centre' }) }, Closed)),
    edges: Type.Array(GraphEdge),
    cut: Type.Object({ nodes: Type.Integer(), edges: Type.Integer() }, { ...Closed, description: 'what the limit left out' }),
    truncated: Type.Boolean(),
  },
  Closed,
);

export const OwnershipAssessment = Type.Object(
  {
    entity: Type.String(),
    listed: Type.Boolean({ description: 'designated itself, regardless of ownership' }),
    share: Type.Number({ description: 'aggregate share held by blocked persons (0..1, may exceed 1 when claims overlap)' }),
    blocked: Type.Boolean(),
    blockedByOwnership: Type.Boolean(),
    terms: Type.Array(
      Type.Object(
        {
          path: Type.Array(Type.String(), { description: 'node ids from the blocked owner down to the entity assessed' }),
          factors: Type.Array(Type.Number()),
          contribution: Type.Number(),
          edges: Type.Array(Type.String()),
        },
        Closed,
      ),
    ),
    termsTruncated: Type.Boolean(),
    computation: Type.String({ description: '"30% (A → C) + 40% × 60% (A → B → C) = 54% ≥ 50%: treated as blocked"' }),
    warnings: Type.Array(Type.String()),
  },
  Closed,
);

export const ExposureResult = Type.Object(
  {
    entity: GraphNode,
    hops: Type.Integer(),
    sanctioned: Type.Boolean(),
    hits: Type.Array(Type.Object({ entity: GraphNode, score: Type.Number(), hops: Type.Integer(), path: GraphPath }, Closed)),
    reached: Type.Integer(),
    truncated: Type.Boolean(),
    ownership: OwnershipAssessment,
    weights: Type.Object({ note: Type.String() }, Closed),
  },
  Closed,
);

export const Centrality = Type.Object(
  {
    nodes: Type.Array(
      Type.Object({ ...nodeFields, degree: Type.Integer(), betweenness: Type.Number(), pageRank: Type.Number(), community: Type.Integer() }, Closed),
    ),
    edges: Type.Integer({ description: 'edges in the subgraph' }),
    communities: Type.Integer(),
    modularity: Type.Number(),
  },
  Closed,
);

export const GraphStats = Type.Object(
  {
    nodes: Type.Integer(),
    edges: Type.Integer(),
    types: Type.Array(Type.String()),
    builtAt: Type.String(),
    warnings: Type.Array(Type.String()),
  },
  Closed,
);
