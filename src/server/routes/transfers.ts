// Arms transfers over HTTP: a stored transfer and the embargo provisions it breaches, with reasons.
import type { FastifyInstance } from 'fastify';
import type { TransferService } from '../../transfers/service.ts';
import type { ServerContext } from '../context.ts';

const idParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['id'] } as const;

export async function transferRoutes(app: FastifyInstance, ctx: ServerContext & { transfers: TransferService }): Promise<void> {
  const { transfers } = ctx;

  app.get('/transfers', { schema: { summary: 'Stored arms transfers', tags: ['transfers'] } }, async () => ({ transfers: await transfers.list() }));

  app.get('/transfers/:id', { schema: { summary: 'One transfer with its claims (grades, sources, denials)', tags: ['transfers'], params: idParams } }, async (req) =>
    transfers.get((req.params as { id: string }).id),
  );

  app.get(
    '/transfers/:id/violations',
    { schema: { summary: 'The embargo provisions the transfer breaches, each with the reasons (date, direction, items, parties)', tags: ['transfers'], params: idParams } },
    async (req) => transfers.violations((req.params as { id: string }).id),
  );

  app.get('/embargo-rules', { schema: { summary: 'The embargo rules applied, with effective dates and citations', tags: ['transfers'] } }, async () => ({ rules: transfers.rules }));
}
