// Country names as the lists spell them -> FtM country codes (ISO 3166-1 alpha-2, lowercase, plus
// FtM's own codes such as `ua-cri` for Crimea or `xk` for Kosovo). Shared by every source parser.
//
// The base table is FtM's own country labels (from the installed model, so it follows FtM); the
// variants below are the spellings OFAC, the UN, the EU and the UK use ("Korea, North",
// "Democratic People's Republic of Korea", "Russian Federation", "Iran (Islamic Republic of)",
// "Burma", "Region: Crimea"...) and common demonyms used as nationalities ("Syrian").
import { defaultModel } from '@opensanctions/followthemoney';

const VARIANTS: Record<string, string[]> = {
  kp: [
    'Korea, North', 'North Korea', "Democratic People's Republic of Korea", "Korea, Democratic People's Republic of",
    "Korea (Democratic People's Republic of)", "Korea, Dem. People's Rep.", "Korea, Dem. People's Rep. of", 'DPRK', 'D.P.R.K.',
    "Korea (the Democratic People's Republic of)", "Democratic People's Republic of Korea (DPRK)", 'North Korean', 'Korean (North)',
  ],
  kr: ['Korea, South', 'South Korea', 'Republic of Korea', 'Korea, Republic of', 'Korea (Republic of)', 'Korea (the Republic of)', 'South Korean', 'Korea, Rep.'],
  ru: ['Russia', 'Russian Federation', 'Russian', 'Russian Federation (the)'],
  sy: ['Syria', 'Syrian Arab Republic', 'Syrian', 'Syrian Arab Republic (the)'],
  ir: ['Iran', 'Iran (Islamic Republic of)', 'Islamic Republic of Iran', 'Iran, Islamic Republic of', 'Iranian', 'Iran, Islamic Rep.'],
  mm: ['Burma', 'Myanmar', 'Myanmar (Burma)', 'Burmese'],
  cd: [
    'Congo, Democratic Republic of the', 'Democratic Republic of the Congo', 'Democratic Republic of Congo', 'DR Congo', 'DRC',
    'Congo (Democratic Republic of the)', 'Congo, The Democratic Republic of the', 'Congo (the Democratic Republic of the)', 'Congo, Dem. Rep.',
    'Congo (Kinshasa)', 'Zaire',
  ],
  cg: ['Congo, Republic of the', 'Republic of the Congo', 'Congo', 'Congo (Republic of)', 'Congo (Brazzaville)', 'Congo-Brazzaville', 'Congo, Rep.'],
  ci: ["Cote d'Ivoire", 'Cote d Ivoire', "Côte d'Ivoire", 'Ivory Coast', 'Ivorian'],
  tr: ['Turkey', 'Türkiye', 'Turkiye', 'Republic of Türkiye', 'Turkish'],
  cz: ['Czech Republic', 'Czechia', 'Czech'],
  cv: ['Cabo Verde', 'Cape Verde'],
  im: ['Isle of Man', 'Man, Isle of'],
  vg: ['British Virgin Islands', 'Virgin Islands, British', 'Virgin Islands (British)', 'BVI'],
  vi: ['Virgin Islands, U.S.', 'US Virgin Islands', 'U.S. Virgin Islands', 'Virgin Islands (U.S.)'],
  mk: [
    'North Macedonia', 'North Macedonia, The Republic of', 'Republic of North Macedonia', 'Macedonia', 'Macedonia, The Former Yugoslav Republic of',
    'The former Yugoslav Republic of Macedonia', 'Former Yugoslav Republic of Macedonia', 'FYROM',
  ],
  gm: ['Gambia', 'The Gambia', 'Gambia, The', 'Gambian'],
  bs: ['Bahamas', 'The Bahamas', 'Bahamas, The'],
  hk: ['Hong Kong', 'Hong Kong SAR', 'Hong Kong, China', 'Hong Kong (China)', 'China, Hong Kong Special Administrative Region', 'Hong Kong Special Administrative Region of China'],
  mo: ['Macau', 'Macao', 'Macao SAR', 'Macau, China', 'China, Macao Special Administrative Region'],
  la: ['Laos', "Lao People's Democratic Republic", 'Lao PDR', 'Lao'],
  vn: ['Vietnam', 'Viet Nam', 'Vietnamese'],
  tz: ['Tanzania', 'United Republic of Tanzania', 'Tanzania, United Republic of', 'Tanzanian'],
  bo: ['Bolivia', 'Bolivia (Plurinational State of)', 'Plurinational State of Bolivia', 'Bolivian'],
  ve: ['Venezuela', 'Venezuela (Bolivarian Republic of)', 'Bolivarian Republic of Venezuela', 'Venezuelan'],
  md: ['Moldova', 'Republic of Moldova', 'Moldova, Republic of', 'Moldovan'],
  ps: [
    'Palestine', 'Palestinian', 'State of Palestine', 'Palestinian Territories', 'Occupied Palestinian Territory', 'Palestinian Territory, Occupied',
    'West Bank', 'Gaza', 'Gaza Strip', 'Region: Gaza', 'Region: West Bank', 'West Bank and Gaza',
  ],
  us: ['United States', 'United States of America', 'USA', 'U.S.A.', 'U.S.', 'US', 'American', 'United States (the)'],
  gb: ['United Kingdom', 'UK', 'U.K.', 'United Kingdom of Great Britain and Northern Ireland', 'Great Britain', 'British', 'England'],
  ae: ['United Arab Emirates', 'UAE', 'U.A.E.', 'Emirati'],
  fm: ['Micronesia', 'Micronesia, Federated States of', 'Federated States of Micronesia', 'Micronesia (Federated States of)'],
  bn: ['Brunei', 'Brunei Darussalam'],
  sz: ['Eswatini', 'Swaziland'],
  tl: ['Timor-Leste', 'East Timor'],
  va: ['Holy See', 'Vatican', 'Vatican City', 'Holy See (Vatican City State)'],
  kn: ['Saint Kitts and Nevis', 'St. Kitts and Nevis', 'St Kitts and Nevis', 'St. Kitts & Nevis'],
  lc: ['Saint Lucia', 'St. Lucia', 'St Lucia'],
  vc: ['Saint Vincent and the Grenadines', 'St. Vincent and the Grenadines', 'St Vincent and the Grenadines'],
  st: ['Sao Tome and Principe', 'São Tomé and Príncipe'],
  xk: ['Kosovo', 'Kosovar'],
  tw: ['Taiwan', 'Taiwan, Province of China', 'Chinese Taipei', 'Taiwanese'],
  cw: ['Curacao', 'Curaçao'],
  csxx: ['Serbia and Montenegro'],
  yucs: ['Yugoslavia', 'Federal Republic of Yugoslavia'],
  suhh: ['Soviet Union', 'USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics', 'Former Soviet Union'],
  // Soviet republics (UK lists' places of birth) are today's states.
  ua: ['Ukrainian SSR'],
  kz: ['Kazakh SSR', 'Kazakh Soviet Socialist Republic'],
  cshh: ['Czechoslovakia'],
  'ua-cri': ['Crimea', 'Region: Crimea', 'Crimea (Occupied Ukraine)'],
  'ua-dpr': ['Donetsk People\'s Republic', 'Region: Donetsk'],
  'ua-lpr': ['Luhansk People\'s Republic', 'Region: Luhansk'],
  ml: ['Mali', 'Region: Northern Mali', 'Malian'],
  sd: ['Sudan', 'Region: Kafia Kingi', 'Sudanese'],
  bq: ['Netherlands Antilles'], // dissolved 2010; Bonaire etc. is FtM's nearest code
  cn: ['China', "People's Republic of China", 'China, People\'s Republic of', 'PRC', 'Chinese'],
  sa: ['Saudi Arabia', 'Kingdom of Saudi Arabia', 'Saudi', 'Saudi Arabian'],
  eg: ['Egypt', 'Arab Republic of Egypt', 'Egyptian'],
  ly: ['Libya', 'Libyan Arab Jamahiriya', 'Libyan'],
  kg: ['Kyrgyzstan', 'Kyrgyz Republic', 'Kyrgyz'],
  sk: ['Slovakia', 'Slovak Republic', 'Slovak'],
  nl: ['Netherlands', 'The Netherlands', 'Netherlands (the)', 'Holland', 'Dutch'],
  ph: ['Philippines', 'The Philippines', 'Philippines (the)', 'Filipino', 'Philippine'],
  sh: ['Saint Helena', 'St. Helena'],
  pm: ['Saint Pierre and Miquelon', 'St. Pierre and Miquelon'],
  bl: ['Saint Barthelemy'],
  mf: ['Saint Martin'],
  re: ['Reunion'],
  ax: ['Aland Islands'],
  um: ['United States Minor Outlying Islands'],
  hm: ['Heard Island and McDonald Islands'],
  fk: ['Falkland Islands (Malvinas)'],
  ba: ['Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia', 'Bosnian'],
  tt: ['Trinidad and Tobago', 'Trinidad & Tobago'],
  ag: ['Antigua and Barbuda', 'Antigua & Barbuda'],
  gw: ['Guinea-Bissau', 'Guinea Bissau'],
  om: ['Sultanate of Oman'],
  km: ['Union of the Comoros'],
  zz: ['Global', 'Worldwide'],
};

// Demonyms and adjectival forms that appear as nationalities (UK, EU and UN lists); each maps
// unambiguously to one country.
const DEMONYMS: Record<string, string[]> = {
  af: ['Afghan', 'Afghani'], al: ['Albanian'], dz: ['Algerian'], ao: ['Angolan'], ar: ['Argentine', 'Argentinian'], am: ['Armenian'],
  au: ['Australian'], at: ['Austrian'], az: ['Azerbaijani', 'Azeri'], bh: ['Bahraini'], bd: ['Bangladeshi'], by: ['Belarusian', 'Belarussian'],
  be: ['Belgian'], bj: ['Beninese'], bt: ['Bhutanese'], bw: ['Botswanan', 'Motswana'], br: ['Brazilian'], bg: ['Bulgarian'], bf: ['Burkinabe'],
  bi: ['Burundian'], kh: ['Cambodian'], cm: ['Cameroonian'], ca: ['Canadian'], cf: ['Central African'], td: ['Chadian'], cl: ['Chilean'],
  co: ['Colombian'], km: ['Comoran', 'Comorian'], hr: ['Croatian'], cu: ['Cuban'], cy: ['Cypriot'], dk: ['Danish'], dj: ['Djiboutian'],
  do: ['Dominican'], ec: ['Ecuadorian', 'Ecuadorean'], sv: ['Salvadoran', 'Salvadorean'], gq: ['Equatorial Guinean', 'Equatoguinean'],
  er: ['Eritrean'], ee: ['Estonian'], et: ['Ethiopian'], fi: ['Finnish'], fr: ['French'], ga: ['Gabonese'], ge: ['Georgian'], de: ['German'],
  gh: ['Ghanaian'], gr: ['Greek'], gt: ['Guatemalan'], gn: ['Guinean'], ht: ['Haitian'], hn: ['Honduran'], hu: ['Hungarian'],
  is: ['Icelandic'], in: ['Indian'], id: ['Indonesian'], iq: ['Iraqi'], ie: ['Irish'], il: ['Israeli'], it: ['Italian'], jm: ['Jamaican'],
  jp: ['Japanese'], jo: ['Jordanian'], kz: ['Kazakh', 'Kazakhstani'], ke: ['Kenyan'], kw: ['Kuwaiti'], lv: ['Latvian'], lb: ['Lebanese'],
  lr: ['Liberian'], lt: ['Lithuanian'], lu: ['Luxembourgish', 'Luxembourger'], mg: ['Malagasy'], mw: ['Malawian'], my: ['Malaysian'],
  mv: ['Maldivian'], mt: ['Maltese'], mr: ['Mauritanian'], mu: ['Mauritian'], mx: ['Mexican'], mn: ['Mongolian'], me: ['Montenegrin'],
  ma: ['Moroccan'], mz: ['Mozambican'], na: ['Namibian'], np: ['Nepalese', 'Nepali'], nz: ['New Zealander'], ni: ['Nicaraguan'],
  ne: ['Nigerien'], ng: ['Nigerian'], no: ['Norwegian'], om: ['Omani'], pk: ['Pakistani'], pa: ['Panamanian'], py: ['Paraguayan'],
  pe: ['Peruvian'], pl: ['Polish'], pt: ['Portuguese'], qa: ['Qatari'], ro: ['Romanian'], rw: ['Rwandan'], sn: ['Senegalese'],
  rs: ['Serbian'], sl: ['Sierra Leonean'], sg: ['Singaporean'], si: ['Slovenian', 'Slovene'], so: ['Somali'], za: ['South African'],
  ss: ['South Sudanese'], es: ['Spanish'], lk: ['Sri Lankan'], se: ['Swedish'], ch: ['Swiss'], tj: ['Tajik', 'Tajikistani'], th: ['Thai'],
  tg: ['Togolese'], tn: ['Tunisian'], tm: ['Turkmen'], ug: ['Ugandan'], ua: ['Ukrainian'], uy: ['Uruguayan'], uz: ['Uzbek', 'Uzbekistani'],
  ye: ['Yemeni'], zm: ['Zambian'], zw: ['Zimbabwean'],
};

/** Lower-case, strip accents and punctuation, drop a leading "the": the key names are compared by. */
export function normalizeCountryName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** FtM's own country labels by code, from the installed model (the JSON carries them; the types do not). */
const FTM_COUNTRIES: Record<string, string> = (defaultModel as unknown as { types: { country: { values: Record<string, string> } } }).types.country.values;

const LOOKUP = buildLookup();

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  const put = (name: string, code: string, force = false) => {
    const key = normalizeCountryName(name);
    if (key && (force || !map.has(key))) map.set(key, code);
  };
  for (const [code, label] of Object.entries(FTM_COUNTRIES)) put(label, code);
  for (const [code, names] of Object.entries(DEMONYMS)) for (const n of names) put(n, code);
  // Variants win over FtM labels and demonyms where they overlap ("Congo" is the Republic).
  for (const [code, names] of Object.entries(VARIANTS)) for (const n of names) put(n, code, true);
  return map;
}

const CODES = new Set(Object.keys(FTM_COUNTRIES));

/**
 * The FtM country code for a country name as a list writes it, or undefined when the text is not
 * a country we know. Accepts FtM codes themselves (`ru`, `KP`), inverted forms ("Korea, North",
 * "Bahamas, The") and a trailing full stop ("Syria.").
 */
export function countryCode(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim().replace(/\.$/, '');
  if (/^[A-Za-z]{2}$/.test(trimmed) && CODES.has(trimmed.toLowerCase())) return trimmed.toLowerCase();
  const key = normalizeCountryName(trimmed);
  if (!key) return undefined;
  const direct = LOOKUP.get(key);
  if (direct) return direct;
  // "Congo, Democratic Republic of the" -> "the Democratic Republic of the Congo"
  const comma = trimmed.lastIndexOf(',');
  if (comma > 0) {
    const inverted = LOOKUP.get(normalizeCountryName(`${trimmed.slice(comma + 1)} ${trimmed.slice(0, comma)}`));
    if (inverted) return inverted;
  }
  // "Iran (Islamic Republic of)" -> "Iran"
  if (trimmed.includes('(')) {
    const bare = LOOKUP.get(normalizeCountryName(trimmed.replace(/\([^)]*\)/g, ' ')));
    if (bare) return bare;
  }
  return undefined;
}

/** True when the text names a country (see countryCode). */
export function isCountry(text: string | null | undefined): boolean {
  return countryCode(text) !== undefined;
}

/**
 * The country a place description ends in: "Leningrad, Russia" -> ru, "Culiacan, Sinaloa, Mexico"
 * -> mx, "Algiers Algeria" -> dz, "Tunisi (Tunisia)" -> tn. Tries the whole text, the part after
 * the last comma, a final parenthesis, then the last three, two and one words.
 */
export function countryOfPlace(place: string | null | undefined): string | undefined {
  if (!place) return undefined;
  const text = place.trim().replace(/\.$/, '');
  const whole = countryCode(text);
  if (whole) return whole;
  const parts = text.split(',');
  const last = parts[parts.length - 1].trim();
  if (parts.length > 1) {
    const code = countryCode(last);
    if (code) return code;
  }
  const paren = /\(([^()]+)\)$/.exec(last);
  if (paren) {
    const code = countryCode(paren[1]);
    if (code) return code;
  }
  const words = last.replace(/\([^()]*\)$/, '').trim().split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const code = countryCode(words.slice(-n).join(' '));
    if (code) return code;
  }
  return undefined;
}
