// Who may do what: four roles, each with everything the one before it may do (issue 13).
import { ValidationError } from '../model/errors.ts';

export const ROLES = ['viewer', 'analyst', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - viewer: search, profiles, screening, graph and lists (reads)
 * - analyst: + claims, documents, judgements, first-level decisions
 * - reviewer: + second-level decisions, closing true matches
 * - admin: + users, keys, imports, sync, settings
 */
export const ROLE_DUTIES: Record<Role, string> = {
  viewer: 'search, profiles, screening, graph and lists',
  analyst: 'viewer + claims, documents, judgements, first-level decisions',
  reviewer: 'analyst + second-level decisions, closing true matches',
  admin: 'reviewer + users, API keys, imports, sync, settings',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function parseRole(value: unknown, field = 'role'): Role {
  if (!isRole(value)) throw new ValidationError(field, `unknown role "${String(value).slice(0, 40)}" (use one of ${ROLES.join(', ')})`);
  return value;
}

/** Whether `role` may do what `needed` may. */
export function atLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
