// Links between UN list entries, read from the free-text comments: "Member of the Rajah Solaiman
// Movement (QDe.128).", "Brother of Monir Chouka (QDi.300).", "owned by Umar Mahmud Irhayyim
// al-Kubaysi (QDi.412)". Each reference number of another entry becomes one relationship; the
// sentence around it is kept as the relationship's description. The kind of relationship is read
// from the words before the reference and the two entries' kinds (i = individual, e = entity);
// anything not clearly family, membership or ownership stays an UnknownLink (or Associate between
// two people), so the graph never claims more than the list says.

/** A reference number in running text (`KPe.012`, and the occasional `Qde.014` typo). */
const REFERENCE = /\b([A-Za-z]{2}[ieIE])\.\s?(\d{3})\b/g;

/** `Qde.014` -> `QDe.014`. */
function normalizeReference(prefix: string, digits: string): string {
  return `${prefix.slice(0, 2).toUpperCase()}${prefix[2].toLowerCase()}.${digits}`;
}

const LIST_CONTINUATION = /^\)?\s*(?:,\s*(?:and\s+)?|and\s+)[^,;()]*(?:\([^()]*\)\s*)?\($/;

export interface ReferenceInText {
  ref: string;
  sentence: string;
  /** The clause before the reference (since the previous reference), where the words that qualify it stand. */
  before: string;
  /** The rest of the sentence after the reference. */
  after: string;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATION = /(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|nos|mr|mrs|ms|dr|st|gen|lt|col|maj|capt|approx|co|ltd|inc|corp|vs|etc|ref)|\b[a-z]|\b(?:a\.k\.a|f\.k\.a|i\.e|e\.g|u\.s))\.$/i;

/** Sentences of a comment; a reference's own full stop (`QDe.115`) never splits. */
export function sentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  const boundary = /\.\s+(?=[A-Z("“])/g;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(flat))) {
    const candidate = flat.slice(start, m.index + 1);
    if (ABBREVIATION.test(candidate)) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The other entries a comment refers to, each with its sentence (self-references dropped). */
export function referencesIn(comment: string, selfRef: string): ReferenceInText[] {
  const found: ReferenceInText[] = [];
  for (const sentence of sentences(comment)) {
    let clauseStart = 0;
    let previous: ReferenceInText | undefined;
    for (const m of sentence.matchAll(REFERENCE)) {
      const ref = normalizeReference(m[1], m[2]);
      // The words that qualify a reference stand between it and the previous one; a bare list
      // continuation ("Father of A (x), B (y) and C (z)") keeps the previous reference's words.
      const clause = sentence.slice(clauseStart, m.index);
      const before = previous && LIST_CONTINUATION.test(clause) && !hasQualifier(clause) ? previous.before : clause;
      clauseStart = m.index + m[0].length;
      const item = { ref, sentence, before, after: sentence.slice(m.index + m[0].length) };
      previous = item;
      if (ref !== selfRef) found.push(item);
    }
  }
  return found;
}

export type EntryKind = 'individual' | 'entity';

/** `KPi.066` is an individual, `KPe.012` an entity. */
function kindOfReference(ref: string): EntryKind {
  return ref[2] === 'i' ? 'individual' : 'entity';
}

/** A relationship as FtM properties: which schema, and which entry goes in which property. */
export interface LinkShape {
  schema: 'Family' | 'Associate' | 'Membership' | 'Ownership' | 'UnknownLink';
  /** Property holding the entry whose comment it is. */
  subjectProp: string;
  /** Property holding the referenced entry. */
  objectProp: string;
  /** Extra property (relationship for Family, role for Membership). */
  qualifier?: { prop: string; value: string };
}

const FAMILY =
  /\b((?:brother|sister|son|daughter|father|mother)-in-law|brother|sister|son|daughter|father|mother|wife|husband|spouse|nephew|niece|cousin|uncle|aunt|grandson|granddaughter|grandfather|grandmother)(?:[’']s)?\b(\s+of\b)?/gi;
const MEMBERSHIP =
  /\b(member|leader|head|heading|chief|commander|founder|co-founder|emir|amir|deputy|spokesman|spokesperson|official|treasurer|financier|ideologue|operative|fighter|leads|led)\b/gi;
/** "Senior Haqqani Network (HQN) (TAe.012) member." */
const MEMBER_AFTER = /^\)?\s*(member|leader|commander|fighter|operative)\b/i;
const OWNED_BY = /\b(owned by|owner|subsidiary of|controlled by)\b/i;
const LED_BY = /\b(founded by|headed by|led by|members include|leader|founder|head|commander|chief|emir)\b|\b(?:established|formed|created)\b[^.;]*?\bby\b/i;

const ROLE_OF: Record<string, string> = { 'founded by': 'founder', 'headed by': 'head', 'led by': 'leader', 'members include': 'member' };

/** True when a clause has its own qualifying words ("and uncle of X"), so it is not a bare list item. */
function hasQualifier(clause: string): boolean {
  return [FAMILY, MEMBERSHIP, OWNED_BY, LED_BY].some((re) => new RegExp(re.source, 'i').test(clause));
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}

/** How the entry `subjectRef` relates to `ref`, judged from the sentence. */
export function linkShape(subjectRef: string, found: ReferenceInText): LinkShape {
  const from = kindOfReference(subjectRef);
  const to = kindOfReference(found.ref);
  if (from === 'individual' && to === 'individual') {
    const family = lastMatch(FAMILY, found.before);
    if (family) {
      const relationship = family[1].toLowerCase();
      // "Brother of X": the entry is X's brother; "Father's name is X": X is the entry's father.
      return family[2]
        ? { schema: 'Family', subjectProp: 'relative', objectProp: 'person', qualifier: { prop: 'relationship', value: relationship } }
        : { schema: 'Family', subjectProp: 'person', objectProp: 'relative', qualifier: { prop: 'relationship', value: relationship } };
    }
    return { schema: 'Associate', subjectProp: 'person', objectProp: 'associate' };
  }
  if (from === 'individual' && to === 'entity') {
    const role = lastMatch(MEMBERSHIP, found.before)?.[1] ?? MEMBER_AFTER.exec(found.after)?.[1];
    if (role) {
      const value = role.toLowerCase() === 'heading' ? 'head' : role.toLowerCase();
      return { schema: 'Membership', subjectProp: 'member', objectProp: 'organization', qualifier: { prop: 'role', value } };
    }
    return { schema: 'UnknownLink', subjectProp: 'subject', objectProp: 'object' };
  }
  if (OWNED_BY.test(found.before)) return { schema: 'Ownership', subjectProp: 'asset', objectProp: 'owner' };
  if (from === 'entity' && to === 'individual') {
    const led = LED_BY.exec(found.before) ?? LED_BY.exec(found.sentence);
    if (led) {
      const role = led[1] ? (ROLE_OF[led[1].toLowerCase()] ?? led[1].toLowerCase()) : 'founder';
      return { schema: 'Membership', subjectProp: 'organization', objectProp: 'member', qualifier: { prop: 'role', value: role } };
    }
  }
  return { schema: 'UnknownLink', subjectProp: 'subject', objectProp: 'object' };
}
