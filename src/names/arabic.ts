// Arabic script → Latin, and the shape of Arabic names in Latin (al-/el-, Abd al-/Abdul, bin/ibn).
// Arabic script is written without short vowels, so a rule-based reading is consonantal; common
// names come from a table with their usual vowels, and the rest is compared by consonant skeleton.

export function hasArabic(s: string): boolean {
  return /[\u0600-\u06ff\u0750-\u077f]/.test(s);
}

const LETTERS: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh',
  ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k',
  ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'w', ي: 'y', ى: 'a', ء: '', ئ: '', ؤ: '', پ: 'p', چ: 'ch',
  ژ: 'zh', گ: 'g', ک: 'k', ی: 'y', ە: 'a', ہ: 'h', ۃ: 'a', ے: 'e', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ھ: 'h',
};

/** Whole words with their customary spelling (the vowels the script does not write). */
const WORDS: Record<string, string> = {
  محمد: 'muhammad', احمد: 'ahmad', أحمد: 'ahmad', محمود: 'mahmud', علي: 'ali', عبد: 'abd', الله: 'allah', عبدالله: 'abdullah',
  حسن: 'hasan', حسين: 'husayn', عمر: 'umar', عثمان: 'uthman', يوسف: 'yusuf', ابراهيم: 'ibrahim', إبراهيم: 'ibrahim',
  اسماعيل: 'ismail', إسماعيل: 'ismail', خالد: 'khalid', سعيد: 'said', صالح: 'salih', مصطفى: 'mustafa', جمال: 'jamal',
  طارق: 'tariq', عزيز: 'aziz', صدام: 'saddam', طه: 'taha', ياسين: 'yasin', سلطان: 'sultan', هاشم: 'hashim',
  سليمان: 'sulayman', ناصر: 'nasir', فيصل: 'faysal', منصور: 'mansur', حمزة: 'hamza', عادل: 'adil', فاطمة: 'fatima',
  عائشة: 'aisha', ابو: 'abu', أبو: 'abu', بن: 'bin', بنت: 'bint', ابن: 'ibn', الدين: 'al din', الرحمن: 'al rahman',
  الرحيم: 'al rahim', الكريم: 'al karim', العزيز: 'al aziz', عبيد: 'ubayd', زيد: 'zayd', سيف: 'sayf', جعفر: 'jafar',
  قاسم: 'qasim', عباس: 'abbas', اسامة: 'usama', أسامة: 'usama', بكر: 'bakr', حامد: 'hamid', ماجد: 'majid', رشيد: 'rashid',
  وليد: 'walid', خليل: 'khalil', نور: 'nur', حبيب: 'habib', كريم: 'karim', رحمن: 'rahman', امين: 'amin', أمين: 'amin',
  ابراهيم_: 'ibrahim', عزت: 'izzat', مجيد: 'majid', رمضان: 'ramadan', فليح: 'fulayh', موسى: 'musa', عيسى: 'isa',
  يحيى: 'yahya', زكريا: 'zakariya', اسحاق: 'ishaq', يعقوب: 'yaqub', داود: 'dawud', مالك: 'malik', انور: 'anwar',
  هادي: 'hadi', مهدي: 'mahdi', سالم: 'salim', سليم: 'salim', شريف: 'sharif', عمار: 'ammar', ياسر: 'yasir',
  محسن: 'muhsin', حسني: 'husni', مراد: 'murad', نصر: 'nasr', الحاج: 'al hajj', حاجي: 'haji', ملا: 'mulla',
};

/** Persian and Urdu letter forms of the Arabic ones (ی ک ہ ۃ), so the word table knows الدین and اللہ. */
const ARABIC_FORM: Record<string, string> = { ی: 'ي', ک: 'ك', ہ: 'ه', ۃ: 'ة', ھ: 'ه' };

/** A consonantal reading of one Arabic word: known words by table, the rest letter by letter. */
function romanizeArabicWord(written: string): string {
  const word = written.replace(/[یکہۃھ]/g, (ch) => ARABIC_FORM[ch]);
  const known = WORDS[word];
  if (known) return known;
  // The article: ال + word (sun letters assimilate in speech, lists write both al- and as-).
  if (word.length > 3 && word.startsWith('ال')) {
    const rest = word.slice(2);
    return 'al ' + (WORDS[rest] ?? romanizeLetters(rest));
  }
  if (word.length > 3 && (word.startsWith('عبد') || word.startsWith('ابو') || word.startsWith('أبو'))) {
    const head = word.startsWith('عبد') ? 'abd' : 'abu';
    let rest = word.slice(3);
    if (rest.startsWith('ال')) rest = rest.slice(2);
    return `${head} al ${WORDS[rest] ?? romanizeLetters(rest)}`;
  }
  return romanizeLetters(word);
}

function romanizeLetters(word: string): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === 'ّ') continue; // shadda: doubling does not change the skeleton
    let t = LETTERS[ch] ?? ch;
    // و and ي between consonants are long vowels.
    if (ch === 'و' && i > 0) t = 'u';
    if ((ch === 'ي' || ch === 'ی') && i > 0 && i < chars.length - 1) t = 'i';
    if ((ch === 'ي' || ch === 'ی') && i === chars.length - 1 && i > 0) t = 'i';
    out += t;
  }
  return out;
}

/** Reads an Arabic-script name into Latin; mark the result as vowel-less for comparison. */
export function romanizeArabic(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/[\u0600-\u06ff]/.test(w) ? romanizeArabicWord(w) : w))
    .join(' ');
}

/** Article forms, including the sun-letter assimilations (ar-Rahman, as-Sayyid, ash-Shami). */
const ARTICLES = new Set(['al', 'el', 'ul']);
const ASSIMILATED = new Set(['ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath', 'adh', 'ed', 'er', 'es', 'et', 'ez', 'en', 'ud', 'ur', 'us', 'ut', 'uz', 'un']);

/**
 * Reshapes Latin tokens of Arabic names: `abd al rahman`, `abdul rahman`, `abdurrahman`,
 * `abdel rahman` → `abdul rahman`; joined articles `alhashimi` stay joined (the matcher also
 * splits them); assimilated articles (`ar rahman`) become `al`.
 */
export function reshapeArabicTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t === 'abd' || t === 'abdu' || t === 'abdi') {
      if (next && (ARTICLES.has(next) || ASSIMILATED.has(next))) i++;
      out.push('abdul');
      continue;
    }
    if (t === 'abdul' || t === 'abdel' || t === 'abdal' || t === 'abdol' || t === 'abdoul' || t === 'abdur' || t === 'abdar' || t === 'abdus' || t === 'abdas' || t === 'abduh') {
      out.push('abdul');
      continue;
    }
    const joined = /^abd(?:ul|el|al|ol|oul|ur|ar|us|as|ush|ash|ud|ad|un|an|uz|az|ut|at|u|e|a|i|o)(.+)$/.exec(t);
    if (joined && t.length >= 7 && !/^(?:l?lah?i?|allah|ullah|illah|ellah)$/.test(joined[1])) {
      let rest = joined[1];
      // abdurrahman: the doubled sun letter belongs to the article
      if (rest.length > 3 && rest[0] === rest[1]) rest = rest.slice(1);
      out.push('abdul', rest);
      continue;
    }
    if (/^abd(?:ul|el|al|ol|oul|u|e|a|i)?l+ah?i?$/.test(t)) {
      out.push('abdullah');
      continue;
    }
    if (ASSIMILATED.has(t) && next && next.length > 2 && next.startsWith(t.slice(1)) && out.length > 0) {
      out.push('al');
      continue;
    }
    out.push(t);
  }
  return out;
}

// Names compounded with al-Din and Allah, as lists write them apart or together: Jalal al-Din,
// Jalal ud-Din, Jalaluddin, Jalaludin, Noureddine, Fazal Din; Najib Allah, Najibullah, Hezbollah.
// Each becomes one word with one ending (jalaluddin, najibullah), so the spellings differ only
// where the given part does; the Arabic script's جلال الدين reads `jlal al din` and joins the same way.
const DIN = /^(?:din|deen|dine|(?:ou|u|e|a|i|o)dd?(?:in|een|ine)|(?:al|el|ul)d(?:in|een|ine))$/;
const DIN_ARTICLE = new Set(['al', 'el', 'ul', 'ud', 'ad', 'ed', 'id', 'od']);
const ALLAH = /^(?:allah|ullah|ollah|illah|ulla|olla|ulah)$/;
const DIN_ENDING = /^([a-z]{3,}?)(?:(?:ou|u|e|a|i|o)dd(?:in|een|ine)|(?:ou|u)d(?:in|een)|(?:e|i|a)deen|(?:al|el|ul)d(?:in|een))$/;
const ALLAH_ENDING = /^([a-z]{3,}?)(?:ullah|ollah|allah|illah|ulla|olla|ulah)$/;
const ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdu', 'abdi']);
const NOT_STEMS = new Set(['bin', 'ben', 'ibn', 'bint', 'abu', 'abou', 'umm', 'haji', 'hajji', 'mulla', 'mullah', 'sheikh', 'shaykh']);

/** Joins a name compounded with al-Din or Allah into one word of one spelling (see above). */
export function joinCompoundNames(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out.length ? out[out.length - 1] : undefined;
    // Two letters suffice: a consonantal reading writes Sa'd as `sd`.
    const stem = prev !== undefined && prev.length >= 2 && !DIN_ARTICLE.has(prev) && !ABD.has(prev) && !NOT_STEMS.has(prev) && /^[a-z]+$/.test(prev) ? prev : undefined;
    if (stem && DIN_ARTICLE.has(t) && tokens[i + 1] !== undefined && DIN.test(tokens[i + 1])) {
      out[out.length - 1] = stem + 'uddin';
      i++;
      continue;
    }
    if (stem && DIN.test(t)) {
      out[out.length - 1] = stem + 'uddin';
      continue;
    }
    if (prev !== undefined && ALLAH.test(t)) {
      if (ABD.has(prev)) out[out.length - 1] = 'abdullah';
      else if (stem) out[out.length - 1] = stem + 'ullah';
      else out.push(t);
      continue;
    }
    const din = DIN_ENDING.exec(t);
    if (din && !ABD.has(din[1])) {
      out.push(din[1] + 'uddin');
      continue;
    }
    const allah = ALLAH_ENDING.exec(t);
    out.push(allah && !/^abd/.test(allah[1]) ? allah[1] + 'ullah' : t);
  }
  return out;
}

export function isArticle(token: string): boolean {
  return ARTICLES.has(token);
}
