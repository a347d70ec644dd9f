// Who is signed in, asked once and shared by every page: `useMe().can('analyst')` is the one question
// a page asks before it shows a write control (the server refuses the write anyway).
import { useEffect, useSyncExternalStore } from 'react';
import { accessApi, atLeast, type Me, type Role } from '../api/access.ts';

interface MeState {
  /** undefined until the first answer. */
  me: Me | undefined;
  error: Error | undefined;
}

let state: MeState = { me: undefined, error: undefined };
let asked = false;
const listeners = new Set<() => void>();

function publish(next: MeState): void {
  state = next;
  listeners.forEach((l) => l());
}

/** Asks the server again (after signing in or out, a changed password). */
export async function refreshMe(): Promise<Me | undefined> {
  asked = true;
  try {
    const me = await accessApi.me();
    publish({ me, error: undefined });
    return me;
  } catch (error) {
    publish({ me: state.me, error: error as Error });
    return undefined;
  }
}

/** An answer that already says who is signed in (sign-in, the welcome link) needs no second question. */
export function setMe(me: Me): void {
  publish({ me, error: undefined });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface MeView extends MeState {
  /** Whether whoever is signed in may do what `role` may (false while unknown and for nobody). */
  can: (role: Role) => boolean;
  /** Nobody is signed in but reading is open to all. */
  anonymousReader: boolean;
}

export function useMe(): MeView {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!asked) void refreshMe();
  }, []);
  const principal = current.me?.principal ?? null;
  return {
    ...current,
    can: (role) => principal !== null && atLeast(principal.role, role),
    anonymousReader: current.me !== undefined && principal === null && current.me.anonymous_read,
  };
}
