// An EntityReader over statements held in memory: for tests, benchmarks and one-off CLI runs
// over files, with the same contract the store keeps (statements ordered by canonical id, ids or
// referents, live versions that switch and tell their listeners).
import { assembleEntity, entityDrafts, entityIdOf, type FtmEntity } from '../model/entity.ts';
import { propertyType, schemaIsA } from '../model/ftm.ts';
import { statementFromDraft, type Statement, type StatementDraft } from '../model/statement.ts';
import type { DatasetVersion, EntityFilter, EntityReader } from './types.ts';

export interface MemoryDatasetOptions {
  /** Version label; default `<date>-memory`. */
  version?: string;
  publishedAt?: string | null;
  author?: string;
  /** first_seen/last_seen stamped on the statements; default the publication date or today. */
  seen?: string;
}

export class MemoryReader implements EntityReader {
  private byCanonical = new Map<string, Statement[]>();
  private versions: DatasetVersion[] = [];
  private sortedIds: string[] | undefined;
  private lastVersionId = 0;
  private readonly listeners = new Set<(dataset: string) => void>();

  addDataset(dataset: string, drafts: Iterable<StatementDraft>, options: MemoryDatasetOptions = {}): DatasetVersion {
    const versionId = ++this.lastVersionId;
    const seen = options.seen ?? options.publishedAt ?? new Date().toISOString().slice(0, 10);
    let count = 0;
    const entities = new Set<string>();
    for (const d of drafts) {
      this.push(
        statementFromDraft(d, { dataset, versionId, seenAt: seen, author: options.author ?? 'import', grade: 'official', reviewStatus: 'unreviewed' }),
      );
      entities.add(d.entityId);
      count++;
    }
    const version: DatasetVersion = {
      id: versionId,
      dataset,
      version: options.version ?? `${seen.replace(/-/g, '')}-memory`,
      publishedAt: options.publishedAt ?? null,
      importedAt: new Date().toISOString(),
      status: 'live',
      format: 'memory',
      sourceFiles: [],
      entityCount: entities.size,
      statementCount: count,
      schemaCounts: {},
    };
    this.versions.push(version);
    return version;
  }

  /** Adds entities in FtM JSON form as a dataset (their values become statements). */
  addEntities(dataset: string, entities: Iterable<FtmEntity>, options: MemoryDatasetOptions = {}): DatasetVersion {
    return this.addDataset(dataset, [...entities].flatMap(entityDrafts), options);
  }

  /** Replaces a dataset's live version with these entities and tells the listeners, as an import does. */
  replaceEntities(dataset: string, entities: Iterable<FtmEntity>, options: MemoryDatasetOptions = {}): DatasetVersion {
    for (const [id, statements] of this.byCanonical) {
      const kept = statements.filter((s) => s.dataset !== dataset);
      if (kept.length) this.byCanonical.set(id, kept);
      else this.byCanonical.delete(id);
    }
    this.sortedIds = undefined;
    this.versions = this.versions.filter((v) => v.dataset !== dataset);
    const version = this.addEntities(dataset, entities, options);
    for (const listener of this.listeners) listener(dataset);
    return version;
  }

  onLiveChange(listener: (dataset: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Append already-bound statements (analyst edits in tests). */
  push(statement: Statement): void {
    let list = this.byCanonical.get(statement.canonicalId);
    if (!list) {
      this.byCanonical.set(statement.canonicalId, (list = []));
      this.sortedIds = undefined;
    }
    list.push(statement);
  }

  /** An entity id, or the id a referent stands for (the store's contract). */
  private resolve(id: string): string {
    return entityIdOf(id);
  }

  async getEntity(id: string): Promise<FtmEntity | undefined> {
    return assembleEntity(this.byCanonical.get(this.resolve(id)) ?? []);
  }

  async getStatements(id: string): Promise<Statement[]> {
    return [...(this.byCanonical.get(this.resolve(id)) ?? [])];
  }

  async getReferencing(id: string): Promise<FtmEntity[]> {
    const target = this.resolve(id);
    const out: FtmEntity[] = [];
    for (const [canonical, statements] of this.byCanonical) {
      if (canonical === target) continue;
      const refers = statements.some((s) => propertyType(s.schema, s.prop) === 'entity' && this.resolve(s.value) === target);
      const entity = refers ? assembleEntity(statements) : undefined;
      if (entity) out.push(entity);
    }
    return out;
  }

  async *iterateEntities(filter?: EntityFilter): AsyncIterable<FtmEntity> {
    for (const id of this.ids()) {
      const statements = this.filtered(id, filter);
      const entity = statements.length ? assembleEntity(statements) : undefined;
      if (entity && matchesSchema(entity.schema, filter)) yield entity;
    }
  }

  async *iterateStatements(filter?: EntityFilter): AsyncIterable<Statement> {
    for (const id of this.ids()) {
      const statements = this.filtered(id, filter);
      if (statements.length && matchesSchema(statements[0].schema, filter)) yield* statements;
    }
  }

  async liveVersions(): Promise<DatasetVersion[]> {
    return [...this.versions];
  }

  private ids(): string[] {
    return (this.sortedIds ??= [...this.byCanonical.keys()].sort());
  }

  private filtered(id: string, filter?: EntityFilter): Statement[] {
    const all = this.byCanonical.get(id) ?? [];
    return filter?.datasets ? all.filter((s) => filter.datasets!.includes(s.dataset)) : all;
  }
}

function matchesSchema(schema: string, filter?: EntityFilter): boolean {
  return !filter?.schemata || filter.schemata.some((s) => schemaIsA(schema, s));
}
