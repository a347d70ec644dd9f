// The delta re-screen's sift over every monitored record (see siftRecords): each distinct query once,
// handed to the screening threads in name order across the whole portfolio, not window by window.
import { nextTurn } from '../model/turns.ts';
import { sameSet, setHas } from '../screening/id-sets.ts';
import { NAME_ORDER_WINDOW } from '../screening/name-order.ts';
import type { QueryTexts } from '../screening/pool.ts';
import { recordKey, type Monitor } from './monitor.ts';

/** What the sift asks of a batch screener (service.ts, BatchScreener). */
export interface Sifter {
  /**
   * Whether each query has a result that is not clear among the targets `within` and those not in its
   * `known` (Screener.sifts' ConsideredTargets; none given: only `within`), and what each is now scored
   * against, in order. `queries`: their JSON texts, as the store keeps them.
   */
  sift(queries: QueryTexts, within: Uint8Array, known?: Uint32Array[]): Promise<SiftAnswer>;
}
type SiftAnswer = { flags: ArrayLike<number | boolean>; considered: Uint32Array[] };
type RecordRef = { portfolio_id: string; ref: string };

/**
 * The records with a result that is not clear among the live targets `within` or the targets new to
 * the record (Screener.sifts: a yes or no per record, not its results), in the batch screener's worker
 * threads. Each distinct query, with what it was scored against, is sifted once: customer files repeat
 * records under other references.
 *
 * Each record's candidates are those a full re-screen finds, and of them the sieve's are scored: a new
 * hit among its targets is found by construction. So are the targets the record was not scored against
 * before (`known`): a list change moves the ranking of candidates (weights, targets added or gone), and
 * an unchanged target that enters a record's candidates is scored by a full re-screen (session 12's
 * delta missed 114 such alerts at 1,000,000 records). A record screened without `known` has all its
 * candidates scored. A record with a hit on a target that left its candidates is flagged too: a full
 * re-screen no longer scores that target, and a lower result it held out of the best `limit` comes in.
 * Each record's new set is kept, but those flagged: their re-screen keeps it with their hits, so a delta
 * cut short and run again still finds them.
 *
 * The threads are handed the first LEAD_RECORDS records' queries as they are read, `window` at a time,
 * and the rest once all are read, in name order across them all: a query next to one with the same names
 * reuses its keys and name scores (CandidateIndex.queryKeys, compare.ts prepareQuery). In name order across
 * the bench's 1,000,000 records, 72 % of the distinct queries follow one with the same names; within
 * 50,000-record windows, 26 %. A portfolio larger than `segment` records is sifted a segment at a time.
 *
 * An index of the sieve's targets alone (before session 12) weighed keys by their rarity among those,
 * ranked other candidates first and missed some (a record named like the acronym of a new target).
 */
export async function siftRecords(monitor: Monitor, sifter: Sifter, within: Uint8Array, options: { window?: number; segment?: number } = {}): Promise<RecordRef[]> {
  const window = options.window ?? NAME_ORDER_WINDOW;
  const segmentSize = options.segment ?? SEGMENT_RECORDS;
  const flagged: RecordRef[] = [];
  const hits = await monitor.hitTargets();
  let segment = new SiftSegment(sifter, within, window);
  for await (const chunk of monitor.recordChunks()) {
    for (const r of chunk) segment.add(r);
    if (segment.records < LEAD_RECORDS) segment.handOver(false);
    if (segment.records >= segmentSize) {
      await segment.settle(monitor, hits, flagged);
      segment = new SiftSegment(sifter, within, window);
    }
    await nextTurn();
  }
  await segment.settle(monitor, hits, flagged);
  return flagged;
}

/**
 * Records read and handed over as they come, before the rest are sorted by name: work for the threads
 * while this thread reads the rest (the bench's first 150,000 records hold 131,862 distinct queries, ≈ 7 s
 * of sifting at its pace: 748,800 in the sift alone's 41 s).
 */
const LEAD_RECORDS = 150_000;
/** Records sifted together (their distinct queries in name order, and a few numbers for each record in memory). */
const SEGMENT_RECORDS = 1_000_000;
/** Moved sets written per transaction. */
const STORE_CHUNK = 5_000;
/** `known` for a record screened before it was kept: nothing known, every candidate scored. */
const NOTHING_KNOWN = new Uint32Array(0);

/** One segment's records (a few numbers each) and their distinct queries, each with what it was scored against. */
class SiftSegment {
  /** Distinct queries: text, and the set the records carrying it were scored against. */
  private readonly texts: string[] = [];
  private readonly known: Uint32Array[] = [];
  /** The first distinct query of each text, and others of the same text with other sets (rare). */
  private readonly firstOf = new Map<string, number>();
  private readonly othersOf = new Map<string, number[]>();
  /** Each record: its portfolio, reference, distinct query, and whether it had a set. */
  private readonly portfolios: string[] = [];
  private readonly refs: string[] = [];
  private readonly slots: number[] = [];
  private readonly hadKnown: boolean[] = [];
  /** Distinct queries handed over so far (in order of appearance, then in name order); the rounds they went in. */
  private handed = 0;
  private readonly rounds: { slots: number[]; answer: Promise<SiftAnswer> }[] = [];

  constructor(
    private readonly sifter: Sifter,
    private readonly within: Uint8Array,
    /** Distinct queries handed over at a time. */
    private readonly window: number,
  ) {}

  get records(): number {
    return this.refs.length;
  }

  add(r: { portfolio_id: string; ref: string; query: string; known: Uint32Array | null }): void {
    const mine = r.known ?? NOTHING_KNOWN;
    let slot = this.firstOf.get(r.query);
    if (slot === undefined) this.firstOf.set(r.query, (slot = this.newSlot(r.query, mine)));
    else if (!sameSet(this.known[slot], mine)) {
      const others = this.othersOf.get(r.query) ?? this.othersOf.set(r.query, []).get(r.query)!;
      slot = others.find((o) => sameSet(this.known[o], mine)) ?? others[others.push(this.newSlot(r.query, mine)) - 1];
    }
    this.portfolios.push(r.portfolio_id);
    this.refs.push(r.ref);
    this.slots.push(slot);
    this.hadKnown.push(r.known !== null);
  }

  private newSlot(text: string, known: Uint32Array): number {
    this.known.push(known);
    return this.texts.push(text) - 1;
  }

  /** Hands the distinct queries not handed yet to the threads, `window` at a time (`all`: the last ones too, in name order). */
  handOver(all: boolean): void {
    const window = this.window;
    let slots = Array.from({ length: this.texts.length - this.handed }, (_, i) => this.handed + i);
    if (!all) slots = slots.slice(0, slots.length - (slots.length % window));
    else slots.sort((a, b) => (this.texts[a] < this.texts[b] ? -1 : this.texts[a] > this.texts[b] ? 1 : a - b));
    for (let i = 0; i < slots.length; i += window) {
      const part = slots.slice(i, i + window);
      const answer = this.sifter.sift(
        part.map((s) => this.texts[s]),
        this.within,
        part.map((s) => this.known[s]),
      );
      answer.catch(() => undefined); // awaited in turn
      this.rounds.push({ slots: part, answer });
    }
    this.handed += slots.length;
  }

  /**
   * Hands over what is left and, once every answer is in, settles the records in the order they were
   * read (their keys' order): flagged, or their new sets written. Written as the answers came, in name
   * order, the updates met the table's pages at random: the writes took 29.4 s of this thread in a
   * delta at 1,000,000 records, against 6.3 s in key order (profiles).
   */
  async settle(monitor: Monitor, hits: Map<string, number[]>, flagged: RecordRef[]): Promise<void> {
    this.handOver(true);
    const answers: SiftAnswer[] = [];
    const roundOf = new Int32Array(this.texts.length);
    const placeOf = new Int32Array(this.texts.length);
    for (const round of this.rounds) {
      round.slots.forEach((slot, k) => {
        roundOf[slot] = answers.length;
        placeOf[slot] = k;
      });
      answers.push(await round.answer);
    }
    let moved: { portfolio_id: string; ref: string; considered: Uint32Array }[] = [];
    for (let i = 0; i < this.refs.length; i++) {
      const slot = this.slots[i];
      const { flags, considered } = answers[roundOf[slot]];
      const k = placeOf[slot];
      const record = { portfolio_id: this.portfolios[i], ref: this.refs[i] };
      const hitOn = hits.get(recordKey(record.portfolio_id, record.ref));
      if (flags[k] || hitOn?.some((target) => !setHas(considered[k], target))) flagged.push(record);
      else if (!this.hadKnown[i] || !sameSet(this.known[slot], considered[k])) moved.push({ ...record, considered: considered[k] });
      if (moved.length === STORE_CHUNK) {
        await monitor.storeConsidered(moved);
        moved = [];
      }
    }
    await monitor.storeConsidered(moved);
  }
}
