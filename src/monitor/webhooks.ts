// Webhooks (issue 14): a receiver registered by an admin hears of new alerts and decisions. Events are
// written to an outbox (`monitor_events`) in the same transaction as the alert or decision, so none is
// lost or told before it is committed; the adapters' job code drains the outbox into one delivery job
// per webhook and event (retried with back-off) and calls `deliver`. Each body is signed with
// HMAC-SHA256 over `<timestamp>.<body>`, and every attempt is logged.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { InterdictError, NotFoundError, ValidationError } from '../model/errors.ts';
import type { MonitorEventsTable, MonitorTables, WebhooksTable } from '../store/monitor-schema.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { Store } from '../store/types.ts';

export const WEBHOOK_EVENTS = ['alert.created', 'alert.decided', 'list.stale'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A receiver gets this long to answer before the attempt counts as failed. */
const DELIVERY_TIMEOUT_MS = 10_000;

type Db = Kysely<MonitorTables> | Transaction<MonitorTables>;

export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  created_at: string;
  created_by: string;
}

export interface DeliveryView {
  id: string;
  webhook_id: string;
  event_id: string;
  event: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

/** One event for one webhook: the data of a `webhook-delivery` job (it carries the body, since the outbox row is gone once drained). */
export interface PendingDelivery {
  webhook_id: string;
  event_id: string;
  event: string;
  created_at: string;
  data: unknown;
}

/** Whether any webhook listens for `event` (writers skip the outbox when none does). */
export async function listening(db: Db, event: WebhookEvent): Promise<boolean> {
  const row = await db.selectFrom('webhooks').select('id').where('events', 'like', `%"${event}"%`).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Adds events to the outbox, in the caller's transaction. */
export async function recordEvents(db: Db, event: WebhookEvent, items: unknown[], at: string): Promise<void> {
  const rows: MonitorEventsTable[] = items.map((data) => ({ id: randomUUID(), event, payload: JSON.stringify(data), created_at: at }));
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('monitor_events').values(rows.slice(i, i + 100)).execute();
}

/** The body a receiver gets, and its signature headers. */
export function signedRequest(delivery: PendingDelivery, secret: string, now = new Date()): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id: delivery.event_id, event: delivery.event, created_at: delivery.created_at, data: delivery.data });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Interdict-Webhooks',
      'x-interdict-event': delivery.event,
      'x-interdict-delivery': delivery.event_id,
      'x-interdict-timestamp': timestamp,
      'x-interdict-signature': `sha256=${signature}`,
    },
  };
}

export class Webhooks {
  constructor(private readonly db: Kysely<MonitorTables>) {}

  static of(store: Store): Webhooks {
    if (!(store instanceof SqlStore)) throw new InterdictError('webhooks need the SQL store');
    return new Webhooks(store.db as unknown as Kysely<MonitorTables>);
  }

  /** Registers a receiver; its secret is answered here only. */
  async register(input: { url: string; events: string[] }, actor: string): Promise<WebhookView & { secret: string }> {
    const url = checkedUrl(input.url);
    const events = [...new Set(input.events)];
    if (!events.length) throw new ValidationError('events', `name at least one of ${WEBHOOK_EVENTS.join(', ')}`);
    for (const e of events) if (!(WEBHOOK_EVENTS as readonly string[]).includes(e)) throw new ValidationError('events', `"${e}" is not one of ${WEBHOOK_EVENTS.join(', ')}`);
    const row: WebhooksTable = { id: randomUUID(), url, events: JSON.stringify(events), secret: `whsec_${randomBytes(32).toString('base64url')}`, created_at: new Date().toISOString(), created_by: actor };
    await this.db.insertInto('webhooks').values(row).execute();
    return { ...toView(row), secret: row.secret };
  }

  async list(): Promise<WebhookView[]> {
    return (await this.db.selectFrom('webhooks').selectAll().orderBy('created_at').execute()).map(toView);
  }

  async remove(id: string): Promise<WebhookView> {
    const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no webhook ${id}`);
    await this.db.deleteFrom('webhooks').where('id', '=', id).execute();
    return toView(row);
  }

  /** The delivery log of one webhook, newest first. */
  async deliveries(id: string, query: { limit?: number; offset?: number } = {}): Promise<DeliveryView[]> {
    if (!(await this.db.selectFrom('webhooks').select('id').where('id', '=', id).executeTakeFirst())) throw new NotFoundError(`no webhook ${id}`);
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', id).orderBy('at', 'desc').orderBy('attempt', 'desc').limit(query.limit ?? 50).offset(query.offset ?? 0).execute();
    return rows.map((r) => ({ ...r, attempt: Number(r.attempt), status_code: r.status_code === null ? null : Number(r.status_code), duration_ms: Number(r.duration_ms) }));
  }

  /**
   * The oldest undrained events, each paired with the webhooks that listen for it. The caller queues
   * the deliveries, then `drained` removes the events; queuing twice must be harmless (the job runner's `key`).
   */
  async pending(limit = 200): Promise<{ id: string; deliveries: PendingDelivery[] }[]> {
    const events = await this.db.selectFrom('monitor_events').selectAll().orderBy('created_at').orderBy('id').limit(limit).execute();
    if (!events.length) return [];
    const hooks = (await this.db.selectFrom('webhooks').select(['id', 'events']).execute()).map((h) => ({ id: h.id, events: JSON.parse(h.events) as string[] }));
    return events.map((e) => ({
      id: e.id,
      deliveries: hooks.filter((h) => h.events.includes(e.event)).map((h) => ({ webhook_id: h.id, event_id: e.id, event: e.event, created_at: e.created_at, data: JSON.parse(e.payload) })),
    }));
  }

  async drained(eventIds: string[]): Promise<void> {
    for (let i = 0; i < eventIds.length; i += 500) await this.db.deleteFrom('monitor_events').where('id', 'in', eventIds.slice(i, i + 500)).execute();
  }

  /**
   * Posts one event to one webhook and logs the attempt. Throws when the receiver did not answer 2xx, so
   * the job is retried; a webhook removed since is not called.
   */
  async deliver(delivery: PendingDelivery, attempt: number): Promise<{ status: number } | { skipped: string }> {
    const hook = await this.db.selectFrom('webhooks').selectAll().where('id', '=', delivery.webhook_id).executeTakeFirst();
    if (!hook) return { skipped: 'the webhook was removed' };
    const { body, headers } = signedRequest(delivery, hook.secret);
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      // Redirects are not followed: the receiver is the URL the admin registered, nothing else.
      const answer = await fetch(hook.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      status = answer.status;
      await answer.body?.cancel();
      if (status < 200 || status > 299) error = `the receiver answered ${status}`;
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
    }
    await this.db.insertInto('webhook_deliveries').values({ id: randomUUID(), webhook_id: hook.id, event_id: delivery.event_id, event: delivery.event, attempt, status_code: status, error, duration_ms: Date.now() - started, at: new Date().toISOString() }).execute();
    if (error) throw new InterdictError(`webhook ${hook.id}: ${error}`);
    return { status: status! };
  }
}

function checkedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError('url', 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError('url', 'use an http or https URL');
  if (url.username || url.password) throw new ValidationError('url', 'no credentials in the URL: the receiver checks the signature');
  return url.toString();
}

function toView(row: WebhooksTable): WebhookView {
  return { id: row.id, url: row.url, events: JSON.parse(row.events) as WebhookEvent[], created_at: row.created_at, created_by: row.created_by };
}
