import { describe, expect, it } from 'vitest';
import { reshapeArabicTokens, romanizeArabic } from '../../src/names/arabic.ts';
import { masculineOf, romanizeCyrillic } from '../../src/names/cyrillic.ts';
import { HAN_TABLE_SIZE, romanizeHan, wadeGilesToPinyin } from '../../src/names/han.ts';
import { splitLegalForms, compareLegalForms } from '../../src/names/legal.ts';

describe('Cyrillic', () => {
  it('transliterates under BGN/PCGN, ICAO, ISO 9, German and French', () => {
    const name = 'евгений пригожин';
    expect(romanizeCyrillic(name, 'bgn')).toBe('yevgeniy prigozhin');
    expect(romanizeCyrillic(name, 'icao')).toBe('evgenii prigozhin');
    expect(romanizeCyrillic(name, 'iso9')).toBe('evgenij prigozin');
    expect(romanizeCyrillic(name, 'de')).toBe('jewgeni prigoschin');
    expect(romanizeCyrillic(name, 'fr')).toBe('ievgeni prigojine');
    expect(romanizeCyrillic('пётр бычков', 'bgn')).toBe('pyotr bychkov');
  });
  it('knows feminine surname forms', () => {
    expect(masculineOf('prigozhina')).toBe('prigozhin');
    expect(masculineOf('ivanova')).toBe('ivanov');
    expect(masculineOf('kovalevskaya')).toBe('kovalevskiy');
    expect(masculineOf('maria')).toBeUndefined();
  });
});

describe('Han', () => {
  it('reads names with a table of a few thousand characters at most', () => {
    expect(HAN_TABLE_SIZE).toBeGreaterThan(700);
    expect(HAN_TABLE_SIZE).toBeLessThan(5000);
    expect(romanizeHan('习近平', true)).toBe('xi jinping');
    expect(romanizeHan('李明', true)).toBe('li ming');
    expect(romanizeHan('欧阳明', true)).toBe('ouyang ming');
    expect(romanizeHan('中国银行有限公司', false)).toBe('china bank co ltd');
  });
  it('reads Wade–Giles syllables as Pinyin', () => {
    expect(wadeGilesToPinyin('hsi')).toBe('xi');
    expect(wadeGilesToPinyin('tzu')).toBe('zi');
    expect(wadeGilesToPinyin('jen')).toBe('ren');
    expect(wadeGilesToPinyin('chien')).toBe('chian');
    expect(wadeGilesToPinyin('kuo')).toBeUndefined();
  });
});

describe('Arabic', () => {
  it('reads Arabic script consonantally, common names with their vowels', () => {
    expect(romanizeArabic('محمد حسين التكريتي')).toBe('muhammad husayn al tkriti');
  });
  it('regularises Abd al-/Abdul/Abdurrahman and assimilated articles', () => {
    expect(reshapeArabicTokens(['abd', 'al', 'rahman'])).toEqual(['abdul', 'rahman']);
    expect(reshapeArabicTokens(['abdurrahman'])).toEqual(['abdul', 'rahman']);
    expect(reshapeArabicTokens(['abdel', 'aziz'])).toEqual(['abdul', 'aziz']);
    expect(reshapeArabicTokens(['abdallah'])).toEqual(['abdullah']);
    expect(reshapeArabicTokens(['umar', 'ash', 'shami'])).toEqual(['umar', 'al', 'shami']);
  });
});

describe('legal forms', () => {
  it('takes legal forms out as classes, in several languages and with typos', () => {
    expect(splitLegalForms(['ooo', 'oboronlogistika']).forms.map((f) => f.cls)).toEqual(['llc']);
    expect(splitLegalForms(['oboronlogistics', 'limited', 'liability', 'company']).forms.map((f) => f.cls)).toEqual(['llc']);
    expect(splitLegalForms(['tatburneft', 'limited', 'liablity', 'company']).tokens).toEqual(['tatburneft']);
    expect(splitLegalForms(['ocean', 'maritime', 'co', 'ltd']).forms.map((f) => f.cls)).toEqual(['ltd']);
    // `AS` inside a name is a word, at the end a legal form
    expect(splitLegalForms(['bank', 'as', 'saderat']).tokens).toEqual(['bank', 'as', 'saderat']);
    expect(splitLegalForms(['llc']).tokens).toEqual(['llc']);
    expect(compareLegalForms(['llc'], ['ltd'])).toBe('family');
    expect(compareLegalForms(['llc'], ['jsc'])).toBe('different');
  });
  it('takes a qualifier (Private, Pvt, Open, Public) into the legal form after it', () => {
    // Both spellings keep the same content words, whichever phrase the table knows.
    expect(splitLegalForms(['bushra', 'ship', 'private', 'ltd']).tokens).toEqual(['bushra', 'ship']);
    expect(splitLegalForms(['bushra', 'ship', 'private', 'limited']).tokens).toEqual(['bushra', 'ship']);
    expect(splitLegalForms(['public', 'ao', 'alrosa'])).toEqual({ tokens: ['alrosa'], forms: [{ phrase: 'public ao', cls: 'jsc' }] });
    expect(splitLegalForms(['divine', 'homes', 'pvt']).tokens).toEqual(['divine', 'homes']);
    // Not a qualifier elsewhere, nor when it is all that is left of the name.
    expect(splitLegalForms(['open', 'society', 'foundation']).tokens).toEqual(['open', 'society']);
    expect(splitLegalForms(['private', 'ltd']).tokens).toEqual(['private']);
  });
  it('knows legal forms cut short and the Turkish ones', () => {
    expect(splitLegalForms(['public', 'joint', 'stock', 'co', 'sputnik']).tokens).toEqual(['sputnik']);
    expect(splitLegalForms(['federal', 'state', 'unitary', 'dukhov', 'institute']).forms.map((f) => f.cls)).toEqual(['state']);
    expect(splitLegalForms(['anka', 'enerji', 'ltd', 'sti']).tokens).toEqual(['anka', 'enerji']);
    expect(compareLegalForms(splitLegalForms(['anka', 'ltd', 'sti']).forms.map((f) => f.cls), splitLegalForms(['anka', 'anonim', 'sirketi']).forms.map((f) => f.cls))).toBe('different');
  });
});
