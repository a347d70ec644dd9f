// Parsing of request parameters shared by the HTTP routes and the CLI: numbers with bounds and
// repeated list parameters, with errors that name the parameter.
import { ValidationError } from './errors.ts';

export function numberParam(
  raw: unknown,
  field: string,
  fallback: number,
  bounds: { min: number; max: number; integer?: boolean },
): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new ValidationError(field, `must be a number, got "${String(raw).slice(0, 40)}"`);
  if (bounds.integer && !Number.isInteger(value)) throw new ValidationError(field, 'must be a whole number');
  if (value < bounds.min || value > bounds.max) throw new ValidationError(field, `must be between ${bounds.min} and ${bounds.max}`);
  return value;
}

/** `?x=a&x=b`, `?x=a,b` and JSON arrays all give ['a', 'b']. */
/** The items of a comma-separated list (ids, relationship types), trimmed, empty ones dropped. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function listParam(raw: unknown, field: string): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const items = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') throw new ValidationError(field, 'must be a string or a list of strings');
    for (const v of commaList(item)) if (!out.includes(v)) out.push(v);
  }
  if (out.length > 100) throw new ValidationError(field, 'too many values (limit 100)');
  return out;
}
