// The screening routes' requests and answers: yente's shapes for /match and /search, OpenRefine's
// for /reconcile (src/screening/match.ts, search.ts, reconcile.ts and service.ts say what each means).
import { Type } from 'typebox';
import { algorithmNames, DEFAULT_ALGORITHM } from '../../screening/algorithms.ts';
import { MAX_MATCH_LIMIT, MAX_SEARCH_LIMIT } from '../../screening/limits.ts';
import { Closed, Nullable } from './common.ts';

export const DatasetParams = Type.Object({
  dataset: Type.String({
    maxLength: 200,
    description:
      "a dataset name; `default`: the sanctions lists for /match and /reconcile, every live dataset for /search; `all`: every live dataset (case files and analysts' datasets included)",
  }),
});

const ListOfStrings = (description?: string) => Type.Optional(Type.Array(Type.String(), description ? { description } : {}));

export const MatchQuerystring = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_MATCH_LIMIT, default: 5, description: 'results per query' })),
  threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: "score at which a result is a match (default: the matcher's documented threshold)" })),
  cutoff: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'results scoring at or below this are left out' })),
  algorithm: Type.Optional(Type.String({ default: DEFAULT_ALGORITHM, description: `one of ${algorithmNames().join(', ')}` })),
  include_dataset: ListOfStrings('only these datasets'),
  exclude_dataset: ListOfStrings('leave out these datasets'),
  exclude_schema: ListOfStrings('leave out these schemata'),
  topics: ListOfStrings('only entities with one of these topics'),
});

export const MatchBody = Type.Object({
  // Left unchecked here: the screening service checks every query and names the offending field
  // (`queries.q1.properties.name[0]`), which a schema error could not.
  queries: Type.Optional(Type.Unknown({ description: 'query key → an entity by example: {"schema": "Person", "properties": {"name": [...], "birthDate": [...]}}' })),
  weights: Type.Optional(Type.Unknown({ description: 'feature weight overrides: {feature: number}' })),
});

export const Band = Type.Enum(['match', 'review', 'clear'], { description: 'match: treat as the listed entity; review: a person must look; clear' });

const entityFields = {
  id: Type.String(),
  caption: Type.String(),
  schema: Type.String(),
  properties: Type.Record(Type.String(), Type.Array(Type.String())),
  datasets: Type.Array(Type.String()),
  referents: Type.Array(Type.String()),
  target: Type.Boolean({ description: 'a sanctions list designates the entity' }),
  first_seen: Nullable(Type.String()),
  last_seen: Nullable(Type.String()),
  last_change: Nullable(Type.String()),
};

export const EntityResult = Type.Object(entityFields, Closed);

export const Explanation = Type.Object(
  {
    feature: Type.String({ description: "e.g. 'name.exact', 'name.transliteration', 'birthDate.mismatch', 'identifier.imo'" }),
    weight: Type.Number({ description: 'signed contribution to the score' }),
    detail: Type.String({ description: 'a sentence a person can read' }),
    query: Type.Optional(Type.String({ description: "the query's value, when the feature is about a pair" })),
    candidate: Type.Optional(Type.String({ description: 'the listed value it met' })),
  },
  Closed,
);

export const ScoredEntity = Type.Object(
  {
    ...entityFields,
    score: Type.Number(),
    match: Type.Boolean(),
    band: Band,
    reason: Type.String({ description: 'the band, score and the explanations that decided it, in one line' }),
    features: Type.Record(Type.String(), Type.Number()),
    explanations: Type.Array(Explanation),
  },
  Closed,
);

export const EntityMatches = Type.Object(
  {
    status: Type.Integer(),
    results: Type.Array(ScoredEntity),
    total: Type.Object({ value: Type.Integer(), relation: Type.Literal('eq') }, Closed),
    band: Band,
    query: Type.Object({ id: Type.String(), schema: Type.String(), properties: Type.Record(Type.String(), Type.Array(Type.String())) }, Closed),
    warnings: Type.Array(Type.String(), { description: 'values read leniently or left out, each named' }),
  },
  Closed,
);

export const Matcher = Type.Object(
  {
    name: Type.String(),
    requested: Type.String({ description: 'the algorithm asked for' }),
    description: Type.String(),
    threshold: Type.Number(),
    names_only: Type.Boolean(),
  },
  Closed,
);

/** What an answer was given from (service.ts AnswerContext). */
const answerContext = {
  scope: Type.Object(
    {
      name: Type.String({ description: 'the path\'s `{dataset}`: `default`, `all` or a dataset name' }),
      description: Type.String({ description: 'in words: "the sanctions lists (…)", "all data…"' }),
      datasets: Type.Array(Type.String()),
    },
    Closed,
  ),
  lists: Type.Array(
    Type.Object(
      {
        dataset: Type.String(),
        version: Type.String(),
        published_at: Nullable(Type.String()),
        age_days: Nullable(Type.Integer()),
        stale: Type.Boolean(),
        retired: Type.Optional(Nullable(Type.Object({ on: Type.String(), supersededBy: Type.String(), note: Type.String() }, Closed))),
        warning: Nullable(Type.String()),
      },
      Closed,
    ),
    { description: 'the list versions the answer rests on' },
  ),
  warnings: Type.Array(Type.String(), { description: 'every stale or otherwise flagged list in scope, one sentence each' }),
};

export const MatchResponse = Type.Object(
  { responses: Type.Record(Type.String(), EntityMatches), matcher: Matcher, limit: Type.Integer(), ...answerContext },
  Closed,
);

export const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ description: 'a name or identifier; empty lists everything' })),
  schema: Type.Optional(Type.String({ description: 'only this schema and its descendants' })),
  countries: ListOfStrings('ISO country codes'),
  datasets: ListOfStrings(),
  topics: ListOfStrings(),
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SEARCH_LIMIT, default: 10 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

const Facet = Type.Object(
  { label: Type.String(), values: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), count: Type.Integer() }, Closed)) },
  Closed,
);

export const SearchResponse = Type.Object(
  {
    limit: Type.Integer(),
    offset: Type.Integer(),
    total: Type.Object({ value: Type.Integer(), relation: Type.Literal('eq') }, Closed),
    results: Type.Array(EntityResult),
    facets: Type.Object({ schema: Facet, countries: Facet, datasets: Facet, topics: Facet }, Closed),
    ...answerContext,
  },
  Closed,
);

const ReconcileType = Type.Object({ id: Type.String(), name: Type.String(), description: Type.Optional(Type.String()) }, Closed);

export const ReconcileResults = Type.Record(
  Type.String(),
  Type.Object(
    {
      result: Type.Array(
        Type.Object(
          { id: Type.String(), name: Type.String(), score: Type.Number(), match: Type.Boolean(), type: Type.Array(ReconcileType), description: Type.String() },
          Closed,
        ),
      ),
    },
    Closed,
  ),
  { description: 'query key → candidates' },
);

export const ReconcileManifest = Type.Object(
  {
    versions: Type.Array(Type.String()),
    name: Type.String(),
    identifierSpace: Type.String(),
    schemaSpace: Type.String(),
    view: Type.Object({ url: Type.String() }, Closed),
    documentation: Type.String(),
    batchSize: Type.Integer(),
    defaultTypes: Type.Array(ReconcileType),
  },
  Closed,
);

export const ReconcileQuerystring = Type.Object({ queries: Type.Optional(Type.String({ description: 'JSON batch of reconciliation queries' })) });

export const ReconcileBody = Type.Object({
  // Checked by the service, which names the query at fault.
  queries: Type.Optional(Type.Unknown({ description: 'form field or JSON: query key → {query, type, limit, properties: [{pid, v}]}' })),
});

export const Algorithms = Type.Object(
  {
    algorithms: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), features: Type.Record(Type.String(), Type.Unknown()) }, Closed)),
    default: Type.String(),
    best: Type.String(),
    threshold: Type.Number(),
  },
  Closed,
);

/** One result of a batch row (src/screening/batch-output.ts BriefResult). */
const BriefResult = Type.Object(
  {
    id: Type.String(),
    caption: Type.String(),
    schema: Type.String(),
    score: Type.Number(),
    band: Band,
    match: Type.Boolean(),
    target: Type.Boolean(),
    reason: Type.String(),
    referents: Type.Array(Type.String()),
    datasets: Type.Array(Type.String()),
    explanations: Type.Array(Explanation),
  },
  Closed,
);

/** One input row of a batch with its results: what `interdict screen` writes per row. */
export const BatchRecord = Type.Object(
  {
    id: Type.String({ description: "the row's id (its `id` column, else `line-N`)" }),
    line: Type.Integer({ minimum: 1, description: '1-based line of the input' }),
    status: Type.Enum(['screened', 'unscreenable']),
    band: Nullable(Band),
    results: Type.Array(BriefResult),
    warnings: Type.Array(Type.String()),
    error: Type.Optional(Type.String({ description: 'why the row is unscreenable' })),
    lists: Type.String({ description: 'the list versions screened against, each marked STALE when old' }),
  },
  Closed,
);

export const BatchResultsBody = Type.Object({ records: Type.Array(BatchRecord, { description: 'in input order' }) }, Closed);

export const BatchCsv = Type.String({ contentMediaType: 'text/csv', description: 'the CSV `interdict screen --format csv` writes: one row per result, cells safe to open in a spreadsheet' });
export const BatchJsonLines = Type.String({ contentMediaType: 'application/x-ndjson', description: 'the JSON lines `interdict screen` writes: one record per input row' });
