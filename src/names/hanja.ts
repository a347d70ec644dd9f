// Han characters read as Korean (Hanja): 金正恩 → 김정은, so Korean names and organisation names
// written in Han characters meet their Korean list entries, alongside their Chinese reading.
import { HANJA_HANGUL_TABLE } from './data/hanja-hangul.ts';

const HANGUL = new Map<string, string>();
for (const entry of HANJA_HANGUL_TABLE.split(/\s+/)) {
  const [syllable, chars] = entry.split(':');
  if (!syllable || !chars) continue;
  for (const ch of chars) if (!HANGUL.has(ch)) HANGUL.set(ch, syllable);
}

/** Number of Han characters with a Korean reading (for tests and documentation). */
export const HANJA_TABLE_SIZE = HANGUL.size;

const HAN = /[\u4e00-\u9fff\u3400-\u4dbf]/;

/**
 * The name with every Han character replaced by its Korean syllable, or undefined when a Han
 * character has no reading in the table (then the name is read as Chinese only).
 */
export function hanjaToHangul(name: string): string | undefined {
  let out = '';
  for (const ch of name) {
    if (!HAN.test(ch)) {
      out += ch;
      continue;
    }
    const syllable = HANGUL.get(ch);
    if (!syllable) return undefined;
    out += syllable;
  }
  return out;
}
