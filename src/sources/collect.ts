// Runs a parser to completion in memory: for tests, validation and small files.
import type { StatementDraft } from '../model/statement.ts';
import { ID_PROP } from '../model/statement.ts';
import { commonSchema, captionOf, type FtmEntity } from '../model/entity.ts';
import { isDeletion, type SourceParser } from './types.ts';

export interface Collected {
  statements: StatementDraft[];
  deletions: string[];
  published?: string;
  warnings: string[];
}

export async function collect(parser: SourceParser, files: string[], dataset = parser.defaultDataset): Promise<Collected> {
  const out: Collected = { statements: [], deletions: [], warnings: [] };
  const ctx = {
    dataset,
    published: (date: string) => void (out.published = date),
    warn: (message: string) => void out.warnings.push(message),
  };
  for await (const item of parser.parse(files, ctx)) {
    if (isDeletion(item)) out.deletions.push(item.deleteEntity);
    else out.statements.push(item);
  }
  return out;
}

/** Group drafts into FtM entities by entity id (no provenance), keyed by id. */
export function entitiesOf(statements: StatementDraft[]): Map<string, FtmEntity> {
  const byId = new Map<string, FtmEntity>();
  for (const s of statements) {
    let e = byId.get(s.entityId);
    if (!e) byId.set(s.entityId, (e = { id: s.entityId, schema: s.schema, properties: {} }));
    e.schema = commonSchema(e.schema, s.schema);
    if (s.prop === ID_PROP) continue;
    const values = (e.properties[s.prop] ??= []);
    if (!values.includes(s.value)) values.push(s.value);
  }
  for (const e of byId.values()) e.caption = captionOf(e);
  return byId;
}
