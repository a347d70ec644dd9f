// Property types by schema, computed once. The FtM package rebuilds a schema's property map on every
// hasProperty/getProperty call (walking its parents), which dominated index builds and query parsing.
import { model } from '../model/ftm.ts';

const cache = new Map<string, Map<string, string>>();

/** Property name → FtM type name (name, date, country, identifier, entity...) for a schema. */
export function propertyTypes(schema: string): Map<string, string> {
  let types = cache.get(schema);
  if (!types) {
    types = new Map();
    const s = model.schemata[schema];
    if (s) for (const [name, prop] of s.getProperties()) types.set(name, prop.type.name);
    cache.set(schema, types);
  }
  return types;
}
