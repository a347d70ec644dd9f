// Finds who and what a text mentions. Names: runs of name-like words (capitalised, or in a caseless
// script such as Hangul, Han or Arabic) are screened window by window with the screening matcher
// itself, so every script, transliteration and alias the matcher knows works here (Пригожин finds
// PRIGOZHIN) and each link carries the matcher's score and explanation. A surname met again after a
// full name links to the same entity (coreference). Identifiers, dates, quantities and countries
// come from their own patterns (patterns.ts). Mentions name the store's entity ids; a resolver can
// later map them to canonical ones.
import type { FtmEntity } from '../model/entity.ts';
import type { Screener, ScoredEntity } from '../screening/screener.ts';
import type { QueryEntity } from '../screening/query.ts';
import type { Explanation } from '../screening/compare.ts';
import { namesOf } from '../screening/candidate-index.ts';
import { dropOverlaps, findPatternMentions, type PatternMention } from './patterns.ts';
import { Slices } from '../model/turns.ts';

export type MentionKind = 'entity' | PatternMention['kind'];

export interface EntityCandidate {
  id: string;
  caption: string;
  schema: string;
  score: number;
  datasets: string[];
  /** True when the entity is on a sanctions list (FtM topic `sanction`). */
  sanctioned: boolean;
  /** The matcher's reasons; for a lone surname, the full name it refers to and that name's reasons. */
  explanations: Explanation[] | { coreference: string; antecedent: Explanation[] };
}

export interface FoundMention {
  kind: MentionKind;
  start: number;
  end: number;
  text: string;
  value: string | null;
  entityId: string | null;
  score: number | null;
  candidates: EntityCandidate[];
}

export interface FindOptions {
  /** Score at which a window is a mention (default: the matcher's threshold). */
  threshold?: number;
  /** Called with the share of the text done, between 0 and 1. */
  onProgress?: (done: number) => void;
}

const MAX_WINDOW = 6;
const IDENTIFIER_QUERIES: Partial<Record<MentionKind, { schema: string; prop: string }>> = {
  imo: { schema: 'Vessel', prop: 'imoNumber' },
  mmsi: { schema: 'Vessel', prop: 'mmsi' },
  passport: { schema: 'Person', prop: 'passportNumber' },
};
const CANDIDATES_KEPT = 5;
/** A window scoring this is taken without trying the shorter windows inside it. */
const SURE_SCORE = 0.95;
const CANDIDATE_FLOOR = 0.5;
/** A lone word must match better than a full name: one word says less. */
const SINGLE_WORD_THRESHOLD = 0.97;
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const CASELESS = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CAPITALISED = /^\p{Lu}/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}\p{N}'’-]+$/u;
/** Lower-case words that may sit inside a name: Bank of East Land, Abd al-Rahman, van der Berg. */
const CONNECTORS = new Set(['of', 'bin', 'ibn', 'al', 'el', 'de', 'del', 'da', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'and', 'for', 'ul']);
/** Capitalised words that start sentences or headings rather than names. */
const FUNCTION_WORDS = new Set(
  ('a an the in on at of to for by with from into under over after before since during while when where what which who whom whose why how this that these those it its ' +
    'he she they we you i his her their our my your there here if but and or nor so yet as than then also most more many much some any each every both either neither ' +
    'not no is are was were be been has have had do does did will would can could should may might must shall recent recently clearly indeed however although though ' +
    'because despite meanwhile moreover furthermore analysis according mr mrs ms dr').split(' '),
);

interface Token {
  start: number;
  end: number;
  text: string;
}

interface Window {
  start: number;
  end: number;
  text: string;
  words: number;
}

export class MentionFinder {
  private readonly cache = new Map<string, ScoredEntity[]>();
  readonly threshold: number;
  /** Listed names of one Latin word (KOMID, WAGNER): only such a word alone can reach the single-word bar. */
  private readonly oneWordNames: Set<string>;

  constructor(
    private readonly screener: Screener,
    options: { threshold?: number } = {},
  ) {
    this.threshold = options.threshold ?? screener.engine.defaultThreshold;
    this.oneWordNames = new Set();
    for (const entity of screener.index.entities) {
      for (const name of namesOf(entity)) {
        const words = name.match(WORD) ?? [];
        if (words.length === 1) this.oneWordNames.add(words[0].toLowerCase());
      }
    }
  }

  /** All mentions, in text order; yields to the event loop between slices so a server keeps answering. */
  async find(text: string, options: FindOptions = {}): Promise<FoundMention[]> {
    const patterns = findPatternMentions(text);
    const countrySpans = patterns.filter((p) => p.kind === 'country');
    const names: FoundMention[] = [];
    const runs = nameRuns(text);
    const slices = new Slices(20);
    for (let r = 0; r < runs.length; r++) {
      names.push(...this.screenRun(text, runs[r], countrySpans));
      if (slices.due()) {
        options.onProgress?.(runs[r][0].start / Math.max(1, text.length));
        await slices.turn();
      }
    }
    const vessels = this.vesselsAfterPrefix(text);
    // The prefix (M/V) is not part of the name: a name window that reaches into it gives way.
    const linked = dropOverlaps([...vessels, ...names.filter((n) => !vessels.some((v) => n.start < v.end && v.start < n.end))]);
    const identified = patterns.filter((p) => p.kind !== 'vessel').map((p) => this.linkIdentifier(asMention(p)));
    const all = [...linked, ...this.coreferences(runs.filter((r) => r.length === 1), linked), ...identified];
    options.onProgress?.(1);
    return dropOverlaps(all).sort((a, b) => a.start - b.start);
  }

  /** Windows of a run: from each position the best-scoring window (the longer on a tie) consumes its words. */
  private screenRun(text: string, run: Token[], countries: PatternMention[]): FoundMention[] {
    const found: FoundMention[] = [];
    let i = 0;
    while (i < run.length) {
      let best: FoundMention | null = null;
      let bestLen = 0;
      for (let len = Math.min(MAX_WINDOW, run.length - i); len >= 1; len--) {
        const first = run[i];
        const last = run[i + len - 1];
        if (CONNECTORS.has(first.text) || CONNECTORS.has(last.text)) continue;
        if (len === 1 && FUNCTION_WORDS.has(first.text.toLowerCase())) continue;
        if (!run.slice(i, i + len).some((t) => t.text.length >= 3 || CASELESS.test(t.text))) continue; // initials alone (S, De C) name nobody
        // A Latin word alone reaches the single-word bar (0.97) only as a one-word listed name.
        if (len === 1 && LATIN_WORD.test(first.text) && !this.oneWordNames.has(first.text.toLowerCase())) continue;
        const window: Window = { start: first.start, end: last.end, text: text.slice(first.start, last.end), words: len };
        if (countries.some((c) => c.start === window.start && c.end === window.end)) continue; // a country, not a name
        const mention = this.screenWindow(window, 'LegalEntity', 'entity');
        if (mention && (!best || mention.score! > best.score!)) {
          best = mention;
          bestLen = len;
          if (mention.score! >= SURE_SCORE) break; // shorter windows cannot do better
        }
      }
      if (best) {
        found.push(best);
        i += bestLen;
      } else i++;
    }
    return found;
  }

  private screenWindow(window: Window, schema: string, kind: MentionKind): FoundMention | null {
    // On a tie, a listed entity before a case file's record of the same person.
    // An acronym match (Nancy King ~ LLC "NK") stands only where the text writes an acronym (KOMID).
    const acronymInText = /(^|[^\p{L}])\p{Lu}{2,}([^\p{L}]|$)/u.test(window.text);
    const results = [...this.screen(window.text, schema)].filter((r) => acronymInText || leadFeature(r) !== 'name.acronym').sort((a, b) => b.score - a.score || Number(isSanctioned(b.entity)) - Number(isSanctioned(a.entity)));
    const best = results[0];
    const threshold = window.words === 1 && !CASELESS.test(window.text) ? Math.max(SINGLE_WORD_THRESHOLD, this.threshold) : this.threshold;
    if (!best || best.score < threshold) return null;
    return {
      kind,
      start: window.start,
      end: window.end,
      text: window.text,
      value: null,
      entityId: best.entity.id,
      score: round(best.score),
      candidates: results.filter((r) => r.score >= CANDIDATE_FLOOR).slice(0, CANDIDATES_KEPT).map(candidateOf),
    };
  }

  private screen(value: string, schema: string, prop = 'name'): ScoredEntity[] {
    const key = `${schema}\u0000${prop}\u0000${value.toLowerCase()}`;
    let results = this.cache.get(key);
    if (!results) {
      const query: QueryEntity = { id: 'mention', schema, properties: { [prop]: [value] } };
      results = this.screener.screen(query, { limit: CANDIDATES_KEPT, threshold: this.threshold, cutoff: CANDIDATE_FLOOR - 0.001 }).results;
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(key, results);
    }
    return results;
  }

  /** IMO, MMSI and passport numbers link to the entities that carry them (the matcher keys identifiers). */
  private linkIdentifier(m: FoundMention): FoundMention {
    const spec = IDENTIFIER_QUERIES[m.kind];
    if (!spec || !m.value) return m;
    const results = this.screen(m.value, spec.schema, spec.prop);
    const best = results[0];
    if (!best || best.score < this.threshold) return m;
    return { ...m, entityId: best.entity.id, score: round(best.score), candidates: results.filter((r) => r.score >= CANDIDATE_FLOOR).slice(0, CANDIDATES_KEPT).map(candidateOf) };
  }

  /** Vessel names after M/V, MV, M/T, MT: screened as vessels; kept as vessel mentions even when on no list. */
  private vesselsAfterPrefix(text: string): FoundMention[] {
    const out: FoundMention[] = [];
    const re = /\b(?:M\/V|M\.V\.|MV|M\/T|MT|SS)\s+((?:[\p{Lu}\p{N}][\p{L}\p{N}-]*)(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}-]*){0,4})/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[0].length - m[1].length;
      const window: Window = { start, end: start + m[1].length, text: m[1], words: m[1].split(/\s+/).length };
      const linked = this.screenWindow({ ...window, words: Math.max(2, window.words) }, 'Vessel', 'vessel');
      out.push(linked ?? { kind: 'vessel', start: window.start, end: window.end, text: window.text, value: window.text, entityId: null, score: null, candidates: [] });
    }
    return out;
  }

  /** A lone surname after a linked full name in the same text (Shoigu after Sergei Shoigu). */
  private coreferences(lone: Token[][], linked: FoundMention[]): FoundMention[] {
    const bySurname = new Map<string, FoundMention>();
    const out: FoundMention[] = [];
    const taken = linked.map((m) => [m.start, m.end] as const);
    const isTaken = (s: number) => taken.some(([a, b]) => s >= a && s < b);
    const firstAt = new Map<string, number>();
    for (const m of linked) {
      if (m.kind !== 'entity' || !m.entityId || m.candidates[0]?.schema !== 'Person') continue;
      const words = m.text.match(WORD) ?? [];
      if (words.length < 2) continue;
      const surnames = [words[words.length - 1]];
      for (const s of surnames) {
        const key = s.toLowerCase();
        if (FUNCTION_WORDS.has(key) || bySurname.has(key)) continue;
        bySurname.set(key, m);
        firstAt.set(key, m.end);
      }
    }
    if (bySurname.size === 0) return out;
    // Only a surname standing alone: in "Mary Garcia" the Garcia is someone else's.
    for (const run of lone) {
      const w = run[0];
      const antecedent = bySurname.get(w.text.toLowerCase());
      if (!antecedent || w.start < firstAt.get(w.text.toLowerCase())! || isTaken(w.start) || !CAPITALISED.test(w.text)) continue;
      out.push({
        kind: 'entity',
        start: w.start,
        end: w.end,
        text: w.text,
        value: null,
        entityId: antecedent.entityId,
        score: round((antecedent.score ?? 0) * 0.95),
        candidates: antecedent.candidates.map((c) =>
          c.id === antecedent.entityId ? { ...c, explanations: { coreference: `the surname of "${antecedent.text}" at ${antecedent.start}–${antecedent.end}`, antecedent: Array.isArray(c.explanations) ? c.explanations : c.explanations.antecedent } } : c,
        ),
      });
    }
    return out;
  }
}

/** Runs of name-like words not broken by punctuation, as candidate names. */
export function nameRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let lastEnd = -1;
  const close = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1].text)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const token = { start: m.index, end: m.index + m[0].length, text: m[0] };
    const gap = lastEnd < 0 ? '' : text.slice(lastEnd, token.start);
    if (run.length && !/^[ \u00a0]+$/u.test(gap)) close();
    const nameLike = CAPITALISED.test(token.text) || CASELESS.test(token.text);
    if (nameLike) {
      // A sentence's first word is capitalised anyway: a function word there starts no name.
      if (!(run.length === 0 && FUNCTION_WORDS.has(token.text.toLowerCase()))) run.push(token);
    } else if (run.length && CONNECTORS.has(token.text)) run.push(token);
    else close();
    lastEnd = token.end;
  }
  close();
  return runs;
}

function asMention(p: PatternMention): FoundMention {
  return { kind: p.kind, start: p.start, end: p.end, text: p.text, value: p.value, entityId: null, score: null, candidates: [] };
}

function candidateOf(r: ScoredEntity): EntityCandidate {
  const e: FtmEntity = r.entity;
  return {
    id: e.id,
    caption: e.caption ?? e.id,
    schema: e.schema,
    score: round(r.score),
    datasets: e.datasets ?? [],
    sanctioned: isSanctioned(e),
    explanations: explanationsOf(r.explanations),
  };
}

/** The screener hands explanations on untyped; a candidate keeps those of the matcher's shape. */
function explanationsOf(value: unknown): Explanation[] {
  return Array.isArray(value) ? value.filter(isExplanation) : [];
}

function isExplanation(v: unknown): v is Explanation {
  return typeof v === 'object' && v !== null && 'feature' in v && typeof v.feature === 'string' && 'weight' in v && typeof v.weight === 'number' && 'detail' in v && typeof v.detail === 'string';
}

function leadFeature(r: ScoredEntity): string | undefined {
  const first = Array.isArray(r.explanations) ? (r.explanations[0] as { feature?: unknown } | undefined) : undefined;
  return typeof first?.feature === 'string' ? first.feature : undefined;
}

function isSanctioned(e: FtmEntity): boolean {
  return (e.properties.topics ?? []).some((t) => t.startsWith('sanction'));
}

const round = (n: number) => Math.round(n * 1000) / 1000;
