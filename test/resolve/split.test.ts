// Splitting a record off its target over HTTP, on SQLite and PostgreSQL, with the real UN and UK
// lists: the record becomes its own entity, every other member stays in the target (even when the
// record was the only link between them), the old canonical id follows the others, nothing is
// deleted from the log, and the split is reversed by judgements. Every answer is held to its schema.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { resolverFor } from '../../src/resolve/service.ts';
import { installErrorHandler } from '../../src/server/errors.ts';
import { installAccess } from '../../src/server/authenticate.ts';
import { resolveRoutes } from '../../src/server/routes/resolve.ts';
import { checkResponses, type ContractCheck } from '../support/contract.ts';
import { authHeaders, keyAuthor } from '../support/credentials.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreOfForBlock } from '../support/imported.ts';
import { UN_THEN_UK } from '../support/list-imports.ts';

// KIM Yong Chol, born 1962 (UN KPi.024, UK group 13334), and the UK's other KIM Yong Chol, born 1946 (12439).
const KIM_UN = 'un-sc-sanctions-KPi.024';
const KIM_UK = 'gb-hmt-sanctions-13334';
const OTHER_KIM = 'gb-hmt-sanctions-12439';

for (const engine of ENGINES) {
  describe(`split over HTTP on ${engine}`, () => {
    const t = importedStoreOfForBlock(engine, UN_THEN_UK);
    let app: FastifyInstance;
    let contract: ContractCheck;
    let analyst: Record<string, string>;
    /** A request with an analyst's key unless other `headers` (or none: `{}`) are given. */
    const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = analyst) => {
      const res = await app.inject({ method, url, payload, headers });
      return { status: res.statusCode, body: res.json() };
    };

    beforeAll(async () => {
      app = Fastify();
      installErrorHandler(app);
      installAccess(app, { store: t.store, anonymousRead: false });
      analyst = await authHeaders(t.store, 'analyst');
      contract = checkResponses(app);
      await app.register(async (api) => resolveRoutes(api, { config: loadConfig({}), store: t.store }));
      await app.ready();
    });
    afterAll(async () => app?.close());

    it('splits the record that wrongly joined two others off, keeping those two together under the old id', async () => {
      // Someone joined the two UK KIM Yong Chols (a mistake: born 1946 and 1962), then the 1946 one to the UN entry:
      // the wrong record is the only link between the two right ones.
      const joined = await call('POST', '/judgements', {
        judgements: [
          { left: OTHER_KIM, right: KIM_UK, judgement: 'same', reason: 'same name, both DPRK' },
          { left: OTHER_KIM, right: KIM_UN, judgement: 'same', reason: 'same name' },
        ],
      });
      expect(joined.status).toBe(201);
      const target = joined.body.targets[0].canonical_id as string;
      expect((await call('GET', `/entities/${target}/members`)).body.members.map((m: { id: string }) => m.id)).toEqual([OTHER_KIM, KIM_UK, KIM_UN]);
      const logBefore = (await resolverFor(t.store).judgementsStore.judgements()).length;

      const split = await call('POST', '/judgements/split', { member: 'gb_hmt_sanctions:12439', reason: 'born 1946, the others 1962-02-18' });
      expect(split.status).toBe(201);
      expect(split.body.member).toEqual({ id: OTHER_KIM, canonical_id: OTHER_KIM, members: [OTHER_KIM] });
      expect(split.body.rest.members).toEqual([KIM_UK, KIM_UN]);
      expect(split.body.judgements.map((j: { verdict: string }) => j.verdict)).toEqual(['undo', 'undo', 'not_same', 'not_same', 'same']);
      expect(split.body.judgements.at(-1)).toMatchObject({ left: KIM_UK, right: KIM_UN, author: await keyAuthor(t.store, 'analyst'), machine: false, reason: expect.stringMatching(/kept together when gb-hmt-sanctions-12439 was split off/) });
      // the old canonical id (named after the pair the split record was in) follows the records that stayed
      const old = await call('GET', `/entities/${target}/members`);
      expect(old.body.id).toBe(split.body.rest.canonical_id);
      expect(old.body.members.map((m: { id: string }) => m.id)).toEqual([KIM_UK, KIM_UN]);
      expect(old.body.members[0]).toMatchObject({ dataset: 'gb_hmt_sanctions', schema: 'Person', caption: expect.stringMatching(/KIM/i) });
      expect((await call('GET', `/entities/${OTHER_KIM}/members`)).body.members.map((m: { id: string }) => m.id)).toEqual([OTHER_KIM]);
      // append-only: the log grew by the split's judgements and lost nothing
      expect((await resolverFor(t.store).judgementsStore.judgements()).length).toBe(logBefore + 5);
    });

    it('reverses a split with judgements, and refuses splits it cannot make', async () => {
      const reversed = await call('POST', '/judgements', {
        judgements: [
          { left: OTHER_KIM, right: KIM_UK, judgement: 'same', reason: 'reverse the split (test)' },
          { left: OTHER_KIM, right: KIM_UN, judgement: 'undo', reason: 'reverse the split (test)' },
        ],
      });
      expect(reversed.status).toBe(201);
      expect(reversed.body.targets[0].members).toEqual([OTHER_KIM, KIM_UK, KIM_UN]);

      expect((await call('POST', '/judgements/split', { member: OTHER_KIM, reason: 'x' }, {})).status).toBe(401); // no credentials
      expect((await call('POST', '/judgements/split', { member: OTHER_KIM, reason: '' })).status).toBe(400);
      expect((await call('POST', '/judgements/split', { member: 'gb-hmt-sanctions-10913', reason: 'x' })).status).toBe(409); // merged with nothing
      expect((await call('POST', '/judgements/split', { member: 'gb_hmt_sanctions:99999999', reason: 'x' })).status).toBe(404);
      const byCanonical = await call('POST', '/judgements/split', { member: reversed.body.targets[0].canonical_id, reason: 'x' });
      expect(byCanonical.status).toBe(404);
      expect(byCanonical.body.error).toMatch(/member record's id, not the target's/);
      expect(contract.failures).toEqual([]);
      expect(contract.undeclared).toEqual([]);
    });
  });
}
