// Configuration is read here and nowhere else.
import { resolve } from 'node:path';
import { nextRun, parseCron, type Cron } from './jobs/cron.ts';

export interface Config {
  /** `postgres://...` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | null;
  sqlitePath: string;
  host: string;
  port: number;
  /**
   * Host names the server answers to besides IP literals and localhost (a check against DNS
   * rebinding); `.example.org` allows its subdomains. From INTERDICT_ALLOWED_HOSTS, comma-separated.
   */
  allowedHosts: string[];
  /** Lists older than this many days are flagged stale everywhere. */
  staleAfterDays: number;
  /** A list's own expected refresh interval in days, where it differs from `staleAfterDays` (INTERDICT_STALE_DAYS_BY_LIST, `dataset=days;…`). */
  staleDaysByList: Record<string, number>;
  /** How often the job processes look for stale lists and raise their alerts (minutes; 0: never). INTERDICT_STALE_CHECK_MINUTES, default 60. */
  staleCheckMinutes: number;
  /** When the job processes sync the lists (a cron expression in UTC, INTERDICT_SYNC_SCHEDULE); null: never on their own. */
  syncSchedule: Cron | null;
  /** Which lists the schedule syncs (INTERDICT_SYNC_DATASETS, comma-separated); empty: every list `sync` knows. */
  syncScheduleDatasets: string[];
  /** Import the bundled official files on first start with an empty database. */
  loadBundled: boolean;
  /** Overrides of the publishers' download URLs for `sync`, as `dataset=url[,url]` pairs. */
  syncUrls: Record<string, string[]>;
  syncTimeoutMs: number;
  /** Who the CLI records as the author of its imports: the login name. */
  cliAuthor: string;
  /** The server's JSON log (pino) level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: LogLevel;
  /** Documents (PDF, HTML, DOCX, text) larger than this are refused. */
  documentMaxBytes: number;
  /** Visitors who are not signed in may read (search, screen, browse); off unless INTERDICT_ANONYMOUS_READ=1. Never writes. */
  anonymousRead: boolean;
  /** The address users open (sign-in links, Secure cookies behind a TLS proxy); else the server's own. */
  publicUrl: string | null;
  /** A font file for PDF reports with Hangul, Han and Cyrillic glyphs (`path#FaceName` for a .ttc); else the system's Noto Sans CJK. */
  reportFont: string | null;
  /** `serve` runs the job handlers (re-screens, webhook deliveries) in its own process; INTERDICT_SERVER_JOBS=0 leaves them to `interdict worker`. */
  serverJobs: boolean;
  /** Attempts per webhook delivery, and seconds before the first retry (doubled for each further one). */
  webhookAttempts: number;
  webhookRetrySeconds: number;
  /** Seconds a process holds a job without renewing its lease; then any process running jobs puts it back in the queue. INTERDICT_JOB_LEASE_SECONDS, default 30. */
  jobLeaseSeconds: number;
  /** Requests per minute per API key (or per client address without one); 0: no limit. INTERDICT_RATE_LIMIT, default 600. */
  rateLimitPerMinute: number;
  /**
   * Where request counts are kept: `database` (shared by every server on one database, so replicas share
   * one budget; the default on PostgreSQL) or `memory` (this process only; the default on SQLite).
   * INTERDICT_RATE_LIMIT_STORE.
   */
  rateLimitStore: 'memory' | 'database';
  /**
   * Behind a reverse proxy: the proxies whose X-Forwarded-For names the client (addresses or CIDRs,
   * comma-separated, or a hop count). Without it every client has the proxy's address, so one client's
   * requests or failed sign-ins would spend everyone's budget. INTERDICT_TRUST_PROXY; off by default.
   */
  trustProxy: string | number | false;
  /** Sign-in and sign-in-link attempts per minute per client address; 0: no limit. INTERDICT_SIGN_IN_RATE_LIMIT, default 10. */
  signInRateLimitPerMinute: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null,
    sqlitePath: resolve(env.INTERDICT_DB ?? './var/interdict.db'),
    host: env.INTERDICT_HOST ?? '127.0.0.1',
    port: Number(env.INTERDICT_PORT ?? env.PORT ?? 8080),
    allowedHosts: (env.INTERDICT_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
    staleAfterDays: Number(env.INTERDICT_STALE_DAYS ?? 30),
    staleDaysByList: parseDaysByList(env.INTERDICT_STALE_DAYS_BY_LIST ?? ''),
    staleCheckMinutes: parseMinutes(env.INTERDICT_STALE_CHECK_MINUTES, 60),
    syncSchedule: parseSchedule(env.INTERDICT_SYNC_SCHEDULE ?? ''),
    syncScheduleDatasets: (env.INTERDICT_SYNC_DATASETS ?? '').split(',').map((d) => d.trim()).filter(Boolean),
    loadBundled: env.INTERDICT_NO_BUNDLED !== '1',
    syncUrls: parseSyncUrls(env.INTERDICT_SYNC_URLS ?? ''),
    syncTimeoutMs: Number(env.INTERDICT_SYNC_TIMEOUT_MS ?? 60_000),
    cliAuthor: env.USER ?? 'cli',
    logLevel: parseLogLevel(env.INTERDICT_LOG_LEVEL ?? 'info'),
    documentMaxBytes: Number(env.INTERDICT_DOCUMENT_MAX_BYTES ?? 50 * 1024 * 1024),
    anonymousRead: env.INTERDICT_ANONYMOUS_READ === '1',
    publicUrl: env.INTERDICT_PUBLIC_URL?.trim() || null,
    reportFont: env.INTERDICT_REPORT_FONT?.trim() || null,
    serverJobs: env.INTERDICT_SERVER_JOBS !== '0',
    webhookAttempts: Number(env.INTERDICT_WEBHOOK_ATTEMPTS ?? 5),
    webhookRetrySeconds: Number(env.INTERDICT_WEBHOOK_RETRY_SECONDS ?? 30),
    jobLeaseSeconds: Number(env.INTERDICT_JOB_LEASE_SECONDS ?? 30),
    rateLimitPerMinute: parseRate('INTERDICT_RATE_LIMIT', env.INTERDICT_RATE_LIMIT, 600),
    rateLimitStore: parseRateStore(env.INTERDICT_RATE_LIMIT_STORE, env.DATABASE_URL?.startsWith('postgres') ? 'database' : 'memory'),
    trustProxy: parseTrustProxy(env.INTERDICT_TRUST_PROXY),
    signInRateLimitPerMinute: parseRate('INTERDICT_SIGN_IN_RATE_LIMIT', env.INTERDICT_SIGN_IN_RATE_LIMIT, 10),
  };
}

function parseTrustProxy(text: string | undefined): string | number | false {
  const value = text?.trim() ?? '';
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === '*') throw new Error('INTERDICT_TRUST_PROXY: name the proxies (addresses or CIDRs) or give a hop count; trusting every sender would let any client choose its address');
  return value;
}

function parseRateStore(text: string | undefined, fallback: Config['rateLimitStore']): Config['rateLimitStore'] {
  const value = text?.trim().toLowerCase() ?? '';
  if (value === '') return fallback;
  if (value === 'memory' || value === 'database') return value;
  throw new Error(`INTERDICT_RATE_LIMIT_STORE: "${text}" is not memory or database`);
}

function parseLogLevel(text: string): LogLevel {
  const level = text.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new Error(`INTERDICT_LOG_LEVEL: "${text}" is not one of ${LOG_LEVELS.join(', ')}`);
}

function parseRate(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: "${text}" is not a number of requests per minute (0 turns the limit off)`);
  return n;
}

function parseMinutes(text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`INTERDICT_STALE_CHECK_MINUTES: "${text}" is not a number of minutes (0: no periodic check)`);
  return n;
}

function parseSchedule(text: string): Cron | null {
  if (!text.trim()) return null;
  const cron = parseCron(text, 'INTERDICT_SYNC_SCHEDULE');
  nextRun(cron, new Date());
  return cron;
}

function parseDaysByList(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of text.split(/\s*;\s*/).filter(Boolean)) {
    const [dataset, days] = pair.split('=').map((p) => p.trim());
    const n = Number(days);
    if (!dataset || !(n > 0)) throw new Error(`INTERDICT_STALE_DAYS_BY_LIST: "${pair}" is not dataset=days`);
    out[dataset] = n;
  }
  return out;
}

function parseSyncUrls(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of text.split(/\s*;\s*/).filter(Boolean)) {
    const [dataset, urls] = pair.split('=');
    if (dataset && urls) out[dataset.trim()] = urls.split(',').map((u) => u.trim());
  }
  return out;
}
