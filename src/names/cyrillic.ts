// Cyrillic → Latin under the systems lists and passports actually use. BGN/PCGN is what OFAC and
// the UK write; ICAO is in Russian passports since 2013; ISO 9 (GOST 7.79 A) folded to ASCII;
// German and French are what European press and older passports write (Prigoschin, Prigojine).

export type CyrillicSystem = 'bgn' | 'icao' | 'iso9' | 'de' | 'fr';

export const CYRILLIC_SYSTEM_NAMES: Record<CyrillicSystem, string> = {
  bgn: 'BGN/PCGN',
  icao: 'ICAO passport',
  iso9: 'ISO 9',
  de: 'German',
  fr: 'French',
};

type Table = Record<string, string>;

const COMMON: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', э: 'e', ъ: '', ь: '',
  // Ukrainian, Belarusian, other letters
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

const TABLES: Record<CyrillicSystem, Table> = {
  bgn: { ...COMMON, е: 'e', ё: 'e', ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ю: 'yu', я: 'ya' },
  icao: { ...COMMON, е: 'e', ё: 'e', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ю: 'iu', я: 'ia' },
  iso9: { ...COMMON, е: 'e', ё: 'e', ж: 'z', й: 'j', х: 'h', ц: 'c', ч: 'c', ш: 's', щ: 's', ю: 'u', я: 'a', ъ: '', ь: '' },
  de: { ...COMMON, в: 'w', е: 'e', ё: 'jo', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ы: 'y' },
  fr: { ...COMMON, е: 'e', ё: 'io', ж: 'j', й: 'i', у: 'ou', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia' },
};

const VOWELS = new Set([...'аеёиоуыэюяьъ', 'і', 'ї', 'є']);

export function hasCyrillic(s: string): boolean {
  return /[\u0400-\u04ff]/.test(s);
}

/** Transliterates lowercase Cyrillic text; other characters pass through. */
export function romanizeCyrillic(text: string, system: CyrillicSystem = 'bgn'): string {
  const table = TABLES[system];
  const chars = [...text.toLowerCase()];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const prev = i > 0 ? chars[i - 1] : ' ';
    const atStart = !/[\u0400-\u04ff]/.test(prev) || VOWELS.has(prev);
    if (ch === 'е' && atStart && system !== 'iso9' && system !== 'icao') out += system === 'de' || system === 'fr' ? (system === 'de' ? 'je' : 'ie') : 'ye';
    else if (ch === 'ё') out += system === 'bgn' ? (atStart || 'жчшщ'.includes(prev) ? 'yo' : 'yo') : table[ch];
    else if (ch === 'и' && (prev === 'ь') && system === 'bgn') out += 'yi';
    else if ((ch === 'ы' || ch === 'и') && chars[i + 1] === 'й' && (i + 2 >= chars.length || !/[\u0400-\u04ff]/.test(chars[i + 2]))) {
      // Masculine adjectival ending: BGN -iy/-yy, ICAO -ii/-yi, German -i/-y, French -i/-y.
      out += system === 'bgn' ? (ch === 'и' ? 'iy' : 'yy') : system === 'icao' ? (ch === 'и' ? 'ii' : 'yi') : system === 'iso9' ? (ch === 'и' ? 'ij' : 'yj') : ch === 'и' ? 'i' : 'y';
      i++;
    } else if (ch === 'с' && (system === 'de' || system === 'fr') && VOWELS.has(prev) && i + 1 < chars.length && VOWELS.has(chars[i + 1])) {
      out += 'ss'; // intervocalic s would be voiced in German and French spelling
    } else if (ch === 'н' && system === 'fr' && prev === 'и' && (i + 1 >= chars.length || !/[\u0400-\u04ff]/.test(chars[i + 1]))) {
      out += 'ne'; // French writes -ин as -ine (Poutine, Prigojine)
    } else out += table[ch] ?? ch;
  }
  return out;
}

/**
 * Russian feminine surname ↔ masculine: Prigozhina ↔ Prigozhin, Ivanova ↔ Ivanov,
 * Kovalevskaya ↔ Kovalevskiy. Returns the masculine stem form when `token` looks feminine.
 */
export function masculineOf(token: string): string | undefined {
  if (token.length < 5) return undefined;
  let m = /^(.+(?:ov|ev|yov|in|yn))a$/.exec(token);
  if (m) return m[1];
  m = /^(.+sk|.+tsk|.+zk)aya$/.exec(token) ?? /^(.+sk|.+tsk)aja$/.exec(token) ?? /^(.+sk|.+tsk)aia$/.exec(token);
  if (m) return m[1] + 'iy';
  return undefined;
}
