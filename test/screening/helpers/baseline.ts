// The comparison baseline for bench:screen: a brute-force scan of every listed name with
// Jaro–Winkler string similarity and Soundex, the two methods the US Treasury documents for its
// own Sanctions List Search. Names are upper-cased Latin letters and digits only; there is no
// transliteration (the Treasury tool has none). A name is a hit when its Jaro–Winkler score
// (whole string, or tokens sorted) reaches the minimum score, or when every query word has a
// Soundex twin among the listed name's words. Not used for screening: only to be measured against.
import type { FtmEntity } from '../../../src/model/entity.ts';
import { namesOf, schemataCompatible } from '../../../src/screening/candidate-index.ts';
import type { QueryEntity } from '../../../src/screening/query.ts';

/** The minimum score commonly set on the Treasury tool's slider. */
export const BASELINE_THRESHOLD = 0.85;

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aMatched = new Uint8Array(la);
  const bMatched = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatched[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        aMatched[i] = bMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const SOUNDEX_CODES: Record<string, string> = {
  B: '1', F: '1', P: '1', V: '1',
  C: '2', G: '2', J: '2', K: '2', Q: '2', S: '2', X: '2', Z: '2',
  D: '3', T: '3',
  L: '4',
  M: '5', N: '5',
  R: '6',
};

/** American Soundex (H and W do not separate equal codes). */
export function soundex(word: string): string {
  const w = word.toUpperCase().replace(/[^A-Z]/g, '');
  if (!w) return '';
  let out = w[0];
  let last = SOUNDEX_CODES[w[0]] ?? '';
  for (let i = 1; i < w.length && out.length < 4; i++) {
    const ch = w[i];
    const code = SOUNDEX_CODES[ch];
    if (code) {
      if (code !== last) out += code;
      last = code;
    } else if (ch !== 'H' && ch !== 'W') {
      last = '';
    }
  }
  return out.padEnd(4, '0');
}

function normalize(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

interface ListedName {
  slot: number;
  text: string;
  sorted: string;
  soundex: Set<string>;
}

export interface BaselineHit {
  entity: FtmEntity;
  score: number;
  match: boolean;
}

/** Every listed name prepared once; each query is compared with all of them. */
export class TreasuryBaseline {
  private readonly names: ListedName[] = [];

  constructor(private readonly entities: FtmEntity[]) {
    entities.forEach((e, slot) => {
      for (const raw of namesOf(e)) {
        const text = normalize(raw);
        if (!text) continue;
        const tokens = text.split(' ');
        this.names.push({ slot, text, sorted: [...tokens].sort().join(' '), soundex: new Set(tokens.map(soundex)) });
      }
    });
  }

  screen(query: QueryEntity, limit = 5, threshold = BASELINE_THRESHOLD): BaselineHit[] {
    const best = new Map<number, number>();
    for (const raw of namesOf(query)) {
      const text = normalize(raw);
      if (!text) continue;
      const tokens = text.split(' ');
      const sorted = [...tokens].sort().join(' ');
      const codes = tokens.map(soundex);
      for (const n of this.names) {
        if (!schemataCompatible(query.schema, this.entities[n.slot].schema)) continue;
        let score = Math.max(jaroWinkler(text, n.text), jaroWinkler(sorted, n.sorted));
        if (score < threshold && codes.every((c) => n.soundex.has(c))) score = threshold; // phonetic hit
        if (score > (best.get(n.slot) ?? 0)) best.set(n.slot, score);
      }
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([slot, score]) => ({ entity: this.entities[slot], score, match: score >= threshold }));
  }
}
