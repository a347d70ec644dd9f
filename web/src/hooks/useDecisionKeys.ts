// Keyboard decisions on the Resolve page: s same, n not same, u unsure, z undo, j/k and arrow keys to
// move. Never while typing: keys in an input, a select, a text area or an editable element are theirs.
import { useEffect, useRef } from 'react';

export type DecisionKey = 'same' | 'not-same' | 'unsure' | 'undo' | 'next' | 'previous';

const KEYS: Record<string, DecisionKey> = {
  s: 'same',
  n: 'not-same',
  u: 'unsure',
  z: 'undo',
  j: 'next',
  ArrowDown: 'next',
  ArrowRight: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  ArrowLeft: 'previous',
};

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable;
}

export function useDecisionKeys(onKey: (key: DecisionKey) => void): void {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    const listen = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const key = KEYS[e.key];
      if (!key) return;
      e.preventDefault();
      handler.current(key);
    };
    window.addEventListener('keydown', listen);
    return () => window.removeEventListener('keydown', listen);
  }, []);
}
