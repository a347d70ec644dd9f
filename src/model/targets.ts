// The one rule for "sanctioned". An entity is a sanctions target only when a sanctions list
// designates it: a Sanction entity of a list dataset names it, or a list dataset gives it the
// `sanction` topic. Case files, documents (statements CSV, arms transfers) and analyst edits never
// make anyone a target, whatever they say. Server, search, screening, graph and web read it here.
import { SANCTION_TOPIC } from './entity.ts';

/**
 * Formats whose datasets are not sanctions lists: an analyst's edits, a case file, statements from
 * reports and documents, arms transfers. Everything else was read from a publisher's list file (or
 * an FtM export of one, which carries its own Sanction entities).
 */
const NOT_LIST_FORMATS = new Set(['analyst', 'interdict-case-csv', 'statements-csv', 'arms-transfers-csv']);

/** Whether a dataset version is a sanctions list (judged by the format its live version was read from). */
export function isSanctionsList(version: { format: string }): boolean {
  return !NOT_LIST_FORMATS.has(version.format);
}

/**
 * Whether a dataset version is an analyst dataset, which edits append to in place (its counts and
 * time change, its id does not). Saved indexes are named without these versions and, read back, have
 * every entity they touch read again (entitiesEditedInPlace).
 */
export function isEditedInPlace(version: { format: string }): boolean {
  return version.format === 'analyst';
}

/** Every entity (by canonical id) the live analyst datasets among `versions` hold statements on. */
export async function entitiesEditedInPlace(
  reader: { iterateStatements(filter: { datasets: string[] }): AsyncIterable<{ canonicalId: string }> },
  versions: readonly { dataset: string; format: string }[],
): Promise<string[]> {
  const datasets = versions.filter(isEditedInPlace).map((v) => v.dataset);
  const ids = new Set<string>();
  if (datasets.length) for await (const s of reader.iterateStatements({ datasets })) ids.add(s.canonicalId);
  return [...ids];
}

/** A start reads more entities than this again by a full build instead: it costs less. */
export const MAX_READ_AGAIN = 5_000;

/** Ids whose entities left (`removed`) or must be read again (`targets`) after judgements (store/types.ts ResolutionChange). */
interface Redo {
  removed: string[];
  targets: string[];
}

/**
 * What a saved index or graph must have read again to be the live one. With `earlier` undefined, one
 * was saved under the live versions and judgements; else `earlier` says which judgements one was saved
 * under, and the newest of those is taken (`resolutionKey`), with the targets judged since. Either way,
 * every entity the analyst datasets touch (`edited`; their versions are not in the names). None: no
 * saved one fits, or more than MAX_READ_AGAIN to read (a full build is due).
 */
export async function redoSinceSaved(
  reader: Parameters<typeof entitiesEditedInPlace>[0] & {
    changeSinceSaved?(saved: (resolutionKey: string) => boolean): Promise<{ resolutionKey: string; change: Redo } | undefined>;
  },
  versions: readonly { dataset: string; format: string }[],
  earlier?: (resolutionKey: string) => boolean,
): Promise<{ resolutionKey?: string; change: Redo; edited: string[] } | undefined> {
  const since = earlier ? await reader.changeSinceSaved?.(earlier) : undefined;
  if (earlier && !since) return undefined;
  const change = since?.change ?? { removed: [], targets: [] };
  const edited = await entitiesEditedInPlace(reader, versions);
  if (new Set([...change.targets, ...edited]).size > MAX_READ_AGAIN) return undefined;
  return { resolutionKey: since?.resolutionKey, change, edited };
}

/** The names of the sanctions-list datasets among the live versions. */
export function sanctionsLists(versions: Iterable<{ dataset: string; format: string }>): Set<string> {
  const out = new Set<string>();
  for (const v of versions) if (isSanctionsList(v)) out.add(v.dataset);
  return out;
}

/** What the rule reads of an entity: its schema and properties, and the datasets its values came from. */
export interface TargetSubject {
  id: string;
  properties: Record<string, string[]>;
  datasets?: string[];
}

/**
 * The rule. `designations` are the Sanction entities that name the subject (with their datasets);
 * `lists` the sanctions-list datasets. A topic counts only when a list dataset holds the entity
 * (entities are assembled across datasets, so the topic's own dataset is approximated by the
 * entity's; statement-level readers use `designates`).
 */
export function isTarget(entity: TargetSubject, designations: Iterable<{ datasets?: string[] }>, lists: ReadonlySet<string>): boolean {
  for (const s of designations) if ((s.datasets ?? []).some((d) => lists.has(d))) return true;
  return (entity.properties.topics ?? []).includes(SANCTION_TOPIC) && (entity.datasets ?? []).some((d) => lists.has(d));
}

/** Statement-level form of the rule: whether a Sanction or a `sanction` topic from `dataset` designates. */
export function designates(dataset: string, lists: ReadonlySet<string> | null): boolean {
  return lists === null || lists.has(dataset);
}

/**
 * The ids of every target among entities and the Sanction entities that name them, for readers that
 * assemble many entities at once (the screening index): the same rule, applied in bulk.
 */
export function targetIds(
  entities: Iterable<TargetSubject>,
  sanctions: Iterable<{ datasets?: string[]; properties: Record<string, string[]> }>,
  lists: ReadonlySet<string>,
): Set<string> {
  const named = new Map<string, { datasets?: string[] }[]>();
  for (const s of sanctions) for (const id of s.properties.entity ?? []) (named.get(id) ?? named.set(id, []).get(id)!).push(s);
  const out = new Set<string>();
  for (const e of entities) if (isTarget(e, named.get(e.id) ?? [], lists)) out.add(e.id);
  return out;
}
