// Seeded randomness and the name mangling used to make evaluation data (typos, swapped order,
// dropped middle parts), shared by make-pairs.ts and screen-eval.ts.
let seed = 20240601;

/** Restarts the sequence (each script seeds its own). */
export function reseed(s: number): void {
  seed = s;
}

export function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}


/** "KIM, Jong Un" → "Jong Un Kim". */
export const natural = (n: string) => (n.includes(', ') ? n.split(', ').slice(1).join(' ') + ' ' + n.split(', ')[0] : n);

export function mangleToken(t: string): string {
  const i = 1 + Math.floor(rand() * (t.length - 2));
  const letters = 'aeioulnrstkm';
  switch (Math.floor(rand() * 4)) {
    case 0: return t.slice(0, i) + pick([...letters]) + t.slice(i + 1); // substitution
    case 1: return t.slice(0, i) + t.slice(i + 1); // deletion
    case 2: return t.slice(0, i) + pick([...letters]) + t.slice(i); // insertion
    default: return t.slice(0, i - 1) + t[i] + t[i - 1] + t.slice(i + 1); // transposition
  }
}

/** Mangles a name the way people type it: a typo in a long word, swapped order, a dropped middle part. */
export function mangle(name: string, schema: string): { text: string; note: string } | undefined {
  const tokens = natural(name).split(/\s+/).filter(Boolean);
  const notes: string[] = [];
  let t = tokens.slice();
  const long = t.map((x, i) => [x, i] as const).filter(([x]) => x.length >= 7);
  if (long.length && rand() < 0.8) {
    const [x, i] = pick(long);
    t[i] = mangleToken(x);
    notes.push('typo');
  }
  if (schema === 'Person' && t.length >= 2 && rand() < 0.5) {
    t = [t[t.length - 1], ...t.slice(0, -1)];
    notes.push('reordered');
  }
  if (schema === 'Person' && t.length >= 4 && rand() < 0.4) {
    t.splice(1 + Math.floor(rand() * (t.length - 2)), 1);
    notes.push('middle part dropped');
  }
  if (!notes.length) return undefined;
  return { text: t.join(' '), note: notes.join(', ') };
}

