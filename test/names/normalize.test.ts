import { describe, expect, it } from 'vitest';
import { editDistance, normalizeName } from '../../src/names/normalize.ts';
import { latinReadings, latinVariants } from '../../src/names/transliterate.ts';

describe('normalizeName', () => {
  it('casefolds, strips diacritics and turns punctuation into single spaces', () => {
    expect(normalizeName('  KIM, Jong-Un ')).toBe('kim jong un');
    expect(normalizeName('José  Ñúñez-Álvarez')).toBe('jose nunez alvarez');
    expect(normalizeName('Straße Łódź Ørsted')).toBe('strasse lodz orsted');
  });
  it("drops apostrophes without a break, as OFAC writes McCune–Reischauer (Hyo'k, Ch'o'l)", () => {
    expect(normalizeName("KIM, Kyo'ng-hyo'k")).toBe('kim kyong hyok');
    expect(normalizeName("Ch'o'l")).toBe('chol');
    expect(normalizeName('Pak Yŏng-sik')).toBe('pak yong sik');
  });
  it('keeps Hangul, Han and Arabic letters whole (NFD would split Hangul into jamo)', () => {
    expect(normalizeName('김정은')).toBe('김정은');
    expect(normalizeName('习近平')).toBe('习近平');
    expect(normalizeName('مُحَمَّد')).toBe('محمد');
  });
});

describe('latinReadings', () => {
  it('gives one reading for Latin names and names the romanization systems otherwise', () => {
    expect(latinReadings('Kim Jong Un')).toEqual([{ text: 'kim jong un', system: 'latin', vowelless: false }]);
    const korean = latinReadings('김정은');
    expect(korean.map((r) => r.text)).toEqual(['kim chong un', 'kim jeong eun']);
    expect(korean[0].system).toBe('McCune–Reischauer');
    expect(latinVariants('Евгений Пригожин')).toEqual(['yevgeniy prigozhin', 'evgenii prigozhin']);
    expect(latinReadings('محمد')[0].vowelless).toBe(true);
  });
});

describe('editDistance', () => {
  it('counts transpositions as one edit and stops early past the bound', () => {
    expect(editDistance('prigozhin', 'prigozihn')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('editDistance within its bound', () => {
  /** The full optimal-string-alignment table, for reference. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.length][b.length];
  }

  it('agrees with the full table on random spellings, long and short, for every bound', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(rnd() * 5)]).join('');
    const mangle = (w: string) => {
      const c = [...w];
      for (let k = Math.floor(rnd() * 4); k > 0; k--) {
        const at = Math.floor(rnd() * (c.length + 1));
        const op = rnd();
        if (op < 0.3) c.splice(at, 1);
        else if (op < 0.6) c.splice(at, 0, 'x');
        else if (op < 0.8 && at + 1 < c.length) [c[at], c[at + 1]] = [c[at + 1], c[at]];
        else c[at] = 'y';
      }
      return c.join('');
    };
    for (let n = 0; n < 3000; n++) {
      const a = word(1 + Math.floor(rnd() * 40));
      const b = rnd() < 0.8 ? mangle(a) : word(1 + Math.floor(rnd() * 40));
      const exact = reference(a, b);
      for (const max of [0, 1, 2, 3]) {
        const d = editDistance(a, b, max);
        if (exact <= max) expect(d, `${a} / ${b} within ${max}`).toBe(exact);
        else expect(d, `${a} / ${b} beyond ${max}`).toBeGreaterThan(max);
      }
    }
  });
});
