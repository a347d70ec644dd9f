// Resolved entities: a view over the sources' statements, never a rewrite of them. The merged entity
// of a target carries every member's statements unchanged (dataset, version, grade, locator) under
// the canonical id, and `referents` name every member record; ids pointing at a member (a Sanction's
// `entity`, a link's `subject`) point at the canonical id. Unmerging is a judgement: the view follows.
import { assembleEntity, type FtmEntity } from '../model/entity.ts';
import type { Statement } from '../model/statement.ts';
import { entityIdOf } from '../model/entity.ts';
import type { DatasetVersion, EntityFilter, EntityReader } from '../store/types.ts';
import type { Resolution } from './resolution.ts';

export interface ResolvedEntity extends FtmEntity {
  /** The member records (entity ids) with the datasets they come from. */
  members: { id: string; referent: string; dataset: string }[];
}

/** Rewrites entity references to canonical ids (only values that are merged records change). */
function redirectValues(entity: FtmEntity, resolution: Resolution): FtmEntity {
  let changed = false;
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(entity.properties)) {
    properties[prop] = values.map((v) => {
      if (!resolution.isMerged(v)) return v;
      changed = true;
      return resolution.canonical(v);
    });
  }
  return changed ? { ...entity, properties } : entity;
}

export class ResolvedReader implements EntityReader {
  constructor(
    readonly base: EntityReader,
    readonly resolution: Resolution,
  ) {}

  /** The statements of a target: every member's, unchanged but for the canonical id. */
  async getStatements(id: string): Promise<Statement[]> {
    const canonical = this.resolution.canonical(entityIdOf(id));
    const out: Statement[] = [];
    for (const member of this.resolution.members(canonical)) {
      for (const s of await this.base.getStatements(member)) {
        // As iterateStatements gives them: references to a merged record point at its target.
        const value = s.prop !== 'id' && this.resolution.isMerged(s.value) ? this.resolution.canonical(s.value) : s.value;
        out.push({ ...s, canonicalId: canonical, value });
      }
    }
    return out;
  }

  async getEntity(id: string): Promise<FtmEntity | undefined> {
    const entity = assembleEntity(await this.getStatements(id));
    return entity && redirectValues(entity, this.resolution);
  }

  /** The resolved entity with its members, for any member, referent or canonical id. */
  async getResolved(id: string): Promise<ResolvedEntity | undefined> {
    const statements = await this.getStatements(id);
    const entity = assembleEntity(statements);
    if (!entity) return undefined;
    const members = new Map<string, { id: string; referent: string; dataset: string }>();
    for (const s of statements) if (s.prop === 'id' && !members.has(s.entityId)) members.set(s.entityId, { id: s.entityId, referent: '', dataset: s.dataset });
    for (const m of members.values()) m.referent = entity.referents?.find((r) => r.startsWith(`${m.dataset}:`) && entityIdOf(r) === m.id) ?? m.id;
    return { ...redirectValues(entity, this.resolution), members: [...members.values()].sort((a, b) => a.id.localeCompare(b.id)) };
  }

  async getReferencing(id: string): Promise<FtmEntity[]> {
    const seen = new Set<string>();
    const out: FtmEntity[] = [];
    for (const member of this.resolution.members(this.resolution.canonical(entityIdOf(id)))) {
      for (const e of await this.base.getReferencing(member)) {
        const canonical = this.resolution.canonical(e.id);
        if (seen.has(canonical)) continue;
        seen.add(canonical);
        out.push(canonical === e.id ? redirectValues(e, this.resolution) : ((await this.getEntity(canonical)) ?? e));
      }
    }
    return out;
  }

  /**
   * Every target once: unmerged records as they stream; members of merged targets are held until
   * the stream ends and then given out merged (there are a few thousand at most). The order by id
   * of the base stream is not kept for merged targets.
   */
  async *iterateEntities(filter?: EntityFilter): AsyncIterable<FtmEntity> {
    const held = new Map<string, FtmEntity[]>();
    for await (const e of this.base.iterateEntities(filter)) {
      if (!this.resolution.isMerged(e.id)) {
        yield redirectValues(e, this.resolution);
        continue;
      }
      const canonical = this.resolution.canonical(e.id);
      (held.get(canonical) ?? held.set(canonical, []).get(canonical)!).push(e);
    }
    // A target with a member in the filtered datasets is given out whole, with all its members.
    for (const [canonical, parts] of held) yield filter?.datasets ? ((await this.getEntity(canonical)) ?? mergeEntities(canonical, parts)) : redirectValues(mergeEntities(canonical, parts), this.resolution);
  }

  /** Every statement with its target's canonical id (merged targets' statements come last). */
  async *iterateStatements(filter?: EntityFilter): AsyncIterable<Statement> {
    const held: Statement[] = [];
    for await (const raw of this.base.iterateStatements(filter)) {
      // References to a merged record (a link's subject, a sanction's entity) point at its target.
      const s = raw.prop !== 'id' && this.resolution.isMerged(raw.value) ? { ...raw, value: this.resolution.canonical(raw.value) } : raw;
      if (this.resolution.isMerged(s.canonicalId)) held.push({ ...s, canonicalId: this.resolution.canonical(s.canonicalId) });
      else yield s;
    }
    held.sort((a, b) => (a.canonicalId < b.canonicalId ? -1 : a.canonicalId > b.canonicalId ? 1 : 0));
    yield* held;
  }

  liveVersions(): Promise<DatasetVersion[]> {
    return this.base.liveVersions();
  }
}

/** Merges assembled member entities (as a stream gives them) into one under the canonical id. */
export function mergeEntities(canonical: string, parts: FtmEntity[]): FtmEntity {
  const statements = parts.flatMap((p) => [
    { canonicalId: canonical, entityId: p.id, prop: 'id', schema: p.schema, value: p.id, dataset: p.datasets?.[0] ?? '', firstSeen: p.first_seen ?? '', lastSeen: p.last_seen ?? '' },
    ...Object.entries(p.properties).flatMap(([prop, values]) =>
      values.map((value) => ({ canonicalId: canonical, entityId: p.id, prop, schema: p.schema, value, dataset: p.datasets?.[0] ?? '', firstSeen: p.first_seen ?? '', lastSeen: p.last_seen ?? '' })),
    ),
  ]);
  const merged = assembleEntity(statements)!;
  merged.referents = [...new Set(parts.flatMap((p) => p.referents ?? []))].sort();
  merged.datasets = [...new Set(parts.flatMap((p) => p.datasets ?? []))].sort();
  return merged;
}
