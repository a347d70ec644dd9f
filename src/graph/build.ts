// Builds the graph from the live statements in one streaming pass (statements arrive grouped by
// canonical id). Relationship entities become edges that keep each claim's provenance; every
// other Thing becomes a node; Sanction entities and `topics: sanction` mark nodes as designated.
import { commonSchema, SANCTION_TOPIC } from '../model/entity.ts';
import { designates, sanctionsLists } from '../model/targets.ts';
import { gradeRank } from '../model/grades.ts';
import { captionProps, hasSchema, schemaIsA } from '../model/ftm.ts';
import type { Statement } from '../model/statement.ts';
import { ID_PROP } from '../model/statement.ts';
import type { EntityReader, EntityFilter } from '../store/types.ts';
import { dayNumber, OPEN_END, OPEN_START } from '../model/date-span.ts';
import { FLAG_KNOWN, FLAG_SANCTIONED, Graph, type EdgeType } from './graph.ts';
import { edgeSpecOf, isSameAsRole, propertyLinksOf, SAME_AS_TYPE, type EdgeSpec } from './links.ts';
import { StringPool } from './pool.ts';
import type { EdgeKind, EdgeProvenance } from './types.ts';

const MAX_WARNINGS = 500;
/** The warnings finish() states over the whole graph (seed() leaves them to it). */
const FINISH_WARNINGS = /^(self-loop: |relationship points at unknown entity |… \d+ more warnings)/;

interface SchemaInfo {
  kind: 'edge' | 'similar' | 'sanction' | 'node' | 'skip';
  spec?: EdgeSpec;
  caption: readonly string[];
  links: { prop: string; label: string }[];
}

const schemaInfos = new Map<string, SchemaInfo>();
/** How statements of a schema become graph parts; computed once per schema name. */
function schemaInfo(schema: string): SchemaInfo {
  let info = schemaInfos.get(schema);
  if (info) return info;
  const caption = captionProps(schema);
  const spec = edgeSpecOf(schema);
  if (schema === 'Similar') info = { kind: 'similar', spec: { source: 'candidate', target: 'match', label: 'possibly the same as', directed: false }, caption, links: [] };
  else if (spec) info = { kind: 'edge', spec, caption, links: [] };
  else if (schemaIsA(schema, 'Sanction')) info = { kind: 'sanction', caption, links: [] };
  // Only Things are network nodes (ArmsTransfer is one); unknown schemata count too.
  else if (hasSchema(schema) && !schemaIsA(schema, 'Thing')) info = { kind: 'skip', caption, links: [] };
  else info = { kind: 'node', caption, links: propertyLinksOf(schema) };
  schemaInfos.set(schema, info);
  return info;
}

const sameAsSpecs = new WeakMap<EdgeSpec, EdgeSpec>();
function SAME_AS_SPEC(spec: EdgeSpec): EdgeSpec {
  let s = sameAsSpecs.get(spec);
  if (!s) sameAsSpecs.set(spec, (s = { ...spec, label: 'possibly the same as', directed: false }));
  return s;
}

export class GraphBuilder {
  /** The sanctions-list datasets (src/model/targets.ts): only their designations mark a node; null trusts all. */
  constructor(private readonly lists: ReadonlySet<string> | null = null) {}

  private readonly nodeIndex = new Map<string, number>();
  private readonly nodeIds: string[] = [];
  private readonly nodeSchema: number[] = [];
  private readonly nodeCaption: string[] = [];
  private readonly nodeFlags: number[] = [];
  private readonly nodeDatasets: number[] = [];
  private readonly nodeSanctionedBy: number[] = [];
  private readonly schemata = new StringPool();
  private readonly setPool = new StringPool();
  private readonly setValues: string[][] = [];

  private readonly edgeIds: string[] = [];
  private readonly edgeSrc: number[] = [];
  private readonly edgeDst: number[] = [];
  private readonly edgeType: number[] = [];
  private readonly edgeGrade: number[] = [];
  private readonly edgeStart: number[] = [];
  private readonly edgeEnd: number[] = [];
  private readonly edgePct: number[] = [];
  private readonly edgeRole: (string | undefined)[] = [];
  private readonly edgeDataset: number[] = [];
  private readonly edgeVersion: number[] = [];
  private readonly edgeSource: number[] = [];
  private readonly edgeClaimDate: number[] = [];
  private readonly edgeFirstSeen: number[] = [];
  private readonly edgeLastSeen: number[] = [];
  private readonly edgeAuthor: number[] = [];
  private readonly edgeLocator: (string | undefined)[] = [];
  private readonly extraProvenance = new Map<number, EdgeProvenance[]>();
  private readonly typeIndex = new Map<string, number>();
  private readonly types: EdgeType[] = [];
  private readonly pool = new StringPool();

  private readonly aliases = new Map<string, string>();
  private readonly sanctionMarks: [string, string][] = [];
  private readonly warnings: string[] = [];
  private warningCount = 0;

  private group: Statement[] = [];
  private groupId: string | undefined;

  /**
   * Starts from a built graph without the parts the entities `replaced` made (their nodes' own
   * attributes, the edges they stated, their warnings); feed those entities' statements next.
   * Designations are kept but for the nodes in `redesignated` (a judgement's targets: feed the
   * Sanctions naming them too). Nodes in `dropped` (ids a judgement retired) leave the graph; no kept
   * edge may touch them.
   */
  seed(g: Graph, replaced: ReadonlySet<string>, options: { dropped?: ReadonlySet<string>; redesignated?: ReadonlySet<string> } = {}): void {
    const dropped = options.dropped ?? new Set<string>();
    const redesignated = options.redesignated ?? new Set<string>();
    for (const s of g.schemata) this.schemata.intern(s);
    for (const set of g.sets) this.internSet([...set]);
    for (const v of g.pool.values) this.pool.intern(v);
    for (const t of g.types) this.typeFor(t.type, t.kind, t.label, t.directed);
    const thing = this.schemata.intern('Thing');
    /** Old node index → new one (-1: dropped). */
    const kept = new Int32Array(g.nodeCount);
    for (let n = 0; n < g.nodeCount; n++) {
      const id = g.nodeIds[n];
      if (dropped.has(id)) {
        kept[n] = -1;
        continue;
      }
      kept[n] = this.nodeIds.length;
      const reset = replaced.has(id);
      const undesignated = redesignated.has(id);
      this.nodeIds.push(id);
      this.nodeSchema.push(reset ? thing : g.nodeSchema[n]);
      this.nodeCaption.push(reset ? id : g.nodeCaption[n]);
      this.nodeFlags.push((reset ? g.nodeFlags[n] & ~FLAG_KNOWN : g.nodeFlags[n]) & (undesignated ? ~FLAG_SANCTIONED : 0xff));
      this.nodeDatasets.push(reset ? -1 : g.nodeDatasets[n]);
      this.nodeSanctionedBy.push(undesignated ? -1 : g.nodeSanctionedBy[n]);
    }
    for (const [id, n] of g.nodeIndex) {
      // An id redone or dropped no longer stands for another node (a record split from its target).
      if (kept[n] >= 0 && !dropped.has(id) && (id === g.nodeIds[n] || !replaced.has(id))) this.nodeIndex.set(id, kept[n]);
    }
    for (let e = 0; e < g.edgeCount; e++) {
      const id = g.edgeIds[e];
      const hash = id.indexOf('#');
      if (replaced.has(hash < 0 ? id : id.slice(0, hash))) continue; // `<entity>`, `<entity>#<prop>`, `<entity>#<src>><dst>`
      const src = kept[g.edgeSrc[e]];
      const dst = kept[g.edgeDst[e]];
      if (src < 0 || dst < 0) throw new Error(`edge ${id} touches a dropped node and its entity is not redone`);
      const extra = g.extraProvenance.get(e);
      if (extra) this.extraProvenance.set(this.edgeIds.length, extra);
      this.edgeIds.push(id);
      this.edgeSrc.push(src);
      this.edgeDst.push(dst);
      this.edgeType.push(g.edgeType[e]);
      this.edgeGrade.push(g.edgeGrade[e]);
      this.edgeStart.push(g.edgeStart[e]);
      this.edgeEnd.push(g.edgeEnd[e]);
      this.edgePct.push(g.edgePct[e]);
      this.edgeRole.push(g.edgeRole[e]);
      this.edgeDataset.push(g.edgeDataset[e]);
      this.edgeVersion.push(g.edgeVersion[e]);
      this.edgeSource.push(g.edgeSource[e]);
      this.edgeClaimDate.push(g.edgeClaimDate[e]);
      this.edgeFirstSeen.push(g.edgeFirstSeen[e]);
      this.edgeLastSeen.push(g.edgeLastSeen[e]);
      this.edgeAuthor.push(g.edgeAuthor[e]);
      this.edgeLocator.push(g.edgeLocator[e]);
    }
    // finish() states its own warnings again; a replaced entity's warnings come again with its statements.
    const mentions = (w: string) => w.split(/[\s:()]+/).some((word) => replaced.has(word) || dropped.has(word));
    for (const w of g.warnings) if (!FINISH_WARNINGS.test(w) && !mentions(w)) this.warn(w);
  }

  /** Feed statements in canonical-id order. */
  add(statement: Statement): void {
    if (statement.canonicalId !== this.groupId) {
      this.flushGroup();
      this.groupId = statement.canonicalId;
    }
    this.group.push(statement);
  }

  async addAll(statements: AsyncIterable<Statement> | Iterable<Statement>): Promise<this> {
    for await (const s of statements) this.add(s);
    return this;
  }

  warn(message: string): void {
    this.warningCount++;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
  }

  private flushGroup(): void {
    const group = this.group;
    if (group.length === 0) return;
    this.group = [];
    const id = group[0].canonicalId;
    let schema = group[0].schema;
    const props = new Map<string, Statement[]>();
    const firstDataset = group[0].dataset;
    let datasets: Set<string> | undefined;
    for (const s of group) {
      if (s.schema !== schema) schema = commonSchema(schema, s.schema);
      if (s.dataset !== firstDataset) (datasets ??= new Set([firstDataset])).add(s.dataset);
      if (s.entityId !== s.canonicalId) this.aliases.set(s.entityId, s.canonicalId);
      if (s.prop === ID_PROP) continue;
      let list = props.get(s.prop);
      if (!list) props.set(s.prop, (list = []));
      list.push(s);
    }
    const info = schemaInfo(schema);
    switch (info.kind) {
      case 'similar':
        this.addRelationship(id, schema, props, info.spec!, true, group);
        return;
      case 'edge': {
        const role = first(props.get('role')) ?? first(props.get('relationship'));
        const sameAs = schema === 'UnknownLink' && isSameAsRole(role);
        this.addRelationship(id, schema, props, sameAs ? SAME_AS_SPEC(info.spec!) : info.spec!, sameAs, group);
        return;
      }
      case 'sanction':
        for (const st of props.get('entity') ?? []) if (designates(st.dataset, this.lists)) this.sanctionMarks.push([st.value, st.dataset]);
        return;
      case 'skip':
        return;
      default:
        this.addNode(id, schema, props, datasets ? [...datasets] : [firstDataset], info);
    }
  }

  private addNode(id: string, schema: string, props: Map<string, Statement[]>, datasets: string[], info: SchemaInfo): void {
    const n = this.nodeFor(id);
    this.nodeSchema[n] = this.schemata.intern(schema);
    this.nodeFlags[n] |= FLAG_KNOWN;
    let caption = id;
    for (const prop of info.caption) {
      const v = first(props.get(prop));
      if (v) {
        caption = v;
        break;
      }
    }
    this.nodeCaption[n] = caption;
    this.nodeDatasets[n] = this.internSet(datasets);
    const topics = props.get('topics');
    if (topics) {
      const designatedBy = new Set<string>();
      for (const st of topics) if (st.value === SANCTION_TOPIC && designates(st.dataset, this.lists)) designatedBy.add(st.dataset);
      if (designatedBy.size) this.markSanctioned(n, designatedBy);
    }
    for (const link of info.links) {
      for (const st of props.get(link.prop) ?? []) {
        this.addEdge({
          id: `${id}#${link.prop}`,
          src: id,
          dst: st.value,
          type: this.typeFor(`${schema}.${link.prop}`, 'property', link.label, true),
          claims: [st],
          start: OPEN_START,
          end: OPEN_END,
          pct: NaN,
          role: undefined,
        });
      }
    }
  }

  private addRelationship(
    id: string,
    schema: string,
    props: Map<string, Statement[]>,
    spec: { source: string; target: string; label: string; directed: boolean },
    sameAs: boolean,
    // Every statement of the relationship is a claim about it: a denial added to the link shows up.
    claims: Statement[],
  ): void {
    const sources = props.get(spec.source) ?? [];
    const targets = props.get(spec.target) ?? [];
    if (sources.length === 0 || targets.length === 0) {
      this.warn(`${schema} ${id} lacks its ${sources.length === 0 ? spec.source : spec.target}: not an edge`);
      return;
    }
    const role = first(props.get('role')) ?? first(props.get('relationship'));
    // A period only from what the source says: `date` is when a link was attested (often the month a
    // report or designation stated it), so it bounds the start but never ends the link.
    const startRaw = first(props.get('startDate')) ?? first(props.get('date'));
    const endRaw = first(props.get('endDate'));
    let start = startRaw ? dayNumber(startRaw) || OPEN_START : OPEN_START;
    let end = endRaw ? dayNumber(endRaw, true) || OPEN_END : OPEN_END;
    if (start > end) {
      // Kept, with the dates swapped so date filters still see it; the warning says so.
      this.warn(`${schema} ${id}: start date ${startRaw} is after end date ${endRaw}; read as ${endRaw}..${startRaw}`);
      [start, end] = [dayNumber(endRaw), dayNumber(startRaw, true)];
    }
    const pctRaw = first(props.get('percentage'));
    const pct = pctRaw === undefined ? NaN : parseLeadingNumber(pctRaw);
    const type = sameAs ? this.typeFor(SAME_AS_TYPE, 'possibleSameAs', spec.label, false) : this.typeFor(schema, 'relationship', spec.label, spec.directed);
    for (const s of sources) {
      for (const t of targets) {
        const multi = sources.length * targets.length > 1;
        this.addEdge({ id: multi ? `${id}#${s.value}>${t.value}` : id, src: s.value, dst: t.value, type, claims, start, end, pct, role });
      }
    }
  }

  private addEdge(e: {
    id: string;
    src: string;
    dst: string;
    type: number;
    claims: Statement[];
    start: number;
    end: number;
    pct: number;
    role: string | undefined;
  }): void {
    const provenance = distinctClaims(e.claims);
    const primary = provenance[0];
    const i = this.edgeIds.length;
    this.edgeIds.push(e.id);
    this.edgeSrc.push(this.nodeFor(e.src));
    this.edgeDst.push(this.nodeFor(e.dst));
    this.edgeType.push(e.type);
    this.edgeGrade.push(gradeRank(primary.evidenceGrade));
    this.edgeStart.push(e.start);
    this.edgeEnd.push(e.end);
    this.edgePct.push(e.pct);
    this.edgeRole.push(e.role);
    this.edgeDataset.push(this.intern(0, primary.dataset));
    this.edgeVersion.push(primary.versionId);
    this.edgeSource.push(this.intern(1, primary.sourceDocument));
    this.edgeClaimDate.push(this.intern(2, primary.claimDate));
    this.edgeFirstSeen.push(this.intern(3, primary.firstSeen));
    this.edgeLastSeen.push(this.intern(4, primary.lastSeen));
    this.edgeAuthor.push(this.intern(5, primary.author));
    this.edgeLocator.push(primary.locator ?? undefined);
    if (provenance.length > 1) this.extraProvenance.set(i, provenance.slice(1));
  }

  // Consecutive edges mostly share their provenance fields: remember the last value per field.
  private readonly memoValue: (string | null)[] = [];
  private readonly memoIndex: number[] = [];
  private intern(slot: number, value: string | null): number {
    if (this.memoValue[slot] === value && this.memoIndex[slot] !== undefined) return this.memoIndex[slot];
    const i = this.pool.intern(value);
    this.memoValue[slot] = value;
    this.memoIndex[slot] = i;
    return i;
  }

  private typeFor(type: string, kind: EdgeKind, label: string, directed: boolean): number {
    let i = this.typeIndex.get(type);
    if (i === undefined) {
      i = this.types.length;
      this.types.push({ type, kind, label, directed });
      this.typeIndex.set(type, i);
    }
    return i;
  }

  private nodeFor(id: string): number {
    let n = this.nodeIndex.get(id);
    if (n === undefined) {
      n = this.nodeIds.length;
      this.nodeIds.push(id);
      this.nodeIndex.set(id, n);
      this.nodeSchema.push(this.schemata.intern('Thing'));
      this.nodeCaption.push(id);
      this.nodeFlags.push(0);
      this.nodeDatasets.push(-1);
      this.nodeSanctionedBy.push(-1);
    }
    return n;
  }

  private internSet(values: string[]): number {
    const key = values.length === 1 ? values[0] : values.sort().join('\u0000');
    const i = this.setPool.intern(key || '\u0001');
    if (this.setValues.length <= i) this.setValues[i] = values;
    return i;
  }

  private markSanctioned(n: number, datasets: Iterable<string>): void {
    const current = this.nodeSanctionedBy[n] >= 0 ? this.setValues[this.nodeSanctionedBy[n]] : [];
    this.nodeSanctionedBy[n] = this.internSet([...new Set([...current, ...datasets])]);
    this.nodeFlags[n] |= FLAG_SANCTIONED;
  }

  finish(): Graph {
    this.flushGroup();
    // Ids that the store merged into a canonical entity point at the canonical node.
    const m = this.edgeIds.length;
    const remap = new Int32Array(this.nodeIds.length);
    for (let i = 0; i < remap.length; i++) remap[i] = i;
    for (const [alias, canonical] of this.aliases) {
      const a = this.nodeIndex.get(alias);
      if (a === undefined) continue;
      const c = this.nodeFor(canonical);
      if (a !== c) {
        remap[a] = c;
        this.nodeIndex.set(alias, c);
      }
    }
    for (const [target, dataset] of this.sanctionMarks) {
      const n = this.nodeIndex.get(target);
      if (n === undefined) this.warn(`Sanction on unknown entity ${target} (${dataset})`);
      else this.markSanctioned(n < remap.length ? remap[n] : n, [dataset]);
    }
    const nodeCount = this.nodeIds.length;
    const src = new Int32Array(m);
    const dst = new Int32Array(m);
    for (let e = 0; e < m; e++) {
      const a = this.edgeSrc[e];
      const b = this.edgeDst[e];
      src[e] = a < remap.length ? remap[a] : a;
      dst[e] = b < remap.length ? remap[b] : b;
    }
    const degree = new Int32Array(nodeCount + 1);
    for (let e = 0; e < m; e++) {
      if (src[e] === dst[e]) {
        this.warn(`self-loop: ${this.edgeIds[e]} links ${this.nodeIds[src[e]]} to itself; left out of traversals`);
        continue;
      }
      degree[src[e] + 1]++;
      degree[dst[e] + 1]++;
    }
    for (let n = 0; n < nodeCount; n++) degree[n + 1] += degree[n];
    const adjOffset = degree;
    const fill = adjOffset.slice(0, nodeCount);
    const adjEdge = new Int32Array(adjOffset[nodeCount]);
    for (let e = 0; e < m; e++) {
      if (src[e] === dst[e]) continue;
      adjEdge[fill[src[e]]++] = e;
      adjEdge[fill[dst[e]]++] = e;
    }
    for (let n = 0; n < nodeCount; n++) {
      if ((this.nodeFlags[n] & FLAG_KNOWN) === 0 && adjOffset[n + 1] > adjOffset[n] && !this.aliases.has(this.nodeIds[n])) {
        this.warn(`relationship points at unknown entity ${this.nodeIds[n]}`);
      }
    }
    if (this.warningCount > this.warnings.length) this.warnings.push(`… ${this.warningCount - this.warnings.length} more warnings`);
    return new Graph(
      this.nodeIds,
      Uint16Array.from(this.nodeSchema),
      this.nodeCaption,
      Uint8Array.from(this.nodeFlags),
      Int32Array.from(this.nodeDatasets),
      Int32Array.from(this.nodeSanctionedBy),
      this.setValues,
      this.schemata.values,
      this.nodeIndex,
      this.edgeIds,
      src,
      dst,
      Uint16Array.from(this.edgeType),
      Uint8Array.from(this.edgeGrade),
      Int32Array.from(this.edgeStart),
      Int32Array.from(this.edgeEnd),
      Float32Array.from(this.edgePct),
      this.edgeRole,
      this.types,
      Int32Array.from(this.edgeDataset),
      Int32Array.from(this.edgeVersion),
      Int32Array.from(this.edgeSource),
      Int32Array.from(this.edgeClaimDate),
      Int32Array.from(this.edgeFirstSeen),
      Int32Array.from(this.edgeLastSeen),
      Int32Array.from(this.edgeAuthor),
      this.edgeLocator,
      this.pool,
      this.extraProvenance,
      adjOffset,
      adjEdge,
      this.warnings,
      new Date().toISOString(),
    );
  }
}

/** Build the graph from everything live in the store (or a filtered part of it). */
export async function buildGraph(reader: Pick<EntityReader, 'iterateStatements'> & Partial<Pick<EntityReader, 'liveVersions'>>, filter?: EntityFilter): Promise<Graph> {
  const builder = new GraphBuilder(reader.liveVersions ? sanctionsLists(await reader.liveVersions()) : null);
  await builder.addAll(reader.iterateStatements(filter));
  return builder.finish();
}

/**
 * A new graph: `g` with the entities in `groups` (each one entity's live statements, in the order
 * the store streams them) taken out and put in again as they are now: an analyst edit costs a pass
 * over the graph's arrays instead of reading every live statement. `g` itself is left as it was.
 * After a judgement, `change` names the ids it retired (`dropped`) and the targets whose designations
 * are stated again (`redesignated`: `groups` then holds the Sanctions naming them).
 */
export function updateGraph(g: Graph, lists: ReadonlySet<string> | null, groups: Statement[][], change?: { dropped: ReadonlySet<string>; redesignated: ReadonlySet<string> }): Graph {
  const builder = new GraphBuilder(lists);
  builder.seed(g, new Set(groups.map((group) => group[0].canonicalId)), change);
  for (const group of groups) for (const s of group) builder.add(s);
  return builder.finish();
}

function first(list: Statement[] | undefined): string | undefined {
  return list?.[0]?.value;
}

/** "30", "30 %", "30.5%", "25-50" (lower bound). NaN when there is no number. */
export function parseLeadingNumber(text: string): number {
  const m = /-?\d+(?:[.,]\d+)?/.exec(text);
  return m ? Number(m[0].replace(',', '.')) : NaN;
}

/** The distinct claims behind a relationship, strongest grade first. */
function distinctClaims(statements: Statement[]): EdgeProvenance[] {
  const f = statements[0];
  let uniform = true;
  for (let i = 1; i < statements.length && uniform; i++) {
    const s = statements[i];
    uniform = s.dataset === f.dataset && s.versionId === f.versionId && s.sourceDocument === f.sourceDocument && s.evidenceGrade === f.evidenceGrade && s.claimDate === f.claimDate && s.author === f.author;
  }
  if (uniform) {
    return [{ dataset: f.dataset, versionId: f.versionId, sourceDocument: f.sourceDocument ?? null, locator: f.locator ?? null, evidenceGrade: f.evidenceGrade, claimDate: f.claimDate ?? null, firstSeen: f.firstSeen ?? null, lastSeen: f.lastSeen ?? null, author: f.author ?? null }];
  }
  const seen = new Map<string, EdgeProvenance>();
  for (const s of statements) {
    const key = [s.dataset, s.versionId, s.sourceDocument ?? '', s.evidenceGrade, s.claimDate ?? '', s.author ?? ''].join('\u0000');
    if (seen.has(key)) continue;
    seen.set(key, {
      dataset: s.dataset,
      versionId: s.versionId,
      sourceDocument: s.sourceDocument ?? null,
      locator: s.locator ?? null,
      evidenceGrade: s.evidenceGrade,
      claimDate: s.claimDate ?? null,
      firstSeen: s.firstSeen ?? null,
      lastSeen: s.lastSeen ?? null,
      author: s.author ?? null,
    });
  }
  return [...seen.values()].sort((a, b) => gradeRank(a.evidenceGrade) - gradeRank(b.evidenceGrade) || (a.firstSeen ?? '').localeCompare(b.firstSeen ?? ''));
}
