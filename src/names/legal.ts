// Legal forms as classes: LLC = OOO = ООО = Limited Liability Company = ТОВ = GmbH ...;
// JSC = АО = AG ...; Co. Ltd = 有限公司 = 주식회사. A legal form is matched as a class, never as a
// content word, so `Oboronlogistika LLC` meets `OOO Oboronlogistika`.
import { editDistance } from './normalize.ts';

export type LegalClass = 'llc' | 'ltd' | 'jsc' | 'corp' | 'company' | 'plc' | 'partnership' | 'group' | 'state' | 'foundation' | 'cooperative' | 'branch';

/** Families: forms of one family are interchangeable in practice (a listed Ltd screened as Corp). */
export const LEGAL_FAMILY: Record<LegalClass, string> = {
  llc: 'limited', ltd: 'limited', jsc: 'stock', corp: 'limited', company: 'limited', plc: 'stock',
  partnership: 'partnership', group: 'group', state: 'state', foundation: 'foundation', cooperative: 'cooperative', branch: 'branch',
};

// Phrases are normalised Latin (Cyrillic already transliterated by BGN: ооо → ooo, тов → tov).
const PHRASES: [string, LegalClass][] = [
  ['limited liability company', 'llc'], ['limited liability partnership', 'partnership'], ['llc', 'llc'], ['l l c', 'llc'],
  ['ooo', 'llc'], ['tov', 'llc'], ['too', 'llc'], ['obshchestvo s ogranichennoy otvetstvennostyu', 'llc'],
  ['obshestvo s ogranichennoi otvetstvennostyu', 'llc'], ['tovarystvo z obmezhenoyu vidpovidalnistyu', 'llc'],
  ['gmbh', 'llc'], ['sarl', 'llc'], ['s a r l', 'llc'], ['srl', 'llc'], ['s r l', 'llc'], ['sro', 'llc'], ['s r o', 'llc'],
  ['sp z o o', 'llc'], ['kft', 'llc'], ['ltda', 'llc'], ['limitada', 'llc'], ['bv', 'llc'], ['b v', 'llc'], ['doo', 'llc'], ['d o o', 'llc'],
  ['fzco', 'llc'], ['fze', 'llc'], ['fz llc', 'llc'], ['mchj', 'llc'],
  ['co ltd', 'ltd'], ['company limited', 'ltd'], ['co limited', 'ltd'], ['limited', 'ltd'], ['ltd', 'ltd'], ['pte ltd', 'ltd'],
  ['pvt ltd', 'ltd'], ['private limited', 'ltd'], ['pty ltd', 'ltd'], ['sdn bhd', 'ltd'], ['bhd', 'ltd'], ['pte', 'ltd'], ['pty', 'ltd'],
  ['yugen kaisha', 'ltd'], ['jusikhoesa', 'ltd'], ['chusik hoesa', 'ltd'], ['jusik hoesa', 'ltd'],
  ['joint stock company', 'jsc'], ['jsc', 'jsc'], ['ojsc', 'jsc'], ['cjsc', 'jsc'], ['pjsc', 'jsc'], ['pjs', 'jsc'],
  ['ao', 'jsc'], ['oao', 'jsc'], ['zao', 'jsc'], ['pao', 'jsc'], ['aktsionernoye obshchestvo', 'jsc'], ['aktsionernoe obshchestvo', 'jsc'],
  ['otkrytoye aktsionernoye obshchestvo', 'jsc'], ['zakrytoye aktsionernoye obshchestvo', 'jsc'], ['publichnoye aktsionernoye obshchestvo', 'jsc'],
  ['public joint stock company', 'jsc'], ['open joint stock company', 'jsc'], ['closed joint stock company', 'jsc'], ['ag', 'jsc'], ['sa', 'jsc'],
  ['s a', 'jsc'], ['spa', 'jsc'], ['s p a', 'jsc'], ['nv', 'jsc'], ['n v', 'jsc'], ['as', 'jsc'], ['asa', 'jsc'], ['ab', 'jsc'], ['oy', 'jsc'], ['oyj', 'jsc'],
  ['kabushiki kaisha', 'jsc'], ['kk', 'jsc'], ['tbk', 'jsc'], ['pt', 'jsc'], ['dd', 'jsc'], ['d d', 'jsc'], ['ad', 'jsc'], ['a d', 'jsc'], ['jsco', 'jsc'],
  ['corporation', 'corp'], ['corp', 'corp'], ['incorporated', 'corp'], ['inc', 'corp'], ['co', 'company'], ['company', 'company'], ['cie', 'company'],
  ['compania', 'company'], ['companhia', 'company'], ['cia', 'company'], ['hoesa', 'company'], ['hoisa', 'company'], ['kongsa', 'corp'], ['gongsa', 'corp'],
  ['plc', 'plc'], ['sal', 'jsc'], ['s a l', 'jsc'], ['saog', 'jsc'], ['saoc', 'jsc'], ['pjsc', 'jsc'], ['co sal', 'jsc'], ['est', 'company'], ['establishment', 'company'], ['p l c', 'plc'], ['public limited company', 'plc'],
  ['lp', 'partnership'], ['llp', 'partnership'], ['limited partnership', 'partnership'], ['kg', 'partnership'], ['gmbh co kg', 'partnership'],
  ['fgup', 'state'], ['gup', 'state'], ['mup', 'state'], ['federal state unitary enterprise', 'state'], ['state unitary enterprise', 'state'],
  ['fsue', 'state'], ['sue', 'state'], ['ano', 'foundation'], ['foundation', 'foundation'],
  // Written out in their own languages (German, French, Spanish, Italian, Dutch, Nordic, Polish, Japanese),
  // and the Danish/Norwegian A/S and French SAS as lists print them.
  ['aktiengesellschaft', 'jsc'], ['gesellschaft mit beschrankter haftung', 'llc'], ['kommanditgesellschaft', 'partnership'],
  ['societe anonyme', 'jsc'], ['sociedad anonima', 'jsc'], ['sociedade anonima', 'jsc'], ['societa per azioni', 'jsc'],
  ['naamloze vennootschap', 'jsc'], ['besloten vennootschap', 'llc'], ['aktiebolag', 'jsc'], ['aksjeselskap', 'jsc'],
  ['aktieselskab', 'jsc'], ['osakeyhtio', 'jsc'], ['spolka akcyjna', 'jsc'], ['spolka z ograniczona odpowiedzialnoscia', 'llc'],
  ['societe a responsabilite limitee', 'llc'], ['sociedad de responsabilidad limitada', 'llc'], ['societa a responsabilita limitata', 'llc'],
  ['kabushiki gaisha', 'jsc'], ['yugen gaisha', 'ltd'], ['a s', 'jsc'], ['sas', 'jsc'], ['s a s', 'jsc'], ['se', 'jsc'], ['nao', 'jsc'],
  ['sae', 'jsc'], ['s a e', 'jsc'], ['gie', 'partnership'], ['pvt', 'ltd'], ['ood', 'llc'], ['eood', 'llc'],
  // Abbreviated or cut short as lists and registries print them (Joint-Stock Co., Federal State Unitary),
  // and the Turkish forms (Anonim Şirketi, Limited Şirketi / Ltd. Şti.).
  ['joint stock co', 'jsc'], ['federal state unitary', 'state'], ['anonim sirketi', 'jsc'], ['limited sirketi', 'ltd'], ['ltd sti', 'ltd'],
  ['joint stock', 'jsc'], ['proprietary limited', 'ltd'], ['propriety limited', 'ltd'],
  // Mexican (S.A. de C.V., S. de R.L. de C.V.: three hundred OFAC entries), Belgian and Congolese
  // (SPRL, BVBA), UAE free zones (FZC), Baltic (SIA, UAB, OU), Balkan, Nordic, Spanish and US forms.
  ['sa de cv', 'jsc'], ['s a de c v', 'jsc'], ['sab de cv', 'jsc'], ['s a b de c v', 'jsc'], ['sapi de cv', 'jsc'], ['s a p i de c v', 'jsc'],
  ['de cv', 'jsc'], ['de c v', 'jsc'], ['s de rl de cv', 'llc'], ['s de r l de c v', 'llc'], ['s de rl', 'llc'], ['s de r l', 'llc'],
  ['sprl', 'llc'], ['sprlu', 'llc'], ['bvba', 'llc'], ['cvba', 'cooperative'], ['fzc', 'llc'], ['fz co', 'llc'], ['fzllc', 'llc'],
  ['sia', 'llc'], ['uab', 'llc'], ['ou', 'llc'], ['dooel', 'llc'], ['ead', 'jsc'], ['shpk', 'llc'], ['aps', 'llc'], ['sl', 'llc'], ['slu', 'llc'],
  ['eirl', 'llc'], ['pllc', 'llc'], ['lllp', 'partnership'], ['snc', 'partnership'], ['vof', 'partnership'], ['gbr', 'partnership'],
];

/**
 * Words that qualify the legal form after them (`Private Ltd`, `Open JSC`, `Public AO`): taken into
 * that form, so `X Private Ltd` and `X Private Limited` keep the same content words.
 */
const QUALIFIERS = new Set(['private', 'pvt', 'public', 'open', 'closed', 'otkrytoye', 'zakrytoye', 'publichnoye']);

const MAX_PHRASE = 6;
const PHRASE_MAP = new Map(PHRASES.map(([p, c]) => [p, c]));
const PHRASE_TOKENS = PHRASES.map(([p, c]) => ({ phrase: p, tokens: p.split(' '), cls: c }));

/** A word of a legal form with a typo (`limitd`, `liablity`): one edit in words of five letters or more. */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  return editDistance(a, b, 1) <= 1;
}

function fuzzyPhrase(tokens: string[], i: number, n: number): { phrase: string; cls: LegalClass } | undefined {
  // Only phrases with a word of five letters or more can carry a typo.
  if (!tokens.slice(i, i + n).some((t) => t.length >= 4)) return undefined;
  for (const p of PHRASE_TOKENS) {
    if (p.tokens.length !== n || p.tokens[0][0] !== tokens[i][0]) continue;
    let ok = true;
    let exact = 0;
    for (let k = 0; k < n && ok; k++) {
      if (tokens[i + k] === p.tokens[k]) exact++;
      else ok = nearWord(tokens[i + k], p.tokens[k]);
    }
    if (ok && exact < n) return p;
  }
  return undefined;
}
/** Very short forms that are also words elsewhere: only recognised at the start or end of a name. */
const EDGE_ONLY = new Set(['sia', 'ou', 'sl', 'ead', 'aps', 'snc', 'de cv', 'de c v', 'pvt', 'ood', 'se', 'sas', 'nao', 'sae', 'as', 'ab', 'ad', 'sa', 'pt', 'co', 'ao', 'nv', 'bv', 'kg', 'lp', 'oy', 'too', 'dd', 'kk', 'sue', 'cia', 'spa', 'doo', 'pte', 'pty', 'limited']);

export interface LegalSplit {
  tokens: string[];
  forms: { phrase: string; cls: LegalClass }[];
}

function atEdge(tokens: string[], i: number, n: number): boolean {
  return i === 0 || i + n === tokens.length || PHRASE_MAP.has(tokens[i + n] ?? '') || PHRASE_MAP.has(tokens[i - 1] ?? '') || (i === 1 && QUALIFIERS.has(tokens[0]));
}

/** How many one-letter tokens start at `i`. */
function singleLetterRun(tokens: string[], i: number): number {
  let k = i;
  while (k < tokens.length && tokens[k].length === 1) k++;
  return k - i;
}

/**
 * Removes legal-form phrases from a token list (longest phrase first). Edge-only forms are taken
 * only at the beginning or end, so `AS` inside a name stays a word. A name that is nothing but a
 * legal form, or a legal form and initials (J & E S. de R.L. de C.V.), keeps its tokens: initials
 * alone would meet any short word.
 */
export function splitLegalForms(tokens: string[]): LegalSplit {
  const kept: string[] = [];
  const forms: { phrase: string; cls: LegalClass }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    let phrase = '';
    let cls: LegalClass | undefined;
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1; n--) {
      phrase = tokens.slice(i, i + n).join(' ');
      cls = PHRASE_MAP.get(phrase);
      if (!cls) {
        const fuzzy = fuzzyPhrase(tokens, i, n);
        if (!fuzzy) continue;
        phrase = fuzzy.phrase;
        cls = fuzzy.cls;
      }
      if (EDGE_ONLY.has(phrase) && !atEdge(tokens, i, n)) continue;
      matched = n;
      break;
    }
    // Dotted abbreviations read as single letters (L.P., J.S.C., S.L.): the letters run together are the form.
    // The whole run only: A.B.C. is a name, not the form AB and a letter.
    const run = matched || tokens[i - 1]?.length === 1 ? 0 : singleLetterRun(tokens, i);
    if (run >= 2) {
      phrase = tokens.slice(i, i + run).join('');
      cls = PHRASE_MAP.get(phrase);
      if (cls && !(EDGE_ONLY.has(phrase) && !atEdge(tokens, i, run))) matched = run;
    }
    if (matched && cls) {
      // A qualifier just before the form belongs to it (not when it is the name's only other word).
      const last = kept.length - 1;
      if (last >= 0 && QUALIFIERS.has(kept[last]) && (kept.length > 1 || i + matched < tokens.length)) phrase = `${kept.pop()} ${phrase}`;
      forms.push({ phrase, cls });
      i += matched;
    }
    else kept.push(tokens[i++]);
  }
  if (kept.every((t) => t.length === 1)) return { tokens, forms: [] };
  return { tokens: kept, forms };
}

/** Compares two sets of legal forms: 'same' class, same 'family', 'different', or 'none' when either has none. */
export function compareLegalForms(a: LegalClass[], b: LegalClass[]): 'same' | 'family' | 'different' | 'none' {
  if (a.length === 0 || b.length === 0) return 'none';
  if (a.some((x) => b.includes(x))) return 'same';
  if (a.some((x) => b.some((y) => LEGAL_FAMILY[x] === LEGAL_FAMILY[y]))) return 'family';
  return 'different';
}
