// The FollowTheMoney model, loaded from the official package rather than copied by hand.
import { Model, defaultModel, type Schema } from '@opensanctions/followthemoney';
import { ARMS_TRANSFER_SCHEMA, INHERITED_PROPS } from './arms-transfer.ts';

export const model = new Model(defaultModel);

/** Schemata a screening query may target. */
export const MATCHABLE_SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane'] as const;

export function getSchema(name: string): Schema {
  const schema = model.schemata[name];
  if (!schema) throw new Error(`unknown FtM schema: ${name}`);
  return schema;
}

/**
 * Interdict's schema extensions (ArmsTransfer), which the FtM package cannot take at runtime: the
 * functions below answer for them as for FtM's own schemata.
 */
interface Extension {
  extends: readonly string[];
  caption: readonly string[];
  properties: Record<string, { type: string }>;
  /** Properties taken from the parents (only these). */
  inherited: readonly string[];
}
const EXTENSIONS: Record<string, Extension> = {
  [ARMS_TRANSFER_SCHEMA.name]: { ...ARMS_TRANSFER_SCHEMA, inherited: INHERITED_PROPS },
};

/** Every schema name: FtM's and Interdict's extensions. */
export function schemaNames(): string[] {
  return [...Object.keys(model.schemata), ...Object.keys(EXTENSIONS)];
}

export function hasSchema(name: string): boolean {
  return model.schemata[name] !== undefined || name in EXTENSIONS;
}

/** True when `name` is `parent` or one of its descendants (Company isA LegalEntity, ArmsTransfer isA Interval). */
export function schemaIsA(name: string, parent: string): boolean {
  if (name === parent) return true;
  const schema = model.schemata[name];
  if (schema) return schema.isA(parent);
  return EXTENSIONS[name]?.extends.some((p) => schemaIsA(p, parent)) ?? false;
}

/** The properties whose first value names an entity of the schema (FtM's `caption`). */
export function captionProps(schema: string): readonly string[] {
  return model.schemata[schema]?.caption ?? EXTENSIONS[schema]?.caption ?? ['name'];
}

/** The FtM property type name (name, date, country, entity, identifier, ...) or undefined. */
const typeCache = new Map<string, string | undefined>();

/** (The FtM package rebuilds a schema's property map on each lookup, so answers are cached.) */
export function propertyType(schema: string, prop: string): string | undefined {
  const key = `${schema}.${prop}`;
  if (typeCache.has(key)) return typeCache.get(key);
  const s = model.schemata[schema];
  const type = s ? (s.hasProperty(prop) ? s.getProperty(prop).type.name : undefined) : extensionPropertyType(schema, prop);
  typeCache.set(key, type);
  return type;
}

function extensionPropertyType(schema: string, prop: string): string | undefined {
  const ext = EXTENSIONS[schema];
  if (!ext) return undefined;
  const own = ext.properties[prop];
  if (own) return own.type;
  if (!ext.inherited.includes(prop)) return undefined;
  for (const parent of ext.extends) {
    const type = propertyType(parent, prop);
    if (type) return type;
  }
  return undefined;
}

/** True when the FtM schema has the property, own or inherited (cached, as propertyType). */
export function hasProperty(schema: string, prop: string): boolean {
  return propertyType(schema, prop) !== undefined;
}

/** Names of every entity-typed property (Sanction.entity, UnknownLink.subject, Ownership.owner...). */
export const ENTITY_PROPS: readonly string[] = [
  ...new Set(model.getProperties().filter((p) => p.type.name === 'entity').map((p) => p.name)),
].sort();
