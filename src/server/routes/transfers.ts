// Arms transfers over HTTP: a stored transfer and the embargo provisions it breaches, with reasons.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TransferService } from '../../transfers/service.ts';
import { seesFor } from '../visibility.ts';
import type { ServerContext } from '../context.ts';
import { ERRORS } from '../schemas/common.ts';
import { EmbargoRules, Transfer, TransferCheck, TransferListing } from '../schemas/transfers.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });

export async function transferRoutes(server: FastifyInstance, ctx: ServerContext & { transfers: TransferService }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { transfers } = ctx;

  app.get(
    '/transfers',
    { schema: { summary: 'Stored arms transfers, and the deals whose legs flow both ways', tags: ['transfers'], response: { 200: TransferListing, ...ERRORS } } },
    async (req) => {
      const sees = await seesFor(req, ctx.store);
      return { transfers: await transfers.list(sees), deals: await transfers.deals(sees) };
    },
  );

  app.get(
    '/transfers/:id',
    { schema: { summary: 'One transfer with its claims (grades, sources, denials)', tags: ['transfers'], params: IdParams, response: { 200: Transfer, ...ERRORS } } },
    async (req) => transfers.get(req.params.id, await seesFor(req, ctx.store)),
  );

  app.get(
    '/transfers/:id/violations',
    {
      schema: {
        summary: 'The embargo provisions the transfer breaches and how surely (breach, probable, possible, attempted or prospective), element by element with grades and sources',
        tags: ['transfers'],
        params: IdParams,
        response: { 200: TransferCheck, ...ERRORS },
      },
    },
    async (req) => transfers.violations(req.params.id, await seesFor(req, ctx.store)),
  );

  app.get(
    '/embargo-rules',
    { schema: { summary: 'The embargo rules applied, with effective dates and citations', tags: ['transfers'], response: { 200: EmbargoRules, ...ERRORS } } },
    async () => ({ rules: [...transfers.rules] }),
  );
}
