// Identifiers: a shared IMO number is decisive, a different one is strong evidence against;
// passports, tax and registration numbers that agree are strong evidence for.
export const DECISIVE_IDS = ['imoNumber'];
export const STRONG_IDS = [
  'mmsi', 'passportNumber', 'idNumber', 'taxNumber', 'registrationNumber', 'innCode', 'ogrnCode', 'okpoCode', 'swiftBic',
  'leiCode', 'vatCode', 'serialNumber', 'icaoCode', 'callSign', 'socialSecurityNumber', 'inn', 'ogrn', 'bikCode', 'dunsCode', 'permId', 'uscCode',
];

/** `IMO 9160994` → `9160994`; `AB-123 456` → `AB123456`. */
export function normalizeId(value: string): string {
  let v = value.normalize('NFKD').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (v.startsWith('IMO')) v = v.slice(3);
  return v;
}

export interface EntityIds {
  decisive: Map<string, string>;
  strong: Map<string, string>;
}

/** Normalised identifiers of an entity, computed once per prepared entity. */
export function entityIds(props: Record<string, string[]>): EntityIds {
  return { decisive: values(props, DECISIVE_IDS), strong: values(props, STRONG_IDS) };
}

function values(props: Record<string, string[]>, names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) for (const v of props[n] ?? []) {
    if (typeof v !== 'string') continue;
    const norm = normalizeId(v);
    if (norm.length >= 4) out.set(norm, `${n} ${v}`);
  }
  return out;
}

export interface IdComparison {
  decisive: 'match' | 'conflict' | 'none';
  strong: 'match' | 'none';
  value?: string;
  detail?: string;
}

const NO_IDS: IdComparison = { decisive: 'none', strong: 'none' };

export function compareIdentifiers(query: EntityIds, candidate: EntityIds): IdComparison {
  if ((query.decisive.size === 0 || candidate.decisive.size === 0) && (query.strong.size === 0 || candidate.strong.size === 0)) return NO_IDS;
  const qi = query.decisive;
  const ci = candidate.decisive;
  let decisive: IdComparison['decisive'] = 'none';
  let value: string | undefined;
  let detail: string | undefined;
  if (qi.size && ci.size) {
    decisive = 'conflict';
    detail = `query IMO ${[...qi.keys()].join(', ')} vs listed IMO ${[...ci.keys()].join(', ')}`;
    for (const [k] of qi) if (ci.has(k)) {
      decisive = 'match';
      value = k;
      detail = `IMO ${k} on both`;
    }
  }
  // Strong identifiers are compared across properties: a query's registration number may be listed as a tax number.
  const qs = query.strong;
  const cs = candidate.strong;
  let strong: IdComparison['strong'] = 'none';
  for (const [k, src] of qs) if (k.length >= 5 && cs.has(k)) {
    strong = 'match';
    value ??= k;
    detail = decisive === 'none' ? `query ${src} = listed ${cs.get(k)}` : detail;
  }
  return { decisive, strong, value, detail };
}
