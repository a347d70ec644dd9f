// The FollowTheMoney model, loaded from the official package rather than copied by hand.
import { Model, defaultModel, type Schema } from '@opensanctions/followthemoney';

export const model = new Model(defaultModel);

/** Schemata a screening query may target. */
export const MATCHABLE_SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane'] as const;

export function getSchema(name: string): Schema {
  const schema = model.schemata[name];
  if (!schema) throw new Error(`unknown FtM schema: ${name}`);
  return schema;
}

export function hasSchema(name: string): boolean {
  return model.schemata[name] !== undefined;
}

/** True when `name` is `parent` or one of its descendants (Company isA LegalEntity). */
export function schemaIsA(name: string, parent: string): boolean {
  if (name === parent) return true; // also for Interdict's extensions (ArmsTransfer), unknown to the FtM model
  const schema = model.schemata[name];
  return schema !== undefined && schema.isA(parent);
}

/** The FtM property type name (name, date, country, entity, identifier, ...) or undefined. */
const typeCache = new Map<string, string | undefined>();

/** (The FtM package rebuilds a schema's property map on each lookup, so answers are cached.) */
export function propertyType(schema: string, prop: string): string | undefined {
  const key = `${schema}.${prop}`;
  if (typeCache.has(key)) return typeCache.get(key);
  const s = model.schemata[schema];
  const type = s?.hasProperty(prop) ? s.getProperty(prop).type.name : undefined;
  typeCache.set(key, type);
  return type;
}

export function isEdgeSchema(name: string): boolean {
  return model.schemata[name]?.isEdge ?? false;
}

/** Names of every entity-typed property (Sanction.entity, UnknownLink.subject, Ownership.owner...). */
export const ENTITY_PROPS: readonly string[] = [
  ...new Set(model.getProperties().filter((p) => p.type.name === 'entity').map((p) => p.name)),
].sort();
