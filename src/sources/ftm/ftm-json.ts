// FollowTheMoney entities as JSON lines (`entities.ftm.json`, as OpenSanctions and Aleph export them),
// and FtM delta files (`entities.delta.json`: `{"op": "ADD"|"MOD"|"DEL", "entity": {...}}`).
//
// Entity ids are kept as they are (they are the publisher's ids, not made with makeEntityId), so
// the referent of an imported entity reads `<dataset>:<id>`. Schema and property names are checked
// against the FtM model: an unknown schema is an error, an unknown property is skipped with a warning.
// The OpenSanctions `referents` (ids of the source records merged into the entity) are kept as one
// `notes` value, `first_seen`/`last_seen` ride on each statement as `firstSeen`/`lastSeen`.
//
// A plain (non-delta) file that repeats an entity id is merged (statements are additive) with a
// warning; repeating it with an incompatible schema (Person, then Vessel) is an error.
import type { StatementDraft } from '../../model/statement.ts';
import { ID_PROP } from '../../model/statement.ts';
import { SourceError } from '../../model/errors.ts';
import { getSchema, hasProperty, model, schemaIsA } from '../../model/ftm.ts';
import type { EvidenceGrade } from '../../model/grades.ts';
import type { ParseContext, ParsedItem, SourceParser } from '../types.ts';
import { logicalName } from '../io.ts';
import { readJsonLines } from './json-lines.ts';

export interface FtmReadOptions {
  /** Grade of the imported statements; OpenSanctions sanctions data restates official lists. */
  evidenceGrade?: EvidenceGrade;
  /** `note`: keep OpenSanctions referents as a `notes` value; `drop`: ignore them. */
  referents?: 'note' | 'drop';
}

const FTM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

interface RawEntity {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
  caption?: unknown;
  referents?: unknown;
  first_seen?: unknown;
  last_seen?: unknown;
}

/** Checks FtM names and collects skipped properties, to warn once per (schema, property). */
class EntityReader {
  private readonly skipped = new Map<string, { count: number; line: number }>();

  constructor(
    private readonly file: string,
    private readonly ctx: ParseContext,
    private readonly opts: FtmReadOptions,
  ) {}

  entity(value: unknown, line: number): RawEntity {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SourceError(this.file, 'expected an FtM entity object', line);
    const e = value as Record<string, unknown>;
    if (typeof e.id !== 'string' || !e.id) throw new SourceError(this.file, 'entity without an "id"', line);
    if (!FTM_ID.test(e.id)) throw new SourceError(this.file, `invalid entity id "${e.id}"`, line, e.id);
    if (typeof e.schema !== 'string') throw new SourceError(this.file, 'entity without a "schema"', line, e.id);
    if (!model.schemata[e.schema]) throw new SourceError(this.file, `unknown FtM schema "${e.schema}"`, line, e.id);
    const props = e.properties ?? {};
    if (typeof props !== 'object' || Array.isArray(props)) throw new SourceError(this.file, '"properties" is not an object', line, e.id);
    return e as unknown as RawEntity;
  }

  /** The entity's statements: id first, the caption property with the caption first, then the rest. */
  *statements(e: RawEntity, line: number): Generator<StatementDraft> {
    const base = {
      entityId: e.id,
      schema: e.schema,
      lang: null,
      locator: `${this.file}:${line}`,
      claimDate: null,
      evidenceGrade: this.opts.evidenceGrade ?? 'official',
      firstSeen: typeof e.first_seen === 'string' ? e.first_seen : null,
      lastSeen: typeof e.last_seen === 'string' ? e.last_seen : null,
    };
    yield { ...base, prop: ID_PROP, value: e.id };
    const caption = typeof e.caption === 'string' ? e.caption : undefined;
    const captionProp = caption ? getSchema(e.schema).caption.find((p) => asStrings(e.properties[p]).includes(caption)) : undefined;
    const props = Object.keys(e.properties);
    if (captionProp) props.sort((a, b) => Number(b === captionProp) - Number(a === captionProp));
    for (const prop of props) {
      if (!hasProperty(e.schema, prop)) {
        const key = `${e.schema}.${prop}`;
        const s = this.skipped.get(key);
        if (s) s.count++;
        else this.skipped.set(key, { count: 1, line });
        continue;
      }
      const raw = e.properties[prop];
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) throw new SourceError(this.file, `property "${prop}" is not a list of values`, line, e.id);
      let values = asStrings(raw);
      if (prop === captionProp) values = [caption!, ...values.filter((v) => v !== caption)];
      const seen = new Set<string>();
      for (const value of values) {
        if (!value || seen.has(value)) continue;
        seen.add(value);
        yield { ...base, prop, value };
      }
    }
    const referents = asStrings(e.referents).filter((r) => r !== e.id && !r.endsWith(`:${e.id}`));
    if (referents.length && this.opts.referents !== 'drop' && hasProperty(e.schema, 'notes')) {
      yield { ...base, prop: 'notes', value: `Referents: ${referents.join(', ')}` };
    }
  }

  finish(): void {
    for (const [key, { count, line }] of this.skipped) {
      this.ctx.warn(`${this.file}:${line}: property ${key} is not in the FtM model; skipped (${count} entit${count === 1 ? 'y' : 'ies'})`);
    }
  }
}

function asStrings(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => String(v));
}

/** Head of a file that looks like FtM entity lines (not a delta). */
function looksLikeEntities(head: string): boolean {
  const first = head.trimStart();
  return first.startsWith('{') && /"schema"\s*:/.test(first) && /"properties"\s*:/.test(first) && !/^\{\s*"op"\s*:/.test(first);
}

export function ftmJsonParser(opts: FtmReadOptions = {}): SourceParser {
  return {
    format: 'ftm-json',
    defaultDataset: 'ftm',
    title: 'FollowTheMoney entities (JSON lines)',
    publisher: 'FtM export (OpenSanctions, Aleph or other)',
    licence: 'as stated by the publisher (OpenSanctions data: CC BY-NC 4.0)',
    detect: (_fileName, head) => looksLikeEntities(head),
    async *parse(files: string[], ctx: ParseContext): AsyncGenerator<StatementDraft> {
      if (files.length === 0) throw new SourceError('(none)', 'no FtM file given');
      // Entity id -> schema and first line, to merge repeats and reject conflicting ones.
      const firstSeen = new Map<string, { schema: string; line: string }>();
      let repeats = 0;
      for (const path of files) {
        const file = logicalName(path);
        const reader = new EntityReader(file, ctx, opts);
        for await (const { value, line } of readJsonLines(path)) {
          const e = reader.entity(value, line);
          const earlier = firstSeen.get(e.id);
          if (earlier) {
            if (earlier.schema !== e.schema && !schemaIsA(earlier.schema, e.schema) && !schemaIsA(e.schema, earlier.schema)) {
              throw new SourceError(file, `entity ${e.id} repeats ${earlier.line} as ${earlier.schema} with the incompatible schema ${e.schema}`, line, e.id);
            }
            if (repeats++ < 20) ctx.warn(`${file}:${line}: entity ${e.id} repeats ${earlier.line}; merged`);
          } else firstSeen.set(e.id, { schema: e.schema, line: `${file}:${line}` });
          yield* reader.statements(e, line);
        }
        reader.finish();
      }
      if (repeats > 20) ctx.warn(`${repeats} repeated entity ids in all, merged`);
    },
  };
}

export function ftmDeltaParser(opts: FtmReadOptions = {}): SourceParser {
  return {
    format: 'ftm-delta',
    defaultDataset: 'ftm',
    title: 'FollowTheMoney entity changes (delta JSON lines)',
    publisher: 'FtM export (OpenSanctions)',
    licence: 'as stated by the publisher (OpenSanctions data: CC BY-NC 4.0)',
    delta: true,
    detect: (_fileName, head) => /^\s*\{\s*"op"\s*:\s*"(ADD|MOD|DEL)"/.test(head),
    async *parse(files: string[], ctx: ParseContext): AsyncGenerator<ParsedItem> {
      if (files.length === 0) throw new SourceError('(none)', 'no FtM delta file given');
      for (const path of files) {
        const file = logicalName(path);
        const reader = new EntityReader(file, ctx, opts);
        for await (const { value, line } of readJsonLines(path)) {
          const change = value as { op?: unknown; entity?: unknown };
          if (!change || typeof change !== 'object' || Array.isArray(change)) throw new SourceError(file, 'expected a delta object {"op", "entity"}', line);
          const op = change.op;
          if (op === 'DEL') {
            const id = (change.entity as { id?: unknown } | undefined)?.id;
            if (typeof id !== 'string' || !FTM_ID.test(id)) throw new SourceError(file, 'DEL without a valid entity id', line);
            yield { deleteEntity: id };
          } else if (op === 'ADD' || op === 'MOD') {
            yield* reader.statements(reader.entity(change.entity, line), line);
          } else {
            throw new SourceError(file, `unknown delta operation ${JSON.stringify(op)} (expected ADD, MOD or DEL)`, line);
          }
        }
        reader.finish();
      }
    },
  };
}

export const ftmJson = ftmJsonParser();
export const ftmDelta = ftmDeltaParser();

/**
 * The dataset an FtM file's entities name, when they all name the same one (read from the first
 * `sample` entities): lets an import default to `eu_fsf` for OpenSanctions' eu_fsf export.
 */
export async function ftmDatasetOf(path: string, sample = 200): Promise<string | undefined> {
  const names = new Set<string>();
  let n = 0;
  for await (const { value } of readJsonLines(path)) {
    const v = value as { entity?: { datasets?: unknown }; datasets?: unknown };
    for (const d of asStrings((v.entity ?? v).datasets)) names.add(d);
    if (names.size > 1 || ++n >= sample) break;
  }
  return names.size === 1 ? [...names][0] : undefined;
}
