// Every screening answer leaves an audit record (issue 13): who screened what, against which list versions,
// with which matcher and threshold, and what came back. The record is written (and durable) before the
// answer is sent, so no one holds an answer the trail does not show. A batch is one record, its rows compact.
import type { FastifyRequest } from 'fastify';
import { AuditTrail } from '../access/audit.ts';
import type { MatchResponse } from '../screening/match.ts';
import { parseReconcileQueries, type ReconcileCandidate } from '../screening/reconcile.ts';
import type { AnswerContext } from '../screening/service.ts';
import type { SearchResponse } from '../screening/search.ts';
import type { Store } from '../store/types.ts';
import { actorFor } from './authenticate.ts';

/** Results kept per query: enough to show what an analyst saw first; a batch keeps fewer per row. */
const TOP_RESULTS = 10;
const TOP_RESULTS_PER_ROW = 3;

type Hit = { id: string; score: number; band?: string; match?: boolean };

export class ScreeningAudit {
  private readonly trail: AuditTrail;

  constructor(store: Store) {
    this.trail = AuditTrail.of(store);
  }

  async match(req: FastifyRequest, answer: MatchResponse & AnswerContext): Promise<void> {
    const rows = Object.entries(answer.responses);
    const hits = (results: Hit[], top: number) => results.slice(0, top).map(compactHit);
    const queries =
      rows.length === 1
        ? { query: rows[0][1].query, results: hits(rows[0][1].results, TOP_RESULTS) }
        : { rows: rows.map(([ref, r]) => ({ ref, results: hits(r.results, TOP_RESULTS_PER_ROW) })) };
    await this.record(req, 'match', answer, { ...queries, threshold: answer.matcher.threshold, algorithm: answer.matcher.name });
  }

  async search(req: FastifyRequest, query: object, answer: SearchResponse & AnswerContext): Promise<void> {
    await this.record(req, 'search', answer, { query, total: answer.total.value, results: answer.results.slice(0, TOP_RESULTS).map((r) => ({ id: r.id })) });
  }

  async reconcile(req: FastifyRequest, queries: unknown, context: AnswerContext, answer: Record<string, { result: ReconcileCandidate[] }>): Promise<void> {
    const asked = new Map(parseReconcileQueries(queries));
    const rows = Object.entries(answer).map(([ref, r]) => ({
      ref,
      query: asked.get(ref)?.query.properties,
      results: r.result.slice(0, TOP_RESULTS_PER_ROW).map((c) => compactHit({ id: c.id, score: c.score, match: c.match })),
    }));
    await this.record(req, 'reconcile', context, { rows });
  }

  private async record(req: FastifyRequest, route: string, context: AnswerContext, detail: object): Promise<void> {
    await this.trail.append({
      actor: actorFor(req),
      action: 'screening',
      subject: context.scope.name,
      detail: { route, scope: context.scope.datasets, lists: Object.fromEntries(context.lists.map((l) => [l.dataset, l.version])), ...detail },
    });
  }
}

function compactHit(hit: Hit): Hit {
  return { id: hit.id, score: Math.round(hit.score * 10_000) / 10_000, ...(hit.band ? { band: hit.band } : {}), ...(hit.match !== undefined ? { match: hit.match } : {}) };
}
