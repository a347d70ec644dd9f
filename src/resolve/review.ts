// What a person reviewing candidates needs: a page of the queue with counts per status and the
// records' captions, two records side by side property by property (each value with its source,
// what agrees and what the candidate's conflicts name), and a target's members with their captions.
import { captionOf, entityIdOf } from '../model/entity.ts';
import { NotFoundError } from '../model/errors.ts';
import { ID_PROP, type Statement } from '../model/statement.ts';
import { visibleStatements, type Sees } from '../model/visibility.ts';
import { pairKey, type Judgement } from './judgements.ts';
import type { Resolver } from './service.ts';
import type { CandidateQuery } from './store.ts';
import { statusOf, type Candidate, type CandidateStatus } from './xref.ts';

export type ReviewCandidate = Candidate & { status: CandidateStatus; leftCaption: string; rightCaption: string };

export interface ReviewPage {
  total: number;
  offset: number;
  limit: number;
  counts: Record<CandidateStatus, number>;
  results: ReviewCandidate[];
}

async function captionFor(resolver: Resolver, id: string): Promise<string> {
  const entity = await resolver.store.getEntity(id);
  return entity ? captionOf(entity) : id;
}

/**
 * The queue: filtered by dataset and score, counted per status, then filtered by status and paged (best
 * score first). Pairs with a record the reader may not see are left out before counting.
 */
export async function reviewPage(resolver: Resolver, query: CandidateQuery, sees: Sees = null): Promise<ReviewPage> {
  const status = query.status ?? 'waiting';
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const all = (await resolver.candidates({ ...query, status: 'all', offset: 0, limit: Number.MAX_SAFE_INTEGER })).results.filter((c) => sees === null || (sees(c.leftDataset) && sees(c.rightDataset)));
  const counts: Record<CandidateStatus, number> = { waiting: 0, decided: 0, flagged: 0 };
  for (const c of all) counts[c.status]++;
  const chosen = status === 'all' ? all : all.filter((c) => c.status === status);
  const results: ReviewCandidate[] = [];
  for (const c of chosen.slice(offset, offset + limit)) results.push({ ...c, leftCaption: await captionFor(resolver, c.left), rightCaption: await captionFor(resolver, c.right) });
  return { total: chosen.length, offset, limit, counts, results };
}

/** The properties a matcher feature speaks of (`birthDate.mismatch` → birthDate). */
const FEATURE_PROPS: [prefix: string, props: string[]][] = [
  ['name.number', ['name']],
  ['official.names_differ', ['name']],
  ['name.', ['name', 'alias', 'weakAlias', 'previousName']],
  ['birthDate.', ['birthDate']],
  ['gender.', ['gender']],
  ['identifier.imo', ['imoNumber']],
  ['identifier.', ['passportNumber', 'idNumber', 'registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'swiftBic', 'imoNumber']],
  ['country.', ['country', 'nationality', 'citizenship', 'jurisdiction', 'birthCountry']],
];

function propsOf(feature: string): string[] {
  return FEATURE_PROPS.find(([prefix]) => feature.startsWith(prefix))?.[1] ?? [];
}

/** Values compared as words in any order (`Yong Chol KIM` = `KIM YONG CHOL`). */
const plain = (v: string) => v.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).sort().join(' ');

export interface PairRecord {
  id: string;
  schema: string;
  caption: string;
  dataset: string;
  canonicalId: string;
}

export interface SourcedValue {
  value: string;
  dataset: string;
  version: string | null;
  locator: string | null;
  matched: boolean;
}

export interface PairProperty {
  prop: string;
  state: 'agree' | 'conflict' | 'differ' | 'one_side';
  features: string[];
  left: SourcedValue[];
  right: SourcedValue[];
}

export interface PairView {
  candidate: ReviewCandidate | null;
  left: PairRecord;
  right: PairRecord;
  properties: PairProperty[];
  judgement: Judgement | null;
}

/** Two records side by side (their own statements, not their targets'), with the stored candidate if xref found the pair. */
export async function pairView(resolver: Resolver, leftId: string, rightId: string, sees: Sees = null): Promise<PairView> {
  const resolution = await resolver.resolution();
  const labels = new Map((await resolver.store.liveVersions()).map((v) => [v.id, v.version]));
  const read = async (raw: string) => {
    const id = resolution.memberFor(entityIdOf(raw.trim()));
    const statements = visibleStatements(sees, await resolver.store.getStatements(id));
    const entity = await resolver.store.getEntity(id);
    if (!statements.length || !entity) throw new NotFoundError(`no record ${raw}`);
    const record: PairRecord = { id, schema: entity.schema, caption: captionOf(entity), dataset: statements[0].dataset, canonicalId: resolution.canonical(id) };
    return { record, statements: statements.filter((s) => s.prop !== ID_PROP) };
  };
  const [left, right] = [await read(leftId), await read(rightId)];
  const key = pairKey(left.record.id, right.record.id);
  const stored = (await resolver.judgementsStore.candidates()).find((c) => pairKey(c.left, c.right) === key);
  const candidate: ReviewCandidate | null = stored
    ? { ...stored, status: statusOf(stored, resolution), leftCaption: stored.left === left.record.id ? left.record.caption : right.record.caption, rightCaption: stored.right === right.record.id ? right.record.caption : left.record.caption }
    : null;
  const conflicts = candidate?.conflicts ?? [];
  const evidence = (candidate?.evidence ?? []).filter((e) => !e.startsWith('official:'));
  const props = [...new Set([...left.statements, ...right.statements].map((s) => s.prop))];
  const valuesOf = (statements: Statement[], prop: string, other: Set<string>): SourcedValue[] =>
    statements
      .filter((s) => s.prop === prop)
      .map((s) => ({ value: s.value, dataset: s.dataset, version: labels.get(s.versionId) ?? null, locator: s.locator, matched: other.has(plain(s.value)) }));
  const plainOf = (statements: Statement[], prop: string) => new Set(statements.filter((s) => s.prop === prop).map((s) => plain(s.value)));
  const properties = props.map((prop): PairProperty => {
    const l = valuesOf(left.statements, prop, plainOf(right.statements, prop));
    const r = valuesOf(right.statements, prop, plainOf(left.statements, prop));
    const conflicting = conflicts.filter((f) => propsOf(f).includes(prop));
    const agreeing = evidence.filter((f) => propsOf(f).includes(prop));
    const state = conflicting.length ? 'conflict' : !l.length || !r.length ? 'one_side' : agreeing.length || l.some((v) => v.matched) ? 'agree' : 'differ';
    return { prop, state, features: [...conflicting, ...agreeing], left: l, right: r };
  });
  const order = { conflict: 0, agree: 1, differ: 2, one_side: 3 };
  properties.sort((a, b) => order[a.state] - order[b.state] || a.prop.localeCompare(b.prop));
  return { candidate, left: left.record, right: right.record, properties, judgement: resolution.judgementOn(left.record.id, right.record.id) ?? null };
}

/** A target's member records with captions and the judgements that hold each in it. */
export async function memberList(resolver: Resolver, id: string, sees: Sees = null): Promise<{ id: string; members: (Awaited<ReturnType<Resolver['members']>>[number] & { schema: string; caption: string })[] }> {
  const resolution = await resolver.resolution();
  const members = (await resolver.members(id)).filter((m) => sees === null || sees(m.dataset));
  if (!members.length) throw new NotFoundError(`no entity ${id}`);
  const out = [];
  for (const m of members) {
    const entity = await resolver.store.getEntity(m.id);
    out.push({ ...m, schema: entity?.schema ?? '', caption: entity ? captionOf(entity) : m.id });
  }
  return { id: resolution.canonical(members[0].id), members: out };
}

/** Splits a record off its target (split.ts); answers where the record and the other members now are. */
export async function splitOff(resolver: Resolver, raw: string, author: string, reason: string) {
  const member = entityIdOf(raw.trim());
  if (!(await resolver.store.getStatements(member)).length) throw new NotFoundError(`no record ${raw} (split takes a member record's id, not the target's)`);
  const others = (await resolver.resolution()).members(member).filter((m) => m !== member);
  const judgements = await resolver.split(member, author, reason);
  const resolution = await resolver.resolution();
  const where = (id: string) => ({ id, canonical_id: resolution.canonical(id), members: resolution.members(id) });
  return { judgements, member: where(member), rest: where(others[0] ?? member) };
}
