// Matcher quality, round 3 (issue 17, recall): general causes of the misses the public pairs and
// the generated sets showed, each with examples of its own (not rows of the evaluation sets).
import { describe, expect, it } from 'vitest';
import { compareEntities } from '../../src/screening/compare.ts';
import { splitLegalForms } from '../../src/names/legal.ts';
import { joinCompoundNames } from '../../src/names/arabic.ts';

const cmp = (schema: string, a: string, b: string) => compareEntities({ schema, properties: { name: [a] } }, { schema, properties: { name: [b] } });
const person = (a: string, b: string) => cmp('Person', a, b);
const company = (a: string, b: string) => cmp('Company', a, b);

describe('legal forms of more countries, dotted or not', () => {
  it('takes Mexican, Belgian, free-zone and Baltic forms out as legal forms', () => {
    expect(splitLegalForms(['minera', 'del', 'norte', 's', 'a', 'de', 'c', 'v']).tokens).toEqual(['minera', 'del', 'norte']);
    expect(splitLegalForms(['grupo', 'alfa', 's', 'de', 'r', 'l', 'de', 'c', 'v']).tokens).toEqual(['grupo', 'alfa']);
    for (const form of ['sprl', 'fzc', 'sia', 'bvba', 'uab']) expect(splitLegalForms(['baltic', 'amber', form]).tokens, form).toEqual(['baltic', 'amber']);
  });
  it('keeps the form of a name left with initials only (J & E S. de R.L. de C.V.): initials alone would meet any short word', () => {
    expect(splitLegalForms(['j', 'e', 's', 'de', 'r', 'l', 'de', 'c', 'v']).tokens).toEqual(['j', 'e', 's', 'de', 'r', 'l', 'de', 'c', 'v']);
    // The Korean word for sanctions, in a document, is no mention of that company.
    expect(cmp('LegalEntity', '제재', 'J & E S. DE R.L. DE C.V.').score).toBeLessThan(0.5);
    expect(company('J&E S de RL de CV', 'J & E S. DE R.L. DE C.V.').score).toBeGreaterThan(0.9);
  });
  it('reads a dotted abbreviation as the form its letters spell (L.P., J.S.C.), never part of a longer run', () => {
    expect(splitLegalForms(['orion', 'capital', 'l', 'p']).forms.map((f) => f.cls)).toEqual(['partnership']);
    expect(splitLegalForms(['volga', 'motors', 'j', 's', 'c']).tokens).toEqual(['volga', 'motors']);
    // A.B.C. is a name, not the form AB and a letter.
    expect(splitLegalForms(['a', 'b', 'c', 'trading']).tokens).toEqual(['a', 'b', 'c', 'trading']);
  });
  it('matches a company under another written form of its legal form, or none', () => {
    expect(company('Minera del Norte, S.A. de C.V.', 'MINERA DEL NORTE SA DE CV').match).toBe(true);
    expect(company('Minera del Norte', 'MINERA DEL NORTE, S.A. DE C.V.').match).toBe(true);
    expect(company('Kivu Gold Trading SPRL', 'KIVU GOLD TRADING').match).toBe(true);
    expect(company('Orion Shipping FZC', 'ORION SHIPPING').match).toBe(true);
  });
  it('sees a series numeral inside a name (Fund VIII L.P.) as a number', () => {
    expect(company('Meridian Solutions II Norway AS', 'Meridian Solutions II Norway A/S').match).toBe(true);
    expect(company('Meridian Solutions Norway AS', 'Meridian Solutions II Norway A/S').match).toBe(false);
  });
  it('takes two organisations numbered apart for one series, never two vessels', () => {
    const fund = company('Meridian Growth Fund VIII L.P.', 'Meridian Growth Fund IX L.P.');
    expect(fund.match).toBe(true);
    expect(fund.score).toBeLessThan(0.8);
    expect(cmp('Vessel', 'MERIDIAN VIII', 'MERIDIAN IX').match).toBe(false);
  });
  it('tells two lines of business apart when each name has its own', () => {
    expect(company('Halvard Data Solutions, Inc.', 'Halvard Data Enterprises, L.P.').match).toBe(false);
    expect(company('Halvard Data Solutions, Inc.', 'Halvard Data Solutions LLC').match).toBe(true);
  });
});

describe('Arabic names compounded with al-Din and Allah', () => {
  it('writes every form as one word with one ending', () => {
    for (const n of [['nasir', 'al', 'din'], ['nasir', 'ud', 'din'], ['nasiruddin'], ['nasir', 'uddin'], ['nasireddine'], ['nasirudin'], ['nasir', 'din']]) expect(joinCompoundNames(n), n.join(' ')).toEqual(['nasiruddin']);
    for (const n of [['habib', 'allah'], ['habib', 'ullah'], ['habibullah'], ['habibollah']]) expect(joinCompoundNames(n), n.join(' ')).toEqual(['habibullah']);
    expect(joinCompoundNames(['abd', 'allah'])).toEqual(['abdullah']);
    // Not a European name that happens to end alike, nor a particle before Din.
    expect(joinCompoundNames(['claudine', 'borodin'])).toEqual(['claudine', 'borodin']);
    expect(joinCompoundNames(['abu', 'din'])).toEqual(['abu', 'din']);
  });
  it('matches the forms in Latin and in Arabic or Persian script', () => {
    expect(person('Nasir al-Din Karimi', 'NASIRUDDIN KARIMI').match).toBe(true);
    expect(person('Nooreddine Ben Salem', 'Nur al-Din bin Salim').match).toBe(true);
    expect(person('Habib Ullah Wardak', 'HABIBULLAH WARDAK').match).toBe(true);
    expect(person('نصير الدين كريمي', 'NASIRUDDIN KARIMI').match).toBe(true);
    expect(person('حبیب اللہ وردک', 'HABIBULLAH WARDAK').match).toBe(true);
  });
  it('keeps two compounds of other given parts apart', () => {
    expect(person('Nasir al-Din Karimi', 'Jamal al-Din Karimi').match).toBe(false);
    expect(person('Habib Ullah Wardak', 'Amin Ullah Wardak').match).toBe(false);
  });
});

describe("father and son: the names either side of bin exchanged", () => {
  it('tells Ahmad bin Salim from Salim bin Ahmad', () => {
    const r = person('Khalid bin Salim al-Harbi', 'Salim bin Khalid al-Harbi');
    expect(r.match).toBe(false);
    expect(r.explanations.some((e) => e.feature === 'name.lineage_swapped')).toBe(true);
    expect(person('Khalid bin Salim', 'Salim bin Khalid').match).toBe(false);
  });
  it('not when the surname stands first, or one name repeats on both sides', () => {
    expect(person('AL-HARBI, Khalid bin Salim', 'Khalid bin Salim al-Harbi').match).toBe(true);
    expect(person('Muhammad Faris bin Muhammad', 'Muhamad Faris bin Mohamed').match).toBe(true);
  });
});

describe('a name cut where its field ended', () => {
  it('pairs the last word cut short with the word it begins (35 characters of a payment message)', () => {
    const r = person('ABDELKARIM BEN MOHAMED BEN SALAH KHE', 'Abdelkarim Ben Mohamed Ben Salah KHEMIRI');
    expect(r.match).toBe(true);
    expect(r.explanations.some((e) => e.feature === 'name.truncated')).toBe(true);
    expect(person('Aleksandr Vladimirovich KOLESNIK', 'Aleksandr Vladimirovich KOLESNIKOV').match).toBe(true);
  });
  it('not in a short name, a romanized syllable inside another, or with one word besides', () => {
    expect(person('Pak Son Tae', 'PAK, Son-taek').match).toBe(false);
    expect(person('Ivan Kol', 'Ivan KOLESNIKOV').match).toBe(false);
  });
});

describe('scripts with vowel signs', () => {
  it('keeps a word whole across its vowel signs (Devanagari, Thai)', () => {
    expect(person('วชิราลงกรน', 'วชิราลงกรณ').match).toBe(true);
  });
  it('reads Devanagari as English-language lists spell it: long and short vowels, retroflex and dental alike, the silent a dropped', () => {
    expect(person('अमित शाह', 'Amit Shah').match).toBe(true);
    expect(person('नरेन्द्र मोडी', 'नरेन्द्र मोदी').match).toBe(true);
    expect(person('मसूद अज़हर', 'Masood Azhar').match).toBe(true);
    expect(person('मसूद अज़हर', 'Amit Shah').match).toBe(false);
  });
});

describe('compound names kept as written too', () => {
  it('so a reversed or reordered compound still meets its letters', () => {
    expect(person('niddaleJ lamaK', 'Kamal JELADDIN').match).toBe(true);
    expect(person('Habibullah bin Karim', 'Karim bin Habibullah').match).toBe(false);
    // Joined meets joined and written meets written: never a mix of the two readings.
    expect(person('Abdul Karim bin Saif Allah', 'Saif Allah bin Abdul Karim').match).toBe(false);
  });
});

describe('Russian place adjectives in organisation names', () => {
  it('reads Muromskiy as Murom, Dubnenskiy as Dubna, Mariyskiy as Mari', () => {
    expect(cmp('Organization', 'Vologodskiy Bearing Plant', 'VOLOGDA BEARING PLANT').match).toBe(false);
    expect(cmp('Organization', 'Kurganskiy Machine Building Plant', 'KURGAN MACHINE BUILDING PLANT').match).toBe(true);
    expect(cmp('Organization', 'Tulskiy Arms Plant', 'TULA ARMS PLANT').match).toBe(true);
    expect(cmp('Organization', 'Муромский завод', 'MUROM PLANT').explanations.some((e) => e.feature === 'name.place')).toBe(true);
  });
  it('not two different places, nor in a person name', () => {
    expect(cmp('Organization', 'Permskiy Cable Plant', 'OMSKIY CABLE PLANT').match).toBe(false);
    expect(person('Oleg Tulskiy', 'Oleg TULA').match).toBe(false);
  });
});
