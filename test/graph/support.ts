// Test helpers: readers over the bundled official files and the case file, and tiny synthetic graphs.
import { collect } from '../../src/sources/collect.ts';
import { ofacSdnCsv } from '../../src/sources/ofac/csv.ts';
import { unScXml } from '../../src/sources/un/un-sc-xml.ts';
import { statementsCsv } from '../../src/sources/statements/statements-csv.ts';
import { readTransfersCsv } from '../../src/sources/transfers/csv.ts';
import { MemoryReader } from '../../src/store/memory-reader.ts';
import type { StatementDraft } from '../../src/model/statement.ts';
import type { EvidenceGrade } from '../../src/model/grades.ts';
import type { Graph } from '../../src/graph/graph.ts';

const OFAC_DIR = 'data/us_ofac_sdn/2023-12-28/';
export const CASE_DIR = 'data/case_dprk_russia/';

export async function ofacDrafts(): Promise<StatementDraft[]> {
  return (await collect(ofacSdnCsv, [`${OFAC_DIR}sdn.csv.gz`, `${OFAC_DIR}add.csv.gz`, `${OFAC_DIR}alt.csv.gz`])).statements;
}

export async function unDrafts(): Promise<StatementDraft[]> {
  return (await collect(unScXml, ['data/un_sc_sanctions/2026-02-27/consolidated.xml.gz'])).statements;
}

export async function caseDrafts(): Promise<StatementDraft[]> {
  const statements = (await collect(statementsCsv, [`${CASE_DIR}statements.csv`], 'case_dprk_russia')).statements;
  for await (const s of readTransfersCsv(`${CASE_DIR}transfers.csv`)) statements.push(s);
  return statements;
}

/** A synthetic graph written as statements. */
export class Sketch {
  readonly drafts: StatementDraft[] = [];

  node(id: string, schema = 'Company', name = id, sanctioned = false): this {
    this.drafts.push({ entityId: id, schema, prop: 'id', value: id }, { entityId: id, schema, prop: 'name', value: name });
    if (sanctioned) this.drafts.push({ entityId: id, schema, prop: 'topics', value: 'sanction' });
    return this;
  }

  rel(
    id: string,
    schema: string,
    from: string,
    to: string,
    props: Record<string, string> = {},
    grade: EvidenceGrade = 'official',
    source: string | null = null,
  ): this {
    const ends: Record<string, [string, string]> = {
      Ownership: ['owner', 'asset'],
      UnknownLink: ['subject', 'object'],
      Directorship: ['director', 'organization'],
      Associate: ['person', 'associate'],
      Family: ['person', 'relative'],
      Employment: ['employee', 'employer'],
    };
    const [a, b] = ends[schema];
    const base = { entityId: id, schema, evidenceGrade: grade, sourceDocument: source, locator: `sketch:${id}` };
    this.drafts.push({ ...base, prop: a, value: from }, { ...base, prop: b, value: to });
    for (const [k, v] of Object.entries(props)) this.drafts.push({ ...base, prop: k, value: v });
    return this;
  }

  reader(dataset = 'sketch'): MemoryReader {
    const r = new MemoryReader();
    r.addDataset(dataset, this.drafts, { publishedAt: '2024-01-01' });
    return r;
  }
}

/** A graph's content by id, independent of node and edge numbering (an update must equal a fresh build). */
export function graphContent(g: Graph) {
  const nodes = Array.from({ length: g.nodeCount }, (_, n) => g.node(n)).map((n) => ({ ...n, datasets: [...n.datasets].sort(), sanctionedBy: [...n.sanctionedBy].sort() }));
  const edges = Array.from({ length: g.edgeCount }, (_, e) => g.edge(e));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: nodes.sort(byId), edges: edges.sort(byId), warnings: [...g.warnings].sort() };
}
