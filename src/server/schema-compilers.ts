// Fastify's own schema compilers (Ajv for requests, fast-json-stringify for answers, with Fastify's
// default options), shared by every app in the process: each distinct schema is compiled once, when a
// route first checks a request or sends an answer. Fastify compiles every route's schemas at start,
// for each app anew (≈ 0.5 CPU-s for this server's routes): a server start paid that for routes it may
// never answer, and a process that builds several apps (the test suite) paid it for each.
//
// Fastify takes these for custom compilers, and so no longer lowercases the keys of a `headers` schema
// (as it does for its own Ajv): no route declares one; a route that does must write them in lower case.
import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Compilers = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type Validate = ((data: unknown, parent?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;
type Compile<F> = (route: { schema: unknown }) => F;

// Fastify's factories, typed as this module uses them (their types ask for Ajv's validate functions).
type Factory<F> = (externalSchemas: unknown, options: unknown) => Compile<F>;
const validators = AjvCompiler() as unknown as Factory<Validate>;
const serializers = SerializerSelector() as unknown as Factory<Serialize>;

/**
 * `compile` for one route, compiled on the first call and kept for every app whose route has the same
 * schema and compiler options (routes build their schemas anew per app: the JSON tells them apart).
 */
function onFirstUse<F>(compiled: Map<string, F>, settings: unknown, compile: Compile<F>, route: { schema: unknown }): () => F {
  let own: F | undefined;
  return () => {
    if (own) return own;
    const key = `${JSON.stringify(settings)}\n${JSON.stringify(route.schema)}`;
    own = compiled.get(key);
    if (!own) compiled.set(key, (own = compile(route)));
    return own;
  };
}

const compiledValidators = new Map<string, Validate>();
const compiledSerializers = new Map<string, Serialize>();

/**
 * For `Fastify({ schemaController: { compilersFactory: sharedCompilers } })`. Typed as Fastify's own
 * (whose types ask for Ajv's validate functions, with `schema` and `schemaEnv` that Fastify never reads).
 */
export const sharedCompilers = {
  buildValidator: (externalSchemas: unknown, options: unknown) => {
    const compile = validators(externalSchemas, options);
    return (route: { schema: unknown }) => {
      const compiled = onFirstUse(compiledValidators, [externalSchemas, options], compile, route);
      // As Fastify calls Ajv's own: with the value's parent when the function has a `schemaEnv` (so
      // coercion may replace the value itself), and the errors read off the function after a false.
      const validate: Validate = (data, parent) => {
        const check = compiled();
        const valid = check(data, parent);
        validate.errors = check.errors;
        return valid;
      };
      validate.schemaEnv = true;
      return validate;
    };
  },
  buildSerializer: (externalSchemas: unknown, options: unknown) => {
    const compile = serializers(externalSchemas, options);
    return (route: { schema: unknown }) => {
      const compiled = onFirstUse(compiledSerializers, [externalSchemas, options], compile, route);
      return (data: unknown) => compiled()(data);
    };
  },
} as unknown as Compilers;
