// The OFAC 50 % rule over synthetic ownership structures, and the warnings for bad data.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.ts';
import { assessOwnership } from '../../src/graph/ownership.ts';
import { GraphService } from '../../src/graph/service.ts';
import { Sketch } from './support.ts';

async function assess(s: Sketch, id: string) {
  const g = await buildGraph(s.reader());
  return assessOwnership(g, g.indexOf(id));
}

describe('50 % rule', () => {
  it('A (blocked) owns 30 % of C and 40 % of B, B owns 60 % of C: C is 54 % owned, blocked, computation shown', async () => {
    const s = new Sketch()
      .node('A', 'Company', 'A Holdings', true)
      .node('B', 'Company', 'B Trading')
      .node('C', 'Company', 'C Shipping')
      .rel('a-c', 'Ownership', 'A', 'C', { percentage: '30' })
      .rel('a-b', 'Ownership', 'A', 'B', { percentage: '40' })
      .rel('b-c', 'Ownership', 'B', 'C', { percentage: '60' });
    const r = await assess(s, 'C');
    expect(r.listed).toBe(false);
    expect(r.share).toBeCloseTo(0.54, 9);
    expect(r.blocked).toBe(true);
    expect(r.blockedByOwnership).toBe(true);
    expect(r.terms.map((t) => t.path.join('>')).sort()).toEqual(['A>B>C', 'A>C']);
    const viaB = r.terms.find((t) => t.path.length === 3)!;
    expect(viaB.factors).toEqual([0.4, 0.6]);
    expect(viaB.contribution).toBeCloseTo(0.24, 9);
    expect(viaB.edges).toEqual(['a-b', 'b-c']);
    expect(r.computation).toContain('40% × 60% (A Holdings → B Trading → C Shipping)');
    expect(r.computation).toContain('30% (A Holdings → C Shipping)');
    expect(r.computation).toContain('= 54% ≥ 50%: treated as blocked');
    // B itself stays below the threshold.
    expect((await assess(s, 'B')).blocked).toBe(false);
  });

  it('counts a blocked intermediary in full: A owns 50 % of B (so B is blocked), B owns 50 % of C', async () => {
    const s = new Sketch()
      .node('A', 'Company', 'A', true)
      .node('B')
      .node('C')
      .rel('a-b', 'Ownership', 'A', 'B', { percentage: '50' })
      .rel('b-c', 'Ownership', 'B', 'C', { percentage: '50%' });
    const r = await assess(s, 'C');
    expect(r.share).toBeCloseTo(0.5, 9);
    expect(r.blocked).toBe(true);
    expect(r.terms).toEqual([expect.objectContaining({ path: ['B', 'C'], factors: [0.5] })]);
  });

  it('aggregates several blocked owners below 50 % each', async () => {
    const s = new Sketch().node('X', 'Person', 'X', true).node('Y', 'Person', 'Y', true).node('T');
    s.rel('x-t', 'Ownership', 'X', 'T', { percentage: '25' }).rel('y-t', 'Ownership', 'Y', 'T', { percentage: '25' });
    expect((await assess(s, 'T')).blocked).toBe(true);
  });

  it('stays unblocked at 49 %', async () => {
    const s = new Sketch().node('X', 'Person', 'X', true).node('T').rel('x-t', 'Ownership', 'X', 'T', { percentage: '49' });
    const r = await assess(s, 'T');
    expect(r.blocked).toBe(false);
    expect(r.computation).toContain('< 50%: not blocked by ownership');
  });

  it('survives an ownership cycle and says so', async () => {
    const s = new Sketch()
      .node('A', 'Company', 'A', true)
      .node('B')
      .node('C')
      .rel('a-b', 'Ownership', 'A', 'B', { percentage: '30' })
      .rel('b-c', 'Ownership', 'B', 'C', { percentage: '60' })
      .rel('c-b', 'Ownership', 'C', 'B', { percentage: '60' });
    const r = await assess(s, 'C');
    expect(r.share).toBeCloseTo(0.18, 9);
    expect(r.warnings.some((w) => w.startsWith('ownership cycle'))).toBe(true);
  });

  it('warns about percentages over 100, negative, missing, and owners adding up to more than 100 %', async () => {
    const s = new Sketch()
      .node('A', 'Company', 'A', true)
      .node('B', 'Company', 'B', true)
      .node('D', 'Company', 'D', true)
      .node('T')
      .rel('a-t', 'Ownership', 'A', 'T', { percentage: '150' })
      .rel('b-t', 'Ownership', 'B', 'T', { percentage: '-20' })
      .rel('d-t', 'Ownership', 'D', 'T');
    const r = await assess(s, 'T');
    expect(r.share).toBe(1);
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('percentage 150 over 100 read as 100'),
        expect.stringContaining('negative percentage -20 ignored'),
        expect.stringContaining('ownership without a percentage ignored'),
      ]),
    );
  });

  it('ignores self-ownership (a self-loop) with a warning in the graph build', async () => {
    const s = new Sketch().node('A', 'Company', 'A', true).node('T').rel('t-t', 'Ownership', 'T', 'T', { percentage: '60' });
    const g = await buildGraph(s.reader());
    expect(g.warnings.some((w) => w.includes('self-loop') && w.includes('t-t'))).toBe(true);
    expect(assessOwnership(g, g.indexOf('T')).share).toBe(0);
  });

  it('leaves alleged and denied ownership claims out', async () => {
    const s = new Sketch().node('X', 'Person', 'X', true).node('T').rel('x-t', 'Ownership', 'X', 'T', { percentage: '80' }, 'alleged');
    expect((await assess(s, 'T')).blocked).toBe(false);
  });

  it('is part of the exposure result', async () => {
    const s = new Sketch().node('A', 'Company', 'A', true).node('C').rel('a-c', 'Ownership', 'A', 'C', { percentage: '75' });
    const r = await new GraphService(s.reader()).exposure('C');
    expect(r.ownership.blocked).toBe(true);
    expect(r.hits[0].entity.id).toBe('A');
  });
});
