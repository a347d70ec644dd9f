// Blocking keys for candidate generation. Two names that compareEntities could score above the
// threshold share at least one key: every token layer of similarity.ts has a key family here.
//   k:<phonetic key>     exact, phonetic and Wade–Giles links; joined given names (k: of a+b)
//   c:<variant class>    spelling tables (Mohammed/Muhammad, Lee/Ri)
//   d:<key minus 1 char> near-identical keys: two keys one edit apart share a d: key
//   t:<text minus 1 char> typos: two spellings one edit apart share a t: key (deletion neighbourhood)
//   s:<consonants>       consonant skeletons (vowel-shifted spellings)
//   a:<consonants>       consonants as Arabic script writes them (vowel-less readings)
import { phoneticKey } from './phonetic.ts';
import { prepareName, type NameKind, type NameToken } from './tokens.ts';

/**
 * A token's keys, cached on the (shared, cached) token object: the same words recur across many
 * names (MOHAMMAD, TRADING), and their deletion neighbourhoods are the costliest part of keying.
 */
const tokenKeyCache = [new WeakMap<NameToken, string[]>(), new WeakMap<NameToken, string[]>()];

function tokenKeys(t: NameToken, vowelless: boolean): readonly string[] {
  const cache = tokenKeyCache[vowelless ? 1 : 0];
  let own = cache.get(t);
  if (!own) {
    const set = new Set<string>();
    computeTokenKeys(set, t, vowelless);
    own = [...set];
    cache.set(t, own);
  }
  return own;
}

function computeTokenKeys(keys: Set<string>, t: NameToken, vowelless: boolean): void {
  if (t.kind === 'particle' || t.kind === 'initial' || t.key.length === 0) return;
  keys.add('k:' + t.key);
  for (const alt of t.alt) if (!alt.startsWith('m:')) keys.add('k:' + alt.slice(2));
  for (const c of t.classes) keys.add('c:' + c);
  // Arabic consonant skeletons, both exact and with dentals and sibilants merged (ث ذ ظ).
  if (t.askel) {
    keys.add('a:' + t.askel.replace(/S/g, 'T'));
    if (vowelless && t.askel.length >= 4) for (let i = 0; i < t.askel.length; i++) keys.add('a:' + (t.askel.slice(0, i) + t.askel.slice(i + 1)).replace(/S/g, 'T'));
  }
  if (vowelless) return;
  if (t.skel.length >= 4) keys.add('s:' + t.skel);
  if (t.text.length >= 5) {
    keys.add('t:' + t.text);
    for (let i = 0; i < t.text.length; i++) keys.add('t:' + t.text.slice(0, i) + t.text.slice(i + 1));
  }
  if (t.key.length >= 6) {
    keys.add('d:' + t.key);
    for (let i = 0; i < t.key.length; i++) keys.add('d:' + t.key.slice(0, i) + t.key.slice(i + 1));
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
      const tokens = reading.tokens;
      for (const t of tokens) lists.push(tokenKeys(t, reading.vowelless));
      const keys: string[] = [];
      // Joined given names: `Jong Un` also yields the key of `Jongun`.
      for (const j of reading.joins) {
        keys.push('k:' + j.key);
        if (j.altKey) keys.push('k:' + j.altKey);
        if (j.askel) keys.push('a:' + j.askel.replace(/S/g, 'T'));
      }
      if (tokens.length > 2) keys.push('k:' + phoneticKey(reading.compacts[0]));
      // Acronyms: `IRGC` meets `Islamic Revolutionary Guard Corps`.
      if (reading.initials) keys.push('k:' + phoneticKey(reading.initials));
      if (tokens.length === 0) keys.push('k:' + reading.text);
      if (keys.length) lists.push(keys);
    }
  }
  return lists;
}
