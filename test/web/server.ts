// Starts the real Interdict server for the end-to-end tests: a temp SQLite database, the bundled
// official lists loaded on first start, a free local port. No mocks: the app talks to the real API.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import type { Role } from '../../src/access/roles.ts';
import { copyOfBundledDbWithSnapshots, heldByDeadProcess } from '../support/bundled-db.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  /** The one-time link the first start printed for the admin (null for an external server or a database with users). */
  signInLink: string | null;
  stop(): Promise<void>;
}

/**
 * Builds web/dist from the current sources so the tests exercise this tree's app: once per change of
 * the sources (their hash is kept in web/dist), and one test file at a time (test files run in
 * parallel: a second build would empty web/dist under a page another file is loading).
 */
export function buildWeb(): void {
  const stamp = join(ROOT, 'web/dist/.sources');
  const sources = webSourcesHash();
  withLock(join(ROOT, '.tmp-web-build.lock'), () => {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sources) return;
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const env = { ...process.env, NODE_ENV: 'production' };
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
    writeFileSync(stamp, sources);
  });
}

/** What the built app is made of: web/ but its output, src/ (it bundles some of it) and the packages. */
function webSourcesHash(): string {
  const hash = createHash('sha1');
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== 'dist' && d.name !== 'node_modules') walk(path);
      } else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'web'));
  walk(join(ROOT, 'src'));
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

/** Runs `fn` holding a lock directory (mkdir is atomic) that names its process: a dead one's lock is taken over. */
function withLock(lock: string, fn: () => void): void {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (heldByDeadProcess(lock)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(wait, 0, 0, 250);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface StartOptions {
  /** Start from an empty database without the bundled lists (INTERDICT_NO_BUNDLED=1): the test imports what it needs with `cli`. */
  empty?: boolean;
}

export async function startServer(timeoutMs = 300_000, options: StartOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-web-'));
  // For a quick loop while developing: INTERDICT_E2E_URL names a server already running (on the
  // database INTERDICT_DB names, which the CLI steps then use).
  const external = process.env.INTERDICT_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), dir, env: process.env, signInLink: null, stop: async () => rmSync(dir, { recursive: true, force: true }) };
  // A private copy of the run's bundled-lists database (built once by the global setup) with the index
  // and graph saved by a server of this dist/: it starts as a user's later start does, and the diff
  // scenario may write to it.
  // `empty`: a fresh database without the bundled lists, for a test that imports its own.
  const db = join(dir, 'interdict.db');
  const env = options.empty
    ? { ...process.env, INTERDICT_DB: db, INTERDICT_NO_BUNDLED: '1', DATABASE_URL: '' }
    : { ...process.env, INTERDICT_DB: await copyOfBundledDbWithSnapshots(inject('bundledDb'), db, { compiled: true }), DATABASE_URL: '' };
  const linked = options.empty ? [] : snapshotsIn(`${db}.cache`);
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/interdict.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let exited: number | null = null;
  child.once('exit', (code) => void (exited = code ?? -1));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start listening:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    // The CLI reports a failed start as `error: ...` (it may keep listening without ever being ready).
    if (exited !== null || /^error:/m.test(log)) {
      child.kill('SIGTERM');
      throw new Error(`the server failed before it was ready:\n${log}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // Had the server built the index or graph again (snapshots named by other code or data), it would
  // have saved its own in place of the linked ones: each web test would pay a build (≈ 16 CPU-s).
  const kept = snapshotsIn(`${db}.cache`);
  if (!options.empty && (linked.length < 2 || kept.join() !== linked.join())) {
    child.kill('SIGTERM');
    throw new Error(`the server built what it should have read: snapshots ${linked.join(', ') || 'none'} given, ${kept.join(', ')} after its start:\n${log}`);
  }
  return {
    url,
    dir,
    env,
    signInLink: /sign-in link (\S+)/.exec(log)?.[1] ?? null,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The snapshot files in a cache directory, by name. */
function snapshotsIn(cache: string): string[] {
  return existsSync(cache) ? readdirSync(cache).filter((name) => name.endsWith('.v8')).sort() : [];
}

/** Runs the CLI against the server's database (e.g. to import another version of a list); `input` goes to its standard input. */
export function cli(server: RunningServer, args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/interdict.js'), ...args], { cwd: ROOT, env: server.env, encoding: 'utf8', timeout: 240_000, input });
  if (r.status !== 0) throw new Error(`interdict ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export const TEST_PASSWORD = 'a long test password 7';

/**
 * Signs a browser context in as a user of `role` (the session cookie lands in the context): the first
 * call for admin uses the link the first start printed; other roles are added once with the CLI.
 */
export async function signIn(context: BrowserContext, server: RunningServer, role: Role = 'admin'): Promise<void> {
  const name = role === 'admin' ? 'admin' : `e2e-${role}`;
  if (role === 'admin' && server.signInLink && !usedLinks.has(server.signInLink)) {
    usedLinks.add(server.signInLink);
    const token = new URL(server.signInLink.replace('/#/', '/')).searchParams.get('token');
    const r = await context.request.post(`${server.url}/auth/link`, { data: { token, password: TEST_PASSWORD } });
    if (!r.ok()) throw new Error(`sign-in link refused: ${r.status()} ${await r.text()}`);
    return;
  }
  if (role !== 'admin' && !addedUsers.has(`${server.url} ${name}`)) {
    cli(server, ['users', 'add', name, '--role', role, '--password-stdin'], TEST_PASSWORD);
    addedUsers.add(`${server.url} ${name}`);
  }
  const r = await context.request.post(`${server.url}/auth/sign-in`, { data: { name, password: TEST_PASSWORD } });
  if (!r.ok()) throw new Error(`sign-in as ${name} refused: ${r.status()} ${await r.text()}`);
}
const usedLinks = new Set<string>();
const addedUsers = new Set<string>();
