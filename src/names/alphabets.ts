// Armenian and Georgian: alphabets with one Latin spelling per letter.
// Armenian: ISO 9985 (1996), its diacritics written the way English-language lists spell the
// sounds (ž → zh, š → sh, x → kh, c → ts, č → ch, ǰ → j, ġ → gh; aspirate marks dropped), with
// BGN/PCGN's initial ե → ye and ո → vo and the digraph ու → u.
// Georgian: the national system of 2002 (Georgian State Language Department, also BGN/PCGN 2009),
// ejective apostrophes dropped (კ and ქ are both k).

const ARMENIAN: Record<string, string> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'e', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'ts',
  կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r',
  ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'v', փ: 'p', ք: 'k', օ: 'o', ֆ: 'f', և: 'ev',
};

const GEORGIAN: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts',
  ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};

export function hasArmenian(s: string): boolean {
  return /[\u0531-\u0587]/.test(s);
}

export function hasGeorgian(s: string): boolean {
  return /[\u10a0-\u10ff\u1c90-\u1cbf]/.test(s);
}

/** `բարակ օբամա` → `barak obama`, `երևան` → `yerevan`. Expects lowercase text. */
export function romanizeArmenian(s: string): string {
  return s
    .replace(/ու/g, 'u')
    .replace(/(^|\s)ե/g, '$1ye')
    .replace(/(^|\s)ո/g, '$1vo')
    .replace(/[\u0561-\u0587]/g, (c) => ARMENIAN[c] ?? c);
}

/** `ბარაკ ობამა` → `barak obama`. Expects lowercase text (Mtavruli capitals fold to Mkhedruli). */
export function romanizeGeorgian(s: string): string {
  return s.replace(/[\u10d0-\u10ff]/g, (c) => GEORGIAN[c] ?? c);
}
