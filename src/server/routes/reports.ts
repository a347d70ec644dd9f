// Reports (issue 14): an alert decision and an entity's due diligence, as PDF or printable HTML.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotFoundError } from '../../model/errors.ts';
import { Monitor } from '../../monitor/monitor.ts';
import { alertReport } from '../../reports/alert-report.ts';
import { entityReport } from '../../reports/entity-report.ts';
import { renderHtml, REPORT_CSP } from '../../reports/render-html.ts';
import { findReportFont, renderPdf } from '../../reports/render-pdf.ts';
import type { Report } from '../../reports/report.ts';
import { downstreamReader } from '../../resolve/service.ts';
import type { ServerContext } from '../context.ts';
import { entityView } from '../entities.ts';
import { seesFor } from '../visibility.ts';
import { PortfolioAccess } from '../portfolio-access.ts';
import { ERRORS } from '../schemas/common.ts';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });
const Format = Type.Object({ format: Type.Optional(Type.Enum(['pdf', 'html'], { description: 'pdf (default) or html for printing' })) });
const Document = Type.String({ description: 'application/pdf, or text/html' });

export async function reportRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const monitor = Monitor.of(ctx.store);
  const portfolios = new PortfolioAccess(monitor, ctx.store);
  const reader = downstreamReader(ctx.store);
  const font = findReportFont(ctx.config.reportFont);

  const send = async (reply: FastifyReply, report: Report, format: 'pdf' | 'html' | undefined, name: string) => {
    if (format === 'html') return reply.header('Content-Security-Policy', REPORT_CSP).type('text/html; charset=utf-8').send(renderHtml(report));
    return reply.type('application/pdf').header('Content-Disposition', `inline; filename="${name}.pdf"`).send(await renderPdf(report, font));
  };

  app.get(
    '/reports/alerts/:id',
    { schema: { summary: 'The report of an alert: record, hit and explanation, the lists and versions used, the decisions and who made them', tags: ['monitoring'], params: Params, querystring: Format, response: { 200: Document, ...ERRORS } } },
    async (req, reply) => {
      await portfolios.checkAlert(req, req.params.id);
      const { alert, record, history } = await monitor.alertDetail(req.params.id);
      const report = alertReport({ alert, record, history, lists: await ctx.store.liveVersions(), now: new Date() });
      return send(reply, report, req.query.format, `alert-${alert.id}`);
    },
  );

  app.get(
    '/reports/entities/:id',
    { schema: { summary: 'A due-diligence report of an entity: profile, designations, network summary, sources and grades', tags: ['graph'], params: Params, querystring: Format, response: { 200: Document, ...ERRORS } } },
    async (req, reply) => {
      const entity = await entityView(reader, req.params.id, { provenance: true, nested: true, sees: await seesFor(req, ctx.store) });
      if (!entity) throw new NotFoundError(`no entity ${req.params.id}`);
      return send(reply, entityReport({ entity, lists: await reader.liveVersions(), now: new Date() }), req.query.format, `entity-${entity.id.replace(/[^A-Za-z0-9._-]/g, '_')}`);
    },
  );
}
