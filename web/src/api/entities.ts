// An entity as the server describes it: FtM JSON with the entities that point at it nested under
// their reverse properties, every value's provenance, and the records resolved into it.
import { BASE, request, type Answer } from './http.ts';

export type EntityView = Answer<'/entities/{id}'>;
/** An entity nested in another's properties (a Sanction, an Ownership…), as stored. */
export type NestedEntity = Extract<EntityView['properties'][string][number], object>;
export type ValueProvenance = NonNullable<EntityView['provenance']>[string][number];

/**
 * The view with nested entities replaced by their ids in `properties` and kept by id in `nested`:
 * the page looks values up by id (a link's caption, a relationship's ends). The one reshaping.
 */
export interface EntityProfile extends Omit<EntityView, 'properties'> {
  properties: Record<string, string[]>;
  nested: Record<string, NestedEntity>;
}

export function profileOf(view: EntityView): EntityProfile {
  const properties: Record<string, string[]> = {};
  const nested: Record<string, NestedEntity> = {};
  for (const [prop, values] of Object.entries(view.properties)) {
    properties[prop] = values.map((v) => {
      if (typeof v === 'string') return v;
      nested[v.id] = v;
      return v.id;
    });
  }
  return { ...view, properties, nested };
}

export async function entity(id: string, signal?: AbortSignal): Promise<EntityProfile> {
  return profileOf(await request<EntityView>(`/entities/${encodeURIComponent(id)}?provenance=true`, { signal }));
}

export function entityJsonUrl(id: string): string {
  return `${BASE}/entities/${encodeURIComponent(id)}`;
}
