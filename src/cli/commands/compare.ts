// `interdict compare`: score labelled pairs with the matcher. JSON lines in
// ({"schema": "Person", "a": {"name": [...]}, "b": {...}}), one {"score","match","explanations"}
// line out per pair, in order; a line that cannot be read gets {"error","line"} in its place.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ValidationError } from '../../model/errors.ts';
import { algorithmNames, DEFAULT_ALGORITHM, resolveAlgorithm } from '../../screening/algorithms.ts';
import { numberParam } from '../../model/params.ts';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('compare')
    .description('score pairs of entities with the matcher: JSON lines {"schema","a","b"} in, {"score","match","explanations"} out')
    .argument('[file]', 'JSON-lines file of pairs (default: stdin)')
    .option('--threshold <score>', 'score at which a pair is a match (default: the matcher\'s)')
    .option('--algorithm <name>', `matcher: ${algorithmNames().join(', ')} (default ${DEFAULT_ALGORITHM})`)
    .action(async (file: string | undefined, flags: { threshold?: string; algorithm?: string }) => {
      if (file && file !== '-' && !existsSync(file)) throw new ValidationError('file', `no such file: ${file}`);
      const { loadEngine } = await import('../../screening/engine.ts');
      const { comparePair } = await import('../run/compare-pair.ts');
      const engine = await loadEngine();
      const threshold = numberParam(flags.threshold, '--threshold', engine.defaultThreshold, { min: 0, max: 1 });
      const algorithm = resolveAlgorithm(flags.algorithm, '--algorithm');
      const input = file && file !== '-' ? createReadStream(file) : process.stdin;
      let line = 0;
      let bad = 0;
      for await (const text of createInterface({ input, crlfDelay: Infinity })) {
        line++;
        if (!text.trim()) continue;
        try {
          ctx.out(JSON.stringify(comparePair(engine, JSON.parse(text), threshold, algorithm)));
        } catch (err) {
          bad++;
          const message = err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message;
          ctx.err(`${file ?? 'stdin'}:${line}: ${message}`);
          ctx.out(JSON.stringify({ error: message, line }));
        }
      }
      if (bad) ctx.err(`${bad} of ${line} lines could not be compared`);
    });
}
