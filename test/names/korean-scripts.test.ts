// Korean names in every script people write them: Russian Cyrillic (Kontsevich and the older habits
// of Russian media) and Hanja read as Korean beside the Chinese reading. Screened against the real
// OFAC SDN list of 2023-12-28 in test/screening/korean-scripts.test.ts (it builds an index of the whole
// list: the integration tier's).
import { describe, expect, it } from 'vitest';
import { HANJA_TABLE_SIZE, hanjaToHangul } from '../../src/names/hanja.ts';
import { koreanCyrillicReadings } from '../../src/names/korean-cyrillic.ts';
import { latinVariants } from '../../src/names/transliterate.ts';
import { compareEntities } from '../../src/screening/compare.ts';

const person = (name: string) => ({ schema: 'Person', properties: { name: [name] } });

describe('Korean names in Cyrillic', () => {
  it('reads Kontsevich and the older Russian spellings back to the listed spellings', () => {
    for (const name of ['ким чен ын', 'ким чжон ын', 'ким чон ын']) expect(koreanCyrillicReadings(name), name).toContain('kim jong un');
    expect(koreanCyrillicReadings('ли мён су')).toContain('ri myong su');
    expect(koreanCyrillicReadings('ри мён су')).toContain('ri myong su');
    expect(koreanCyrillicReadings('чхве рён хэ')).toContain('choe ryong hae');
    expect(koreanCyrillicReadings('пак пон чжу')).toContain('pak pong ju');
    expect(koreanCyrillicReadings('хван пхён со')).toContain('hwang pyong so');
    expect(koreanCyrillicReadings('ким ир сен')).toContain('kim il song');
    expect(koreanCyrillicReadings('чон ён чхоль')).toContain('jong yong chol');
  });
  it('leaves Russian names to the Russian systems', () => {
    expect(koreanCyrillicReadings('иван петров')).toEqual([]);
    expect(koreanCyrillicReadings('сергей ким')).toEqual([]);
    expect(latinVariants('Иван Петров')).toEqual(['ivan petrov']);
  });
  it('matches the list spellings', () => {
    for (const [q, listed] of [['Ким Чен Ын', 'KIM, Jong Un'], ['Ли Мён Су', 'RI, Myong Su'], ['Чхве Рён Хэ', 'CHOE, Ryong Hae'], ['Пак Пон Чжу', 'PAK, Pong Ju']]) {
      expect(compareEntities(person(q), person(listed)).match, q).toBe(true);
    }
    expect(compareEntities(person('Ким Чен Ын'), person('KIM, Jong Nam')).match).toBe(false);
  });
});

describe('Hanja read as Korean', () => {
  it('has a table of the characters of Korean names', () => {
    expect(HANJA_TABLE_SIZE).toBeGreaterThan(500);
    expect(hanjaToHangul('金正恩')).toBe('김정은');
    expect(hanjaToHangul('朝鮮貿易銀行')).toBe('조선무역은행');
    expect(hanjaToHangul('習近平')).toBeUndefined(); // 習 has no reading here: Chinese only
  });
  it('keeps the Chinese reading beside the Korean one', () => {
    expect(latinVariants('金正恩')).toEqual(expect.arrayContaining(['jin zhengen', 'kim chong un']));
    expect(latinVariants('朝鮮貿易銀行', false)).toContain('korea trading bank');
  });
});
