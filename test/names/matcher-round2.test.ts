// Matcher quality, round 2 (issue 17): the kinds of misses the held-out sets showed, each with
// examples of its own (not rows of the evaluation sets).
import { describe, expect, it } from 'vitest';
import { compareEntities } from '../../src/screening/compare.ts';
import { orgWordForms, translateCyrillicOrgName } from '../../src/names/org-translate.ts';
import { splitLegalForms } from '../../src/names/legal.ts';

const cmp = (schema: string, a: string, b: string) => compareEntities({ schema, properties: { name: [a] } }, { schema, properties: { name: [b] } });
const person = (a: string, b: string) => cmp('Person', a, b);
const org = (a: string, b: string) => cmp('Organization', a, b);
const company = (a: string, b: string) => cmp('Company', a, b);

describe('typos and word breaks inside romanized given names', () => {
  it('a letter doubled or moved across the hyphen, the given name in one word or two', () => {
    for (const q of ['Pak Chol-ryongg', 'Pak Cho-lryong', 'Pak Cholr-yong', 'Pak Chollyong', 'Pak Chol Ryong']) expect(person(q, 'PAK, Chol-ryong').match, q).toBe(true);
  });
  it('with the surname first on one side and last on the other, or a syllable that is also a title', () => {
    for (const q of ['Myon-gchin Kim', 'Myongc-hin KIM', 'Kim Myongg-chin']) expect(person(q, 'KIM, Myong-chin').match, q).toBe(true);
    expect(person('Hon-am RI', 'Ho-nam RI').match).toBe(true);
    // A title before the name is still no word of it.
    expect(person('Hon. Ho-nam RI', 'Ho-nam RI').score).toBe(1);
  });
  it('still keeps Korean syllables that differ by rule apart', () => {
    expect(person('Myon-gchil Kim', 'KIM, Myong-chin').match).toBe(false);
    expect(person('Hon-am RI', 'Hon-il RI').match).toBe(false);
    expect(person('Pak Chol-rim', 'PAK, Chol-ryong').match).toBe(false);
  });
});

describe('Russian names in Latvian and Lithuanian spelling', () => {
  it('reads the nominative ending off a Russian name (Sergejs Lavrovs, Sergejus Lavrovas)', () => {
    expect(person('Jevgenijs Prigozins', 'Yevgeniy PRIGOZHIN').match).toBe(true);
    expect(person('Vladimiras Putinas', 'Vladimir PUTIN').match).toBe(true);
    expect(compareEntities({ schema: 'Person', properties: { name: ['Aleksejs Navalnijs'] } }, { schema: 'Person', properties: { name: ['Aleksey NAVALNY'] } }).explanations.some((e) => e.feature === 'name.baltic')).toBe(true);
  });
  it('reads a German initial ch as kh in a Russian surname', () => {
    expect(person('Michail Chodorkowski', 'Mikhail KHODORKOVSKY').match).toBe(true);
    expect(person('Dmitry Chubezoff', 'Dmitry KHUBEZOV').match).toBe(true);
    // Still one surname read two ways, not another one (Khodorkovsky is no Khodorovsky).
    expect(person('Michail Chodorkowski', 'Mikhail KHODOROVSKY').match).toBe(false);
  });
  it('leaves an English s alone and another Russian stem apart', () => {
    expect(person('Martins Smith', 'Martin Smith').explanations.some((e) => e.feature === 'name.baltic')).toBe(false);
    expect(person('Sergejs Lavrovs', 'Sergey LAVRENTYEV').match).toBe(false);
  });
});

describe('organisation names given in translation', () => {
  it('Hangul, Russian and Han names meet their English list entries', () => {
    expect(org('군수공업부', 'MUNITIONS INDUSTRY DEPARTMENT').match).toBe(true);
    expect(org('정찰총국', 'RECONNAISSANCE GENERAL BUREAU').match).toBe(true);
    expect(org('조선무역은행', 'KOREA TRADE BANK').match).toBe(true);
    expect(org('朝鲜贸易银行', 'Korea Trade Bank').match).toBe(true);
    expect(org('Министерство обороны Российской Федерации', 'Ministry of Defence of the Russian Federation').match).toBe(true);
    expect(org('Министерство обороны Российской Федерации', 'Ministry of Defense and Armed Forces Logistics').match).toBe(false);
    expect(org('Главное разведывательное управление', 'Main Intelligence Directorate').match).toBe(true);
    expect(org('Главное управление Генерального штаба', 'Main Directorate of the General Staff').match).toBe(true);
    expect(org('Банк внешней торговли КНДР', "Foreign Trade Bank of the Democratic People's Republic of Korea").match).toBe(true);
  });
  it('translates Russian words by stem, whatever their case ending, and keeps proper names', () => {
    expect(translateCyrillicOrgName('главное управление генерального штаба')).toBe('main directorate general staff');
    expect(translateCyrillicOrgName('муромский приборостроительный завод')).toBe('muromskiy priborostroitelnyy plant');
    expect(translateCyrillicOrgName('газпром')).toBeUndefined();
  });
});

describe('company names with legal forms and generic words', () => {
  it('legal forms written out in their own languages', () => {
    expect(splitLegalForms(['volkswagen', 'aktiengesellschaft']).forms.map((f) => f.cls)).toEqual(['jsc']);
    expect(company('Maersk Aktieselskab', 'MAERSK A/S').match).toBe(true);
    expect(company('Henkel AG', 'Henkel Aktiengesellschaft').match).toBe(true);
    expect(company('Orlen Sp. z o.o.', 'Orlen Spolka z ograniczona odpowiedzialnoscia').match).toBe(true);
  });
  it('countries written out or abbreviated, initials with or without dots, numbers in words', () => {
    expect(orgWordForms(['u', 's', 'treasury'])).toEqual(['us', 'treasury']);
    expect(org('U.S. Agency for Global Media', 'United States Agency for Global Media').match).toBe(true);
    expect(org('Foreign Trade Bank of the DPRK', "Foreign Trade Bank of the Democratic People's Republic of Korea").match).toBe(true);
    expect(company('XYZ Company', 'X.Y.Z. Company').match).toBe(true);
    expect(company('Z.Y.X. Company', 'X.Y.Z. Company').match).toBe(false);
    expect(org('Battalion Twenty-Two', 'Battalion 22').match).toBe(true);
  });
});

describe('long Arabic names and particles', () => {
  it('two relatives whose names share the father and grandfather are not one person', () => {
    expect(person('SAMIR JAMIL HUSAYN KHALIL AL-NAJJAR', 'SAMIR JAMIL HUSAYN KHALIL AL-HADDAD').match).toBe(false);
    expect(person('YUSUF IBRAHIM SALIM AL-SAADI', 'YUSUF IBRAHIM MAHMUD AL-SAADI').match).toBe(false);
  });
  it('bin/ibn and the article in different places, parts left out', () => {
    expect(person('Khalid bin Abdullah al-Harbi', 'KHALID IBN ABDULLAH HARBI').match).toBe(true);
    expect(person('Abd al-Aziz Hamid al-Tamimi', 'ABDUL AZIZ HAMID AL TAMIMI').match).toBe(true);
  });
  it('a Pinyin reading of q does not capture Arabic words (Araqi is not a-ra-xi)', () => {
    expect(person('Hassan Araghi', 'ARAQI, Hassan').score).toBeGreaterThan(0.5);
  });
});

describe('nicknames', () => {
  it('the short forms people go by', () => {
    expect(person('Bill Harrington', 'HARRINGTON, William').match).toBe(true);
    expect(person('Ted Harrington', 'HARRINGTON, Theodore').match).toBe(true);
    expect(person('Bill Harrington', 'HARRINGTON, Robert').match).toBe(false);
  });
});

describe('people on no list', () => {
  it('three shared consonants do not make two names one (Carlos / Garcia, Nguyen / Nyakuni)', () => {
    expect(person('Carlos Santos', 'BUENO GARCIA, Santos').match).toBe(false);
    expect(person('James Nguyen', 'JAMES NYAKUNI').match).toBe(false);
    expect(person('Ahmed Hachemi', 'HASHIMI, Ahmad').match).toBe(true);
  });
});

describe('countries in organisation names', () => {
  it('one name naming a country says little; each naming another is two subsidiaries', () => {
    expect(company('Commerzbank (Schweiz) AG', 'Commerzbank AG').match).toBe(true);
    expect(company('Rosneft Trading Europe', 'Rosneft Trading').match).toBe(true);
    expect(company('Agricultural Bank of Chad', 'Agricultural Bank of China').match).toBe(false);
    expect(company('Lufthansa Technik Denmark', 'Lufthansa Technik France').match).toBe(false);
  });
});

describe('initials written together', () => {
  it('JC and J.C. stand for two given names; Ng and Md are names', () => {
    expect(person('JR Okonkwo-Bello', 'Jude Remi Okonkwo-Bello').match).toBe(false); // jr is junior, not J. R.
    expect(person('JP Delacroix', 'Jean-Pierre Delacroix').match).toBe(true);
    expect(person('J.P. Delacroix', 'Jean-Pierre Delacroix').match).toBe(true);
    expect(person('JP Delacroix', 'Jean-Claude Delacroix').match).toBe(false);
    expect(person('Ng Wai Ming', 'NG, Wai Ming').match).toBe(true);
    expect(person('Md Abdur Rahim Chowdhury', 'Mohammad Abdur Rahim Chowdhury').match).toBe(true);
  });
});

describe('a relative of a listed person (one given name of a long name another)', () => {
  it('is not the listed person, however many of the family names agree, and the explanation says so', () => {
    const r = person('Youssef Salem Mahmoud Tawfiq AL-QADI', 'Youssef Nabil Mahmoud Tawfiq AL-QADI');
    expect(r.match).toBe(false);
    expect(r.explanations.some((e) => e.feature === 'name.given_name_mismatch')).toBe(true);
    expect(person('Faris Ben Mohamed Ben Ali TRABELSI', 'Faris Ben Mohamed Ben Hassan TRABELSI').match).toBe(false);
  });
  it('still meets the name with a part left out, spelled otherwise, or with a particle glued on', () => {
    expect(person('Khalid Ibrahim AL-NAJJAR', 'Khalid Hassan Ibrahim AL-NAJJAR').match).toBe(true);
    expect(person('Khaled Hasan Ibrahim AL-NAJJAR', 'Khalid Hassan Ibrahim AL-NAJJAR').match).toBe(true);
    expect(person('Youssef AbdulNabil Tawfiq', 'Youssef Abdul Nabil Tawfiq').match).toBe(true);
    // One name in two spellings keeps its consonants: no relative.
    expect(person('Karim Ilya SAADEH', 'Karim Elia SAADEH').explanations.some((e) => e.feature === 'name.given_name_mismatch')).toBe(false);
  });
});

describe("a romanised syllable's final vowel written long or short", () => {
  it('meets the short form (Chee / Che, Tee / Te) and says so', () => {
    const r = person('Kim Chee-hwan', 'KIM, Che-hwan');
    expect(r.match).toBe(true);
    expect(r.explanations.some((e) => e.feature === 'name.long_vowel')).toBe(true);
    expect(person('Tan Boon Tee', 'TAN, Boon Te').match).toBe(true);
    expect(person('Ri Se-yong', 'RI, See-yong').match).toBe(true);
  });
  it('keeps another syllable apart', () => {
    expect(person('Kim Chee-hwan', 'KIM, Cho-hwan').match).toBe(false);
    expect(person('Tan Boon Tee', 'TAN, Boon Ta').match).toBe(false);
    // Hee and Lee spell other vowels (희, 이 / 李): no Chinese He or Vietnamese Le.
    expect(person('Park Jin-hee', 'Jin HE').match).toBe(false);
    expect(person('Wong Ka Lee', 'LE, Ka Wong').match).toBe(false);
  });
});

describe('generic words a company name gains or loses', () => {
  it('Trading, Industrial, Industry and Commercial are dropped like Group or International', () => {
    expect(company('Sungri Industrial Development Co.', 'Sungri Development Co.').match).toBe(true);
    expect(company('Hwasong Commercial Bank', 'Hwasong Bank').match).toBe(true);
  });
  it('but another line of business is another company', () => {
    expect(company('Golden Crane Trading LLC', 'Golden Crane Shipping LLC').match).toBe(false);
  });
});
