// Who may call which route: one table, read at start-up. A route without a rule stops the server from
// starting (and so fails the build's tests); test/server/access-rules.test.ts calls every route in
// /openapi.json without credentials and as each role and compares the answers with this table.
import type { Role } from '../access/roles.ts';

/** `public`: anyone, signed in or not. A role: that role or a higher one (anonymous only for `read` with anonymous read on). */
export type AccessRule = 'public' | Role;

const RULES: Record<string, AccessRule> = {
  // System and sign-in
  'GET /': 'public',
  'GET /app/*': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /openapi.json': 'public',
  'GET /metrics': 'viewer',
  'GET /auth/me': 'public',
  'POST /auth/sign-in': 'public',
  'POST /auth/link': 'public',
  'POST /auth/sign-out': 'public',
  'POST /auth/sign-out-everywhere': 'viewer',
  'POST /auth/password': 'viewer',
  // Administration
  'GET /users': 'admin',
  'POST /users': 'admin',
  'PATCH /users/:id': 'admin',
  'POST /users/:id/sign-in-link': 'admin',
  'GET /keys': 'admin',
  'POST /keys': 'admin',
  'DELETE /keys/:id': 'admin',
  'GET /audit': 'admin',
  'GET /audit/verify': 'admin',
  'GET /audit/export': 'admin',
  // Confidential workspaces (managing members is for admins and owners: checked in src/access/workspaces.ts)
  'GET /workspaces': 'viewer',
  'POST /workspaces': 'analyst',
  'GET /workspaces/:id': 'viewer',
  'POST /workspaces/:id/members': 'analyst',
  'DELETE /workspaces/:id/members/:user': 'analyst',
  // Lists and entities
  'GET /catalog': 'viewer',
  'GET /datasets/:name/versions': 'viewer',
  'GET /datasets/:name/diff': 'viewer',
  'GET /entities/:id': 'viewer',
  // Screening (reads, though some are POSTs)
  'POST /match/:dataset': 'viewer',
  'GET /search/:dataset': 'viewer',
  'GET /reconcile/:dataset': 'viewer',
  'POST /reconcile/:dataset': 'viewer',
  'POST /batch/results.csv': 'viewer',
  'POST /batch/results.jsonl': 'viewer',
  'GET /algorithms': 'viewer',
  // Networks
  'GET /entities/:id/adjacent': 'viewer',
  'GET /graph/paths': 'viewer',
  'GET /graph/neighborhood': 'viewer',
  'GET /entities/:id/exposure': 'viewer',
  'GET /entities/:id/ownership': 'viewer',
  'GET /graph/centrality': 'viewer',
  'POST /graph/centrality': 'viewer',
  'GET /graph/export': 'viewer',
  'GET /graph/stats': 'viewer',
  // Transfers
  'GET /transfers': 'viewer',
  'GET /transfers/:id': 'viewer',
  'GET /transfers/:id/violations': 'viewer',
  'GET /embargo-rules': 'viewer',
  // Analyst claims, judgements, documents
  'POST /entities': 'analyst',
  'POST /statements': 'analyst',
  'GET /xref/candidates': 'viewer',
  'GET /xref/candidates/:left/:right': 'viewer',
  'POST /judgements': 'analyst',
  'POST /judgements/split': 'analyst',
  'GET /entities/:id/members': 'viewer',
  'POST /documents': 'analyst',
  'GET /documents': 'viewer',
  'GET /documents/search': 'viewer',
  'GET /documents/jobs/:jobId': 'viewer',
  'GET /documents/:id': 'viewer',
  'GET /documents/:id/original': 'viewer',
  'GET /documents/:id/mentions': 'viewer',
  'POST /documents/:id/mentions': 'analyst',
  'POST /documents/:id/mentions/:mentionId': 'analyst',
  'GET /documents/:id/passage': 'viewer',
  'POST /documents/:id/claims': 'analyst',
  'GET /entities/:id/documents': 'viewer',
  // Monitoring
  'GET /portfolios': 'viewer',
  'PUT /portfolios/:name': 'analyst',
  'GET /alerts': 'viewer',
  'GET /alerts/:id': 'viewer',
  'POST /alerts/:id/decisions': 'analyst',
  'PUT /alerts/:id/assignee': 'analyst',
  'GET /reports/alerts/:id': 'viewer',
  'GET /reports/entities/:id': 'viewer',
  'POST /portfolios/:name/rescreen': 'analyst',
  // Jobs and webhooks
  'GET /jobs': 'viewer',
  'GET /jobs/:id': 'viewer',
  'GET /webhooks': 'admin',
  'POST /webhooks': 'admin',
  'DELETE /webhooks/:id': 'admin',
  'GET /webhooks/:id/deliveries': 'admin',
};

/** The rule for a route as Fastify declares it (`/entities/:id`); undefined when the table has none. */
export function ruleFor(method: string, url: string): AccessRule | undefined {
  return RULES[`${method.toUpperCase()} ${url}`];
}

export function allRules(): ReadonlyArray<[string, AccessRule]> {
  return Object.entries(RULES);
}
