import { ORG_WORDS as ORG_WORD_TABLE } from './data/org-words.ts';

// Hangul: syllable decomposition into jamo and rule-based romanization in McCune–Reischauer (as the
// DPRK and OFAC write it, breves and apostrophes folded away) and Revised Romanization, plus the
// surname spellings people actually use (Lee/Yi/I/Ri, Park/Pak/Bak, Choi/Choe/Chwe, ...).

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

export interface Jamo {
  initial: number; // 0..18
  medial: number; // 0..20
  final: number; // 0..27 (0 = none)
}

export function isHangulSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= SYLLABLE_BASE && c <= SYLLABLE_LAST;
}

export function hasHangul(s: string): boolean {
  return /[\uac00-\ud7a3]/.test(s);
}

/** Splits a precomposed syllable into its initial, medial and final jamo indices. */
export function decomposeSyllable(ch: string): Jamo | undefined {
  const c = ch.charCodeAt(0) - SYLLABLE_BASE;
  if (c < 0 || c > SYLLABLE_LAST - SYLLABLE_BASE) return undefined;
  return { initial: Math.floor(c / 588), medial: Math.floor((c % 588) / 28), final: c % 28 };
}

//                 ㄱ    ㄲ    ㄴ   ㄷ    ㄸ    ㄹ   ㅁ   ㅂ    ㅃ    ㅅ   ㅆ    ㅇ  ㅈ     ㅉ     ㅊ     ㅋ    ㅌ    ㅍ    ㅎ
const MR_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', "ch'", "k'", "t'", "p'", 'h'];
const RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
//                 ㅏ    ㅐ     ㅑ     ㅒ      ㅓ    ㅔ    ㅕ     ㅖ     ㅗ   ㅘ     ㅙ      ㅚ     ㅛ     ㅜ   ㅝ     ㅞ     ㅟ    ㅠ     ㅡ    ㅢ     ㅣ
const MR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'ŏ', 'e', 'yŏ', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wŏ', 'we', 'wi', 'yu', 'ŭ', 'ŭi', 'i'];
const RR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
//             -   ㄱ   ㄲ   ㄳ   ㄴ   ㄵ   ㄶ   ㄷ   ㄹ   ㄺ   ㄻ   ㄼ   ㄽ   ㄾ   ㄿ   ㅀ   ㅁ   ㅂ   ㅄ   ㅅ   ㅆ   ㅇ    ㅈ   ㅊ   ㅋ   ㅌ   ㅍ   ㅎ
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

export type KoreanSystem = 'mr' | 'rr';

/** Romanizes one syllable in isolation (how names are written: syllable by syllable). */
export function romanizeSyllable(ch: string, system: KoreanSystem): string {
  const j = decomposeSyllable(ch);
  if (!j) return ch;
  const initial = (system === 'mr' ? MR_INITIAL : RR_INITIAL)[j.initial];
  const medial = (system === 'mr' ? MR_MEDIAL : RR_MEDIAL)[j.medial];
  return initial + medial + FINAL[j.final];
}

/**
 * Romanizes a run of Hangul syllables written as one word (`대동`, `정은`), applying the sound
 * changes that matter across a syllable boundary: a final consonant before ㅇ is carried over
 * (RR `eun-haeng`, not re-split), MR voicing of ㄱ ㄷ ㅂ ㅈ between voiced sounds, nasalisation of
 * ㄱ ㄷ ㅂ before ㄴ ㅁ, and ㄹ after ㄴ/ㄹ.
 */
export function romanizeWord(word: string, system: KoreanSystem): string {
  const syllables = [...word].map(decomposeSyllable);
  let out = '';
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i];
    if (!s) {
      out += [...word][i];
      continue;
    }
    const prev = i > 0 ? syllables[i - 1] : undefined;
    const next = i + 1 < syllables.length ? syllables[i + 1] : undefined;
    let initial = (system === 'mr' ? MR_INITIAL : RR_INITIAL)[s.initial];
    if (prev) {
      const pf = FINAL[prev.final];
      if (s.initial === 5 && (pf === 'n' || pf === 'l')) initial = 'l'; // 신라 silla, 울릉
      else if (s.initial === 5 && pf !== '') initial = 'n'; // 종로 jongno
      else if (system === 'mr' && (pf === '' || pf === 'n' || pf === 'm' || pf === 'ng' || pf === 'l')) {
        // MR voices the plain stops between voiced sounds.
        const voiced: Record<number, string> = { 0: 'g', 3: 'd', 7: 'b', 12: 'j' };
        if (voiced[s.initial] !== undefined) initial = voiced[s.initial];
      }
    }
    let fin = FINAL[s.final];
    if (next && fin === 'n' && next.initial === 5) fin = 'l'; // ㄴ before ㄹ: 신라 silla
    else if (next && fin !== '') {
      if ((next.initial === 2 || next.initial === 6) && (fin === 'k' || fin === 't' || fin === 'p')) {
        fin = fin === 'k' ? 'ng' : fin === 't' ? 'n' : 'm'; // 박물 pangmul
      } else if (next.initial === 11 && s.final !== 21) {
        // Final consonant moves to the empty onset; voiced in MR.
        fin = system === 'mr' ? ({ k: 'g', t: 'd', p: 'b' } as Record<string, string>)[fin] ?? fin : ({ k: 'g', t: 'd', p: 'b' } as Record<string, string>)[fin] ?? fin;
        if (s.final === 8) fin = 'r'; // ㄹ before a vowel
      }
    }
    out += initial + (system === 'mr' ? MR_MEDIAL : RR_MEDIAL)[s.medial] + fin;
  }
  return foldKorean(out);
}

/** Drops the MR breves and apostrophes the way most lists do. */
export function foldKorean(s: string): string {
  return s.replace(/ŏ/g, 'o').replace(/ŭ/g, 'u').replace(/'/g, '');
}

/** Two-syllable Korean surnames. */
const COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '망절']);

/**
 * Surnames with established spellings that rules do not produce (South Korean habits and the
 * DPRK's initial R). Each row: Hangul forms, then Latin spellings, most common first.
 */
export const KOREAN_SURNAMES: ReadonlyArray<[string[], string[]]> = [
  [['김'], ['kim', 'gim']],
  [['이', '리'], ['lee', 'ri', 'yi', 'i', 'li', 'rhee', 'rhie', 'yie']],
  [['박'], ['park', 'pak', 'bak', 'bahk', 'pag']],
  [['최'], ['choi', 'choe', 'chwe', 'choy', 'chey']],
  [['정'], ['jung', 'chong', 'jeong', 'cheong', 'chung', 'jong', 'joung']],
  [['강'], ['kang', 'gang']],
  [['조'], ['cho', 'jo', 'joe', 'chough']],
  [['윤'], ['yoon', 'yun', 'youn']],
  [['장'], ['jang', 'chang']],
  [['임', '림'], ['lim', 'im', 'rim', 'yim']],
  [['한'], ['han']],
  [['오'], ['oh', 'o']],
  [['서'], ['seo', 'suh', 'so', 'sur']],
  [['신'], ['shin', 'sin', 'shinn']],
  [['권'], ['kwon', 'gwon', 'kwun']],
  [['황'], ['hwang']],
  [['안'], ['ahn', 'an']],
  [['송'], ['song']],
  [['유', '류'], ['yoo', 'yu', 'ryu', 'you', 'lyu', 'yuh', 'rhyu']],
  [['홍'], ['hong']],
  [['전'], ['jeon', 'chon', 'jun', 'chun', 'jon']],
  [['고'], ['ko', 'go', 'koh']],
  [['문'], ['moon', 'mun']],
  [['양', '량'], ['yang', 'ryang', 'lyang']],
  [['손'], ['son', 'sohn']],
  [['배'], ['bae', 'pae', 'bai']],
  [['백'], ['baek', 'paek', 'paik', 'baik', 'back']],
  [['허'], ['heo', 'ho', 'hur', 'huh']],
  [['남'], ['nam']],
  [['노', '로'], ['noh', 'no', 'roh', 'ro']],
  [['하'], ['ha']],
  [['곽'], ['kwak', 'gwak']],
  [['성'], ['sung', 'seong', 'song']],
  [['차'], ['cha']],
  [['주'], ['joo', 'ju', 'chu', 'choo']],
  [['우'], ['woo', 'u', 'wu']],
  [['민'], ['min']],
  [['나', '라'], ['na', 'ra', 'rha']],
  [['진'], ['jin', 'chin']],
  [['지'], ['ji', 'chi']],
  [['엄'], ['eom', 'um', 'om']],
  [['채'], ['chae', 'chai']],
  [['원'], ['won', 'weon']],
  [['방'], ['bang', 'pang']],
  [['공'], ['kong', 'gong']],
  [['현'], ['hyun', 'hyon', 'hyeon']],
  [['함'], ['ham']],
  [['염', '렴'], ['yeom', 'yom', 'ryom', 'yum']],
  [['여', '려'], ['yeo', 'yo', 'ryo']],
  [['변'], ['byun', 'pyon', 'byeon']],
  [['석'], ['seok', 'sok', 'suk']],
  [['길'], ['gil', 'kil']],
  [['구'], ['koo', 'ku', 'gu']],
  [['도'], ['do', 'to', 'doh']],
  [['명'], ['myung', 'myong', 'myeong']],
  [['태'], ['tae', 'thae']],
  [['용', '룡'], ['yong', 'ryong', 'yeong']],
];

/** Latin spelling → canonical surname label (the first spelling of its row). */
export const KOREAN_SURNAME_CLASS: ReadonlyMap<string, string> = new Map(
  KOREAN_SURNAMES.flatMap(([, latin]) => latin.map((l) => [l, latin[0]] as const)),
);
const SURNAME_BY_HANGUL = new Map(KOREAN_SURNAMES.flatMap(([hangul, latin]) => hangul.map((h) => [h, latin] as const)));

/** Common words in Korean organisation names, translated so `대동신용은행` can meet `Daedong Credit Bank`. */
const ORG_WORDS: Record<string, string> = {
  은행: 'bank', 신용: 'credit', 무역: 'trading', 회사: 'company', 주식회사: 'co ltd', 유한회사: 'co ltd',
  총회사: 'general corporation', 공사: 'corporation', 합영: 'joint venture', 합작: 'joint venture', 총국: 'general bureau',
  해운: 'shipping', 선박: 'shipping', 국제: 'international', 상업: 'commercial', 개발: 'development', 광업: 'mining',
  연합: 'associated', 무역회사: 'trading company', 그룹: 'group', 기술: 'technology', 공업: 'industry', 산업: 'industrial',
  투자: 'investment', 중앙: 'central', 조선: 'korea', 대외: 'foreign', 보험: 'insurance', 재보험: 'reinsurance',
  제일: 'first', 제이: 'second', 인민: 'peoples', 군: 'army', 위원회: 'committee', 연구소: 'research institute',
  연구원: 'research institute', 대학: 'university', 해사: 'maritime', 관리: 'management', 운송: 'transport',
  전자: 'electronics', 컴퓨터: 'computer', 센터: 'center', 합영회사: 'joint venture company', 기업소: 'enterprise',
  정보: 'information', 대외경제: 'external economic', 경제: 'economic', 부: 'department', 성: 'ministry',
  당: 'party', 노동당: 'workers party', 정찰총국: 'reconnaissance general bureau', 원자력: 'atomic energy',
  항공: 'airline', 고려: 'koryo', 석유: 'oil', 수출입: 'export import', 상사: 'trading', 수산: 'fisheries',
};
// The bilingual table of organisation words (data/org-words.ts) adds what the list above lacks (군수 munitions).
for (const w of ORG_WORD_TABLE) for (const h of w.hangul ?? []) if (!(h in ORG_WORDS)) ORG_WORDS[h] = w.en;
const ORG_WORD_LIST = Object.keys(ORG_WORDS).sort((a, b) => b.length - a.length);

export interface KoreanReading {
  text: string;
  system: string;
}

/**
 * Latin readings of a Hangul name. People: surname syllable(s) first, given-name syllables
 * separated (as DPRK listings write them); organisations: known words translated, the rest
 * romanized as words.
 */
export function romanizeHangulName(name: string, isPerson: boolean): KoreanReading[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const readings: KoreanReading[] = [];
  for (const system of ['mr', 'rr'] as const) {
    const parts: string[] = [];
    for (const [wi, word] of words.entries()) {
      if (!hasHangul(word)) {
        parts.push(word);
        continue;
      }
      const syl = [...word];
      if (isPerson && syl.length <= 5 && syl.every(isHangulSyllable)) {
        // One-word person name: surname then given syllables. A later word of a split name is a given name.
        let surnameLen = 0;
        if (wi === 0) surnameLen = syl.length >= 3 && COMPOUND_SURNAMES.has(syl[0] + syl[1]) ? 2 : syl.length >= 2 ? 1 : 0;
        if (surnameLen > 0) parts.push(romanizeSurname(syl.slice(0, surnameLen).join(''), system));
        for (const s of syl.slice(surnameLen)) parts.push(foldKorean(romanizeSyllable(s, system)));
      } else {
        parts.push(...segmentOrgWord(word).map((p) => (p.translated ? p.text : romanizeWord(p.text, system))));
      }
    }
    const text = parts.join(' ');
    if (!readings.some((r) => r.text === text)) readings.push({ text, system: system === 'mr' ? 'McCune–Reischauer' : 'Revised Romanization' });
  }
  return readings;
}

/** DPRK-style surname for MR (Ri, Rim, Ryu), South Korean customary one for RR (Lee, Im, Yoo). */
function romanizeSurname(hangul: string, system: KoreanSystem): string {
  const known = SURNAME_BY_HANGUL.get(hangul);
  if (known && hangul.length === 1) {
    const initialR = decomposeSyllable(hangul)?.initial === 5;
    if (system === 'mr') return initialR ? known.find((l) => l.startsWith('r')) ?? known[0] : foldKorean(romanizeSyllable(hangul, 'mr'));
    return known[0];
  }
  return [...hangul].map((s) => foldKorean(romanizeSyllable(s, system))).join('');
}

/** Longest-match segmentation of a Hangul word into known organisation words and the rest. */
function segmentOrgWord(word: string): { text: string; translated: boolean }[] {
  const out: { text: string; translated: boolean }[] = [];
  let rest = '';
  let i = 0;
  while (i < word.length) {
    // One-syllable words (부 department, 성 ministry, 국 bureau) only close a word of three syllables or more.
    const last = i === word.length - 1 && word.length >= 3;
    const hit = i > 0 || word.length > 2 ? ORG_WORD_LIST.find((w) => (w.length >= 2 || last) && word.startsWith(w, i)) : undefined;
    if (hit) {
      if (rest) out.push({ text: rest, translated: false });
      rest = '';
      out.push({ text: ORG_WORDS[hit], translated: true });
      i += hit.length;
    } else {
      rest += word[i];
      i++;
    }
  }
  if (rest) out.push({ text: rest, translated: false });
  return out;
}
