// What a parser yields and the store takes in: statements, and for delta formats, deletions.
import type { StatementDraft } from './statement.ts';

/**
 * Delta formats (FtM `ADD`/`MOD`/`DEL`) build the new version on the previous live one: an entity
 * whose statements appear in the delta replaces its old statements; a deletion removes it.
 */
export interface EntityDeletion {
  deleteEntity: string;
}

export type ParsedItem = StatementDraft | EntityDeletion;

export function isDeletion(item: ParsedItem): item is EntityDeletion {
  return (item as EntityDeletion).deleteEntity !== undefined;
}
