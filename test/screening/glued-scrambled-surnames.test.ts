// Round 2 (issue 17): names run together or split, words reversed or shuffled, numerals with a
// percent sign; and the near misses that must stay apart (another surname, a distinguishing word dropped).
import { describe, expect, it } from 'vitest';
import { latinVariants } from '../../src/names/transliterate.ts';
import { compareEntities } from '../../src/screening/compare.ts';

const cmp = (schema: string, a: string, b: string) => compareEntities({ schema, properties: { name: [a] } }, { schema, properties: { name: [b] } });
const person = (a: string, b: string) => cmp('Person', a, b);
const company = (a: string, b: string) => cmp('Company', a, b);

describe('words run together', () => {
  it('splits at capitals inside a word and before a legal form glued to the last word', () => {
    expect(latinVariants('SiemensAG', false)).toEqual(['siemensag', 'siemens ag']);
    expect(latinVariants('ROSNEFTLLC', false)).toEqual(['rosneftllc', 'rosneft llc']);
    expect(latinVariants('KOREA SHIPPING COLTD', false)).toEqual(['korea shipping coltd', 'korea shipping co ltd']);
    // No word ends in ltd; zinc and unlimited are words.
    expect(latinVariants('ZINC', false)).toEqual(['zinc']);
    expect(latinVariants('UNLIMITED', false)).toEqual(['unlimited']);
    expect(latinVariants('McDonald')).toEqual(['mcdonald']);
    expect(latinVariants('MacArthur')).toEqual(['macarthur']);
    expect(latinVariants('DayBank', false)).toEqual(['daybank', 'day bank']);
  });
  it('meets the spaced name, and keeps other companies apart', () => {
    expect(company('SiemensAG', 'Siemens AG').match).toBe(true);
    expect(company('VolkswagenAktiengesellschaft', 'Volkswagen AG').match).toBe(true);
    expect(company('RosoboronExport', 'ROSOBORONEXPORT').match).toBe(true);
    expect(company('SiemensAG', 'Siemens Energy AG').match).toBe(false);
  });
});

describe('words written backwards or shuffled', () => {
  it('links the same letters, reversed more strongly than shuffled, and says so', () => {
    const r = person('rimaldiV nituP', 'Vladimir Putin');
    expect(r.match).toBe(true);
    expect(r.explanations[0].feature).toBe('name.scrambled');
    expect(r.explanations.some((e) => e.detail.includes('the same letters written backwards or shuffled'))).toBe(true);
    expect(person('Vladimir nitPu', 'Vladimir Putin').match).toBe(true);
    expect(person('ledA RAFAS', 'Adel SAFAR').match).toBe(true);
    expect(person('hcivordnaskelA rednaxelA', 'Alexander Aleksandrovich').match).toBe(true);
  });
  it('a shuffled word of four letters is another name (Amir / Rami), and other letters are no anagram', () => {
    expect(person('Rami Hassan', 'Amir Hassan').match).toBe(false);
    expect(person('Vladimir Putni', 'Vladimir Petin').match).toBe(false);
  });
});

describe('numerals', () => {
  it('reads a percent sign as the word', () => {
    expect(latinVariants('3%ers', false)).toEqual(['3 percenters']);
    expect(cmp('Organization', '3%ers', 'Three Percenters').match).toBe(true);
    expect(cmp('Organization', '3%ers', 'Three Musketeers').match).toBe(false);
  });
});

describe('near misses that stay apart', () => {
  it('another surname, however alike the rest, is another family, and the explanation says so', () => {
    expect(person('Sergej Viktorovich Navros', 'Sergey Viktorovich LAVROV').match).toBe(false);
    const r = person('HANI ABD-AL-LATIF TILFAH AL-RAWI', 'HANI ABD-AL-LATIF TILFAH AL-TIKRITI');
    expect(r.match).toBe(false);
    expect(r.explanations.some((e) => e.feature === 'name.surname_mismatch')).toBe(true);
    expect(person('Ivan Petrovich Sidorenko', 'Ivan Petrovich Sidorov').match).toBe(false);
  });
  it('a surname one letter off, or a transliteration of it, still matches', () => {
    expect(person('Sergei Viktorovich Lavrow', 'Sergey Viktorovich LAVROV').match).toBe(true);
    expect(person('HAMID HAMAD HAMID AL-ALY', 'HAMID HAMAD HAMID AL-ALI').match).toBe(true);
    expect(person('Timur Kuznecov', 'KUZNETSOV, Timur').match).toBe(true);
  });
  it('a word naming the line of business dropped from a one-word company name', () => {
    expect(company('CRYSTALORD SYSTEMS LIMITED', 'CRYSTALORD LTD').match).toBe(false);
    expect(company('Vektor Solutions GmbH', 'Vektor GmbH').match).toBe(false);
    // A group, holding or international reach is the same organisation.
    expect(cmp('Organization', 'Lazarus', 'LAZARUS GROUP').match).toBe(true);
    expect(cmp('Organization', 'AL-QUDS INTERNATIONAL FOUNDATION', 'AL-QUDS FOUNDATION').match).toBe(true);
    // Two shared words: a dropped generic word says little.
    expect(company('Korea Kwangson Banking Services', 'Korea Kwangson Banking').match).toBe(true);
  });
});
