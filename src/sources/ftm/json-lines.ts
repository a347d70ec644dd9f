// JSON lines, streamed: one parsed value per non-blank line, with its 1-based line number.
import { SourceError } from '../../model/errors.ts';
import { logicalName, openBytes } from '../io.ts';
import { decodeText } from '../csv-records.ts';

export interface JsonLine {
  value: unknown;
  line: number;
}

export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const file = logicalName(path);
  let rest = '';
  let line = 0;
  let any = false;
  const parse = (text: string): JsonLine | undefined => {
    line++;
    const trimmed = text.trim();
    if (!trimmed) return undefined;
    try {
      any = true;
      return { value: JSON.parse(trimmed), line };
    } catch (e) {
      throw new SourceError(file, `malformed JSON: ${(e as Error).message}`, line);
    }
  };
  try {
    for await (const chunk of decodeText(openBytes(path), file, 'utf8')) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) {
        const item = parse(part);
        if (item) yield item;
      }
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file, `cannot read file: ${(e as Error).message}`, line || undefined);
  }
  const last = parse(rest);
  if (last) yield last;
  if (!any) throw new SourceError(file, 'empty file: no JSON lines');
}
