// Preloaded (`node --import bench/usage-probe.mjs …`) into each process bench:monitor starts: samples
// memory while it runs and, as it exits, writes its CPU seconds, peak RSS and where the memory was at the
// sampled peak to the file INTERDICT_BENCH_PROBE names. Worker threads inherit the preload; each writes
// its own heap's peak beside it (`<file>.thread-<id>`), since the main thread cannot read their heaps.
// Plain JavaScript: it runs before tsx (bench children) or in the compiled CLI.
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { isMainThread, threadId } from 'node:worker_threads';

const file = process.env.INTERDICT_BENCH_PROBE;
const EVERY_MS = 100;
const MB = 2 ** 20;

if (file && isMainThread) {
  let atPeak = null;
  const sample = () => {
    const m = process.memoryUsage();
    if (!atPeak || m.rss > atPeak.rss) atPeak = { ...m, mainHeapUsed: v8.getHeapStatistics().used_heap_size };
  };
  setInterval(sample, EVERY_MS).unref();
  // With --expose-gc and INTERDICT_BENCH_GC_MS: the main heap's live size too (used right after a full collection).
  let mainLive = 0;
  const gcEvery = Number(process.env.INTERDICT_BENCH_GC_MS);
  if (gcEvery > 0 && typeof globalThis.gc === 'function') {
    setInterval(() => {
      globalThis.gc();
      mainLive = Math.max(mainLive, v8.getHeapStatistics().used_heap_size);
    }, gcEvery).unref();
  }
  process.on('exit', () => {
    sample();
    const u = process.resourceUsage();
    const heap = v8.getHeapStatistics();
    writeFileSync(file, JSON.stringify({
      cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6,
      maxRss: u.maxRSS * 1024,
      atPeak,
      mainHeapLimit: heap.heap_size_limit,
      mainPeakMalloced: heap.peak_malloced_memory,
      ...(mainLive ? { mainLive } : {}),
    }));
  });
} else if (file) {
  // A worker: its own isolate's heap (used and reserved), written whenever it has grown by 8 MB or more.
  let written = 0;
  const out = `${file}.thread-${threadId}`;
  const sample = () => {
    const h = v8.getHeapStatistics();
    if (h.total_heap_size < written + 8 * MB) return;
    written = h.total_heap_size;
    const m = process.memoryUsage();
    writeFileSync(out, JSON.stringify({ heapTotal: h.total_heap_size, heapUsed: h.used_heap_size, external: m.external, arrayBuffers: m.arrayBuffers }));
  };
  setInterval(sample, EVERY_MS).unref();
  // With --expose-gc and INTERDICT_BENCH_GC_MS: how much of the heap is live (used right after a full collection).
  const gcEvery = Number(process.env.INTERDICT_BENCH_GC_MS);
  if (gcEvery > 0 && typeof globalThis.gc === 'function') {
    let live = 0;
    setInterval(() => {
      globalThis.gc();
      const used = v8.getHeapStatistics().used_heap_size;
      if (used > live) writeFileSync(`${out}.live`, String((live = used)));
    }, gcEvery).unref();
  }
}
