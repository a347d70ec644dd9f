// Paths, neighbourhoods, centrality and bad input over small synthetic graphs whose answers are known.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.ts';
import { betweenness, inducedSubgraph, louvain, pageRank } from '../../src/graph/centrality.ts';
import { kShortestPaths, shortestPath } from '../../src/graph/paths.ts';
import { GraphService } from '../../src/graph/service.ts';
import { NotFoundError, ValidationError } from '../../src/model/errors.ts';
import { Sketch } from './support.ts';

/** A ladder: S-a1-a2-T, S-b1-T, S-c1-c2-c3-T, plus an alleged shortcut S-T dated 2010. */
function ladder(): Sketch {
  const s = new Sketch();
  for (const id of ['S', 'a1', 'a2', 'b1', 'c1', 'c2', 'c3', 'T']) s.node(id);
  s.rel('S-a1', 'UnknownLink', 'S', 'a1').rel('a1-a2', 'Directorship', 'a1', 'a2').rel('a2-T', 'UnknownLink', 'a2', 'T');
  s.rel('S-b1', 'UnknownLink', 'S', 'b1', {}, 'reported').rel('b1-T', 'Ownership', 'b1', 'T', { percentage: '10' }, 'reported');
  s.rel('S-c1', 'UnknownLink', 'S', 'c1').rel('c1-c2', 'UnknownLink', 'c1', 'c2').rel('c2-c3', 'UnknownLink', 'c2', 'c3').rel('c3-T', 'UnknownLink', 'c3', 'T');
  s.rel('S-T', 'Associate', 'S', 'T', { startDate: '2010-01-01', endDate: '2010-12-31' }, 'alleged');
  return s;
}

describe('paths', () => {
  it('finds the shortest path and the k shortest in hop order (Yen)', async () => {
    const g = await buildGraph(ladder().reader());
    const f = g.compile();
    const S = g.indexOf('S');
    const T = g.indexOf('T');
    expect(shortestPath(g, S, T, f, 5)!.edges.map((e) => g.edgeIds[e])).toEqual(['S-T']);
    const k = kShortestPaths(g, S, T, f, 5, 10);
    expect(k.map((p) => p.edges.map((e) => g.edgeIds[e]).join(' '))).toEqual([
      'S-T',
      'S-b1 b1-T',
      'S-a1 a1-a2 a2-T',
      'S-c1 c1-c2 c2-c3 c3-T',
    ]);
    // maxHops cuts the long ones.
    expect(kShortestPaths(g, S, T, f, 2, 10)).toHaveLength(2);
  });

  it('filters by grade, type and date window', async () => {
    const svc = new GraphService(ladder().reader());
    const official = await svc.paths('S', 'T', { k: 5, filter: { minGrade: 'official' } });
    expect(official.paths.map((p) => p.hops)).toEqual([3, 4]);
    const noDirectors = await svc.paths('S', 'T', { k: 5, filter: { minGrade: 'official', types: ['UnknownLink'] } });
    expect(noDirectors.paths.map((p) => p.hops)).toEqual([4]);
    const in2012 = await svc.paths('S', 'T', { k: 1, filter: { fromDate: '2012-01-01' } });
    expect(in2012.paths[0].hops).toBe(2); // the 2010 association is outside the window
    const in2010 = await svc.paths('S', 'T', { k: 1, filter: { fromDate: '2010-06', toDate: '2010-06' } });
    expect(in2010.paths[0].edges[0].id).toBe('S-T');
  });

  it('returns every edge with provenance and weight', async () => {
    const svc = new GraphService(ladder().reader('ladder'));
    const r = await svc.paths('S', 'T', { k: 2 });
    const e = r.paths[1].edges[1];
    expect(e).toMatchObject({ id: 'b1-T', type: 'Ownership', percentage: 10, evidenceGrade: 'reported', label: 'owns' });
    expect(e.provenance).toEqual([expect.objectContaining({ dataset: 'ladder', locator: 'sketch:b1-T', evidenceGrade: 'reported' })]);
  });

  it('finds no path beyond maxHops, and a path of length 0 to itself', async () => {
    const svc = new GraphService(ladder().reader());
    expect((await svc.paths('a1', 'c3', { maxHops: 2, filter: { minGrade: 'official' } })).paths).toEqual([]);
    expect((await svc.paths('S', 'S')).paths[0].hops).toBe(0);
  });
});

describe('neighbourhood and adjacency', () => {
  it('pages adjacent links, strongest evidence first', async () => {
    const svc = new GraphService(ladder().reader());
    const all = await svc.adjacent('S');
    expect(all.total).toBe(4);
    expect(all.results.map((r) => r.edge.evidenceGrade)).toEqual(['official', 'official', 'reported', 'alleged']);
    const page = await svc.adjacent('S', { offset: 1, limit: 2 });
    expect(page.results.map((r) => r.edge.id)).toEqual(all.results.slice(1, 3).map((r) => r.edge.id));
    const owners = await svc.adjacent('T', { filter: { types: ['Ownership'] } });
    expect(owners.results.map((r) => r.other.id)).toEqual(['b1']);
  });

  it('caps the neighbourhood and counts the cut nodes and edges', async () => {
    const s = new Sketch().node('hub');
    for (let i = 0; i < 40; i++) s.node(`n${i}`).rel(`h${i}`, 'UnknownLink', 'hub', `n${i}`);
    for (let i = 0; i < 40; i++) s.node(`m${i}`).rel(`nm${i}`, 'UnknownLink', `n${i}`, `m${i}`);
    const r = await new GraphService(s.reader()).neighbourhood('hub', { hops: 2, limit: 10 });
    expect(r.nodes).toHaveLength(10);
    expect(r.nodes.slice(1).every((n) => n.hops === 1)).toBe(true);
    expect(r.cut).toEqual({ nodes: 71, edges: 71 });
    expect(r.edges).toHaveLength(9);
  });
});

describe('centrality and communities', () => {
  it('gives the centre of a path the highest betweenness, and PageRank sums to 1', async () => {
    const s = new Sketch();
    for (const id of ['a', 'b', 'c', 'd', 'e']) s.node(id);
    s.rel('ab', 'UnknownLink', 'a', 'b').rel('bc', 'UnknownLink', 'b', 'c').rel('cd', 'UnknownLink', 'c', 'd').rel('de', 'UnknownLink', 'd', 'e');
    const g = await buildGraph(s.reader());
    const sub = inducedSubgraph(g, ['a', 'b', 'c', 'd', 'e'].map((id) => g.indexOf(id)), g.compile());
    const bc = betweenness(sub);
    // Path of 5: pairs through c are (a,d),(a,e),(b,d),(b,e) = 4 of the 6 pairs of the others.
    expect(bc[2]).toBeCloseTo(4 / 6, 9);
    expect(bc[0]).toBe(0);
    expect(bc[1]).toBeCloseTo(3 / 6, 9);
    expect(pageRank(sub).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('finds two communities in two cliques joined by one link', async () => {
    const s = new Sketch();
    const left = ['l1', 'l2', 'l3', 'l4'];
    const right = ['r1', 'r2', 'r3', 'r4'];
    for (const id of [...left, ...right]) s.node(id);
    for (const group of [left, right]) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) s.rel(`${group[i]}-${group[j]}`, 'Associate', group[i], group[j]);
    s.rel('bridge', 'UnknownLink', 'l1', 'r1');
    const svc = new GraphService(s.reader());
    const r = await svc.centrality([...left, ...right]);
    const community = Object.fromEntries(r.nodes.map((n) => [n.id, n.community]));
    expect(r.communities).toBe(2);
    expect(new Set(left.map((id) => community[id])).size).toBe(1);
    expect(community.l2).not.toBe(community.r2);
    expect(r.modularity).toBeGreaterThan(0.3);
    expect(r.nodes[0].id).toMatch(/^(l1|r1)$/); // the bridge ends broker the most
    expect(louvain(inducedSubgraph((await svc.graph()), [], (await svc.graph()).compile())).community).toEqual([]);
  });
});

describe('bad input', () => {
  const svc = new GraphService(ladder().reader());
  it('rejects unknown ids with NotFoundError', async () => {
    await expect(svc.paths('S', 'nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(svc.exposure('nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(svc.adjacent('nobody')).rejects.toBeInstanceOf(NotFoundError);
  });
  it('names the field of a bad option', async () => {
    await expect(svc.paths('S', 'T', { maxHops: 0 })).rejects.toMatchObject({ field: 'maxHops' });
    await expect(svc.paths('S', 'T', { k: 'many' })).rejects.toMatchObject({ field: 'k' });
    await expect(svc.paths('S', 'T', { filter: { minGrade: 'rumour' as never } })).rejects.toMatchObject({ field: 'minGrade' });
    await expect(svc.paths('S', 'T', { filter: { fromDate: '2020-01-01', toDate: '2019-01-01' } })).rejects.toMatchObject({ field: 'fromDate' });
    await expect(svc.paths('S', 'T', { filter: { toDate: 'yesterday' } })).rejects.toBeInstanceOf(ValidationError);
    await expect(svc.neighbourhood('S', { hops: 9 })).rejects.toMatchObject({ field: 'hops' });
    await expect(svc.export(['S'], 'pdf')).rejects.toMatchObject({ field: 'format' });
    await expect(svc.centrality([])).rejects.toMatchObject({ field: 'ids' });
  });
  it('warns about relationships with dates in the wrong order and keeps them', async () => {
    const s = new Sketch().node('x').node('y').rel('x-y', 'UnknownLink', 'x', 'y', { startDate: '2020-05-01', endDate: '2019-01-01' });
    const g = await buildGraph(s.reader());
    expect(g.warnings.some((w) => w.includes('x-y') && w.includes('after end date'))).toBe(true);
    expect(g.edge(0)).toMatchObject({ startDate: '2019-01-01', endDate: '2020-05-01' });
  });
});
