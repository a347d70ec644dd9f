// Hash routing: `#/entity/ID?x=1`. Works from any server path without a fallback route.
import { useSyncExternalStore } from 'react';

export interface Route {
  /** Path segments after `#/`, decoded: `#/entity/abc` → ['entity', 'abc']. */
  segments: string[];
  params: URLSearchParams;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path, search = ''] = body.split('?', 2);
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}

/** Build an href for a route: href('entity', id) or href('search', { q }). */
export function href(...parts: (string | Record<string, string | number | undefined | null>)[]): string {
  const segments: string[] = [];
  const params = new URLSearchParams();
  for (const p of parts) {
    if (typeof p === 'string') segments.push(encodeURIComponent(p));
    else for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const q = params.toString();
  return `#/${segments.join('/')}${q ? `?${q}` : ''}`;
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
