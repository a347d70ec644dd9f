// Jobs over HTTP (issue 14): what runs outside requests, with its state, progress and result, and the
// full re-screen of a portfolio queued as one. Webhooks: receivers of new alerts and decisions, and
// their delivery log (admin only, src/server/access-rules.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PortfolioAccess } from '../portfolio-access.ts';
import { Monitor } from '../../monitor/monitor.ts';
import { Webhooks } from '../../monitor/webhooks.ts';
import { actorFor } from '../authenticate.ts';
import type { ServerContext } from '../context.ts';
import type { ProcessJobs } from '../jobs.ts';
import { ERRORS } from '../schemas/common.ts';
import { PortfolioScope } from '../schemas/monitor.ts';
import { CreatedWebhook, DeliveryList, JobList, JobQuery, JobView, NewWebhook, PageQuery, WebhookList, WebhookView } from '../schemas/jobs.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

export async function jobRoutes(server: FastifyInstance, ctx: ServerContext & { jobs: ProcessJobs }): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const webhooks = Webhooks.of(ctx.store);

  app.get('/jobs', { schema: { summary: 'Recent jobs, newest first, by name and state', tags: ['jobs'], querystring: JobQuery, response: { 200: JobList, ...ERRORS } } }, async (req) => ({
    results: await (await ctx.jobs.runner()).list(req.query),
  }));

  app.get('/jobs/:id', { schema: { summary: 'A job: state, progress, result or error', tags: ['jobs'], params: IdParams, response: { 200: JobView, ...ERRORS } } }, async (req) =>
    (await ctx.jobs.runner()).get(req.params.id),
  );

  app.post(
    '/portfolios/:name/rescreen',
    { schema: { summary: 'Queue a full re-screen of a portfolio against the live lists; follow it at /jobs/{id}', tags: ['monitoring'], params: NameParams, querystring: PortfolioScope, response: { 202: JobView, ...ERRORS } } },
    async (req, reply) => {
      const portfolio = await new PortfolioAccess(Monitor.of(ctx.store), ctx.store).checkPortfolio(req, req.params.name, req.query.workspace, true);
      const id = await ctx.jobs.rescreen({ portfolio: portfolio.name, portfolioId: portfolio.id, full: true });
      return reply.status(202).send(await (await ctx.jobs.runner()).get(id));
    },
  );

  app.get('/webhooks', { schema: { summary: 'Registered webhooks (their secrets are never shown again)', tags: ['webhooks'], response: { 200: WebhookList, ...ERRORS } } }, async () => ({
    results: await webhooks.list(),
  }));

  app.post(
    '/webhooks',
    { schema: { summary: 'Register a webhook for alert.created, alert.decided and/or list.stale; its signing secret is shown once', tags: ['webhooks'], body: NewWebhook, response: { 201: CreatedWebhook, ...ERRORS } } },
    async (req, reply) => reply.status(201).send(await webhooks.register(req.body, actorFor(req))),
  );

  app.delete('/webhooks/:id', { schema: { summary: 'Remove a webhook (deliveries still queued are dropped)', tags: ['webhooks'], params: IdParams, response: { 200: WebhookView, ...ERRORS } } }, async (req) =>
    webhooks.remove(req.params.id),
  );

  app.get(
    '/webhooks/:id/deliveries',
    { schema: { summary: "A webhook's delivery log, newest first: each attempt with the receiver's status or the error", tags: ['webhooks'], params: IdParams, querystring: PageQuery, response: { 200: DeliveryList, ...ERRORS } } },
    async (req) => ({ results: await webhooks.deliveries(req.params.id, req.query) }),
  );
}
