// Entity views for the API: FtM JSON with adjacent entities nested under their reverse properties
// (as yente does), and, on request, every value's statements with their provenance.
import { model } from '../model/ftm.ts';
import { assembleEntity, type FtmEntity } from '../model/entity.ts';
import type { EvidenceGrade } from '../model/grades.ts';
import type { Statement } from '../model/statement.ts';
import { ID_PROP } from '../model/statement.ts';
import type { DatasetVersion, EntityReader } from '../store/types.ts';
import { isTarget, sanctionsLists } from '../model/targets.ts';
import { seesAny, visibleStatements, type Sees } from '../model/visibility.ts';

export interface ValueProvenance {
  value: string;
  dataset: string;
  version: string | null;
  sourceDocument: string | null;
  locator: string | null;
  claimDate: string | null;
  evidenceGrade: EvidenceGrade;
  reviewStatus: string;
  firstSeen: string;
  lastSeen: string;
  author: string;
  lang: string | null;
}

export type EntityView = Omit<FtmEntity, 'properties'> & {
  /** With `nested`, the entities that point at this one (as stored, not nested further). */
  properties: Record<string, (string | FtmEntity)[]>;
  provenance?: Record<string, ValueProvenance[]>;
  target?: boolean;
};

/**
 * The entity as the reader may see it: statements of datasets hidden from it are left out, and an
 * entity with none left is undefined, as an unknown id is (no hint that it exists).
 */
export async function entityView(reader: EntityReader, id: string, options: { provenance: boolean; nested: boolean; sees?: Sees }): Promise<EntityView | undefined> {
  const sees = options.sees ?? null;
  const statements = visibleStatements(sees, await reader.getStatements(id));
  const entity = assembleEntity(statements);
  if (!entity) return undefined;
  const view: EntityView = { ...entity, properties: { ...entity.properties } };
  if (options.provenance) view.provenance = provenanceOf(statements, await reader.liveVersions());
  if (options.nested) {
    const referencing = await visibleEntities(reader, await reader.getReferencing(entity.id), sees);
    const lists = sanctionsLists(await reader.liveVersions());
    view.target = isTarget(entity, referencing.filter((r) => r.schema === 'Sanction'), lists);
    for (const other of referencing) {
      const schema = model.schemata[other.schema];
      for (const [prop, values] of Object.entries(other.properties)) {
        if (!values.includes(entity.id) || !schema?.hasProperty(prop)) continue;
        const property = schema.getProperty(prop);
        if (!property.hasReverse) continue;
        (view.properties[property.getReverse().name] ??= []).push(other);
      }
    }
  }
  return view;
}

/** Entities as the reader may see them: those with hidden statements assembled again from the visible ones. */
async function visibleEntities(reader: EntityReader, entities: FtmEntity[], sees: Sees): Promise<FtmEntity[]> {
  if (sees === null) return entities;
  const out: FtmEntity[] = [];
  for (const e of entities) {
    if ((e.datasets ?? []).every(sees)) out.push(e);
    else if (seesAny(sees, e.datasets)) {
      const visible = assembleEntity(visibleStatements(sees, await reader.getStatements(e.id)));
      if (visible) out.push(visible);
    }
  }
  return out;
}

function provenanceOf(statements: Statement[], live: DatasetVersion[]): Record<string, ValueProvenance[]> {
  const label = new Map(live.map((v) => [v.id, v.version]));
  const out: Record<string, ValueProvenance[]> = {};
  for (const s of statements) {
    if (s.prop === ID_PROP) continue;
    (out[s.prop] ??= []).push({
      value: s.value,
      dataset: s.dataset,
      version: label.get(s.versionId) ?? null,
      sourceDocument: s.sourceDocument,
      locator: s.locator,
      claimDate: s.claimDate,
      evidenceGrade: s.evidenceGrade,
      reviewStatus: s.reviewStatus,
      firstSeen: s.firstSeen,
      lastSeen: s.lastSeen,
      author: s.author,
      lang: s.lang,
    });
  }
  return out;
}
