// Configuration is read here and nowhere else.
import { resolve } from 'node:path';

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
    signInRateLimitPerMinute: parseRate('INTERDICT_SIGN_IN_RATE_LIMIT', env.INTERDICT_SIGN_IN_RATE_LIMIT, 10),
  };
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

function parseSyncUrls(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of text.split(/\s*;\s*/).filter(Boolean)) {
    const [dataset, urls] = pair.split('=');
    if (dataset && urls) out[dataset.trim()] = urls.split(',').map((u) => u.trim());
  }
  return out;
}
