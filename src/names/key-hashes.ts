// Key families and hashed key lists: the shapes keys.ts makes and tokens.ts keeps on its tokens,
// in a module of their own so the two need not import each other.

/** Key families, by the letter before the colon: how an index weighs and groups a key. */
export enum KeyFamily {
  Other = 0,
  Phonetic = 1, // k:
  Variant = 2, // c:
  Skeleton = 3, // s:
  Arabic = 4, // a:
  TextDeletion = 5, // t: (the text and its one-deletions)
  KeyDeletion = 6, // d: (the phonetic key and its one-deletions)
  Identifier = 7, // id:
  Attribute = 8, // b: (a birth year: ranks people who share a name, never finds one alone)
}

/** A list of key hashes and their families, in step; shared by every name with the same token. */
export interface KeyHashes {
  hashes: Uint32Array;
  families: Uint8Array;
  /** Made while names were kept (see memo.ts): the list is shared and worth resolving once. */
  kept: boolean;
}
