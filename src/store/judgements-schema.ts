// The resolver's tables (issue 12), created beside the statements by the store's migration: judgements
// are append-only (a later judgement on the same pair wins; nothing is updated or deleted), and xref
// candidates are a replaceable cache of the last cross-reference run.
import type { Generated, Kysely } from 'kysely';
import { ensureIndex } from './ddl.ts';

export interface JudgementsTable {
  seq: Generated<number>;
  left_id: string;
  right_id: string;
  /** same, not_same, unsure, or undo (withdraws the pair's earlier judgements). */
  judgement: string;
  author: string;
  created_at: string;
  reason: string;
  /** JSON: what the judgement was based on (matched names, identifiers, an official cross-reference). */
  based_on: string;
  /** 1 for machine judgements (xref, official cross-references), 0 for people. */
  machine: number;
  score: number | null;
}

export interface XrefCandidatesTable {
  left_id: string;
  right_id: string;
  score: number;
  left_dataset: string;
  right_dataset: string;
  /** JSON: the explanation (names, identifiers, conflicts). */
  explanation: string;
  /** 1 when an official cross-reference is contradicted by names, dates or identifiers. */
  flagged: number;
  created_at: string;
}

export interface ResolveTables {
  judgements: JudgementsTable;
  xref_candidates: XrefCandidatesTable;
}

export async function migrateResolve(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  let judgements = db.schema.createTable('judgements').ifNotExists();
  judgements =
    engine === 'postgres'
      ? judgements.addColumn('seq', 'serial', (c) => c.primaryKey())
      : judgements.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  await judgements
    .addColumn('left_id', 'text', (c) => c.notNull())
    .addColumn('right_id', 'text', (c) => c.notNull())
    .addColumn('judgement', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('based_on', 'text', (c) => c.notNull())
    .addColumn('machine', 'integer', (c) => c.notNull())
    .addColumn('score', engine === 'postgres' ? 'double precision' : 'real')
    .execute();
  await ensureIndex(db, 'judgements_pair', (index) => index.on('judgements').columns(['left_id', 'right_id']));
  await db.schema
    .createTable('xref_candidates')
    .ifNotExists()
    .addColumn('left_id', 'text', (c) => c.notNull())
    .addColumn('right_id', 'text', (c) => c.notNull())
    .addColumn('score', engine === 'postgres' ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('left_dataset', 'text', (c) => c.notNull())
    .addColumn('right_dataset', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('xref_candidates_pk', ['left_id', 'right_id'])
    .execute();
  await ensureIndex(db, 'xref_candidates_score', (index) => index.on('xref_candidates').columns(['score']));
}
