import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev:web` sends API calls: a running `npm start` (override with TRACEGATE_URL). */
const apiTarget = process.env.TRACEGATE_URL ?? 'http://127.0.0.1:8080';

export const config = defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The size that matters is the initial JavaScript, checked by scripts/build-web.mjs.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': apiTarget,
    },
  },
});

// Vite loads the config file's default export; the rest of the repository uses named exports.
// biome-ignore lint/style/noDefaultExport: required by Vite
export default config;
