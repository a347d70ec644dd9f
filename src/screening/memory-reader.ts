// An EntityReader over entities held in memory: for tests, benchmarks and screening files that are
// not in the store. Entities get the dataset and referent the store would give them.
import { referentOf, type FtmEntity } from '../model/entity.ts';
import type { Statement } from '../model/statement.ts';
import { schemaIsA } from '../model/ftm.ts';
import type { DatasetVersion, EntityFilter, EntityReader } from '../store/types.ts';

export interface MemoryDataset {
  name: string;
  entities: Iterable<FtmEntity>;
  publishedAt?: string | null;
}

export class MemoryEntityReader implements EntityReader {
  private readonly datasets = new Map<string, { version: DatasetVersion; entities: FtmEntity[] }>();
  private readonly listeners = new Set<(dataset: string) => void>();
  private nextVersion = 1;

  constructor(datasets: MemoryDataset[] = []) {
    for (const d of datasets) this.put(d);
  }

  /** Replaces a dataset's live version and tells the listeners, like an import does. */
  replace(dataset: MemoryDataset): void {
    this.put(dataset);
    for (const listener of this.listeners) listener(dataset.name);
  }

  onLiveChange(listener: (dataset: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private put({ name, entities, publishedAt = null }: MemoryDataset): void {
    const list = [...entities].map((e) => ({
      ...e,
      datasets: e.datasets ?? [name],
      referents: e.referents ?? [referentOf(name, e.id)],
    }));
    const id = this.nextVersion++;
    const version: DatasetVersion = {
      id,
      dataset: name,
      version: `memory-${id}`,
      publishedAt,
      importedAt: new Date().toISOString(),
      status: 'live',
      format: 'memory',
      sourceFiles: [],
      entityCount: list.length,
      statementCount: 0,
      schemaCounts: {},
    };
    this.datasets.set(name, { version, entities: list });
  }

  async getEntity(id: string): Promise<FtmEntity | undefined> {
    for (const { entities } of this.datasets.values()) {
      const found = entities.find((e) => e.id === id || e.referents?.includes(id));
      if (found) return found;
    }
    return undefined;
  }

  async getStatements(): Promise<Statement[]> {
    return [];
  }

  async getReferencing(): Promise<FtmEntity[]> {
    return [];
  }

  async *iterateEntities(filter: EntityFilter = {}): AsyncIterable<FtmEntity> {
    for (const [name, { entities }] of this.datasets) {
      if (filter.datasets && !filter.datasets.includes(name)) continue;
      for (const e of entities) {
        if (filter.schemata && !filter.schemata.some((s) => schemaIsA(e.schema, s))) continue;
        yield e;
      }
    }
  }

  async *iterateStatements(): AsyncIterable<Statement> {}

  async liveVersions(): Promise<DatasetVersion[]> {
    return [...this.datasets.values()].map((d) => d.version);
  }
}
