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
