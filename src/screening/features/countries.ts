// Countries as ISO codes: queries give names ("North Korea", "Russia") or codes; lists give codes.
const NAMES: Record<string, string> = {
  'north korea': 'kp', 'korea north': 'kp', dprk: 'kp', 'democratic peoples republic of korea': 'kp', 'korea dpr': 'kp',
  'south korea': 'kr', 'korea south': 'kr', 'republic of korea': 'kr', korea: 'kr', russia: 'ru', 'russian federation': 'ru',
  china: 'cn', 'peoples republic of china': 'cn', iran: 'ir', 'islamic republic of iran': 'ir', syria: 'sy', 'syrian arab republic': 'sy',
  iraq: 'iq', afghanistan: 'af', pakistan: 'pk', india: 'in', 'united states': 'us', usa: 'us', 'united states of america': 'us',
  'united kingdom': 'gb', uk: 'gb', 'great britain': 'gb', germany: 'de', france: 'fr', ukraine: 'ua', belarus: 'by', venezuela: 've',
  cuba: 'cu', libya: 'ly', yemen: 'ye', somalia: 'so', sudan: 'sd', 'south sudan': 'ss', lebanon: 'lb', 'saudi arabia': 'sa',
  'united arab emirates': 'ae', uae: 'ae', turkey: 'tr', turkiye: 'tr', egypt: 'eg', jordan: 'jo', qatar: 'qa', kuwait: 'kw',
  mali: 'ml', nigeria: 'ng', 'democratic republic of the congo': 'cd', 'central african republic': 'cf', myanmar: 'mm', burma: 'mm',
  japan: 'jp', singapore: 'sg', malaysia: 'my', indonesia: 'id', philippines: 'ph', 'hong kong': 'hk', taiwan: 'tw', kazakhstan: 'kz',
  uzbekistan: 'uz', kyrgyzstan: 'kg', tajikistan: 'tj', georgia: 'ge', armenia: 'am', azerbaijan: 'az', moldova: 'md', serbia: 'rs',
  cyprus: 'cy', greece: 'gr', italy: 'it', spain: 'es', switzerland: 'ch', netherlands: 'nl', belgium: 'be', panama: 'pa', mexico: 'mx',
  colombia: 'co', nicaragua: 'ni', algeria: 'dz', tunisia: 'tn', morocco: 'ma', ethiopia: 'et', eritrea: 'er', kenya: 'ke',
};

/** ISO 3166-1 alpha-2 code (lowercase) of a country name or code, if known. */
export function countryCode(value: string): string | undefined {
  const v = value.trim().toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^[a-z]{2}$/.test(v)) return v;
  if (v === 'suhh' || v === 'zz') return undefined;
  return NAMES[v];
}

export function countryCodes(values: string[]): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    const code = typeof v === 'string' ? countryCode(v) : undefined;
    if (code) out.add(code);
  }
  return out;
}

export function compareCountries(q: Set<string>, c: Set<string>): 'match' | 'mismatch' | 'none' {
  if (q.size === 0 || c.size === 0) return 'none';
  for (const x of q) if (c.has(x)) return 'match';
  return 'mismatch';
}
