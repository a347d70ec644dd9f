// Public figures' names as their own countries' (or Japanese and Chinese) media write them, beside
// the English spelling: labelled pairs for the scripts round 2 added (issue 17). Each name meets its
// own English form (a match) and every other one of its script (no match).
export const SCRIPT_NAMES: Record<string, [string, string][]> = {
  Armenian: [
    ['Նիկոլ Փաշինյան', 'Nikol Pashinyan'], ['Սերժ Սարգսյան', 'Serzh Sargsyan'], ['Ռոբերտ Քոչարյան', 'Robert Kocharyan'],
    ['Լևոն Տեր-Պետրոսյան', 'Levon Ter-Petrosyan'], ['Արարատ Միրզոյան', 'Ararat Mirzoyan'], ['Գագիկ Ծառուկյան', 'Gagik Tsarukyan'],
    ['Սամվել Կարապետյան', 'Samvel Karapetyan'], ['Վահագն Խաչատուրյան', 'Vahagn Khachaturyan'], ['Բարակ Օբամա', 'Barack Obama'],
  ],
  Georgian: [
    ['ბიძინა ივანიშვილი', 'Bidzina Ivanishvili'], ['მიხეილ სააკაშვილი', 'Mikheil Saakashvili'], ['ირაკლი ღარიბაშვილი', 'Irakli Garibashvili'],
    ['ედუარდ შევარდნაძე', 'Eduard Shevardnadze'], ['ირაკლი კობახიძე', 'Irakli Kobakhidze'], ['გიორგი გახარია', 'Giorgi Gakharia'],
    ['ვლადიმერ პუტინი', 'Vladimir Putin'], ['ბარაკ ობამა', 'Barack Obama'],
  ],
  katakana: [
    ['ウラジーミル・プーチン', 'Vladimir Putin'], ['ドナルド・トランプ', 'Donald Trump'], ['ヒラリー・クリントン', 'Hillary Clinton'],
    ['アンゲラ・メルケル', 'Angela Merkel'], ['エマニュエル・マクロン', 'Emmanuel Macron'], ['ジョー・バイデン', 'Joe Biden'],
    ['ボリス・ジョンソン', 'Boris Johnson'], ['セルゲイ・ラブロフ', 'Sergey Lavrov'], ['アリー・ハメネイ', 'Ali Khamenei'], ['バラク・オバマ', 'Barack Obama'],
  ],
  // Hindi and Nepali media spellings; the last three are UN-listed (Dawood Ibrahim, Hafiz Saeed, Masood Azhar).
  Devanagari: [
    ['नरेन्द्र मोदी', 'Narendra Modi'], ['राहुल गांधी', 'Rahul Gandhi'], ['अमित शाह', 'Amit Shah'], ['अरविन्द केजरीवाल', 'Arvind Kejriwal'],
    ['मनमोहन सिंह', 'Manmohan Singh'], ['पुष्प कमल दाहाल', 'Pushpa Kamal Dahal'], ['शेर बहादुर देउबा', 'Sher Bahadur Deuba'],
    ['व्लादिमीर पुतिन', 'Vladimir Putin'], ['बराक ओबामा', 'Barack Obama'], ['दाऊद इब्राहिम', 'Dawood Ibrahim'], ['हाफ़िज़ मोहम्मद सईद', 'Hafiz Muhammad Saeed'],
    ['मसूद अज़हर', 'Masood Azhar'],
  ],
  'Han by sound': [
    ['弗拉基米尔·普京', 'Vladimir Putin'], ['唐纳德·特朗普', 'Donald Trump'], ['希拉里·克林顿', 'Hillary Clinton'], ['安格拉·默克尔', 'Angela Merkel'],
    ['埃马纽埃尔·马克龙', 'Emmanuel Macron'], ['乔·拜登', 'Joe Biden'], ['鲍里斯·约翰逊', 'Boris Johnson'], ['谢尔盖·拉夫罗夫', 'Sergey Lavrov'],
    ['阿里·哈梅内伊', 'Ali Khamenei'], ['贝拉克·奥巴马', 'Barack Obama'],
  ],
};
