// Parameters and request-body fields are snake_case on the API (as yente's are), while domain code
// names its fields in camelCase. A domain error about a field is re-raised under the name the
// client sent, and a parameter under its old camelCase name is refused by name rather than ignored
// (an ignored `minGrade` would silently widen an answer).
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../model/errors.ts';

export type ParamNames = Readonly<Record<string, string>>;

/** The same error, naming the API's field instead of the domain's (`statements[0].evidenceGrade` → `statements[0].evidence_grade`). */
export function apiNamed(error: unknown, names: ParamNames): unknown {
  if (!(error instanceof ValidationError)) return error;
  const segments = error.field.split('.');
  // `properties.<prop>` names an FtM property: never renamed.
  if (segments[0] === 'properties') return error;
  const field = segments.map((s) => s.replace(/^[A-Za-z]+/, (name) => names[name] ?? name)).join('.');
  const detail = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  const renamed = detail.replace(/\b[A-Za-z]+\b/g, (word) => names[word] ?? word);
  if (field === error.field && renamed === detail) return error;
  const Same = error.constructor as new (field: string, detail: string) => ValidationError;
  return new Same(field, renamed);
}

/** Runs a domain call, naming fields in its errors as the API does. */
export async function withApiNames<T>(names: ParamNames, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw apiNamed(error, names);
  }
}

/**
 * A preValidation hook refusing the old names of renamed query parameters and body fields (400
 * naming the field); `lists` names body arrays whose items are checked too (`statements`).
 */
export function refuseOldNames(names: ParamNames, lists: readonly string[] = []) {
  const oldIn = (o: unknown) => (o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(names).find((name) => name in o) : undefined);
  return async (req: FastifyRequest): Promise<void> => {
    const fields: [string, unknown][] = [['', req.query], ['', req.body]];
    for (const list of lists) {
      const items = (req.body as Record<string, unknown> | undefined)?.[list];
      if (Array.isArray(items)) items.forEach((item, i) => fields.push([`${list}[${i}].`, item]));
    }
    for (const [prefix, o] of fields) {
      const old = oldIn(o);
      if (old) throw new ValidationError(`${prefix}${old}`, `this field is now called ${names[old]}`);
    }
  };
}
