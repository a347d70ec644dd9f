// Korean names in every script people write them: Russian Cyrillic (Kontsevich and the older habits
// of Russian media) and Hanja read as Korean beside the Chinese reading. Screened against the real
// OFAC SDN list of 2023-12-28.
import { beforeAll, describe, expect, it } from 'vitest';
import { HANJA_TABLE_SIZE, hanjaToHangul } from '../../src/names/hanja.ts';
import { koreanCyrillicReadings } from '../../src/names/korean-cyrillic.ts';
import { latinVariants } from '../../src/names/transliterate.ts';
import { compareEntities } from '../../src/screening/compare.ts';
import { ScreeningService } from '../../src/screening/service.ts';
import { ofacSdnReader } from '../screening/helpers/ofac.ts';

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

describe('screening the OFAC SDN list in Russian and Han spellings', () => {
  let service: ScreeningService;
  beforeAll(async () => {
    service = new ScreeningService(await ofacSdnReader());
    await service.ready();
  }, 120_000);
  const top = async (name: string) => (await service.match('us_ofac_sdn', { queries: { q: { schema: 'Person', properties: { name: [name] } } } })).responses.q.results[0];

  it('finds KIM Jong Un first and marked for Ким Чен Ын, Ким Чжон Ын and 金正恩', async () => {
    for (const name of ['Ким Чен Ын', 'Ким Чжон Ын', '金正恩']) {
      expect(await top(name), name).toMatchObject({ caption: 'KIM, Jong Un', referents: ['us_ofac_sdn:20157'], match: true });
    }
  });
  it('finds DPRK bodies by their Korean names, which the list gives only in English translation', async () => {
    const org = async (name: string) => (await service.match('us_ofac_sdn', { queries: { q: { schema: 'Organization', properties: { name: [name] } } } })).responses.q.results[0];
    expect(await org('조선무역은행')).toMatchObject({ referents: ['us_ofac_sdn:15603'], match: true }); // Foreign Trade Bank a.k.a. Korea Trade Bank
    expect(await org('군수공업부')).toMatchObject({ referents: ['us_ofac_sdn:12214'], match: true }); // Munitions Industry Department
    expect(await org('정찰총국')).toMatchObject({ referents: ['us_ofac_sdn:12210'], match: true }); // Reconnaissance General Bureau
  });
  it('search ranks KIM Jong Un first for Ким Чен Ын', async () => {
    const res = await service.search('us_ofac_sdn', { q: 'Ким Чен Ын' });
    expect(res.results[0]?.caption).toBe('KIM, Jong Un');
  });
});
