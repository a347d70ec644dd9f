// The HTTP load of the benchmarks: an open-loop generator in its own thread, so the server's own
// pauses show in the latencies instead of slowing the requests down.
import { Worker } from 'node:worker_threads';

/** The p-th quantile of sorted figures. */
export const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

export interface Load {
  sent: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** An open-loop load generator in its own thread: `rate` requests/s for `seconds`, latency of each. */
/** `headers` go with every request (an API key). */
export function loadGenerator(url: string, bodies: string[], rate: number, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const { url, bodies, rate, seconds, headers } = workerData;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const total = Math.round(rate * seconds);
    const latencies = [];
    let errors = 0, done = 0;
    const start = performance.now();
    const fire = (i) => {
      const body = bodies[i % bodies.length];
      const t = performance.now();
      const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => { if (res.statusCode !== 200) errors++; latencies.push(performance.now() - t); finish(); });
      });
      req.on('error', () => { errors++; finish(); });
      req.end(body);
    };
    const finish = () => { if (++done === total) { agent.destroy(); parentPort.postMessage({ latencies, errors }); } };
    let next = 0;
    const tick = () => {
      const due = Math.floor((performance.now() - start) / 1000 * rate);
      while (next < total && next <= due) fire(next++);
      if (next < total) setTimeout(tick, 1);
    };
    tick();
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { url, bodies, rate, seconds, headers } });
    worker.once('error', reject);
    worker.once('message', ({ latencies, errors }: { latencies: number[]; errors: number }) => {
      void worker.terminate();
      latencies.sort((a, b) => a - b);
      resolve({ sent: Math.round(rate * seconds), errors, p50: pct(latencies, 0.5), p95: pct(latencies, 0.95), p99: pct(latencies, 0.99), max: latencies[latencies.length - 1] ?? NaN });
    });
  });
}
