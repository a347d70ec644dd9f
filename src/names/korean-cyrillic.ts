// Korean names written in Russian Cyrillic, read back into the Latin spellings lists use
// (`Ким Чен Ын` → `kim jong un`). Russian documents write Korean names in the Kontsevich system
// (Л. Р. Концевич, «Корейско-русская практическая транскрипция», the Russian academic standard:
// 김정은 → Ким Чжон Ын, 최 → Чхве, 정 → Чон) or in the older habits of Russian media and Soviet
// documents (Ким Чен Ын, Ким Ир Сен, Ли/Ри, Пак, Цой, Пхеньян): ㅈ as ч/чж/дж, ㅓ as о or, after ч,
// е; ㄹ at a syllable's end as ль or р; ㅇ and ㄴ at a syllable's end both as н.
// The reading goes syllable by syllable to McCune–Reischauer (breves folded, as OFAC writes it);
// where Cyrillic merges what Hangul keeps apart (н = ㄴ or ㅇ; е after ч = ㅓ or ㅔ), every
// spelling is kept, up to MAX_READINGS. Only names whose surname is a Korean surname and whose
// every word splits into Korean syllables get these readings, so Russian names keep their own.

/** Surnames as Russian writes them (Kontsevich and older forms), with the Latin spelling of the listed DPRK form. */
export const KOREAN_SURNAMES_CYRILLIC: Readonly<Record<string, string[]>> = {
  ким: ['kim'], ли: ['ri'], ри: ['ri'], и: ['ri'], пак: ['pak'], пэк: ['paek'], пек: ['paek'], чхве: ['choe'], чве: ['choe'], цой: ['choe'], чой: ['choe'],
  // н is ㄴ or ㅇ: Чон is 정 Jong or 전 Chon, Сон 송 Song or 손 Son.
  чон: ['jong', 'chon'], чен: ['jong', 'chon'], чжон: ['jong', 'chon'], чжен: ['jong', 'chon'], джон: ['jong'], хван: ['hwang'], кан: ['kang'],
  чан: ['jang'], чжан: ['jang'], юн: ['yun'], лим: ['rim'], рим: ['rim'], им: ['rim'], хан: ['han'], о: ['o'], со: ['so'], син: ['sin'],
  шин: ['sin'], квон: ['kwon'], ан: ['an'], сон: ['song', 'son'], ю: ['ryu'], рю: ['ryu'], лю: ['ryu'], хон: ['hong'], ко: ['ko'], мун: ['mun'],
  ян: ['yang'], рян: ['ryang'], пэ: ['pae'], пе: ['pae'], хо: ['ho'], нам: ['nam'], но: ['ro'], ро: ['ro'], ха: ['ha'], квак: ['kwak'],
  чха: ['cha'], ча: ['cha'], чу: ['ju'], чжу: ['ju'], у: ['u'], мин: ['min'], на: ['ra'], ра: ['ra'], чин: ['jin'], чжин: ['jin'], чи: ['ji'],
  чжи: ['ji'], ом: ['om'], чхэ: ['chae'], вон: ['won'], пан: ['pang'], кон: ['kong'], хён: ['hyon'], хен: ['hyon'], хам: ['ham'], ём: ['ryom'],
  рём: ['ryom'], рё: ['ryo'], ё: ['ryo'], пён: ['pyon'], сок: ['sok'], киль: ['kil'], кир: ['kil'], ку: ['ku'], то: ['to'], мён: ['myong'],
  тхэ: ['thae'], тэ: ['thae'], ён: ['ryong'], рён: ['ryong'], тхак: ['thak'], чо: ['jo'], чжо: ['jo'],
};

// Onsets, longest first. Aspirated stops are written with х (чх ㅊ, кх ㅋ, тх ㅌ, пх ㅍ); MR's
// apostrophe of aspiration is folded away as lists do (p'yong → pyong).
const ONSETS: [string, string][] = [
  ['чч', 'tch'], ['чж', 'j'], ['чх', 'ch'], ['кх', 'k'], ['тх', 't'], ['пх', 'p'], ['дж', 'j'], ['кк', 'kk'], ['тт', 'tt'],
  ['пп', 'pp'], ['сс', 'ss'], ['к', 'k'], ['г', 'g'], ['н', 'n'], ['т', 't'], ['д', 'd'], ['р', 'r'], ['л', 'r'], ['м', 'm'],
  ['п', 'p'], ['б', 'b'], ['с', 's'], ['ш', 's'], ['ч', 'j'], ['ц', 'j'], ['ж', 'j'], ['х', 'h'], ['', ''],
];
// Vowels, longest first; a list gives the readings of an ambiguous letter, the usual one first.
const VOWELS: [string, string[]][] = [
  ['йя', ['yae']], ['йе', ['ye']], ['ый', ['ui']], ['ва', ['wa']], ['вэ', ['wae']], ['ве', ['oe', 'we']], ['во', ['wo']], ['ви', ['wi']],
  ['а', ['a']], ['э', ['ae']], ['я', ['ya']], ['о', ['o']], ['е', ['e']], ['ё', ['yo']], ['у', ['u']], ['ю', ['yu']], ['ы', ['u']], ['и', ['i']],
];
// Codas, longest first: н is ㄴ or ㅇ; нъ and нг are ㅇ; ль and р (older) are ㄹ.
const CODAS: [string, string[]][] = [
  ['нъ', ['ng']], ['нг', ['ng']], ['ль', ['l']], ['н', ['ng', 'n']], ['к', ['k']], ['т', ['t']], ['л', ['l']], ['р', ['l']], ['м', ['m']], ['п', ['p']], ['', ['']],
];
const PALATAL = new Set(['j', 'ch', 'tch']);
/** Readings kept per name: two spellings of н or е in up to three or four syllables. */
export const MAX_READINGS = 12;

/** The Latin spellings of one Cyrillic syllable sequence, or undefined when the word is not Korean. */
function readWord(word: string): string[] | undefined {
  // Best parse from each position: the fewest syllables, codas taken where the rest still parses.
  const memo = new Map<number, string[][] | null>();
  const parse = (at: number): string[][] | null => {
    if (at === word.length) return [];
    const hit = memo.get(at);
    if (hit !== undefined) return hit;
    let result: string[][] | null = null;
    search: for (const [on, onLatin] of ONSETS) {
      if (!word.startsWith(on, at)) continue;
      for (const [v, vLatin] of VOWELS) {
        if (!word.startsWith(v, at + on.length)) continue;
        for (const [coda, cLatin] of CODAS) {
          const end = at + on.length + v.length + coda.length;
          if (!word.startsWith(coda, at + on.length + v.length)) continue;
          const next = end < word.length && word[end] === 'ь' ? end + 1 : end;
          const rest = parse(next);
          if (!rest) continue;
          // Older habit: е written for ㅓ (Чен = 정, Сен = 성, Ен = 영); with a coda ㅓ is far more likely than ㅔ.
          let vowels = vLatin;
          if (v === 'е' && coda) vowels = on ? ['o', 'e'] : ['yo', 'e'];
          else if (v === 'е' && PALATAL.has(onLatin)) vowels = ['e', 'o'];
          else if (v === 'е' && on) vowels = ['ye', 'e']; // Kontsevich е after a consonant is ㅖ or ㅔ (Хе = 혜 hye)
          const spellings = vowels.flatMap((vl) => cLatin.map((cl) => onLatin + vl + cl));
          result = [spellings, ...rest];
          break search;
        }
      }
    }
    memo.set(at, result);
    return result;
  };
  const syllables = parse(0);
  if (!syllables || !syllables.length) return undefined;
  return product(syllables.map((s) => s), '');
}

function product(parts: string[][], sep: string): string[] {
  let out = [''];
  for (const alternatives of parts) {
    const next: string[] = [];
    for (const prefix of out) for (const a of alternatives) if (next.length < MAX_READINGS) next.push(prefix ? prefix + sep + a : a);
    out = next;
  }
  return out;
}

/** Tells a Cyrillic name that reads as Korean: a Korean surname first or last, every word Korean syllables. */
export function looksKoreanCyrillic(normalized: string): boolean {
  return koreanCyrillicReadings(normalized).length > 0;
}

/**
 * Latin readings of a Korean name written in Cyrillic (lowercase, single spaces), most likely
 * first; empty when the name does not read as Korean.
 */
export function koreanCyrillicReadings(normalized: string): string[] {
  const words = normalized.split(' ').filter(Boolean);
  if (!words.length || words.length > 4 || !words.every((w) => /^[а-яё]+$/.test(w))) return [];
  const surnameAt = KOREAN_SURNAMES_CYRILLIC[words[0]] ? 0 : KOREAN_SURNAMES_CYRILLIC[words[words.length - 1]] ? words.length - 1 : -1;
  if (surnameAt < 0 || words.length < 2) return [];
  const parts: string[][] = [];
  for (const [i, w] of words.entries()) {
    if (i === surnameAt) {
      parts.push([...KOREAN_SURNAMES_CYRILLIC[w]]);
      continue;
    }
    const r = readWord(w.replace(/-/g, ''));
    if (!r) return [];
    parts.push(r);
  }
  return product(parts, ' ');
}
