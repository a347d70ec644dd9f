// Korean names in Russian Cyrillic and in Han characters, screened against the real OFAC SDN list of
// 2023-12-28 (the readings themselves: test/names/korean-scripts.test.ts, in the fast tier).
import { beforeAll, describe, expect, it } from 'vitest';
import { ScreeningService } from '../../src/screening/service.ts';
import { ofacSdnReader } from './helpers/ofac.ts';

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
