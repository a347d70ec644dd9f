// From a raw name to comparable tokens: Latin readings, honorifics and vessel prefixes removed,
// legal forms taken out as classes, Arabic name shapes regularised, and every token given its
// phonetic keys and rarity weight.
import { isArticle, joinCompoundNames, reshapeArabicTokens } from './arabic.ts';
import { masculineOf } from './cyrillic.ts';
import { tokenWeight } from './frequency.ts';
import { wadeGilesToPinyin } from './han.ts';
import { splitLegalForms, type LegalClass } from './legal.ts';
import { arabicSkeleton, phoneticKey, skeletonKey } from './phonetic.ts';
import { latinReadings } from './transliterate.ts';
import { normalizeName } from './normalize.ts';
import { orgWordForms } from './org-translate.ts';
import { variantClasses } from './variants.ts';
import type { KeyHashes } from './key-hashes.ts';
import { isKeepingNames, memosByKind } from './memo.ts';

export type NameKind = 'person' | 'org' | 'vessel';
export type TokenKind = 'word' | 'initial' | 'number' | 'particle';

export interface NameToken {
  text: string;
  kind: TokenKind;
  /** Romanization-insensitive key (see phonetic.ts). */
  key: string;
  /** Consonant classes only. */
  skel: string;
  /** Consonants as Arabic script writes them (see arabicSkeleton). */
  askel: string;
  /** Its letters in alphabetical order, for words of four letters or more ('' otherwise): a word written backwards or shuffled. */
  letters: string;
  /** Further keys, prefixed: `w:` Wade–Giles read as Pinyin, `j:` German j read as y, `m:` masculine of a feminine surname. */
  alt: string[];
  /** Spelling-class labels from the variant tables. */
  classes: string[];
  /** Rarity weight: common tokens (KIM, TRADING) weigh less than rare ones (PRIGOZHIN). */
  weight: number;
  /** A patronymic (-ovich, -ovna): missing it says little. */
  patronymic: boolean;
  /** Made while names were kept (see memo.ts): the token is interned and lives as long as the caches. */
  kept: boolean;
  /** A number of its own, for caches keyed by token (similarity.ts). */
  id: number;
  /** Blocking keys of the token and their hashes, filled on first use by keys.ts: [as written, vowel-less reading]. */
  keyLists: [readonly string[] | undefined, readonly string[] | undefined];
  keyHashes: [KeyHashes | undefined, KeyHashes | undefined];
}

/** Two adjacent words of a name written as one (`jong un` → `jongun`). */
export interface NameJoin {
  /** Index of the first of the two tokens. */
  index: number;
  text: string;
  key: string;
  /** Key of the Wade–Giles-as-Pinyin reading of the parts, when there is one. */
  altKey?: string;
  askel: string;
  /** The joined word as a token, made on first use by the matcher. */
  token?: NameToken;
}

export interface PreparedName {
  /** The name as given. */
  original: string;
  /** Romanization system of this reading ('latin' when none was needed). */
  system: string;
  /** Latin reading, normalised. */
  text: string;
  vowelless: boolean;
  tokens: NameToken[];
  legal: LegalClass[];
  legalPhrases: string[];
  /** Honorifics and prefixes removed (Mr, Dr, M/V). */
  removed: string[];
  /** Adjacent word pairs written together (`jong un` → `jongun`), for joined given names. */
  joins: NameJoin[];
  /** Index of the first given name when the name is written `SURNAME, Given ...`. */
  givenIndex?: number;
  /** Number of leading surname tokens when the name is written `SURNAME, Given ...` (else 0). */
  surnameCount: number;
  /** Index of the first bin/ibn/ben (whose son follows), or -1. */
  lineage: number;
  /** The words run together: as written, sorted, and last word first (for typos across word breaks). */
  compacts: string[];
  /** Initials of the words (`islamic revolutionary guard corps` → `irgc`), for acronyms; '' below two words. */
  initials: string;
  /** A name with al-Din or Allah compounds has two readings: compounds joined, and as written. */
  compound?: 'joined' | 'written';
}

const PERSON_PREFIXES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'sheikh', 'shaykh', 'shaikh', 'sheik', 'shaik',
  'mullah', 'mulla', 'maulvi', 'maulavi', 'maulana', 'mawlawi', 'mawlana', 'qari', 'general', 'gen', 'lt', 'col', 'colonel',
  'major', 'maj', 'capt', 'captain', 'admiral', 'adm', 'rev', 'reverend', 'imam', 'eng', 'engr', 'engineer', 'excellency',
  'hon', 'honorable', 'lord', 'gospodin', 'herr', 'frau', 'monsieur', 'mme', 'madame', 'senor', 'sra', 'doctor',
  'brigadier', 'sgt', 'sergeant', 'commander', 'cdr', 'marshal', 'ayatollah', 'hojatoleslam', 'mufti',
]);
/** Vessel-name prefixes, longest first so `m v` wins over `mv`-less readings. */
const VESSEL_PREFIXES = ['m v', 'mv', 'm t', 'mt', 'm s', 'ms', 's s', 'ss', 'fv', 'f v', 'sv', 'my', 'm y', 'tb', 'rv', 'hms', 'mfv', 'lng', 'yacht', 'tanker', 'vessel'];
const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'ben', 'bint', 'binti', 'van', 'von', 'der', 'den', 'de', 'del', 'dos', 'das', 'ogly', 'oglu', 'kyzy', 'uulu']);
const ORG_STOP = new Set(['the', 'of', 'and', 'for', 'und', 'et', 'de', 'la', 'le', 'del', 'des', 'du', 'da', 'di', 'i', 'y', 'e', 'a']);
const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3}|xiv|xv)$/;
const PATRONYMIC = /(?:ovich|evich|yevich|ovych|evych|ovitch|owitsch|ewitsch|ovna|evna|yevna|ivna|ichna|ogly|oglu|kyzy|vich)$/;

export function nameKindOf(schema: string): NameKind {
  if (schema === 'Person') return 'person';
  if (schema === 'Vessel' || schema === 'Airplane') return 'vessel';
  return 'org';
}

// Interned while kept: similarity.ts caches token pairs by identity.
const tokenCache = memosByKind<NameToken>(300_000, 'stop');
let nextTokenId = 0;

export function makeToken(text: string, kind: TokenKind): NameToken {
  const cache = tokenCache(kind);
  const hit = cache.get(text);
  if (hit) return hit;
  const key = phoneticKey(text);
  const alt: string[] = [];
  const wg = wadeGilesToPinyin(text);
  if (wg) alt.push('w:' + phoneticKey(wg));
  // German spelling of Russian names: j is the glide y (Pjotr, Artjom, Jewgeni, Michajlow) and ch
  // after a vowel is kh (Sacharow). Not for Korean initial j or ch (Jong, Chol).
  if (text.length >= 5 && /[a-z]j|^j[eau]|[aeiou]ch/.test(text)) {
    const german = text.replace(/(^|[a-z])j/g, (_m, p: string) => p + 'y').replace(/([aeiou])ch/g, '$1kh');
    if (german !== text) alt.push('j:' + phoneticKey(german));
  }
  // Latvian and Lithuanian write a Russian man's name with a nominative ending (Sergejs Lavrovs,
  // Sergejus Lavrovas): the stem, j read as y, is the Russian name. Only after the endings of
  // Russian names (-ov, -ev, -ej, -ij; -in only before -as/-us), so Collins or Martins keep their s.
  const baltic = /^(.{2,}(?:ov|ev|ej|ij|iy))(?:s|as|us)$|^(.{2,}in)(?:as|us)$/.exec(text);
  if (baltic) alt.push('b:' + phoneticKey((baltic[1] ?? baltic[2]).replace(/(^|[a-z])j/g, (_m, p: string) => p + 'y')));
  // German and older English spellings write a Russian initial х as ch (Chodorkowski, Chubezoff,
  // Chruschtschow): read it as kh only where the word ends as Russian surnames do, never Korean
  // or Chinese syllables (Chol, Chang).
  if (text.length >= 7 && /^ch[aeiouyr]/.test(text) && /(ow|ew|ov|ev|off|eff|owski|ovsky|ovskiy|ski|sky|skij|skiy|enko|ova|eva|owa|ewa)$/.test(text)) {
    const russian = 'kh' + text.slice(2).replace(/tschtsch|schtsch/g, 'shch').replace(/tsch/g, 'ch').replace(/sch/g, 'sh').replace(/w$/, 'v').replace(/(o|e)ff$/, '$1v');
    alt.push('j:' + phoneticKey(russian));
  }
  // A syllable's final vowel written long, as spellings outside the official systems do (Chee /
  // Che, Tee / Te): the short form is a reading too. Not Lee and Hee, the established spellings
  // of other vowels (이 / 李 Li, 희 Hui), which He or Le would otherwise meet.
  if (text.length <= 5 && /[^aeiou]ee$/.test(text) && text !== 'lee' && text !== 'hee') alt.push('v:' + phoneticKey(text.slice(0, -1)));
  for (const place of placesNamedBy(text)) alt.push('p:' + phoneticKey(place));
  const masc = masculineOf(text);
  if (masc) alt.push('m:' + phoneticKey(masc));
  const token: NameToken = {
    text,
    kind,
    key,
    skel: skeletonKey(text),
    askel: arabicSkeleton(text),
    letters: text.length >= 4 ? [...text].sort().join('') : '',
    alt,
    classes: variantClasses(text).map((c) => c.label),
    weight: kind === 'particle' ? 0.3 * tokenWeight(key) : tokenWeight(key),
    patronymic: PATRONYMIC.test(text) && text.length > 6,
    kept: isKeepingNames(),
    id: nextTokenId++,
    keyLists: [undefined, undefined],
    keyHashes: [undefined, undefined],
  };
  return cache.set(text, token);
}

/** A word's fields as makeToken works them out, without what each process gives it (its number, its caches). */
export type PortableToken = Omit<NameToken, 'kept' | 'id' | 'keyLists' | 'keyHashes'>;

/**
 * makeToken for a word whose fields were worked out before (a saved index: prepared-bytes.ts): the
 * interned word if there is one, else `t` interned, with a number of this process.
 */
export function internToken(t: PortableToken): NameToken {
  const cache = tokenCache(t.kind);
  const hit = cache.get(t.text);
  if (hit) return hit;
  // Fields in makeToken's order: one object shape for the matcher.
  const token: NameToken = {
    text: t.text,
    kind: t.kind,
    key: t.key,
    skel: t.skel,
    askel: t.askel,
    letters: t.letters,
    alt: t.alt,
    classes: t.classes,
    weight: t.weight,
    patronymic: t.patronymic,
    kept: isKeepingNames(),
    id: nextTokenId++,
    keyLists: [undefined, undefined],
    keyHashes: [undefined, undefined],
  };
  return cache.set(t.text, token);
}

function stripPrefixes(tokens: string[], kind: NameKind, removed: string[], original: string): string[] {
  let t = tokens;
  if (kind === 'person') {
    // A title joined by a hyphen to the next word is a syllable of a name (Hon-am, Gen-ichi).
    while (t.length > 1 && PERSON_PREFIXES.has(t[0]) && !(removed.length === 0 && original.trimStart().toLowerCase().startsWith(t[0] + '-'))) {
      removed.push(t[0]);
      t = t.slice(1);
    }
  } else if (kind === 'vessel') {
    // Prefixes can stack (`M/V SV KONSTANTIN`).
    for (let again = true; again; ) {
      again = false;
      for (const p of VESSEL_PREFIXES) {
        const parts = p.split(' ');
        if (t.length > parts.length && parts.every((x, i) => t[i] === x)) {
          removed.push(p);
          t = t.slice(parts.length);
          again = true;
          break;
        }
      }
    }
  }
  return t;
}

/** Two-consonant words that are names or abbreviations, not two initials (Ng, Md for Muhammad, Jr). */
const NOT_INITIALS = new Set(['ng', 'md', 'jr', 'sr', 'st', 'mc', 'dr', 'mr', 'ms', 'hj']);

function isJoinedInitials(w: string): boolean {
  return w.length === 2 && /^[bcdfghjklmnpqrstvwxz]{2}$/.test(w) && !NOT_INITIALS.has(w);
}

/** One-letter Korean surnames (오 O, 이 I, 우 U) are words, not initials. */
const ONE_LETTER_SURNAMES = new Set(['o', 'i', 'u']);

/** Particles of names written in Latin script; a Cyrillic name's `Вон` or `Ден` is a word (Korean 원, 덕). */
const LATIN_ONLY_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'dos', 'das']);

function classify(text: string, kind: NameKind, index: number, count: number, surnameCount = 0, fromCyrillic = false): TokenKind {
  if (/^[0-9]+$/.test(text)) return 'number';
  if (kind === 'person' && text.length === 1 && (index < surnameCount || (ONE_LETTER_SURNAMES.has(text) && index === 0))) return 'word';
  // A series numeral also stands inside a name (Solutions II Denmark); not one letter or Xi there, which are words.
  if (kind !== 'person' && ROMAN.test(text) && index > 0 && (index === count - 1 || (text.length > 1 && text !== 'xi'))) return 'number';
  if (kind === 'person' && text.length === 1) return 'initial';
  if (kind === 'person' && PARTICLES.has(text) && count > 1 && !(fromCyrillic && LATIN_ONLY_PARTICLES.has(text))) return 'particle';
  if (kind !== 'person' && ORG_STOP.has(text) && count > 1) return 'particle';
  if (isArticle(text) && count > 1) return 'particle';
  return 'word';
}

const LINEAGE = new Set(['bin', 'ibn', 'ben', 'bint', 'binti']);

const PLACE_ADJECTIVE = /^([a-z]{3,}?)(en|in|an|ov|ev)?sk(?:iy|ii|ij|y|i|aya|aja|oye|oe|oj|oy|ogo|ovo)$/;

/**
 * The places a Russian place adjective may name (Muromskiy → Murom, Mariyskiy → Mari, Dubnenskiy →
 * Dubna, Mytishchinskiy → Mytishchi, Minskiy → Minsk): its stem with and without the -en-/-in- before
 * -sk-, and with the endings place names take. Organisation names read them as the place (similarity.ts).
 */
function placesNamedBy(text: string): string[] {
  const m = PLACE_ADJECTIVE.exec(text);
  if (!m) return [];
  const stem = m[1];
  const full = stem + (m[2] ?? '');
  const places = new Set([full, full + 'sk', full + 'a', full.replace(/(?<=.{3})[iy]+$/, '')]);
  if (m[2]) for (const end of ['', 'a', 'i']) places.add(stem + end);
  places.delete(text);
  return [...places];
}

/** Splits a normalised reading into prepared tokens. */
/** Set by prepareReading: whether joinCompoundNames changed the last reading's words. */
let compounded = false;

function prepareReading(original: string, text: string, system: string, vowelless: boolean, kind: NameKind, joinCompounds = true): PreparedName {
  const removed: string[] = [];
  let words = text.split(' ').filter(Boolean);
  words = stripPrefixes(words, kind, removed, original);
  let legal: LegalClass[] = [];
  let legalPhrases: string[] = [];
  if (kind === 'org') {
    // Legal forms first: A/S reads `a s`, which is a legal form, not two initials to join.
    const split = splitLegalForms(words);
    words = split.tokens;
    legal = split.forms.map((f) => f.cls);
    legalPhrases = split.forms.map((f) => f.phrase);
  }
  if (kind !== 'person') words = orgWordForms(words);
  // Two initials written together (JC Juncker, J.C. as `jc`): a person's word of two consonants.
  if (kind === 'person' && system === 'latin' && words.length > 1) words = words.flatMap((w) => (isJoinedInitials(w) ? [w[0], w[1]] : [w]));
  // A vowel-less reading has no Latin name shape to regularise (عابد reads `abd`, not Abd al-).
  if (!vowelless) words = reshapeArabicTokens(words);
  const joined = joinCompounds ? joinCompoundNames(words) : words;
  compounded = joined.length !== words.length || joined.some((w, i) => w !== words[i]);
  words = joined;
  // In `SURNAME, Given` the words before the comma are surnames, whatever their length.
  const comma0 = original.indexOf(',');
  const surnamesBefore = kind === 'person' && comma0 > 0 && system === 'latin' ? normalizeName(original.slice(0, comma0)).split(' ').filter(Boolean).length : 0;
  const fromCyrillic = system.includes('BGN') || system.includes('ICAO') || system.includes('Cyrillic');
  const tokens = words.map((w, i) => makeToken(w, classify(w, kind, i, words.length, surnamesBefore, fromCyrillic)));
  const joins: NameJoin[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    // Words, and an article written apart (`al shaer` ↔ `alshaer`).
    const first = tokens[i].kind === 'word' || (tokens[i].kind === 'particle' && /^(?:al|el|ul|bin|ben|abu|abd)$/.test(tokens[i].text));
    if (!first || tokens[i + 1].kind !== 'word') continue;
    const joined = tokens[i].text + tokens[i + 1].text;
    const wa = wadeGilesToPinyin(tokens[i].text);
    const wb = wadeGilesToPinyin(tokens[i + 1].text);
    const altKey = wa || wb ? phoneticKey((wa ?? tokens[i].text) + (wb ?? tokens[i + 1].text)) : undefined;
    joins.push({ index: i, text: joined, key: phoneticKey(joined), altKey, askel: arabicSkeleton(joined) });
  }
  let givenIndex: number | undefined;
  const comma = original.indexOf(',');
  if (kind === 'person' && comma > 0 && comma === original.lastIndexOf(',') && system === 'latin') {
    const before = normalizeName(original.slice(0, comma)).split(' ').filter(Boolean).length;
    if (before > 0 && before < tokens.length) givenIndex = before;
  } else if (kind === 'person' && comma < 0 && tokens.length >= 3) givenIndex = 0;
  const words2 = tokens.filter((t) => t.kind !== 'particle').map((t) => t.text);
  const compacts = [...new Set([words2.join(''), words2.slice().sort().join(''), [...words2.slice(-1), ...words2.slice(0, -1)].join('')])];
  const surnameCount = givenIndex !== undefined && comma > 0 ? givenIndex : 0;
  const content = tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  const initials = kind !== 'person' && content.length >= 2 && content.length <= 8 ? content.map((t) => t.text[0]).join('') : '';
  const lineage = tokens.findIndex((t) => t.kind === 'particle' && LINEAGE.has(t.text));
  return { original, system, text, vowelless, tokens, legal, legalPhrases, removed, joins, givenIndex, surnameCount, compacts, initials, lineage };
}

const prepCache = memosByKind<PreparedName[]>(100_000);

/** Every Latin reading of a name, tokenised and weighted. */
export function prepareName(fullName: string, kind: NameKind): PreparedName[] {
  if (typeof fullName !== 'string') return [];
  // Names beyond 1,000 characters are not names; cap the work (API limits reject them earlier).
  const name = fullName.length > 1000 ? fullName.slice(0, 1000) : fullName;
  const cache = prepCache(kind);
  const hit = cache.get(name);
  if (hit) return hit;
  const out = latinReadings(name, kind === 'person')
    .filter((r) => r.text.length > 0)
    // A name with al-Din or Allah compounds is also kept as written, so a word reversed or
    // shuffled (niddE lamaK) or a compound's parts apart in another order still meet their letters.
    .flatMap((r) => {
      const reading = prepareReading(name, r.text, r.system, r.vowelless, kind);
      if (!compounded) return [reading];
      reading.compound = 'joined';
      const written = prepareReading(name, r.text, r.system, r.vowelless, kind, false);
      written.compound = 'written';
      return [reading, written];
    });
  // Bounded: cleared when full, so a rebuilt index does not keep the old one's names alive.
  return cache.set(name, out);
}

/**
 * The readings prepareName would give, made by `restore` (from a saved index: prepared-bytes.ts)
 * unless they are in the cache already; kept in the cache as prepareName's own.
 */
export function restoredName(fullName: string, kind: NameKind, restore: () => PreparedName[]): PreparedName[] {
  const name = fullName.length > 1000 ? fullName.slice(0, 1000) : fullName;
  const cache = prepCache(kind);
  return cache.get(name) ?? cache.set(name, restore());
}

/** Normalised Latin tokens of a name (first reading), for callers that only need words. */
export function tokenize(name: string, kind: NameKind = 'person'): string[] {
  const first = prepareName(name, kind)[0];
  return first ? first.tokens.map((t) => t.text) : [];
}
