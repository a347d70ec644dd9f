// Which datasets a reader may see (issue 13: confidential workspaces, API keys limited to datasets).
// Domain rooms take it as a plain predicate, so they need not know who asks or why.
import type { Statement } from './statement.ts';

/** Whether the reader may see a dataset's statements; null: every dataset (nothing to filter). */
export type Sees = ((dataset: string) => boolean) | null;

/** Whether anything of an entity with these datasets shows: one visible dataset is enough. */
export function seesAny(sees: Sees, datasets: readonly string[] | undefined): boolean {
  return sees === null || (datasets ?? []).some(sees);
}

/** The statements the reader may see. */
export function visibleStatements(sees: Sees, statements: Statement[]): Statement[] {
  return sees === null ? statements : statements.filter((s) => sees(s.dataset));
}

/** The dataset names the reader may see, in their order. */
export function visibleDatasets(sees: Sees, datasets: readonly string[]): string[] {
  return sees === null ? [...datasets] : datasets.filter(sees);
}
