import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsReport } from './scripts/initial-js.ts';

// The web app lives in src/web and is built into dist/web, which the Fastify server serves.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), initialJsReport()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
