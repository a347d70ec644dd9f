// Analyst edits over HTTP: create entities, add or retract statements. A source citation and an
// evidence grade are required (422 otherwise); nothing is overwritten.
import type { FastifyInstance } from 'fastify';
import { AnalystEdits, authorOf, type NewEntityInput, type StatementInput } from '../../graph/edits.ts';
import type { ServerContext } from '../context.ts';
import { PUBLISHER_DATASETS } from '../../ingest/registry.ts';

const AUTHOR_HEADER = 'x-interdict-author';

const claimProps = {
  sourceDocument: { type: 'string', description: 'the source the claim cites: a Document entity id or a URL (required)' },
  evidenceGrade: { type: 'string', description: "corroborated, reported, alleged, disputed or denied (required; 'official' is the publishers' own lists only)" },
  locator: { type: 'string', description: 'where in the source: page, paragraph' },
  claimDate: { type: 'string', description: 'when the source says the fact held' },
} as const;

export async function analystRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const edits = new AnalystEdits(ctx.store, PUBLISHER_DATASETS);

  app.post(
    '/entities',
    {
      schema: {
        summary: 'Create an entity or relationship (FtM schema, or ArmsTransfer) with its source and grade',
        tags: ['analyst'],
        body: {
          type: 'object',
          properties: {
            schema: { type: 'string' },
            id: { type: 'string' },
            properties: { type: 'object' },
            dataset: { type: 'string', description: "an analyst dataset (default: analyst); publishers' lists are read-only" },
            author: { type: 'string', description: `or the ${AUTHOR_HEADER} header` },
            ...claimProps,
          },
        },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as NewEntityInput & { author?: unknown };
      const result = await edits.createEntity(body, authorOf(req.headers[AUTHOR_HEADER], body.author));
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/statements',
    {
      schema: {
        summary: 'Add, correct or retract values, relationships and claims; corrections and retractions are new statements',
        tags: ['analyst'],
        body: {
          type: 'object',
          properties: {
            statements: {
              type: 'array',
              items: {
                type: 'object',
                properties: { entityId: { type: 'string' }, schema: { type: 'string' }, prop: { type: 'string' }, value: { type: 'string' }, lang: { type: 'string' }, retract: { type: 'boolean' }, ...claimProps },
              },
            },
            dataset: { type: 'string' },
            author: { type: 'string' },
          },
        },
      },
    },
    async (req, reply) => {
      const body = (req.body ?? {}) as { statements?: StatementInput[]; dataset?: unknown; author?: unknown };
      const result = await edits.addStatements(body.statements ?? [], body.dataset, authorOf(req.headers[AUTHOR_HEADER], body.author));
      return reply.status(201).send(result);
    },
  );
}
