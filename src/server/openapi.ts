// The OpenAPI description is collected from the routes' own JSON schemas, so it cannot drift from them.
import type { FastifyInstance, RouteOptions } from 'fastify';

interface Operation {
  summary?: string;
  tags?: string[];
  parameters: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

export function collectOpenApi(app: FastifyInstance): () => Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as Record<string, any>;
    if (schema.hide) return;
    const url = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    for (const method of methods) {
      const parameters = [
        ...paramsOf(schema.params, 'path', true),
        ...paramsOf(schema.querystring, 'query', false),
      ];
      const op: Operation = {
        summary: schema.summary,
        tags: schema.tags,
        parameters,
        responses: Object.fromEntries(
          Object.entries(schema.response ?? { 200: {} }).map(([code, s]) => [code, { description: (s as any)?.description ?? 'OK', content: { [mediaTypeOf(s)]: { schema: s } } }]),
        ),
      };
      if (schema.body) op.requestBody = { content: { 'application/json': { schema: schema.body } } };
      (paths[url] ??= {})[method.toLowerCase()] = op;
    }
  });
  return () => ({
    openapi: '3.1.0',
    info: {
      title: 'Interdict API',
      version: '0.1.0',
      description: 'Sanctions screening (yente-compatible /match), network analysis and arms-transfer checks over official lists, with provenance.',
    },
    paths,
  });
}

/** A string answer is a file or text (`contentMediaType` names it), anything else JSON. */
function mediaTypeOf(schema: any): string {
  return schema?.type === 'string' ? (schema.contentMediaType ?? 'text/plain') : 'application/json';
}

function paramsOf(schema: any, where: 'path' | 'query', required: boolean): unknown[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: where,
    required: required || (schema.required ?? []).includes(name),
    schema: s,
    description: (s as any)?.description,
  }));
}

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    /** Left out of the OpenAPI description. */
    hide?: boolean;
  }
}
