// The judgement log on SQLite and PostgreSQL, over the real UN and UK lists: merges are views that
// unmerge to exactly what the sources said; contradictions, unknown ids and bad imports are refused
// whole, leaving the log as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/ingest/import.ts';
import { ConflictError, NotFoundError, SourceError, ValidationError } from '../../src/model/errors.ts';
import { Resolver } from '../../src/resolve/service.ts';
import { ENGINES } from '../support/engines.ts';
import { importedStoreOfForBlock } from '../support/imported.ts';
import { UN_LIST as UN, UN_THEN_UK } from '../support/list-imports.ts';

// JO Yong Chol (UN KPi.034), listed by the UK as group 13419 citing that reference.
const JO_UN = 'un-sc-sanctions-KPi.034';
const JO_UK = 'gb-hmt-sanctions-13419';
// KIM Yong Chol (UN KPi.024) and the UK's two KIM Yong Chol entries.
const KIM_UN = 'un-sc-sanctions-KPi.024';
const KIM_UK_A = 'gb-hmt-sanctions-12439';
const KIM_UK_B = 'gb-hmt-sanctions-13334';

const by = (verdict: 'same' | 'not_same' | 'unsure' | 'undo', left: string, right: string, extra: object = {}) => ({ left, right, verdict, author: 'analyst-a', reason: 'test', ...extra });

for (const engine of ENGINES) {
  describe(`judgements on ${engine}`, () => {
    const t = importedStoreOfForBlock(engine, UN_THEN_UK);
    let resolver: Resolver;
    beforeAll(async () => {
      resolver = new Resolver(t.store);
    });

    it('merges two records into one target with every statement kept, and unmerges to exactly the records there were', async () => {
      const unBefore = await t.store.getEntity(JO_UN);
      const ukBefore = await t.store.getEntity(JO_UK);
      await resolver.judge([by('same', 'gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034', { reason: 'UK entry cites UN Ref KPi.034' })]);
      const merged = await resolver.entity(JO_UK);
      expect(merged!.id).toMatch(/^NK-[0-9a-f]{20}$/);
      expect(merged!.referents).toEqual(['gb_hmt_sanctions:13419', 'un_sc_sanctions:KPi.034']);
      expect(merged!.datasets).toEqual(['gb_hmt_sanctions', 'un_sc_sanctions']);
      expect(merged!.members.map((m) => m.id)).toEqual([JO_UK, JO_UN]);
      expect(await resolver.entity(merged!.id)).toEqual(merged);
      expect(await resolver.entity('un_sc_sanctions:KPi.034')).toEqual(merged);
      const reader = await resolver.reader();
      const statements = await reader.getStatements(merged!.id);
      const ownStatements = [...(await t.store.getStatements(JO_UN)), ...(await t.store.getStatements(JO_UK))];
      expect(statements.length).toBe(ownStatements.length);
      expect(statements.every((s) => s.canonicalId === merged!.id)).toBe(true);
      expect(new Set(statements.map((s) => `${s.dataset}|${s.versionId}|${s.evidenceGrade}|${s.prop}|${s.value}`))).toEqual(
        new Set(ownStatements.map((s) => `${s.dataset}|${s.versionId}|${s.evidenceGrade}|${s.prop}|${s.value}`)),
      );
      for (const value of [...unBefore!.properties.name, ...ukBefore!.properties.name]) expect(merged!.properties.name).toContain(value);

      await resolver.judge([by('undo', JO_UK, JO_UN)]);
      expect((await resolver.reader()).resolution.isMerged(JO_UK)).toBe(false);
      expect(await (await resolver.reader()).getEntity(JO_UN)).toEqual(unBefore);
      expect(await (await resolver.reader()).getEntity(JO_UK)).toEqual(ukBefore);
      // the log kept both judgements
      expect((await resolver.judgementsStore.judgements()).map((j) => j.verdict)).toEqual(['same', 'undo']);
    });

    it('keeps a canonical id when members join, and redirects the younger id when two targets are joined', async () => {
      await resolver.judge([by('same', KIM_UK_A, KIM_UN, { createdAt: '2026-01-01T00:00:00.000Z' })]);
      const first = (await resolver.resolution()).canonical(KIM_UN);
      await resolver.judge([by('same', JO_UK, JO_UN, { createdAt: '2026-01-02T00:00:00.000Z' })]);
      const second = (await resolver.resolution()).canonical(JO_UN);
      expect(second).not.toBe(first);
      // the oldest judgement names the target: a new member leaves the id alone
      await resolver.judge([by('same', KIM_UK_B, KIM_UK_A, { createdAt: '2026-01-03T00:00:00.000Z' })]);
      expect((await resolver.resolution()).canonical(KIM_UK_B)).toBe(first);
      // joining the two targets (only to test the ids; they are different people) keeps the older id
      await resolver.judge([by('same', KIM_UN, JO_UN, { createdAt: '2026-01-04T00:00:00.000Z' })]);
      const joined = await resolver.resolution();
      expect(joined.canonical(JO_UK)).toBe(first);
      expect(joined.canonical(second)).toBe(first);
      expect(joined.members(second)).toEqual([JO_UK, KIM_UK_A, KIM_UK_B, JO_UN, KIM_UN].sort());
      // and splitting gives the record back; every other member stays where it was (JO_UK was joined through JO_UN)
      await resolver.split(JO_UN, 'analyst-a', 'different people');
      const split = await resolver.resolution();
      expect(split.members(first)).toEqual([JO_UK, KIM_UK_A, KIM_UK_B, KIM_UN].sort());
      expect(split.isMerged(JO_UN)).toBe(false);
    });

    it('keeps canonical ids when a new version of a list is imported', async () => {
      const before = await resolver.resolution();
      const clusters = new Map(before.clusters());
      await importFiles(t.store, [UN], { dataset: 'un_sc_sanctions' }); // a new version, the same records
      const after = await resolver.resolution();
      expect(new Map(after.clusters())).toEqual(clusters);
      expect((await resolver.entity(KIM_UN))!.id).toBe(before.canonical(KIM_UN));
    });

    it('refuses contradictions in a batch and against what is in force, writing nothing', async () => {
      const count = (await resolver.judgementsStore.judgements()).length;
      await expect(resolver.judge([by('same', JO_UK, JO_UN), by('not_same', JO_UN, JO_UK)])).rejects.toThrow(/batch contradicts itself/);
      await expect(resolver.judge([by('not_same', KIM_UK_B, KIM_UN)])).rejects.toThrow(ConflictError);
      await expect(resolver.judge([by('not_same', KIM_UK_B, KIM_UN)])).rejects.toThrow(/make them the same target/);
      // JO_UK not-same JO_UN is in force after the split: a same judgement through a third record is refused
      await expect(resolver.judge([by('same', JO_UK, 'gb-hmt-sanctions-13360'), by('same', 'gb-hmt-sanctions-13360', JO_UN)])).rejects.toThrow(/contradiction/);
      expect((await resolver.judgementsStore.judgements()).length).toBe(count);
    });

    it('refuses unknown ids, missing authors and unknown verdicts, writing nothing', async () => {
      const count = (await resolver.judgementsStore.judgements()).length;
      await expect(resolver.judge([by('unsure', JO_UK, 'un_sc_sanctions:KPi.999')])).rejects.toThrow(NotFoundError);
      await expect(resolver.judge([by('unsure', JO_UK, 'un_sc_sanctions:KPi.999')])).rejects.toThrow(/unknown entity id: un-sc-sanctions-KPi.999/);
      await expect(resolver.judge([{ ...by('same', JO_UK, JO_UN), author: ' ' }])).rejects.toThrow(ValidationError);
      await expect(resolver.judge([{ ...by('same', JO_UK, JO_UN), verdict: 'maybe' as never }])).rejects.toThrow(/judgement: must be one of/);
      expect((await resolver.judgementsStore.judgements()).length).toBe(count);
    });

    it('cross-references the UN and UK lists: official references merge as machine judgements, list errors wait flagged, people are never overruled', async () => {
      // a person's judgement stands: the machine does not merge JO Yong Chol back
      const report = await resolver.xref({ datasets: ['un_sc_sanctions', 'gb_hmt_sanctions'] });
      expect(report.candidates).toBeGreaterThan(900);
      expect(report.merged).toBeGreaterThan(600);
      expect(report.flagged).toBeGreaterThan(5);
      const resolution = await resolver.resolution();
      expect(resolution.judgementOn(JO_UK, JO_UN)).toMatchObject({ verdict: 'not_same', machine: false });
      const choe = resolution.judgementOn('gb-hmt-sanctions-10916', 'un-sc-sanctions-KPi.003');
      expect(choe).toMatchObject({ verdict: 'same', machine: true, author: 'interdict/xref', basedOn: { official: 'KPi.003' } });
      const page = await resolver.candidates({ status: 'flagged' });
      expect(page.results.find((c) => c.left === 'gb-hmt-sanctions-11286' && c.right === 'un-sc-sanctions-KPe.023')).toMatchObject({ official: 'KPe.023', conflicts: ['official.names_differ'] });
      // a second run finds the same and merges nothing more
      expect((await resolver.xref({ datasets: ['un_sc_sanctions', 'gb_hmt_sanctions'] })).merged).toBe(0);
    });

    it('exports judgements as nomenklatura JSON lines and imports them all or nothing', async () => {
      const lines = await resolver.exportJudgements();
      const first = JSON.parse(lines[0]);
      expect(Object.keys(first)).toEqual(expect.arrayContaining(['target', 'source', 'judgement', 'score', 'user', 'created_at']));
      expect(first).toMatchObject({ judgement: 'positive', user: 'analyst-a' });
      expect(first.target > first.source).toBe(true);
      const count = (await resolver.judgementsStore.judgements()).length;
      const bad = [JSON.stringify({ source: JO_UN, target: 'un-sc-sanctions-KPi.035', judgement: 'unsure', user: 'x' }), '{"source": "a"'].join('\n');
      await expect(resolver.importJudgements(bad, 'bad.jsonl')).rejects.toThrow(SourceError);
      await expect(resolver.importJudgements(bad, 'bad.jsonl')).rejects.toThrow(/bad.jsonl:2/);
      expect((await resolver.judgementsStore.judgements()).length).toBe(count);
      // re-importing its own export changes nothing
      const clusters = (await resolver.resolution()).clusters();
      expect(await resolver.importJudgements(lines.join('\n'), 'own.jsonl')).toEqual({ imported: 0, skipped: lines.length });
      expect((await resolver.resolution()).clusters()).toEqual(clusters);
      const contradicting = [by('same', JO_UK, 'gb-hmt-sanctions-13360'), by('not_same', 'gb-hmt-sanctions-13360', JO_UK)].map((j) => JSON.stringify({ source: j.left, target: j.right, judgement: j.verdict === 'same' ? 'positive' : 'negative', user: 'x' }));
      await expect(resolver.importJudgements(contradicting.join('\n'), 'c.jsonl')).rejects.toThrow(/c.jsonl: the file contradicts itself: judgement 1 says same and judgement 2 says not-same/);
    });
  });
}
