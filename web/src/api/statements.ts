// Analyst claims on an entity (POST /statements): a value, its source and its grade.
import type { paths } from '../api-types.ts';
import { post } from './http.ts';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
export type StatementsBody = Json<NonNullable<paths['/statements']['post']['requestBody']>>;
export type StatementDraft = NonNullable<StatementsBody['statements']>[number];
export type AddedStatements = Json<paths['/statements']['post']['responses'][201]>;

/** `dataset`: a workspace (its id, `ws_…`) the analyst belongs to; default: the shared analyst dataset. */
export const addStatements = (statements: StatementDraft[], dataset?: string) => post<AddedStatements>('/statements', { statements, dataset });
