// Documented limits of the screening API and CLI. Requests beyond them get a 400 naming the field,
// so one oversized request cannot monopolise the server. docs and OpenAPI cite these numbers.

/** Queries in one `POST /match` request (yente uses 100 too). */
export const MAX_QUERIES_PER_REQUEST = 100;
/** Queries in one `POST /reconcile` request. */
export const MAX_RECONCILE_QUERIES = 100;
/** Request body size for /match and /reconcile, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Characters in one property value. Real names are far shorter; 10 kB strings are abuse. */
export const MAX_VALUE_LENGTH = 500;
/** Values per property in one query. */
export const MAX_VALUES_PER_PROPERTY = 50;
/** Results per query (`limit`). */
export const MAX_MATCH_LIMIT = 500;
export const DEFAULT_MATCH_LIMIT = 5;
/** Search paging. */
export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 500;
export const MAX_SEARCH_OFFSET = 10_000;
/** Characters in a search `q`. */
export const MAX_SEARCH_QUERY_LENGTH = 500;
