// The resolver over HTTP: xref candidates to review (a queue, and two records side by side),
// judgements to record, a record split off its target, and a target's members (src/resolve/).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorFor } from '../authenticate.ts';
import { NotFoundError, ValidationError } from '../../model/errors.ts';
import { parseVerdict, type JudgementInput } from '../../resolve/judgements.ts';
import { memberList, pairView, reviewPage, splitOff } from '../../resolve/review.ts';
import { resolverFor } from '../../resolve/service.ts';
import { seesFor } from '../visibility.ts';
import type { ServerContext } from '../context.ts';
import { ERRORS, ErrorBody } from '../schemas/common.ts';
import { CandidatePage, CandidatePair, CandidateQuery, EntityParams, JudgementsBody, JudgementsRecorded, MemberList, PairParams, SplitBody, SplitRecorded } from '../schemas/resolve.ts';

/** Judgements answer 409 on a contradiction; the author is who is signed in. */
const JUDGING_ERRORS = { ...ERRORS, 409: ErrorBody, 422: ErrorBody } as const;

export async function resolveRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const resolver = resolverFor(ctx.store);
  /** Records hidden from the asker, among these ids: judged as unknown ones are (the same refusal). */
  const hiddenAmong = async (req: FastifyRequest, ids: string[]): Promise<string[]> => {
    const sees = await seesFor(req, ctx.store);
    if (sees === null) return [];
    const reader = await resolver.reader();
    const hidden: string[] = [];
    for (const id of new Set(ids)) {
      const statements = await reader.getStatements(id);
      if (statements.length && !statements.some((s) => sees(s.dataset))) hidden.push(id);
    }
    return hidden;
  };

  app.get(
    '/xref/candidates',
    {
      schema: {
        summary: 'Candidate pairs of records that may be one target, best score first, with their evidence, conflicts, status and counts per status',
        tags: ['resolve'],
        querystring: CandidateQuery,
        response: { 200: CandidatePage, ...ERRORS },
      },
    },
    async (req) => reviewPage(resolver, req.query, await seesFor(req, ctx.store)),
  );

  app.get(
    '/xref/candidates/:left/:right',
    {
      schema: {
        summary: 'Two records side by side, property by property: each value with its source, agreeing and conflicting properties marked, the judgement in force',
        tags: ['resolve'],
        params: PairParams,
        response: { 200: CandidatePair, ...ERRORS },
      },
    },
    async (req) => pairView(resolver, req.params.left, req.params.right, await seesFor(req, ctx.store)),
  );

  app.post(
    '/judgements',
    {
      schema: {
        summary: 'Record judgements (all or nothing): contradictions and unknown ids are refused; the author is who is signed in',
        tags: ['resolve'],
        body: JudgementsBody,
        response: { 201: JudgementsRecorded, ...JUDGING_ERRORS },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const author = actorFor(req);
      const items = body.judgements ?? [body];
      const inputs: JudgementInput[] = items.map((j, i) => {
        const field = body.judgements ? `judgements[${i}]` : 'judgement';
        if (!j.reason?.trim()) throw new ValidationError(`${field}.reason`, 'a reason is required');
        return {
          left: j.left ?? '',
          right: j.right ?? '',
          verdict: parseVerdict(j.judgement, `${field}.judgement`),
          reason: j.reason,
          basedOn: j.based_on ?? null,
          score: j.score ?? null,
          author,
        };
      });
      const hidden = await hiddenAmong(req, inputs.flatMap((j) => [j.left, j.right]));
      if (hidden.length) throw new NotFoundError(`unknown entity id${hidden.length > 1 ? 's' : ''}: ${hidden.slice(0, 10).join(', ')}${hidden.length > 10 ? ` and ${hidden.length - 10} more` : ''}; nothing was recorded`);
      const recorded = await resolver.judge(inputs);
      const resolution = await resolver.resolution();
      const targets = [...new Set(recorded.flatMap((j) => [j.left, j.right]))].map((id) => ({ id, canonical_id: resolution.canonical(id), members: resolution.members(id) }));
      return reply.status(201).send({ judgements: recorded, targets });
    },
  );

  app.post(
    '/judgements/split',
    {
      schema: {
        summary: 'Split a record off its target: undoes the judgements that hold it and records not-same against the others, who stay together (reversible, append-only)',
        tags: ['resolve'],
        body: SplitBody,
        response: { 201: SplitRecorded, ...JUDGING_ERRORS },
      },
    },
    async (req, reply) => {
      const author = actorFor(req);
      if (!req.body.reason.trim()) throw new ValidationError('reason', 'a reason is required');
      if ((await hiddenAmong(req, [req.body.member])).length) throw new NotFoundError(`no record ${req.body.member} (split takes a member record's id, not the target's)`);
      return reply.status(201).send(await splitOff(resolver, req.body.member, author, req.body.reason));
    },
  );

  app.get(
    '/entities/:id/members',
    {
      schema: {
        summary: 'The member records of a resolved target (any member, referent or canonical id), each with the judgements that hold it there',
        tags: ['resolve'],
        params: EntityParams,
        response: { 200: MemberList, ...ERRORS },
      },
    },
    async (req) => memberList(resolver, req.params.id, await seesFor(req, ctx.store)),
  );
}
