// Cross-reference: candidate pairs of records that may be one target, across datasets and inside one
// (the UK ConList repeats people under several group ids). Each listed target is screened against the
// screening index of all of them; pairs are scored by the matcher, which weighs names, birth dates,
// countries, gender and identifiers (the holders' passports and national ids are added to the
// records for it), and the official cross-references the lists print (a UK entry's `UN Ref KPi.033`)
// join the evidence. A contradicted cross-reference is flagged as a possible list error and waits for
// a person; it is never merged on its own.
import { makeEntityId, type FtmEntity } from '../model/entity.ts';
import type { Explanation } from '../screening/compare.ts';
import { matcherEngine } from '../screening/engine.ts';
import { Screener } from '../screening/screener.ts';
import { loadScreenableEntities } from '../screening/service.ts';
import type { EntityReader } from '../store/types.ts';
import { pairKey, type JudgementInput } from './judgements.ts';
import type { Resolution } from './resolution.ts';

export const UN_DATASET = 'un_sc_sanctions';
/** The author of machine judgements (nomenklatura's convention of a tool user). */
export const XREF_AUTHOR = 'interdict/xref';

/**
 * Default automatic-merge threshold. A pair is merged by the machine only when (1) its score reaches
 * it, (2) nothing conflicts (birth dates, gender, IMO numbers, numbers in names), and (3) something
 * besides the name agrees: a passport, national id or IMO number, the birth date, or the list's own
 * cross-reference. Names alone never merge: several different KIM Yong Chols are listed.
 */
export const DEFAULT_AUTO_THRESHOLD = 0.9;
/** Pairs scoring below this are not kept as candidates. */
export const CANDIDATE_FLOOR = 0.7;
/** An official cross-reference whose names score below this is a possible list error. */
const OFFICIAL_NAME_FLOOR = 0.7;

export interface Candidate {
  left: string;
  right: string;
  score: number;
  /** The matcher's name score alone. */
  nameScore: number;
  leftDataset: string;
  rightDataset: string;
  /** What agrees: `identifier.match`, `birthDate.exact`, `official:KPi.033`… */
  evidence: string[];
  /** What disagrees: `birthDate.mismatch`, `gender.mismatch`, `official.names_differ`… */
  conflicts: string[];
  /** The UN reference a list cites for this pair, if any. */
  official: string | null;
  /** A contradicted official cross-reference (a possible list error). */
  flagged: boolean;
  explanations: Explanation[];
}

export type CandidateStatus = 'waiting' | 'decided' | 'flagged';

/** Evidence of organisations (not people, not vessels) whose own names agree word for word (countries often differ: a branch office abroad). */
const PRIMARY_NAMES_AGREE = 'name.primary_exact';
const ORGANISATIONS = new Set(['Organization', 'Company', 'LegalEntity', 'PublicBody']);
const CONFLICTS = ['birthDate.mismatch', 'gender.mismatch', 'identifier.imo_mismatch', 'name.number_mismatch'];
const CORROBORATION = ['identifier.match', 'identifier.imo', 'birthDate.exact', 'birthDate.partial', 'birthDate.swap'];

export interface XrefOptions {
  /** Datasets to cross-reference (default: every live one). */
  datasets?: string[];
  limitPerRecord?: number;
}

export interface XrefFindings {
  targets: number;
  candidates: Candidate[];
  millis: number;
}

/** Passport and id numbers of holders, and the UN references of their designations, from the linked entities. */
async function linkedFacts(reader: EntityReader, datasets?: string[]) {
  const ids = new Map<string, Record<string, string[]>>();
  const unRefs = new Map<string, Set<string>>();
  for await (const e of reader.iterateEntities({ datasets, schemata: ['Identification', 'Sanction'] })) {
    if (e.schema === 'Sanction') {
      for (const target of e.properties.entity ?? []) for (const ref of e.properties.unscId ?? []) (unRefs.get(target) ?? unRefs.set(target, new Set()).get(target)!).add(ref);
      continue;
    }
    const prop = e.schema === 'Passport' ? 'passportNumber' : 'idNumber';
    for (const holder of e.properties.holder ?? []) {
      const props = ids.get(holder) ?? ids.set(holder, {}).get(holder)!;
      for (const n of e.properties.number ?? []) (props[prop] ??= []).push(n);
    }
  }
  return { ids, unRefs };
}

function withIdentifiers(e: FtmEntity, extra: Record<string, string[]> | undefined): FtmEntity {
  if (!extra) return e;
  const properties = { ...e.properties };
  for (const [prop, values] of Object.entries(extra)) properties[prop] = [...new Set([...(properties[prop] ?? []), ...values])];
  return { ...e, properties };
}

/** Scores a pair from the matcher's comparison and the official cross-reference. */
function candidateOf(a: FtmEntity, b: FtmEntity, result: { score: number; explanations: unknown; features?: Record<string, number> }, official: string | null): Candidate {
  const features = result.features ?? {};
  const nameScore = features.name ?? 0;
  const conflicts = CONFLICTS.filter((f) => f in features);
  const evidence = CORROBORATION.filter((f) => f in features);
  if (features['country.match']) evidence.push('country.match');
  if (ORGANISATIONS.has(a.schema) && ORGANISATIONS.has(b.schema) && nameScore >= 0.97 && primaryNamesMet(a, b, (result.explanations as Explanation[]) ?? [])) evidence.push(PRIMARY_NAMES_AGREE);
  let score = result.score;
  if (official) {
    evidence.push(`official:${official}`);
    if (nameScore < OFFICIAL_NAME_FLOOR) conflicts.push('official.names_differ');
    // A list's own cross-reference is near-decisive unless something contradicts it.
    if (!conflicts.length) score = 1 - (1 - score) * 0.3;
  }
  const [left, right] = a.id < b.id ? [a, b] : [b, a];
  return {
    left: left.id,
    right: right.id,
    score: Math.round(score * 1000) / 1000,
    nameScore,
    leftDataset: left.datasets?.[0] ?? '',
    rightDataset: right.datasets?.[0] ?? '',
    evidence,
    conflicts,
    official,
    flagged: !!official && conflicts.length > 0,
    explanations: (result.explanations as Explanation[]) ?? [],
  };
}

/** `OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)` → `OCEAN MARITIME MANAGEMENT COMPANY LIMITED`. */
function plainName(name: string): string {
  return name
    .replace(/\s*\([A-Z]{2,8}\)\s*$/, '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether two organisations' own names (not aliases: OFAC gives a front company as an alias of KOMID,
 * which the UN lists on its own) met in the matcher, or are the same words after dropping an acronym
 * in brackets.
 */
function primaryNamesMet(a: FtmEntity, b: FtmEntity, explanations: Explanation[]): boolean {
  const pair = explanations.find((e) => e.feature.startsWith('name.') && e.query !== undefined && e.candidate !== undefined);
  if (pair && (a.properties.name ?? []).includes(pair.query!) && (b.properties.name ?? []).includes(pair.candidate!)) return true;
  const names = new Set((a.properties.name ?? []).map(plainName).filter(Boolean));
  return (b.properties.name ?? []).some((n) => names.has(plainName(n)));
}

/** Finds and scores the candidate pairs among the live records of the given datasets. */
export async function findCandidates(reader: EntityReader, options: XrefOptions = {}): Promise<XrefFindings> {
  const started = Date.now();
  const facts = await linkedFacts(reader, options.datasets);
  const records = (await loadScreenableEntities(reader, options.datasets)).map((e) => withIdentifiers(e, facts.ids.get(e.id)));
  const byId = new Map(records.map((e) => [e.id, e]));
  const screener = Screener.build(records, matcherEngine);
  const found = new Map<string, Candidate>();
  const keep = (c: Candidate) => {
    const key = pairKey(c.left, c.right);
    const had = found.get(key);
    if (!had || c.score > had.score || (c.official && !had.official)) found.set(key, c);
  };
  const refOf = (a: FtmEntity, b: FtmEntity): string | null => {
    for (const [x, y] of [[a, b], [b, a]]) for (const ref of facts.unRefs.get(x.id) ?? []) if (makeEntityId(UN_DATASET, ref) === y.id) return ref;
    return null;
  };
  for (const record of records) {
    const outcome = screener.screen(record, { limit: options.limitPerRecord ?? 10, threshold: CANDIDATE_FLOOR, cutoff: CANDIDATE_FLOOR - 1e-9 });
    for (const r of outcome.results) {
      if (r.entity.id === record.id) continue;
      keep(candidateOf(record, r.entity, r, refOf(record, r.entity)));
    }
    // Official cross-references are candidates whatever their names say (a wrong reference is a finding).
    for (const ref of facts.unRefs.get(record.id) ?? []) {
      const un = byId.get(makeEntityId(UN_DATASET, ref));
      if (!un || un.id === record.id) continue;
      const key = pairKey(record.id, un.id);
      if (found.get(key)?.official) continue;
      keep(candidateOf(record, un, matcherEngine.compare(matcherEngine.prepareQuery(record), matcherEngine.prepare(un), {}), ref));
    }
  }
  const candidates = [...found.values()].filter((c) => c.score >= CANDIDATE_FLOOR || c.official);
  candidates.sort((a, b) => b.score - a.score || a.left.localeCompare(b.left) || a.right.localeCompare(b.right));
  return { targets: records.length, candidates, millis: Date.now() - started };
}

/** Whether the machine may merge a pair on its own at this threshold. */
export function autoMerges(c: Candidate, threshold = DEFAULT_AUTO_THRESHOLD): boolean {
  if (c.conflicts.length || c.flagged) return false;
  if (c.official) return true;
  if (c.score < threshold) return false;
  if (c.evidence.some((e) => CORROBORATION.includes(e))) return true;
  // Organisations have no birth dates: the same primary name, word for word, and no conflict.
  return c.evidence.includes(PRIMARY_NAMES_AGREE);
}

/** The machine judgement for a pair it may merge, with its evidence. */
export function machineJudgement(c: Candidate): JudgementInput {
  const names = c.explanations.filter((e) => e.feature.startsWith('name.')).map((e) => e.detail);
  return {
    left: c.left,
    right: c.right,
    verdict: 'same',
    author: XREF_AUTHOR,
    machine: true,
    score: c.score,
    reason: c.official ? `official cross-reference UN Ref ${c.official}, names and dates agree` : `score ${c.score} with ${c.evidence.join(', ')} and no conflict`,
    basedOn: { evidence: c.evidence, official: c.official, names: names.slice(0, 3) },
  };
}

/** A candidate's status given the judgements in force. */
export function statusOf(c: Candidate, resolution: Resolution): CandidateStatus {
  if (resolution.judgementOn(c.left, c.right) || (resolution.isMerged(c.left) && resolution.canonical(c.left) === resolution.canonical(c.right))) return 'decided';
  return c.flagged ? 'flagged' : 'waiting';
}
