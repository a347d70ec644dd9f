// What the asker may see (issue 13): worked out once per request from its principal, and handed to the
// domain rooms as a plain predicate over dataset names (null when nothing is hidden from it).
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, type Principal } from '../access/accounts.ts';
import { Workspaces } from '../access/workspaces.ts';
import { AuthenticationError } from '../model/errors.ts';
import { seesAny, type Sees } from '../model/visibility.ts';
import { SqlStore } from '../store/sql-store.ts';
import type { Store } from '../store/types.ts';

const workspacesOf = new WeakMap<Store, Workspaces>();
const seen = new WeakMap<FastifyRequest, Promise<Sees>>();

export function workspacesFor(store: Store): Workspaces {
  let w = workspacesOf.get(store);
  if (!w) workspacesOf.set(store, (w = Workspaces.of(store)));
  return w;
}

/** What a key's scope alone allows: a store without access tables (an in-memory reader) has no workspaces. */
function keyScope(p: Principal): Sees {
  const only = p.datasets ? new Set(p.datasets) : null;
  return only && ((dataset) => only.has(dataset));
}

/**
 * The datasets the request's principal may read. Without one (a route plugin mounted without the
 * access hooks, as some tests do) it reads as an anonymous visitor would: no workspace, never more.
 */
export function seesFor(req: FastifyRequest, store: Store): Promise<Sees> {
  let sees = seen.get(req);
  if (!sees) {
    const principal = req.principal ?? ANONYMOUS;
    sees = store instanceof SqlStore ? workspacesFor(store).sees(principal) : Promise.resolve(keyScope(principal));
    seen.set(req, sees);
  }
  return sees;
}

/** The workspace's id a request means by an id or a name among its principal's own workspaces (else 404). */
export function resolveWorkspace(req: FastifyRequest, store: Store, ref: string): Promise<string> {
  return workspacesFor(store).resolve(ref, req.principal ?? ANONYMOUS);
}

/** Refuses a write to a workspace the principal is not an analyst member of (or outside its key's datasets). */
export async function checkWrite(req: FastifyRequest, store: Store, dataset: string): Promise<void> {
  if (!req.principal) throw new AuthenticationError('sign in, or send an API key (Authorization: ApiKey idk_…)');
  await workspacesFor(store).checkWrite(req.principal, dataset);
}

/**
 * The store as an analyst write sees it: an entity known only to workspaces hidden from the asker is
 * undefined, as an unknown id is. So a statement about it or a relationship to it is refused as for a
 * missing id, and its id is free to create: no answer says that a workspace holds it.
 */
export async function storeAsSeen(req: FastifyRequest, store: Store): Promise<Pick<Store, 'getEntity' | 'addStatements'>> {
  const sees = await seesFor(req, store);
  if (sees === null) return store;
  return {
    getEntity: async (id) => {
      const entity = await store.getEntity(id);
      return entity && seesAny(sees, entity.datasets) ? entity : undefined;
    },
    addStatements: (...args) => store.addStatements(...args),
  };
}
