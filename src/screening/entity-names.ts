// The names of an entity or query: every value of a name-typed property. Used by the index, the
// matcher's engine and the responses alike.
import { propertyTypes } from './schema-props.ts';

/** Name-typed property values of an entity (name, alias, weakAlias, previousName, ...). */
export function namesOf(entity: { schema: string; properties: Record<string, string[]> }): string[] {
  const types = propertyTypes(entity.schema);
  const names: string[] = [];
  for (const prop in entity.properties) if (types.get(prop) === 'name') names.push(...entity.properties[prop]);
  return names;
}
