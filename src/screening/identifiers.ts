// Identifier keys for candidate generation: IMO, MMSI, passport, tax and registration numbers are
// compared after normalising punctuation and case, across properties (a query's registration number
// may be listed as a tax number), so a strong identifier always reaches scoring.
import { propertyTypes } from './schema-props.ts';

/** Identifier properties that say nothing about identity (a sanctions program code). */
const IGNORED = new Set(['programId']);
const MIN_LENGTH = 4;

const identifierProps = new Map<string, string[]>();

/** Names of a schema's identifier-typed properties (cached). */
export function identifierProperties(schema: string): string[] {
  let props = identifierProps.get(schema);
  if (!props) {
    props = [...propertyTypes(schema)].filter(([name, type]) => type === 'identifier' && !IGNORED.has(name)).map(([name]) => name);
    identifierProps.set(schema, props);
  }
  return props;
}

/** `IMO 9160994` → `9160994`; `AB-123 456` → `AB123456`; too short to be distinctive → null. */
export function normalizeIdentifier(value: string, prop?: string): string | null {
  let v = value.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (prop === 'imoNumber' && v.startsWith('IMO')) v = v.slice(3);
  return v.length >= MIN_LENGTH ? v : null;
}

const identifierPropSets = new Map<string, Set<string>>();

/** Index keys of every identifier of an entity or query. */
export function identifierKeys(entity: { schema: string; properties: Record<string, string[]> }): string[] {
  let props = identifierPropSets.get(entity.schema);
  if (!props) identifierPropSets.set(entity.schema, (props = new Set(identifierProperties(entity.schema))));
  const keys = new Set<string>();
  for (const prop in entity.properties) {
    if (!props.has(prop)) continue;
    for (const value of entity.properties[prop]) {
      const norm = normalizeIdentifier(value, prop);
      if (norm) keys.add(`id:${norm}`);
    }
  }
  return [...keys];
}
