// Blocking keys for candidate generation. Two names that compareEntities could score above the
// threshold share at least one key: every token layer of similarity.ts has a key family here.
//   k:<phonetic key>     exact, phonetic and Wade–Giles links; joined given names (k: of a+b)
//   c:<variant class>    spelling tables (Mohammed/Muhammad, Lee/Ri)
//   d:<key minus 1 char> near-identical keys: two keys one edit apart share a d: key
//   t:<text minus 1 char> typos: two spellings one edit apart share a t: key (deletion neighbourhood)
//   s:<consonants>       consonant skeletons (vowel-shifted spellings)
//   g:<sorted letters>   a word written backwards or shuffled (nituP ~ Putin)
//   a:<consonants>       consonants as Arabic script writes them (vowel-less readings), s/t and l/r merged
//
// An index works on 32-bit hashes of the keys (FNV-1a of the key text, `keyHash`): `nameKeyHashLists`
// computes them without building the deletion-neighbourhood strings, which are most of the keys.
// Two different keys may share a hash; that only adds a candidate, never loses one.
import { isKeepingNames, memosByKind } from './memo.ts';
import { KeyFamily, type KeyHashes } from './key-hashes.ts';
import { phoneticKey } from './phonetic.ts';
import { blockingSkeleton, mergedSkeleton } from './similarity.ts';
import { prepareName, type NameKind, type NameToken, type PreparedName } from './tokens.ts';

export { KeyFamily, type KeyHashes } from './key-hashes.ts';

const FAMILY_OF: Record<string, KeyFamily> = { b: KeyFamily.Attribute, k: KeyFamily.Phonetic, c: KeyFamily.Variant, s: KeyFamily.Skeleton, g: KeyFamily.Skeleton, a: KeyFamily.Arabic, t: KeyFamily.TextDeletion, d: KeyFamily.KeyDeletion };

export function keyFamily(key: string): KeyFamily {
  if (key.charCodeAt(1) === 58) return FAMILY_OF[key[0]] ?? KeyFamily.Other;
  return key.startsWith('id:') ? KeyFamily.Identifier : KeyFamily.Other;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units. */
export function keyHash(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Hashes (and families) of keys given as text. */
export function hashKeys(keys: readonly string[]): KeyHashes {
  return { hashes: Uint32Array.from(keys, keyHash), families: Uint8Array.from(keys, keyFamily), kept: isKeepingNames() };
}

/**
 * A token's keys, kept on the (shared, cached) token object: the same words recur across many
 * names (MOHAMMAD, TRADING), and their deletion neighbourhoods are the costliest part of keying.
 * (A field rather than a WeakMap: large WeakMaps make every garbage collection slower.)
 */
function tokenKeys(t: NameToken, vowelless: boolean): readonly string[] {
  const slot = vowelless ? 1 : 0;
  let own = t.keyLists[slot];
  if (!own) {
    const set = new Set<string>();
    computeTokenKeys(set, t, vowelless, true);
    own = t.keyLists[slot] = [...set];
  }
  return own;
}

/** A token's keys; the `t:` and `d:` deletion neighbourhoods only with `deletions`. */
function computeTokenKeys(keys: Set<string>, t: NameToken, vowelless: boolean, deletions: boolean): void {
  if (t.kind === 'particle' || t.kind === 'initial' || t.key.length === 0) return;
  keys.add('k:' + t.key);
  for (const alt of t.alt) if (!alt.startsWith('m:')) keys.add('k:' + alt.slice(2));
  for (const c of t.classes) keys.add('c:' + c);
  // Consonant skeletons (Arabic, kana, Han by sound) with dentals and sibilants (ث ذ ظ) and l/r merged.
  if (t.askel) {
    keys.add('a:' + blockingSkeleton(t.askel));
    if (vowelless) {
      keys.add('a:' + mergedSkeleton(t.askel));
      if (t.askel.length >= 4)
        for (let i = 0; i < t.askel.length; i++) {
          const less = t.askel.slice(0, i) + t.askel.slice(i + 1);
          keys.add('a:' + blockingSkeleton(less));
          keys.add('a:' + mergedSkeleton(less));
        }
    }
  }
  if (vowelless) return;
  if (t.skel.length >= 4) keys.add('s:' + t.skel);
  if (t.letters) keys.add('g:' + t.letters);
  if (!deletions) return;
  if (t.text.length >= 5) {
    keys.add('t:' + t.text);
    for (let i = 0; i < t.text.length; i++) keys.add('t:' + t.text.slice(0, i) + t.text.slice(i + 1));
  }
  if (t.key.length >= 6) {
    keys.add('d:' + t.key);
    for (let i = 0; i < t.key.length; i++) keys.add('d:' + t.key.slice(0, i) + t.key.slice(i + 1));
  }
}

/** Hashes of a token's keys (those of tokenKeys, possibly repeated), kept on the token. */
function tokenKeyHashes(t: NameToken, vowelless: boolean): KeyHashes {
  const slot = vowelless ? 1 : 0;
  let own = t.keyHashes[slot];
  if (!own) {
    const hashes: number[] = [];
    const families: number[] = [];
    // The few whole keys are hashed as text; the deletion neighbourhoods are hashed in place.
    const whole = new Set<string>();
    computeTokenKeys(whole, t, vowelless, false);
    for (const key of whole) {
      hashes.push(keyHash(key));
      families.push(keyFamily(key));
    }
    if (!vowelless && t.kind !== 'particle' && t.kind !== 'initial' && t.key.length > 0) {
      if (t.text.length >= 5) pushDeletions(hashes, families, 't:', t.text, KeyFamily.TextDeletion);
      if (t.key.length >= 6) pushDeletions(hashes, families, 'd:', t.key, KeyFamily.KeyDeletion);
    }
    own = t.keyHashes[slot] = { hashes: Uint32Array.from(hashes), families: Uint8Array.from(families), kept: t.kept };
  }
  return own;
}

/** keyHash of `prefix + value` and of `prefix + value` less each one character. */
function pushDeletions(hashes: number[], families: number[], prefix: string, value: string, family: KeyFamily): void {
  let head = FNV_OFFSET;
  for (let i = 0; i < prefix.length; i++) head = Math.imul(head ^ prefix.charCodeAt(i), FNV_PRIME);
  let whole = head;
  for (let i = 0; i < value.length; i++) whole = Math.imul(whole ^ value.charCodeAt(i), FNV_PRIME);
  hashes.push(whole >>> 0);
  families.push(family);
  for (let skip = 0; skip < value.length; skip++) {
    let h = head; // head covers prefix + value[0..skip)
    for (let i = skip + 1; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), FNV_PRIME);
    hashes.push(h >>> 0);
    families.push(family);
    head = Math.imul(head ^ value.charCodeAt(skip), FNV_PRIME);
  }
}

/** Keys of one name in any script, for every kind of name it could be. */
export function nameKeys(name: string, kinds: NameKind[] = ['person', 'org']): string[] {
  const keys = new Set<string>();
  for (const list of nameKeyLists(name, kinds)) for (const k of list) keys.add(k);
  return [...keys];
}

/**
 * The keys of `nameKeys` as lists, in the same order (they may repeat across lists): each token's
 * list is shared by every name with that token, so an index can map it to key ids once.
 */
export function nameKeyLists(name: string, kinds: NameKind[] = ['person', 'org']): (readonly string[])[] {
  const lists: (readonly string[])[] = [];
  for (const kind of kinds) {
    for (const reading of prepareName(name, kind)) {
      for (const t of reading.tokens) lists.push(tokenKeys(t, reading.vowelless));
      const keys = wholeNameKeys(reading);
      if (keys.length) lists.push(keys);
    }
  }
  return lists;
}

/** The keys of `nameKeyLists` as hashes (see keyHash), list for list. */
export function nameKeyHashLists(name: string, kinds: NameKind[] = ['person', 'org']): KeyHashes[] {
  const lists: KeyHashes[] = [];
  for (const kind of kinds) {
    for (const reading of prepareName(name, kind)) {
      for (const t of reading.tokens) lists.push(tokenKeyHashes(t, reading.vowelless));
      const keys = wholeNameKeys(reading);
      if (keys.length) lists.push(hashKeys(keys));
    }
  }
  return lists;
}

const keyListsByKind = memosByKind<KeyHashes[]>(100_000);

/**
 * `nameKeyHashLists` for one kind of name, kept for listed names (memo.ts): the index keys a name
 * and the matcher prepares it, and a new list version repeats most names of the last one.
 */
export function kindKeyHashLists(name: string, kind: NameKind): KeyHashes[] {
  const cache = keyListsByKind(kind);
  return cache.get(name) ?? cache.set(name, nameKeyHashLists(name, [kind]));
}

/** Keys of a reading as a whole: joined given names, compact forms, acronyms. */
function wholeNameKeys(reading: PreparedName): string[] {
      const tokens = reading.tokens;
      const keys: string[] = [];
      // Joined given names: `Jong Un` also yields the key of `Jongun`.
      for (const j of reading.joins) {
        keys.push('k:' + j.key);
        if (j.altKey) keys.push('k:' + j.altKey);
        if (j.askel) keys.push('a:' + blockingSkeleton(j.askel));
      }
      if (tokens.length > 2) keys.push('k:' + phoneticKey(reading.compacts[0]));
      // Acronyms: `IRGC` meets `Islamic Revolutionary Guard Corps`.
      if (reading.initials) keys.push('k:' + phoneticKey(reading.initials));
      if (tokens.length === 0) keys.push('k:' + reading.text);
      return keys;
}
