// Cross-reference: candidate pairs of records that may be one target, across datasets and inside one
// (the UK ConList repeats people under several group ids). Each listed target is screened against the
// screening index of all of them; pairs are scored by the matcher, which weighs names, birth dates,
// countries, gender and identifiers (the holders' passports and national ids are added to the
// records for it), and the official cross-references the lists print (a UK entry's `UN Ref KPi.033`)
// join the evidence. A contradicted cross-reference is flagged as a possible list error and waits for
// a person; it is never merged on its own.
import { makeEntityId, type FtmEntity } from '../model/entity.ts';
import { sanctionsLists } from '../model/targets.ts';
import type { Explanation } from '../screening/compare.ts';
import { matcherEngine } from '../screening/engine.ts';
import { Screener } from '../screening/screener.ts';
import { loadScreenableEntities } from '../screening/service.ts';
import type { EntityReader } from '../store/types.ts';
import { pairKey, type JudgementInput } from './judgements.ts';
import { CANDIDATE_FLOOR, DEFAULT_AUTO_THRESHOLD } from './thresholds.ts';
import type { Resolution } from './resolution.ts';

export const UN_DATASET = 'un_sc_sanctions';
/** The retired OFSI Consolidated List, whose records the UK Sanctions List cites by their `OFSI Group ID`. */
export const OFSI_DATASET = 'gb_hmt_sanctions';
/** How the UK Sanctions List parser (src/sources/uk/uk-entry.ts) keeps a designation's old OFSI group id. */
const OFSI_GROUP_NOTE = /^OFSI Group ID: (\S+)$/;
/** The author of machine judgements (nomenklatura's convention of a tool user). */
export const XREF_AUTHOR = 'interdict/xref';

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
  /** The official cross-reference behind this pair, if any: a UN reference a list cites (`KPi.033`), or `OFSI Group ID 12345`. */
  official: string | null;
  /** A contradicted official cross-reference (a possible list error). */
  flagged: boolean;
  explanations: Explanation[];
}

export type CandidateStatus = 'waiting' | 'decided' | 'flagged';

/** Evidence of organisations (not people, not vessels) whose own names agree word for word (countries often differ: a branch office abroad). */
const PRIMARY_NAMES_AGREE = 'name.primary_exact';
/** Organisations of two lists sharing a name or alias word for word and a street address. */
const ALIAS_AND_ADDRESS = 'name.alias_exact+address';
/** People whose full names agree and whom no other record of either list resembles by name (see uniqueNames). */
const UNIQUE_NAME = 'name.unique';
/** A unique full name merges people from this score on at the default threshold (lower: one list often omits the birth date). */
const UNIQUE_NAME_FLOOR = 0.85;
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
function candidateOf(a: FtmEntity, b: FtmEntity, result: { score: number; explanations: unknown; features?: Record<string, number> }, official: string | null, lists: ReadonlySet<string>): Candidate {
  const features = result.features ?? {};
  const nameScore = features.name ?? 0;
  const conflicts = CONFLICTS.filter((f) => f in features);
  const evidence = CORROBORATION.filter((f) => f in features);
  if (features['country.match']) evidence.push('country.match');
  if (ORGANISATIONS.has(a.schema) && ORGANISATIONS.has(b.schema)) {
    if ((nameScore >= 0.97 && primaryNamesMet(a, b, (result.explanations as Explanation[]) ?? [])) || sharesName(a.properties.name, b.properties.name)) evidence.push(PRIMARY_NAMES_AGREE);
    else if (twoLists(a, b, lists) && sharesName(namesOf(a), namesOf(b)) && sharesStreetAddress(a, b)) evidence.push(ALIAS_AND_ADDRESS);
  }
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

/** Records of two different official lists (not a case file's or an analyst's records, which are merged by a person). */
function twoLists(a: FtmEntity, b: FtmEntity, lists: ReadonlySet<string>): boolean {
  const [x, y] = [a.datasets?.[0] ?? '', b.datasets?.[0] ?? ''];
  return x !== y && lists.has(x) && lists.has(y);
}

/** `(OGD)` after `ORGANIZATION AND GUIDANCE DEPARTMENT` is its acronym (letters in the order of the words' initials); `(SOMALIA)` is not. */
function withoutAcronym(name: string): string {
  const m = /^(.*?)\s*\(([A-Z]{2,8})\)\s*$/.exec(name.trim());
  if (!m) return name;
  const initials = m[1].toUpperCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w[0]);
  let i = 0;
  for (const letter of m[2]) {
    while (i < initials.length && initials[i] !== letter) i++;
    if (i++ >= initials.length) return name;
  }
  return initials[0] === m[2][0] ? m[1] : name;
}

const FILLER_WORDS = new Set(['OF', 'THE', 'AND']);

/**
 * Comparable forms of an organisation's name: its words without filler, in any order (`WORKERS' PARTY
 * OF KOREA CENTRAL MILITARY COMMISSION` = `CENTRAL MILITARY COMMISSION OF THE WORKERS' PARTY OF KOREA
 * (CMC)`), and its letters without spaces (`CHONG-CHONGANG` = `CHONGCHONGANG`).
 */
function nameForms(name: string): string[] {
  const text = withoutAcronym(name).normalize('NFKC').toUpperCase().replace(/['’`´]/g, '');
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return [];
  return [words.filter((w) => !FILLER_WORDS.has(w)).sort().join(' '), words.join('')];
}

function namesOf(e: FtmEntity): string[] {
  return [...(e.properties.name ?? []), ...(e.properties.alias ?? []), ...(e.properties.previousName ?? [])];
}

function sharesName(left: string[] = [], right: string[] = []): boolean {
  const forms = new Set(left.flatMap(nameForms));
  return right.some((n) => nameForms(n).some((f) => forms.has(f)));
}

/**
 * Street-level forms of addresses finer than a town and a country: the first two parts, and the
 * letters of all but the last part (the country, which lists spell differently).
 */
function streetKeys(e: FtmEntity): { starts: Set<string>; whole: string[] } {
  const starts = new Set<string>();
  const whole: string[] = [];
  for (const address of e.properties.address ?? []) {
    const parts = address.split(',').map((p) => p.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
    if (parts.length < 3) continue;
    starts.add(`${parts[0]}|${parts[1]}`);
    whole.push(parts.slice(0, -1).join(''));
  }
  return { starts, whole };
}

/** `817 Haeun, Donghung-dong, …, Pyongyang, DPRK` and `817, Haeun, Donghung-dong, …, Pyongyang, Korea, North` agree. */
function sharesStreetAddress(a: FtmEntity, b: FtmEntity): boolean {
  const x = streetKeys(a);
  const y = streetKeys(b);
  if ([...y.starts].some((k) => x.starts.has(k))) return true;
  return x.whole.some((p) => y.whole.some((q) => Math.min(p.length, q.length) >= 15 && (p.startsWith(q) || q.startsWith(p))));
}

/**
 * Marks people whose full names agree (name score 1) when neither record resembles any other record by
 * name (≥ 0.95) in its own list or in the other's: a name that picks out one person in both lists.
 * The several KIM Yong Chols of one list resemble each other, so none of them is marked.
 */
function markUniqueNames(candidates: Candidate[], schemaOf: (id: string) => string | undefined, lists: ReadonlySet<string>): void {
  const similar = new Map<string, Set<string>>(); // `${id}\u0000${dataset}` → records of that dataset with a similar name
  const note = (id: string, other: string, dataset: string) => {
    const key = `${id}\u0000${dataset}`;
    (similar.get(key) ?? similar.set(key, new Set()).get(key)!).add(other);
  };
  for (const c of candidates) {
    if (c.nameScore < 0.95) continue;
    note(c.left, c.right, c.rightDataset);
    note(c.right, c.left, c.leftDataset);
  }
  const only = (id: string, dataset: string, other?: string) => {
    const set = similar.get(`${id}\u0000${dataset}`);
    return other === undefined ? !set : set?.size === 1 && set.has(other);
  };
  for (const c of candidates) {
    if (c.nameScore < 1 || c.leftDataset === c.rightDataset || !lists.has(c.leftDataset) || !lists.has(c.rightDataset) || schemaOf(c.left) !== 'Person' || schemaOf(c.right) !== 'Person') continue;
    if (only(c.left, c.rightDataset, c.right) && only(c.right, c.leftDataset, c.left) && only(c.left, c.leftDataset) && only(c.right, c.rightDataset)) c.evidence.push(UNIQUE_NAME);
  }
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
  const lists = sanctionsLists(await reader.liveVersions());
  const screener = Screener.build(records, matcherEngine);
  const found = new Map<string, Candidate>();
  const keep = (c: Candidate) => {
    const key = pairKey(c.left, c.right);
    const had = found.get(key);
    if (!had || c.score > had.score || (c.official && !had.official)) found.set(key, c);
  };
  // The lists' own cross-references: record id → (the record it cites → how it cites it).
  const cites = new Map<string, Map<string, string>>();
  const cite = (from: string, to: string, label: string) => (cites.get(from) ?? cites.set(from, new Map()).get(from)!).set(to, label);
  for (const [id, refs] of facts.unRefs) for (const ref of refs) cite(id, makeEntityId(UN_DATASET, ref), ref);
  // A UK Sanctions List designation carries the group id the ConList gave it: one designation, two ids.
  for (const e of records) for (const note of e.properties.notes ?? []) {
    const group = OFSI_GROUP_NOTE.exec(note)?.[1];
    if (group) cite(e.id, makeEntityId(OFSI_DATASET, group), `OFSI Group ID ${group}`);
  }
  const refOf = (a: FtmEntity, b: FtmEntity): string | null => cites.get(a.id)?.get(b.id) ?? cites.get(b.id)?.get(a.id) ?? null;
  for (const record of records) {
    const outcome = screener.screen(record, { limit: options.limitPerRecord ?? 10, threshold: CANDIDATE_FLOOR, cutoff: CANDIDATE_FLOOR - 1e-9 });
    for (const r of outcome.results) {
      if (r.entity.id === record.id) continue;
      keep(candidateOf(record, r.entity, r, refOf(record, r.entity), lists));
    }
    // Official cross-references are candidates whatever their names say (a wrong reference is a finding).
    for (const [cited, ref] of cites.get(record.id) ?? []) {
      const other = byId.get(cited);
      if (!other || other.id === record.id) continue;
      const key = pairKey(record.id, other.id);
      if (found.get(key)?.official) continue;
      keep(candidateOf(record, other, matcherEngine.compare(matcherEngine.prepareQuery(record), matcherEngine.prepare(other), {}), ref, lists));
    }
  }
  const candidates = [...found.values()].filter((c) => c.score >= CANDIDATE_FLOOR || c.official);
  markUniqueNames(candidates, (id) => byId.get(id)?.schema, lists);
  candidates.sort((a, b) => b.score - a.score || a.left.localeCompare(b.left) || a.right.localeCompare(b.right));
  return { targets: records.length, candidates, millis: Date.now() - started };
}

/** Whether the machine may merge a pair on its own at this threshold. */
export function autoMerges(c: Candidate, threshold = DEFAULT_AUTO_THRESHOLD): boolean {
  if (c.conflicts.length || c.flagged) return false;
  if (c.official) return true;
  // Organisations have no birth dates: the same own name, word for word, or an alias and a street
  // address, and no conflict (the score, lowered by an acronym in brackets, counts less).
  if ((c.evidence.includes(PRIMARY_NAMES_AGREE) || c.evidence.includes(ALIAS_AND_ADDRESS)) && c.score >= threshold - (DEFAULT_AUTO_THRESHOLD - CANDIDATE_FLOOR)) return true;
  if (c.evidence.includes(UNIQUE_NAME) && c.score >= threshold - (DEFAULT_AUTO_THRESHOLD - UNIQUE_NAME_FLOOR)) return true;
  if (c.score < threshold) return false;
  return c.evidence.some((e) => CORROBORATION.includes(e));
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
    reason: c.official ? `official cross-reference ${c.official.startsWith('OFSI') ? c.official : `UN Ref ${c.official}`}, names and dates agree` : `score ${c.score} with ${c.evidence.join(', ')} and no conflict`,
    basedOn: { evidence: c.evidence, official: c.official, names: names.slice(0, 3) },
  };
}

/** A candidate's status given the judgements in force. */
export function statusOf(c: Candidate, resolution: Resolution): CandidateStatus {
  if (resolution.judgementOn(c.left, c.right) || (resolution.isMerged(c.left) && resolution.canonical(c.left) === resolution.canonical(c.right))) return 'decided';
  return c.flagged ? 'flagged' : 'waiting';
}
