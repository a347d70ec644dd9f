// References between entries of one OFAC list, shared by every OFAC parser (legacy CSV, sdn.xml,
// the advanced XML): stable child ids, the name index that resolves `Linked To: NAME` (and
// aircraft operators, vessel owners) once the whole file is read, and the relationship entity a
// resolved or unresolved reference becomes.
import { makeEntityId } from '../../model/entity.ts';
import { schemaIsA } from '../../model/ftm.ts';
import { EntityDraft } from './common.ts';
import type { RemarkLink } from './remarks.ts';

/**
 * Child entity ids keyed by content (`<ds>-<uid>-passport-<number>`, `-wallet-<address>`,
 * `-link-<other uid>`): they survive reordering between list versions. A repeat within one entry
 * gets `-2`, `-3`.
 */
export class ChildIds {
  private readonly used = new Set<string>();
  constructor(
    private readonly dataset: string,
    private readonly uid: string,
  ) {}
  next(...parts: (string | number)[]): string {
    const base = makeEntityId(this.dataset, this.uid, ...parts);
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}-${i}`;
    this.used.add(id);
    return id;
  }
}

/** Upper case and single blanks: how reference names are compared. */
function exactKey(name: string): string {
  return name.toUpperCase().replace(/\s+/g, ' ').trim();
}

/** exactKey without a final full stop ("S.A." = "S.A"), the looser try. */
function looseKey(name: string): string {
  return exactKey(name).replace(/\.$/, '');
}

function push(map: Map<string, string[]>, key: string, uid: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [uid]);
  else if (!list.includes(uid)) list.push(uid);
}

/**
 * Names and programs of every entry of a file, to resolve a reference once the whole file is read.
 * Tried in order, the first that names exactly one other entry wins: the primary name as written
 * (case and blanks aside); the same with the full stop that ending the remarks removed; the name
 * without a final full stop; a strong alias or a former name. Among several entries of a name, the
 * one sharing a program with the referring entry wins; one that stays ambiguous is unresolved.
 */
export class NameIndex {
  private readonly exact = new Map<string, string[]>();
  private readonly loose = new Map<string, string[]>();
  private readonly aliases = new Map<string, string[]>();
  private readonly programs = new Map<string, string[]>();

  /**
   * Index one name of an entry by its FtM property. OFAC refers to entries by names they had, so
   * former names (`previousName`, OFAC's f.k.a.) resolve like strong aliases; weak aliases
   * (`weakAlias`, OFAC's "low quality" a.k.a.) are too vague to name an entry and are not indexed.
   */
  addName(uid: string, prop: string, name: string): void {
    if (prop === 'name') {
      push(this.exact, exactKey(name), uid);
      push(this.loose, looseKey(name), uid);
    } else if (prop === 'alias' || prop === 'previousName') {
      push(this.aliases, looseKey(name), uid);
    }
  }

  addPrograms(uid: string, programs: string[]): void {
    if (programs.length === 0) return;
    this.programs.set(uid, [...(this.programs.get(uid) ?? []), ...programs]);
  }

  /** The uid a name designates (other than `self`), or the candidates when it is ambiguous. */
  resolve(name: string, self: string): { uid?: string; candidates: string[] } {
    const tries: [Map<string, string[]>, string][] = [
      [this.exact, exactKey(name)],
      [this.exact, exactKey(name) + '.'],
      [this.loose, looseKey(name)],
      [this.aliases, looseKey(name)],
    ];
    let candidates: string[] = [];
    for (const [table, key] of tries) {
      const found = (table.get(key) ?? []).filter((u) => u !== self);
      if (found.length === 1) return { uid: found[0], candidates: found };
      if (found.length > 1) {
        const mine = this.programs.get(self) ?? [];
        const sharing = found.filter((u) => (this.programs.get(u) ?? []).some((p) => mine.includes(p)));
        if (sharing.length === 1) return { uid: sharing[0], candidates: found };
        if (candidates.length === 0) candidates = found;
      }
    }
    return { candidates };
  }
}

/** A reference found in one entry, waiting for the whole file to be indexed. */
export interface PendingLink {
  uid: string;
  /** The referring entry's schema. */
  schema: string;
  link: RemarkLink;
  locator: string;
}

/** What resolving the references of one file needs. */
export interface LinkScope {
  dataset: string;
  names: NameIndex;
  /** Schema of an entry of the file by its uid. */
  schemaOf: (uid: string) => string | undefined;
  warn: (message: string) => void;
  /** How warnings name an entry's number (`ent_num`, `uid`) and the file (`sdn.csv`, `the list`). */
  uidLabel: string;
  listName: string;
}

/**
 * The relationship entity for a reference: UnknownLink (subject, object, role; `-link-<uid>` or
 * `-operator-<uid>`), Ownership for a vessel's owner that is a legal entity (`-owner-<uid>`).
 * A `Linked To` that names no entry (or several) keeps its text in an UnknownLink without object
 * and is warned about; an operator or owner not on the list gives nothing (it stays a note).
 */
export function linkEntity(scope: LinkScope, p: PendingLink, ids: ChildIds): EntityDraft | undefined {
  const { uid: other, candidates } = scope.names.resolve(p.link.name, p.uid);
  const base = { locator: p.locator };
  const targetId = makeEntityId(scope.dataset, p.uid);
  if (!other) {
    if (p.link.role !== 'Linked To') return undefined;
    const why = candidates.length ? `is ambiguous (entries ${candidates.join(', ')})` : `names no entry of ${scope.listName}`;
    scope.warn(`${p.locator} (${scope.uidLabel} ${p.uid}): "${p.link.raw}" ${why}; kept as text`);
    const rel = new EntityDraft(ids.next('link', p.link.name), 'UnknownLink', base);
    rel.add('subject', targetId);
    rel.add('role', p.link.role);
    rel.add('description', p.link.raw);
    return rel;
  }
  const otherId = makeEntityId(scope.dataset, other);
  const otherSchema = scope.schemaOf(other) ?? '';
  if (p.link.role === 'Vessel Owner' && p.schema === 'Vessel' && schemaIsA(otherSchema, 'LegalEntity') && !schemaIsA(otherSchema, 'Person')) {
    const rel = new EntityDraft(ids.next('owner', other), 'Ownership', base);
    rel.add('owner', otherId);
    rel.add('asset', targetId);
    rel.add('role', 'Vessel owner');
    rel.add('description', p.link.raw);
    return rel;
  }
  const rel = new EntityDraft(ids.next(p.link.role === 'Linked To' ? 'link' : 'operator', other), 'UnknownLink', base);
  rel.add('subject', targetId);
  rel.add('object', otherId);
  rel.add('role', p.link.role);
  rel.add('description', p.link.raw);
  return rel;
}
