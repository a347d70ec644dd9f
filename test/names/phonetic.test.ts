import { describe, expect, it } from 'vitest';
import { keyFamily, keyHash, nameKeyHashLists, nameKeys } from '../../src/names/keys.ts';
import { phoneticKey } from '../../src/names/phonetic.ts';
import { tokenSimilarity } from '../../src/names/similarity.ts';
import { makeToken, prepareName } from '../../src/names/tokens.ts';

const same = (group: string[]) => new Set(group.map(phoneticKey)).size === 1;

describe('phoneticKey', () => {
  it('collapses romanizations of one Korean syllable (MR, RR, South Korean habits, DPRK initial R)', () => {
    for (const g of [['kim', 'gim'], ['jong', 'chong', 'jeong', 'jung', 'cheong'], ['un', 'eun'], ['ri', 'li', 'lee', 'yi', 'i', 'rhee'],
      ['hyok', 'hyuk', 'hyeok'], ['chol', 'chul', 'cheol'], ['young', 'yong', 'yeong'], ['park', 'pak', 'bak'], ['rim', 'lim', 'im'], ['ryu', 'yu', 'yoo']])
      expect(same(g), g.join('/')).toBe(true);
  });
  it('collapses Russian transliterations and Chinese romanizations', () => {
    for (const g of [['prigozhin', 'prigoschin', 'prigojin'], ['bychkov', 'bytschkow'], ['yevgeniy', 'evgeny', 'evgueni', 'ievgueni'], ['andrei', 'andrey', 'andrej'],
      ['xi', 'hsi'], ['qi', 'chi'], ['zhang', 'chang'], ['qingqiang', 'chingchiang']])
      expect(same(g), g.join('/')).toBe(true);
  });
  it('keeps different names apart', () => {
    for (const [a, b] of [['jong', 'yong'], ['un', 'nam'], ['jong', 'jon'], ['lavrov', 'lazarev'], ['wei', 'wen'], ['hyok', 'hyon']]) expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });
});

describe('tokenSimilarity', () => {
  const sim = (a: string, b: string) => tokenSimilarity(makeToken(a, 'word'), makeToken(b, 'word'));
  it('names the layer that linked two spellings', () => {
    expect(sim('kim', 'kim').link).toBe('exact');
    expect(sim('mohammed', 'muhammad').link).toBe('variant');
    expect(sim('prigoschin', 'prigozhin').link).toBe('phonetic');
    expect(sim('prigozhin', 'prigozhni').link).toBe('typo');
    expect(sim('sacharow', 'zakharov').link).toBe('glide');
  });
  it('scales typo tolerance with length and refuses it between Korean syllables and Pinyin given names', () => {
    expect(sim('kang', 'kano').sim).toBe(0);
    expect(sim('hyok', 'hyon').sim).toBe(0);
    expect(sim('qingqiang', 'pingqiang').sim).toBe(0);
    expect(sim('oboronlogistika', 'oboronlogistics').sim).toBeGreaterThan(0.7);
  });
  it('relates feminine surnames without equating them', () => {
    const s = sim('prigozhina', 'prigozhin');
    expect(s.link).toBe('feminine');
    expect(s.sim).toBeLessThan(0.6);
  });
});

describe('nameKeys', () => {
  const share = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));
  it('hashes in place exactly the keys it spells out (the index works on the hashes)', () => {
    const names = ['김정은', 'KIM, Jong Un', 'Евгений Пригожин', 'Korea Mining Development Trading Corporation', 'محمد حسين', '朝鲜矿业开发贸易公司', "RI, Chol Hyo'k", 'M/V CHONG BONG', 'Sollers OOO'];
    for (const name of names) {
      const spelled = new Set(nameKeys(name).map((k) => `${keyHash(k)}/${keyFamily(k)}`));
      const hashed = new Set(nameKeyHashLists(name).flatMap((l) => [...l.hashes].map((h, i) => `${h}/${l.families[i]}`)));
      expect(hashed, name).toEqual(spelled);
      expect(spelled.size, name).toBeGreaterThan(3);
    }
    // FNV-1a test vectors.
    expect(keyHash('a')).toBe(0xe40c292c);
    expect(keyHash('foobar')).toBe(0xbf9cf968);
  });
  it('lets a Hangul or Cyrillic query reach the listed romanized name, and back', () => {
    expect(share('김정은', 'KIM, Jong Un')).toBe(true);
    expect(share('KIM, Jong Un', '김정은')).toBe(true);
    expect(share('Евгений Пригожин', 'PRIGOZHIN, Yevgeniy Viktorovich')).toBe(true);
    expect(share('Jewgeni Prigoschin', 'PRIGOZHIN, Yevgeniy')).toBe(true);
    expect(share('Jongun Kim', 'Jong Un')).toBe(true);
    expect(share('Prigozihn', 'Prigozhin')).toBe(true);
    expect(share('محمد حسين', 'Mohammed Hussein')).toBe(true);
  });
  it('weights common tokens lower than rare ones (rarity from the bundled lists)', () => {
    const w = (n: string) => prepareName(n, 'org')[0].tokens[0].weight;
    expect(w('Kim')).toBeLessThan(w('Prigozhin'));
    expect(w('Korea')).toBeLessThan(w('Oboronlogistika'));
    expect(w('Trading')).toBeLessThan(w('Tanchon'));
  });
});
