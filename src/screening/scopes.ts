// The names of the scopes screening and search answer from, in a module of their own: the CLI's help
// names them without loading the screening service.

/**
 * `{dataset}` in the paths: a dataset name, `default`, or `all`. For screening (`/match`,
 * `/reconcile`, `interdict screen`) `default` is the sanctions lists only (src/model/targets.ts):
 * a case file or an analyst's notes are screened only when asked for by name or with `all`.
 * For `/search`, `default` is every live dataset, as it always was.
 */
export const ALL_DATASETS = 'default';
export const EVERY_DATASET = 'all';
