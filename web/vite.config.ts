// Vite builds the analyst app into web/dist, which the server serves at `/`.
// No inline scripts or styles end up in the output, so a strict CSP (`default-src 'self'`) holds.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // The server serves the build under /app/ (and index.html at /).
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inline assets would be data: URLs; keep them as files so `img-src 'self'` is enough.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm start` serves the API on 8080; the dev server forwards API calls there.
    proxy: Object.fromEntries(
      ['/healthz', '/readyz', '/catalog', '/datasets', '/entities', '/search', '/match', '/graph', '/transfers', '/reconcile', '/openapi.json'].map((p) => [p, 'http://127.0.0.1:8080']),
    ),
  },
});
