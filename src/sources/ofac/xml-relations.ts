// OFAC relationship types ("Owned or Controlled By", "Associate Of", ...) → the closest FtM
// relationship schema, with which end is which. The OFAC wording itself is kept as the
// relationship's `role` (or `relationship` for Associate/Family) by the caller.
import { schemaIsA } from '../../model/ftm.ts';

export interface RelationShape {
  schema: string;
  /** Property holding the `From` profile (the subject of the OFAC sentence). */
  fromProp: string;
  /** Property holding the `To` profile. */
  toProp: string;
}

const UNKNOWN: RelationShape = { schema: 'UnknownLink', fromProp: 'subject', toProp: 'object' };

/**
 * OFAC reads "From <type> To": "A Owned or Controlled By B" makes B the owner of A.
 * Falls back to UnknownLink whenever the ends do not fit the specific schema's ranges.
 */
export function relationFor(type: string, fromSchema: string, toSchema: string): RelationShape {
  const t = type.toLowerCase();
  const person = (s: string) => schemaIsA(s, 'Person');
  const legal = (s: string) => schemaIsA(s, 'LegalEntity');
  const org = (s: string) => schemaIsA(s, 'Organization');

  if (/associate/.test(t)) return person(fromSchema) && person(toSchema) ? { schema: 'Associate', fromProp: 'person', toProp: 'associate' } : UNKNOWN;
  if (/family|relative|spouse|wife|husband|son of|daughter|brother|sister|father|mother|child/.test(t)) {
    return person(fromSchema) && person(toSchema) ? { schema: 'Family', fromProp: 'person', toProp: 'relative' } : UNKNOWN;
  }
  if (/owned or controlled by|owned by|controlled by|subsidiary of/.test(t)) {
    return legal(toSchema) && !person(fromSchema) ? { schema: 'Ownership', fromProp: 'asset', toProp: 'owner' } : UNKNOWN;
  }
  if (/^owns|^owner of/.test(t)) {
    return legal(fromSchema) && !person(toSchema) ? { schema: 'Ownership', fromProp: 'owner', toProp: 'asset' } : UNKNOWN;
  }
  if (/leader|official of|executive|director|manager|head of|chairman|president of/.test(t)) {
    return legal(fromSchema) && org(toSchema) ? { schema: 'Directorship', fromProp: 'director', toProp: 'organization' } : UNKNOWN;
  }
  if (/acting for or on behalf of|on behalf of|agent of|representative of/.test(t)) {
    return legal(fromSchema) && legal(toSchema) ? { schema: 'Representation', fromProp: 'agent', toProp: 'client' } : UNKNOWN;
  }
  return UNKNOWN; // "Linked To", "Providing support to", "Property in the interest of", ...
}
