// JSON lines, streamed: one parsed value per non-blank line, with its 1-based line number.
import { SourceError } from '../../model/errors.ts';
import { linesOf, logicalName, openBytes } from '../io.ts';
import { decodeText } from '../csv-records.ts';

export interface JsonLine {
  value: unknown;
  line: number;
}

export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const file = logicalName(path);
  let any = false;
  const text = decodeText(openBytes(path), file, 'utf8');
  for await (const { line: raw, lineNo } of linesOf(text, file, (e) => `cannot read file: ${e.message}`)) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      throw new SourceError(file, `malformed JSON: ${(e as Error).message}`, lineNo);
    }
    any = true;
    yield { value, line: lineNo };
  }
  if (!any) throw new SourceError(file, 'empty file: no JSON lines');
}
