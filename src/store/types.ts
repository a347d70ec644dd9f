// The store's public contract. Domain rooms (screening, graph, transfers) use only `EntityReader`;
// adapters (CLI, server) use `Store`.
import type { FtmEntity } from '../model/entity.ts';
import type { Statement, StatementDraft } from '../model/statement.ts';
import type { ParsedItem } from '../model/parsed-item.ts';

export interface DatasetVersion {
  id: number;
  dataset: string;
  /** Human version label: the publication date plus the import time, e.g. `20231228-120501`. */
  version: string;
  /** When the publisher issued the data (ISO date), if the file says so. */
  publishedAt: string | null;
  importedAt: string;
  /** `archived`: rows an analyst edit replaced, kept for their provenance (not a version of the list). */
  status: 'live' | 'superseded' | 'failed' | 'importing' | 'archived';
  format: string;
  sourceFiles: string[];
  entityCount: number;
  statementCount: number;
  /** Entities per schema, and the number of list entries (targets) under `$targets`. */
  schemaCounts: Record<string, number>;
}

/**
 * Who may write a dataset. `publisher`: a list as its publisher issued it (or a restatement of one),
 * written only by import and sync. `analyst`: claims, case files and judgements, which analysts may
 * add to through the API.
 */
export type DatasetKind = 'publisher' | 'analyst';

export interface DatasetInfo {
  name: string;
  kind: DatasetKind;
  title: string;
  publisher: string;
  licence: string;
  live: DatasetVersion | null;
  versions: number;
}

export interface EntityChange {
  id: string;
  schema: string;
  caption: string;
  /** Per property: values only in the old version, values only in the new one. */
  changes: Record<string, { removed: string[]; added: string[] }>;
}

/** The kinds of entry a diff has (a page of one may be filtered to one kind). */
export const DIFF_KINDS = ['added', 'removed', 'changed'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export interface DatasetDiff {
  dataset: string;
  from: DatasetVersion;
  to: DatasetVersion;
  added: { id: string; schema: string; caption: string }[];
  removed: { id: string; schema: string; caption: string }[];
  changed: EntityChange[];
  /** Ids of the list entries among the entities above (named by a Sanction of either version). */
  targets?: string[];
}

export interface ImportRequest {
  dataset: string;
  format: string;
  sourceFiles: string[];
  /** Publication date, if known before parsing; parsers may also report it while parsing. */
  publishedAt?: string | null;
  /** Delta formats start from the previous live version. */
  delta?: boolean;
  author?: string;
  title?: string;
  publisher?: string;
  licence?: string;
  /** Default `publisher`: read-only to analysts. */
  kind?: DatasetKind;
  /** Accept a version that removes more than SHRINK_LIMIT of the list (see shrink.ts). */
  allowShrink?: boolean;
}

/** One dataset's part of an import: the request and the parsed items it writes. */
export interface ImportJob {
  request: ImportRequest;
  items: AsyncIterable<StatementDraft | ParsedItem>;
}

export interface ImportResult {
  version: DatasetVersion;
  previous: DatasetVersion | null;
  added: number;
  removed: number;
  changed: number;
  warnings: string[];
}

export interface EntityFilter {
  /** Only these datasets (live versions); default all. */
  datasets?: string[];
  /** Only entities of these schemata or their descendants. */
  schemata?: string[];
}

/** Read access to the live data, for screening, graph and transfers. */
export interface EntityReader {
  /** The assembled entity by id (or by referent `<dataset>:<id>`), from live versions. */
  getEntity(id: string): Promise<FtmEntity | undefined>;
  /** All statements (with provenance) of an entity in live versions. */
  getStatements(id: string): Promise<Statement[]>;
  /** Live entities that point at this one through an entity-typed property (its sanctions, links...). */
  getReferencing(id: string): Promise<FtmEntity[]>;
  /** Every live entity, assembled, streamed. */
  iterateEntities(filter?: EntityFilter): AsyncIterable<FtmEntity>;
  /** Every live statement, streamed, ordered by canonical id. */
  iterateStatements(filter?: EntityFilter): AsyncIterable<Statement>;
  /** The live version of each dataset; changes when an import or sync switches a version. */
  liveVersions(): Promise<DatasetVersion[]>;
  /** A resolving reader (src/resolve/service.ts) names the judgements it resolves with, for saved-index names. */
  resolutionKey?(): Promise<string>;
  /**
   * The newest judgements in force earlier whose name `saved` holds (something was saved under it),
   * with the targets the judgements since then change; undefined if there are none.
   */
  changeSinceSaved?(saved: (resolutionKey: string) => boolean): Promise<{ resolutionKey: string; change: ResolutionChange } | undefined>;
}

/** Records whose entries go (every member of a touched target, before and after, and its former ids), and targets to read again. */
export interface ResolutionChange {
  removed: string[];
  targets: string[];
}

export interface Store extends EntityReader {
  readonly engine: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  importDataset(request: ImportRequest, items: AsyncIterable<StatementDraft | ParsedItem>): Promise<ImportResult>;
  /** Several datasets' new versions in one transaction: all become live, or none does. */
  importDatasets(jobs: ImportJob[]): Promise<ImportResult[]>;
  datasets(): Promise<DatasetInfo[]>;
  versions(dataset: string): Promise<DatasetVersion[]>;
  diff(dataset: string, from?: string | number, to?: string | number): Promise<DatasetDiff>;
  /**
   * Analyst statements, appended to the live version of an analyst dataset in place (an edit costs
   * what it changes); a restated value's earlier claim is archived, never lost. Publishers' datasets
   * refuse them.
   */
  addStatements(dataset: string, drafts: StatementDraft[], author: string): Promise<Statement[]>;
  /**
   * Subscribe to live-version switches (the screening index rebuilds on this). For an analyst edit,
   * `appended` names the entities whose statements it added or restated (nothing else changed), so
   * a service may take in just those instead of rebuilding.
   */
  onLiveChange(listener: (dataset: string, appended?: string[]) => void): () => void;
  close(): Promise<void>;
}
