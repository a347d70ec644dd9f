// Types of the API's answers and parameters, read from the generated description (api-types.ts):
// the server's schemas are the truth, so nothing here re-declares a shape.
import type { paths } from '../api-types.ts';

type Method = 'get' | 'post';

/** The JSON a route answers with `status` (200 unless given). */
export type Answer<P extends keyof paths, M extends Method = 'get', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** A route's query parameters. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
