// What the screening forms build: an entity by example for /match, from the fields a person fills in.
import type { MatchQuery } from '../../api/screening.ts';

/** What the console screens against: the sanctions lists unless the user asks for more. */
export const SCOPES = [
  { value: 'default', label: 'Sanctions lists' },
  { value: 'all', label: 'All data (case files, analysts\' datasets)' },
];

export const SCHEMATA = ['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane'];

/** Where identifiers go for each schema, as FtM names them. */
function identifierProp(schema: string, value: string): string {
  if (schema === 'Vessel') return /^\d{7}$/.test(value.replace(/^IMO\s*/i, '')) ? 'imoNumber' : 'mmsi';
  if (schema === 'Airplane') return 'serialNumber';
  if (schema === 'Person') return 'idNumber';
  return 'registrationNumber';
}

export interface QueryFields { name: string; schema: string; birthDate: string; nationality: string; identifiers: string }

export function buildQuery(f: QueryFields): MatchQuery {
  const properties: Record<string, string[]> = { name: [f.name.trim()] };
  if (f.birthDate.trim() && f.schema === 'Person') properties.birthDate = [f.birthDate.trim()];
  if (f.nationality.trim()) properties[f.schema === 'Person' ? 'nationality' : f.schema === 'Vessel' ? 'flag' : 'jurisdiction'] = [f.nationality.trim().toLowerCase()];
  for (const id of f.identifiers.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const prop = identifierProp(f.schema, id);
    (properties[prop] ??= []).push(prop === 'imoNumber' ? id.replace(/^IMO\s*/i, '') : id);
  }
  return { schema: f.schema, properties };
}
