// Every write through the API leaves an audit record (issue 13): claims, entities, judgements, documents.
// Written in onSend, so the record is durable before the client hears the write succeeded. Users and
// keys are left out here: src/access/accounts.ts records them in the same transaction as the change.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AuditTrail } from '../access/audit.ts';
import type { Store } from '../store/types.ts';
import { actorFor, SAFE_METHODS } from './authenticate.ts';

/** Routes whose domain code writes its own audit record with the change. */
const SELF_AUDITED = /^\/(users|keys|auth)(\/|$)/;
/** Request and answer bodies up to this size are kept whole; larger ones by digest and size. */
const KEEP_BYTES = 16 * 1024;

const ACTIONS: Record<string, string> = {
  'POST /entities': 'claim.entity',
  'POST /statements': 'claim.statements',
  'POST /judgements': 'judgement',
  'POST /judgements/split': 'judgement.split',
  'POST /documents': 'document.ingest',
  'POST /documents/:id/mentions': 'document.mentions',
  'POST /documents/:id/mentions/:mentionId': 'document.mention-review',
  'POST /documents/:id/claims': 'claim.document',
  'PUT /portfolios/:name': 'portfolio.upload',
  'POST /alerts/:id/decisions': 'alert.decision',
  'PUT /alerts/:id/assignee': 'alert.assign',
  'POST /portfolios/:name/rescreen': 'portfolio.rescreen',
  'POST /webhooks': 'webhook.create',
  'DELETE /webhooks/:id': 'webhook.delete',
};
/** Answers that carry a secret shown once: kept by digest only, never whole. */
const SECRET_ANSWERS = new Set(['POST /webhooks']);

export function installWriteAudit(app: FastifyInstance, store: Store): void {
  const audit = AuditTrail.of(store);
  app.addHook('onSend', async (req, reply, payload) => {
    const rule = req.routeOptions.config?.access;
    if (SAFE_METHODS.has(req.method) || reply.statusCode >= 400 || !rule || rule === 'public' || rule === 'viewer') return payload;
    const route = req.routeOptions.url ?? req.url;
    if (SELF_AUDITED.test(route)) return payload;
    const key = `${req.method} ${route}`;
    const params = (req.params ?? {}) as Record<string, string>;
    await audit.append({
      actor: actorFor(req),
      action: ACTIONS[key] ?? key,
      subject: params.id ?? params.name ?? params.left ?? '',
      detail: { route: key, params, status: reply.statusCode, request: kept(req.body), answer: kept(typeof payload === 'string' ? payload : undefined, true, SECRET_ANSWERS.has(key)) },
    });
    return payload;
  });
}

/** A body as it was (parsed JSON when small), or its SHA-256 and size when large or binary. */
function kept(body: unknown, isJsonText = false, secret = false): unknown {
  if (body === undefined || body === null) return null;
  if (secret && typeof body === 'string') return { sha256: createHash('sha256').update(body).digest('hex'), bytes: Buffer.byteLength(body) };
  if (Buffer.isBuffer(body)) return { sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (text.length > KEEP_BYTES) return { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  if (!isJsonText) return body;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
