// Labels and types of FtM schemata and properties, from a compact extract of the FtM model.
import schemata from '../assets/ftm-schemata.json';
import countryNames from '../assets/country-names.json';

interface SchemaInfo {
  label: string;
  plural: string;
  extends: string[];
  edge?: [string, string, string];
  props: Record<string, [string, string] | [string, string, string]>;
}
const SCHEMATA = schemata as unknown as Record<string, SchemaInfo>;
const COUNTRIES = countryNames as Record<string, string>;

export interface PropInfo { name: string; label: string; type: string; range?: string }

function findProp(schema: string, prop: string, seen = new Set<string>()): PropInfo | undefined {
  const s = SCHEMATA[schema];
  if (!s || seen.has(schema)) return undefined;
  seen.add(schema);
  const own = s.props[prop];
  if (own) return { name: prop, label: own[0], type: own[1], range: own[2] };
  for (const parent of s.extends) {
    const found = findProp(parent, prop, seen);
    if (found) return found;
  }
  return undefined;
}

export function propInfo(schema: string, prop: string): PropInfo {
  return findProp(schema, prop) ?? { name: prop, label: humanise(prop), type: 'string' };
}

export function schemaLabel(schema: string): string {
  // Interdict's FtM extensions (ArmsTransfer) are not in the FtM model: "Arms transfer".
  return SCHEMATA[schema]?.label ?? humanise(schema);
}

/** A graph link type: "Ownership", "ArmsTransfer.supplier" → "Arms transfer: supplier". */
export function linkTypeLabel(type: string): string {
  if (type === 'possibleSameAs') return 'Possibly the same as';
  const [schema, prop] = type.split('.');
  const label = schemaLabel(schema);
  return prop ? `${label}: ${prop.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}` : label;
}

export function isA(schema: string, ancestor: string): boolean {
  if (schema === ancestor) return true;
  return (SCHEMATA[schema]?.extends ?? []).some((p) => isA(p, ancestor));
}

/** The two ends (source, target property) and label of a relationship schema. */
export function edgeOf(schema: string): { source: string; target: string; label: string } | undefined {
  const e = SCHEMATA[schema]?.edge;
  return e ? { source: e[0], target: e[1], label: e[2] } : undefined;
}

export function countryName(code: string): string {
  return COUNTRIES[code.toLowerCase()] ?? code;
}

export function allCountries(): [string, string][] {
  return Object.entries(COUNTRIES).sort((a, b) => a[1].localeCompare(b[1]));
}

function humanise(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** The relationship schemata (those with two ends), by label. */
export function edgeSchemata(): string[] {
  return Object.keys(SCHEMATA).filter((s) => SCHEMATA[s].edge).sort((a, b) => schemaLabel(a).localeCompare(schemaLabel(b)));
}

/** The properties a value can be claimed for (own and inherited; not links to other entities), by label. */
export function valueProps(schema: string): PropInfo[] {
  const found = new Map<string, PropInfo>();
  const walk = (name: string) => {
    const s = SCHEMATA[name];
    if (!s) return;
    for (const [prop, [label, type, range]] of Object.entries(s.props)) if (type !== 'entity' && !found.has(prop)) found.set(prop, { name: prop, label, type, range });
    s.extends.forEach(walk);
  };
  walk(schema);
  return [...found.values()].sort((a, b) => a.label.localeCompare(b.label));
}
