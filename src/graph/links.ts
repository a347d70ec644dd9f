// Which statements become edges. Relationship schemata come from the FtM model itself (any schema
// with `edge` defined); entity-typed properties of other schemata are listed here by hand, because
// most of them (proof, sanctions, addressEntity) are not part of a network.
import { model, schemaIsA } from '../model/ftm.ts';

export interface EdgeSpec {
  source: string;
  target: string;
  label: string;
  directed: boolean;
}

/** Relationship schemata that are sources, not network: documents would join everything they cite. */
const NON_NETWORK_EDGES = new Set(['Documentation']);

/** The FtM edge definition of a relationship schema, or undefined for node schemata. */
export function edgeSpecOf(schema: string): EdgeSpec | undefined {
  if (NON_NETWORK_EDGES.has(schema)) return undefined;
  const s = model.schemata[schema];
  if (!s?.isEdge || !s.edge?.source || !s.edge?.target) return undefined;
  return { source: s.edge.source, target: s.edge.target, label: s.edge.label ?? 'linked to', directed: s.edge.directed ?? true };
}

/** Entity-typed properties that link the holder to another party (label as FtM would phrase it). */
const PROPERTY_LINKS: { schema: string; prop: string; label: string }[] = [
  { schema: 'Vehicle', prop: 'owner', label: 'owned by' },
  { schema: 'Vehicle', prop: 'operator', label: 'operated by' },
  { schema: 'Event', prop: 'involved', label: 'involves' },
  { schema: 'Event', prop: 'organizer', label: 'organised by' },
  // The arms-transfer extension (src/model/arms-transfer.ts): the parties of a transfer.
  { schema: 'ArmsTransfer', prop: 'supplier', label: 'supplied by' },
  { schema: 'ArmsTransfer', prop: 'recipient', label: 'delivered to' },
  { schema: 'ArmsTransfer', prop: 'intermediaries', label: 'arranged by' },
  { schema: 'ArmsTransfer', prop: 'carrier', label: 'carried by' },
];

/** Property links that apply to a schema: `[{prop, label}]`. Cached per schema name. */
const propertyLinkCache = new Map<string, { prop: string; label: string }[]>();
export function propertyLinksOf(schema: string): { prop: string; label: string }[] {
  let links = propertyLinkCache.get(schema);
  if (!links) {
    links = PROPERTY_LINKS.filter((l) => l.schema === schema || schemaIsA(schema, l.schema)).map(({ prop, label }) => ({ prop, label }));
    propertyLinkCache.set(schema, links);
  }
  return links;
}

/** An identity hypothesis: `UnknownLink` with role "possible same-as" (our convention) or FtM `Similar`. */
export const SAME_AS_TYPE = 'possibleSameAs';
const SAME_AS_ROLE = /^\s*possible\s*same[\s_-]*as\s*$/i;
export function isSameAsRole(role: string | undefined | null): boolean {
  return role !== undefined && role !== null && SAME_AS_ROLE.test(role);
}
