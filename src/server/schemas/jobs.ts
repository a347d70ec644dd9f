// Schemas of the jobs and webhooks routes.
import { Type } from 'typebox';
import { WEBHOOK_EVENTS } from '../../monitor/webhooks.ts';
import { Closed, Nullable } from './common.ts';

const JOB_STATES = ['queued', 'active', 'retry', 'completed', 'failed'] as const;

export const JobView = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'rescreen, sync, webhook-delivery' }),
    state: Type.Enum([...JOB_STATES]),
    progress: Type.Number({ description: '0 to 1' }),
    message: Type.String(),
    data: Type.Unknown({ description: "the job's input" }),
    result: Type.Unknown({ description: 'what the job answered (a re-screen: records screened and alerts raised)' }),
    error: Nullable(Type.String()),
    attempts: Type.Integer(),
    max_attempts: Type.Integer(),
    created_at: Type.String(),
    started_at: Nullable(Type.String()),
    finished_at: Nullable(Type.String()),
    worker: Nullable(Type.String({ description: 'the process that runs or ran it (host:pid:…)' })),
  },
  Closed,
);

export const JobQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    state: Type.Optional(Type.Enum([...JOB_STATES])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  Closed,
);

export const JobList = Type.Object({ results: Type.Array(JobView) }, Closed);

const WebhookFields = {
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.Enum([...WEBHOOK_EVENTS])),
  created_at: Type.String(),
  created_by: Type.String(),
};

export const WebhookView = Type.Object(WebhookFields, Closed);

export const WebhookList = Type.Object({ results: Type.Array(WebhookView) }, Closed);

export const NewWebhook = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2000 }), events: Type.Array(Type.Enum([...WEBHOOK_EVENTS]), { minItems: 1, maxItems: WEBHOOK_EVENTS.length }) },
  Closed,
);

export const CreatedWebhook = Type.Object(
  { ...WebhookFields, secret: Type.String({ description: 'shown once: verify X-Interdict-Signature (sha256=HMAC-SHA256 of `<X-Interdict-Timestamp>.<body>`) with it' }) },
  Closed,
);

export const DeliveryList = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          webhook_id: Type.String(),
          event_id: Type.String(),
          event: Type.String(),
          attempt: Type.Integer(),
          status_code: Nullable(Type.Integer({ description: "the receiver's answer; null when none came" })),
          error: Nullable(Type.String()),
          duration_ms: Type.Integer(),
          at: Type.String(),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

export const PageQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }, Closed);
