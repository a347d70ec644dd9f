// The resolver over HTTP: xref candidates to review and judgements to record (src/resolve/).
import type { FastifyInstance } from 'fastify';
import { authorOf } from '../../graph/edits.ts';
import { ValidationError } from '../../model/errors.ts';
import { parseVerdict, type JudgementInput } from '../../resolve/judgements.ts';
import { resolverFor } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';

const AUTHOR_HEADER = 'x-interdict-author';
const MAX_JUDGEMENTS = 1000;

const judgementProps = {
  left: { type: 'string', maxLength: 512, description: 'entity id, referent (`us_ofac_sdn:12211`) or canonical id' },
  right: { type: 'string', maxLength: 512 },
  judgement: { type: 'string', description: 'same, not-same, unsure or undo (nomenklatura: positive, negative, unsure, no_judgement)' },
  reason: { type: 'string', maxLength: 2000 },
  based_on: { description: 'what the judgement rests on (free JSON)' },
  score: { type: 'number' },
} as const;

export async function resolveRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const resolver = resolverFor(ctx.store);

  app.get(
    '/xref/candidates',
    {
      schema: {
        summary: 'Candidate pairs of records that may be one target, best score first, with their evidence, conflicts and status',
        tags: ['resolve'],
        querystring: {
          type: 'object',
          properties: {
            dataset: { type: 'string', maxLength: 64 },
            min: { type: 'number', minimum: 0, maximum: 1 },
            max: { type: 'number', minimum: 0, maximum: 1 },
            status: { type: 'string', enum: ['waiting', 'decided', 'flagged', 'all'], default: 'waiting' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
          },
        },
      },
    },
    async (req) => {
      const q = req.query as { dataset?: string; min?: number; max?: number; status: 'waiting' | 'decided' | 'flagged' | 'all'; limit: number; offset: number };
      return resolver.candidates(q);
    },
  );

  app.post(
    '/judgements',
    {
      schema: {
        summary: 'Record judgements (all or nothing): contradictions, unknown ids and a missing author are refused',
        tags: ['resolve'],
        body: {
          type: 'object',
          properties: {
            ...judgementProps,
            judgements: { type: 'array', maxItems: MAX_JUDGEMENTS, items: { type: 'object', properties: judgementProps } },
            author: { type: 'string', description: `or the ${AUTHOR_HEADER} header` },
          },
        },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown> & { judgements?: Record<string, unknown>[] };
      const author = authorOf(req.headers[AUTHOR_HEADER], body.author);
      const items = body.judgements ?? [body];
      const inputs: JudgementInput[] = items.map((j, i) => {
        const field = body.judgements ? `judgements[${i}]` : 'judgement';
        if (typeof j.reason !== 'string' || !j.reason.trim()) throw new ValidationError(`${field}.reason`, 'a reason is required');
        return {
          left: j.left as string,
          right: j.right as string,
          verdict: parseVerdict(j.judgement, `${field}.judgement`),
          reason: j.reason,
          basedOn: j.based_on ?? null,
          score: (j.score as number | undefined) ?? null,
          author,
        };
      });
      const recorded = await resolver.judge(inputs);
      const resolution = await resolver.resolution();
      return reply.status(201).send({
        judgements: recorded,
        targets: [...new Set(recorded.flatMap((j) => [j.left, j.right]))].map((id) => ({ id, canonical_id: resolution.canonical(id), members: resolution.members(id) })),
      });
    },
  );
}
