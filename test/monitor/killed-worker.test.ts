// Work shared across processes (issue 14), on one throwaway PostgreSQL database: two `interdict serve`
// processes that run no jobs, two `interdict worker` processes, and a portfolio of thousands of records
// (real OFAC names, many of them touched by the 2023-12-28 version, each written several ways, and
// synthetic ones). `interdict import` of 2023-12-28 queues the re-screen; once a worker has committed
// part of it, that worker is killed (SIGKILL). Its lease lapses, the other worker takes the job and
// finishes it, and the alerts equal those of the same re-screen run without a kill on a copy of the
// database: none lost, none doubled. Progress shows on both servers. PostgreSQL only (skipped without
// INTERDICT_TEST_PG_URL).
// The lists are the real subset (test/support/ofac-files.ts): what is under test is the hand-over of a
// re-screen of thousands of records, which the subset's change gives as well as the whole lists' (the
// delta over the whole lists is delta-sift.test.ts's, on SQLite), at a fraction of the builds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDirFor } from '../../src/graph/snapshot.ts';
import { Monitor, type AlertView } from '../../src/monitor/monitor.ts';
import { uploadPortfolio } from '../../src/monitor/service.ts';
import { readScreeningInput } from '../../src/screening/batch-input.ts';
import { openStore } from '../../src/store/open.ts';
import { authHeaders } from '../support/credentials.ts';
import { PG_URL, withPgClient } from '../support/engines.ts';
import { importedStore } from '../support/imported.ts';
import { SDN_2021_SUBSET as SDN_2021, SDN_2023_SUBSET as SDN_2023 } from '../support/ofac-files.ts';

const BIN = new URL('../../bin/interdict.js', import.meta.url).pathname;
/** Seconds a worker's lease lasts here (30 by default): a killed worker's job is taken back after it. */
const LEASE_SECONDS = 6;

interface Entry {
  id: string;
  name: string;
  type: string;
}

const SCHEMAS: Record<string, string> = { individual: 'Person', vessel: 'Vessel', '-0-': 'Company' };

function sdnEntries(text: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const line of text.split('\n')) {
    // The type is quoted, or `-0- ` (no type: an organisation).
    const m = /^(\d+),"([^"]*)",(?:"([^"]*)"|(-0-) )/.exec(line);
    if (m) out.set(m[1], { id: m[1], name: m[2], type: m[3] ?? m[4] });
  }
  return out;
}

const titleCase = (s: string) => s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/**
 * The ways customer files write a listed name: "KIM, Jong Un" as "Jong Un Kim", "Kim Jong Un", "JONG UN
 * KIM" and "jong un kim"; "KOREA MINING DEVELOPMENT TRADING CORPORATION" as listed, in title case and in
 * lower case. Each is a record of its own, screened on its own (the batch screener merges only equal ones).
 */
function customerNames(e: Entry): string[] {
  if (e.type !== 'individual' || !e.name.includes(', ')) return [e.name, titleCase(e.name), e.name.toLowerCase()];
  const [last, first] = e.name.split(', ').map(titleCase);
  return [`${first} ${last}`, `${last} ${first}`, `${first} ${last}`.toUpperCase(), `${first} ${last}`.toLowerCase()];
}

/**
 * Records named after entries added in 2023 (new hits), entries in both versions (hits the change may
 * touch) and entries removed since 2021 (lifted), each in every way of writing it, and synthetic names
 * that hit nothing. The change touches the added and removed entries' records (the subset's kept entries
 * barely change): each of those is held under `accounts` references, as customer files hold one customer
 * under several accounts, so the re-screen commits thousands of records, part after part, and the kill
 * falls between two parts.
 */
function portfolioCsv(sizes: { accounts: number; synthetic: number }): string {
  const before = sdnEntries(readFileSync(SDN_2021[0], 'latin1'));
  const after = sdnEntries(readFileSync(SDN_2023[0], 'latin1'));
  const rows = ['id,schema,name'];
  const add = (prefix: string, entries: Entry[], accounts: number) => {
    for (const e of entries.filter((e) => e.type in SCHEMAS)) {
      customerNames(e).forEach((name, i) => {
        for (let n = 0; n < accounts; n++) rows.push(`${prefix}${i}-${e.id}-${n},${SCHEMAS[e.type]},"${name}"`);
      });
    }
  };
  add('A', [...after.values()].filter((e) => !before.has(e.id)), sizes.accounts);
  add('K', [...before.values()].filter((e) => after.has(e.id)), 1);
  add('R', [...before.values()].filter((e) => !after.has(e.id)), sizes.accounts);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tus', 'vel', 'dor', 'pa', 'sin', 'qua', 'bex', 'fo'];
  for (let i = 0; i < sizes.synthetic; i++) {
    const word = (k: number) => {
      let w = '';
      for (let j = 0; j < 3; j++) w += syllables[(i * 7 + k * 13 + j * 5 + Math.floor(i / (j + 2))) % syllables.length];
      return w[0].toUpperCase() + w.slice(1);
    };
    rows.push(i % 3 ? `S-${i},Person,${word(1)} ${word(2)}` : `S-${i},Company,${word(1)} ${word(2)} Trading Ltd`);
  }
  return rows.join('\n') + '\n';
}

async function admin<T>(query: string): Promise<T[]> {
  return withPgClient(async (client) => (await client.query(query)).rows as T[]);
}

function databaseUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A child `interdict` process whose output is kept; `line` waits for a line of it matching a pattern. */
class Child {
  readonly process: ChildProcess;
  output = '';
  readonly exited: Promise<number | null>;
  private readonly waiting = new Set<() => void>();

  constructor(args: string[], env: Record<string, string>) {
    this.process = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => {
      this.output += d;
      for (const w of this.waiting) w();
    };
    this.process.stdout!.on('data', keep);
    this.process.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => {
      for (const w of this.waiting) w();
      resolve(code);
    }));
  }

  line(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const check = () => {
        const m = pattern.exec(this.output);
        if (m) done(undefined, m);
        else if (this.process.exitCode !== null) done(new Error(`exited (${this.process.exitCode}) before a line matching ${pattern}:\n${this.output}`));
      };
      const done = (error?: Error, m?: RegExpExecArray) => {
        clearTimeout(timer);
        this.waiting.delete(check);
        if (error) reject(error);
        else resolve(m!);
      };
      this.waiting.add(check);
      check();
    });
  }

}

interface JobView {
  id: string;
  state: string;
  progress: number;
  message: string;
  attempts: number;
  worker: string | null;
  error: string | null;
  result: unknown;
}

/** What must be equal between the two databases: who was alerted about what, and why. */
const alertKey = (a: AlertView) => [a.ref, a.target_id, a.kind, a.reason].join(' | ');
const fromTheChange = (a: AlertView) => (a.detail as { list: unknown }).list !== null;

describe.skipIf(!PG_URL)('a worker killed in the middle of a re-screen, on PostgreSQL', () => {
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  /** The database the servers and workers share: a copy of the run's OFAC 2021 import (test/support/imported.ts). */
  let main = '';
  const reference = `interdict_killed_ref_${suffix}`;
  const dir = mkdtempSync(join(tmpdir(), 'interdict-killed-worker-'));
  const children: Child[] = [];
  const start = (args: string[], database: string, env: Record<string, string> = {}) => {
    const child = new Child(args, { DATABASE_URL: databaseUrl(database), INTERDICT_DB: join(dir, 'unused.db'), INTERDICT_NO_BUNDLED: '1', INTERDICT_LOG_LEVEL: 'warn', INTERDICT_RATE_LIMIT: '0', INTERDICT_JOB_LEASE_SECONDS: String(LEASE_SECONDS), ...env });
    children.push(child);
    return child;
  };
  let headers: { authorization: string };
  let uploadAlerts = 0;
  let jobId: string;

  beforeAll(async () => {
    const { store, url, sqlitePath } = await importedStore('postgres', SDN_2021, { author: 'test' });
    main = new URL(url!).pathname.slice(1);
    try {
      writeFileSync(join(dir, 'portfolio.csv'), portfolioCsv({ accounts: 6, synthetic: 500 }));
      const report = await uploadPortfolio(store, 'book', await readScreeningInput(join(dir, 'portfolio.csv')), { mode: 'replace', actor: 'test' });
      uploadAlerts = report.alerts;
      headers = await authHeaders(store);
    } finally {
      await store.close();
      rmSync(dirname(sqlitePath), { recursive: true, force: true });
    }
    // The import queues the re-screen; no worker runs yet.
    const imported = start(['import', ...SDN_2023], main);
    expect(await imported.exited, imported.output).toBe(0);
    jobId = /re-screen of us_ofac_sdn after version \d+ → \d+ queued as job (\S+)/.exec(imported.output)?.[1] ?? '';
    expect(jobId, imported.output).not.toBe('');
    // The reference: a copy of the database as it is now, its re-screen run whole.
    await admin(`create database ${reference} template ${main}`);
  }, 600_000);

  afterAll(async () => {
    for (const c of children) c.process.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    for (const name of [main, reference]) {
      if (!name) continue;
      await admin(`drop database if exists ${name} with (force)`);
      rmSync(snapshotDirFor({ databaseUrl: databaseUrl(name), sqlitePath: '' })!, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the job on the other worker and raises each alert once', async () => {
    // Ready (their indexes built) before the workers start, so they answer every poll at once. One after
    // the other: the second reads the index and graph the first saved (one build of the list, not two).
    const servers: Child[] = [];
    for (let i = 0; i < 2; i++) {
      servers.push(start(['serve', '--port', '0'], main, { INTERDICT_SERVER_JOBS: '0' }));
      await servers[i].line(/ready in \d+ ms/, 240_000);
    }
    const urls = await Promise.all(servers.map(async (s) => (await s.line(/listening on (http:\/\/\S+?:\d+)/, 120_000))[1]));
    const workers = [start(['worker'], main), start(['worker'], main)];
    const referenceRun = start(['portfolio', 'rescreen', 'us_ofac_sdn'], reference);
    const names = await Promise.all(workers.map(async (w) => (await w.line(/worker (\S+) running rescreen/, 120_000))[1]));
    const get = async <T>(server: number, path: string): Promise<T> => {
      const res = await fetch(`${urls[server]}${path}`, { headers });
      expect(res.status, `${path} on server ${server + 1}`).toBe(200);
      return (await res.json()) as T;
    };
    const alertTotal = async (server: number) => (await get<{ total: number }>(server, '/alerts?portfolio=book&limit=1')).total;
    expect(await alertTotal(0)).toBe(uploadAlerts);

    // Server 1 shows the job active on one worker, part of its records done (and committed): kill that worker.
    let job: JobView;
    const deadline = Date.now() + 300_000;
    for (;;) {
      job = await get<JobView>(0, `/jobs/${jobId}`);
      const m = /re-screened (\d+) of (\d+) records/.exec(job.message);
      if (job.state === 'active' && m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2])) break;
      expect(job.state, JSON.stringify(job)).not.toMatch(/completed|failed/);
      expect(Date.now(), JSON.stringify(job)).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    const victim = names.indexOf(job.worker!);
    expect(victim, JSON.stringify(job)).toBeGreaterThanOrEqual(0);
    workers[victim].process.kill('SIGKILL');
    await workers[victim].exited;
    const survivor = 1 - victim;
    const atKill = await alertTotal(0);
    expect(atKill).toBeGreaterThan(uploadAlerts);

    // Server 2 shows the job go back to the queue, then run again on the other worker to the end.
    const seen: JobView[] = [];
    const until = Date.now() + 300_000;
    do {
      await new Promise((r) => setTimeout(r, 200));
      job = await get<JobView>(1, `/jobs/${jobId}`);
      seen.push(job);
      expect(Date.now(), JSON.stringify(job)).toBeLessThan(until);
    } while (job.state !== 'completed' && job.state !== 'failed');
    expect(job, workers[survivor].output).toMatchObject({ state: 'completed', progress: 1, attempts: 2, worker: names[survivor], error: null });
    const states = seen.map((j) => [j.state, j.worker, j.progress]);
    expect(seen.some((j) => j.state === 'active' && j.worker === names[survivor] && j.progress > 0 && j.progress < 1), JSON.stringify(states)).toBe(true);
    expect(workers[survivor].output).toMatch(new RegExp(`job rescreen ${jobId} started \\(attempt 2\\)`));
    expect(workers[survivor].output).toMatch(new RegExp(`job rescreen ${jobId} completed`));
    // The live index the first worker built was saved beside the store, for the next to read back. A
    // re-screen of these few thousand records runs in the worker's main thread (threads start from the
    // 15,000th record: monitor/service.ts POOL_FROM), so no threads packed prepared forms beside it
    // (those are live-snapshot.test.ts's).
    const saved = readdirSync(snapshotDirFor({ databaseUrl: databaseUrl(main), sqlitePath: '' })!).filter((n) => n.startsWith('screening-live-'));
    expect(saved.map((n) => n.replace(/^screening-live-[0-9a-f]{20}\./, ''))).toEqual(['v8']);

    // The alerts: the same as the re-screen that ran whole, with none twice.
    expect(await referenceRun.exited, referenceRun.output).toBe(0);
    const alerts: AlertView[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await get<{ total: number; results: AlertView[] }>(1, `/alerts?portfolio=book&limit=500&offset=${offset}`);
      alerts.push(...page.results);
      if (alerts.length >= page.total) break;
    }
    const ref = await openStore({ databaseUrl: databaseUrl(reference), sqlitePath: join(dir, 'unused.db') });
    const expected: AlertView[] = [];
    try {
      for (let offset = 0; ; offset += 500) {
        const page = await Monitor.of(ref).alerts({ portfolio: 'book', limit: 500, offset });
        expected.push(...page.results);
        if (expected.length >= page.total) break;
      }
    } finally {
      await ref.close();
    }
    const keys = alerts.filter(fromTheChange).map(alertKey).sort();
    const expectedKeys = expected.filter(fromTheChange).map(alertKey).sort();
    expect(new Set(expectedKeys).size).toBe(expectedKeys.length);
    expect(expectedKeys.length).toBeGreaterThan(atKill - uploadAlerts);
    expect(keys).toEqual(expectedKeys);
    expect(alerts.length - keys.length).toBe(uploadAlerts);
  }, 900_000);
});
