// The language of a name written in its original script, where the script alone tells it
// (FtM language codes, ISO 639-3). Arabic script is shared by Arabic, Persian/Dari and Pashto:
// names using letters Arabic lacks (پ چ ژ گ ک ی, Pashto ټ ځ څ ډ ړ ږ ښ ڼ) are left without a
// language rather than guessed, which is most Taliban entries.

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u4e00-\u9fff\u3400-\u4dbf]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f]/;
const NOT_ARABIC_LANGUAGE = /[\u067e\u0686\u0698\u06af\u06a9\u06cc\u067c\u0681\u0685\u0689\u0693\u0696\u069a\u06bc]/;
const GREEK = /[\u0370-\u03ff]/;
const HEBREW = /[\u0590-\u05ff]/;
const GEORGIAN = /[\u10a0-\u10ff]/;
const ARMENIAN = /[\u0530-\u058f]/;

export function scriptLanguage(name: string): string | undefined {
  if (HANGUL.test(name)) return 'kor';
  if (KANA.test(name)) return 'jpn';
  if (HAN.test(name)) return 'zho';
  if (CYRILLIC.test(name)) return /[ўЎ]/.test(name) ? 'bel' : /[іїєґІЇЄҐ]/.test(name) ? 'ukr' : 'rus';
  if (ARABIC.test(name)) return NOT_ARABIC_LANGUAGE.test(name) ? undefined : 'ara';
  if (GREEK.test(name)) return 'ell';
  if (HEBREW.test(name)) return 'heb';
  if (GEORGIAN.test(name)) return 'kat';
  if (ARMENIAN.test(name)) return 'hye';
  return undefined;
}
