// Holds every JSON answer to the response schema its route declares, before serialization: a
// field the schema does not name (which the serializer would drop), a missing one or a wrong type
// is a failure. Install on a Fastify instance before its routes are registered.
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

export interface ContractCheck {
  /** Answers checked against a declared schema. */
  checked: { route: string; status: number }[];
  /** Answers that broke their schema, with the first errors. */
  failures: { route: string; status: number; errors: string[] }[];
  /** JSON answers of routes that declare no schema for their status. */
  undeclared: { route: string; status: number }[];
}

export function checkResponses(app: FastifyInstance): ContractCheck {
  const result: ContractCheck = { checked: [], failures: [], undeclared: [] };
  app.addHook('preSerialization', async (req, reply, payload) => {
    const route = `${req.method} ${req.routeOptions.url}`;
    const status = reply.statusCode;
    const responses = (req.routeOptions.schema?.response ?? {}) as Record<string, TSchema>;
    const schema = responses[status] ?? responses[`${String(status)[0]}xx`] ?? responses.default;
    if (!schema) {
      result.undeclared.push({ route, status });
      return payload;
    }
    result.checked.push({ route, status });
    if (!Value.Check(schema, payload)) {
      const errors = [...Value.Errors(schema, payload)].slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
      result.failures.push({ route, status, errors });
    }
    return payload;
  });
  return result;
}
