import { describe, expect, it } from 'vitest';
import { decomposeSyllable, romanizeHangulName, romanizeSyllable, romanizeWord } from '../../src/names/hangul.ts';

describe('Hangul decomposition', () => {
  it('splits a syllable into initial, medial and final jamo', () => {
    expect(decomposeSyllable('김')).toEqual({ initial: 0, medial: 20, final: 16 }); // ㄱ ㅣ ㅁ
    expect(decomposeSyllable('은')).toEqual({ initial: 11, medial: 18, final: 4 }); // ㅇ ㅡ ㄴ
    expect(decomposeSyllable('a')).toBeUndefined();
  });
});

describe('romanization by rule', () => {
  it('writes McCune–Reischauer and Revised Romanization syllable by syllable', () => {
    expect(['정', '은', '혁', '철'].map((s) => romanizeSyllable(s, 'mr'))).toEqual(['chŏng', 'ŭn', 'hyŏk', "ch'ŏl"]);
    expect(['정', '은', '혁', '철'].map((s) => romanizeSyllable(s, 'rr'))).toEqual(['jeong', 'eun', 'hyeok', 'cheol']);
  });
  it('applies the sound changes inside a word', () => {
    expect(romanizeWord('신라', 'rr')).toBe('silla');
    expect(romanizeWord('종로', 'rr')).toBe('jongno');
    expect(romanizeWord('박물', 'rr')).toBe('bangmul');
    expect(romanizeWord('대동', 'mr')).toBe('taedong');
  });
  it('reads person names as surname + given syllables, with DPRK and South Korean surnames', () => {
    expect(romanizeHangulName('리용무', true).map((r) => r.text)).toEqual(['ri yong mu', 'lee yong mu']);
    expect(romanizeHangulName('박영식', true).map((r) => r.text)).toEqual(['pak yong sik', 'park yeong sik']);
    expect(romanizeHangulName('남궁민수', true)[1].text).toBe('namgung min su');
  });
  it('translates common words of organisation names', () => {
    expect(romanizeHangulName('대동신용은행', false).map((r) => r.text)).toEqual(['taedong credit bank', 'daedong credit bank']);
  });
});
