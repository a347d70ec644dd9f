// The names room: normalisation, transliteration, phonetic keys, variant tables, legal forms.
export { normalizeName, editDistance, isAsciiName } from './normalize.ts';
export { latinReadings, latinVariants, type LatinReading } from './transliterate.ts';
export { tokenize, prepareName, makeToken, nameKindOf, type NameKind, type NameToken, type PreparedName, type TokenKind } from './tokens.ts';
export { phoneticKey, skeletonKey } from './phonetic.ts';
export { nameKeys } from './keys.ts';
export { tokenSimilarity, typoBudget, type TokenLink, type TokenSimilarity } from './similarity.ts';
export { splitLegalForms, compareLegalForms, LEGAL_FAMILY, type LegalClass } from './legal.ts';
export { decomposeSyllable, romanizeSyllable, romanizeWord, romanizeHangulName, hasHangul, KOREAN_SURNAMES, KOREAN_SURNAME_CLASS } from './hangul.ts';
export { romanizeCyrillic, masculineOf, hasCyrillic, CYRILLIC_SYSTEM_NAMES, type CyrillicSystem } from './cyrillic.ts';
export { romanizeHan, wadeGilesToPinyin, pinyinOf, hasHan, HAN_TABLE_SIZE } from './han.ts';
export { romanizeArabic, reshapeArabicTokens, hasArabic } from './arabic.ts';
export { variantClasses, sharedVariantClass } from './variants.ts';
export { tokenWeight, keyCount } from './frequency.ts';
