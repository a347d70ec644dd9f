// Arms transfers over HTTP: a stored transfer and the embargo provisions it breaches, with reasons.
import type { FastifyInstance } from 'fastify';
import type { TransferService } from '../../transfers/service.ts';
import type { ServerContext } from '../context.ts';

const idParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['id'] } as const;

export async function transferRoutes(app: FastifyInstance, ctx: ServerContext & { transfers: TransferService }): Promise<void> {
  const { transfers } = ctx;

  app.get('/transfers', { schema: { summary: 'Stored arms transfers, and the deals whose legs flow both ways', tags: ['transfers'] } }, async () => ({
    transfers: await transfers.list(),
    deals: await transfers.deals(),
  }));

  app.get('/transfers/:id', { schema: { summary: 'One transfer with its claims (grades, sources, denials)', tags: ['transfers'], params: idParams } }, async (req) =>
    transfers.get((req.params as { id: string }).id),
  );

  app.get(
    '/transfers/:id/violations',
    {
      schema: {
        summary: 'The embargo provisions the transfer breaches and how surely (breach, probable, possible, attempted or prospective), element by element with grades and sources',
        tags: ['transfers'],
        params: idParams,
      },
    },
    async (req) => transfers.violations((req.params as { id: string }).id),
  );

  app.get('/embargo-rules', { schema: { summary: 'The embargo rules applied, with effective dates and citations', tags: ['transfers'] } }, async () => ({ rules: transfers.rules }));
}
