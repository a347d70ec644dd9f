// Judgements as JSON lines in the shape of nomenklatura's resolver (`Edge.to_dict`), so they move
// between Interdict and the OpenSanctions tool chain: `target` is the greater id, `source` the
// smaller, `judgement` positive | negative | unsure | no_judgement. Interdict's own fields (reason,
// based_on, machine) ride along; nomenklatura ignores them.
import { SourceError } from '../model/errors.ts';
import { ValidationError } from '../model/errors.ts';
import { parseVerdict, type Judgement, type JudgementInput, type Verdict } from './judgements.ts';

const TO_NOMENKLATURA: Record<Verdict, string> = { same: 'positive', not_same: 'negative', unsure: 'unsure', undo: 'no_judgement' };

export function judgementLine(j: Judgement): string {
  const [source, target] = j.left < j.right ? [j.left, j.right] : [j.right, j.left];
  return JSON.stringify({
    target,
    source,
    judgement: TO_NOMENKLATURA[j.verdict],
    score: j.score,
    user: j.author,
    created_at: j.createdAt,
    deleted_at: null,
    reason: j.reason,
    based_on: j.basedOn,
    machine: j.machine,
  });
}

/** Parses JSON lines; any bad line refuses the file, naming the line and field. */
export function parseJudgementLines(text: string, file: string): JudgementInput[] {
  const out: JudgementInput[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new SourceError(file, 'not a JSON object', i + 1);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new SourceError(file, 'not a JSON object', i + 1);
    if (raw.deleted_at) continue; // withdrawn in nomenklatura: not a judgement in force
    try {
      const left = raw.source ?? raw.left_id ?? raw.left;
      const right = raw.target ?? raw.right_id ?? raw.right;
      if (typeof left !== 'string' || !left) throw new ValidationError('source', 'an entity id is required');
      if (typeof right !== 'string' || !right) throw new ValidationError('target', 'an entity id is required');
      const user = raw.user ?? raw.author;
      if (typeof user !== 'string' || !user.trim()) throw new ValidationError('user', 'an author is required');
      const created = raw.created_at ?? raw.timestamp;
      out.push({
        left,
        right,
        verdict: parseVerdict(raw.judgement),
        author: user,
        reason: typeof raw.reason === 'string' ? raw.reason : '',
        basedOn: raw.based_on ?? null,
        machine: raw.machine === true,
        score: typeof raw.score === 'number' ? raw.score : null,
        createdAt: typeof created === 'string' ? created : undefined,
      });
    } catch (error) {
      if (error instanceof ValidationError) throw new SourceError(file, error.message, i + 1);
      throw error;
    }
  }
  return out;
}
