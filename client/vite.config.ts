import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { ProxyOptions } from 'vite';

// The API server (see server/). The SPA always calls it same-origin, so in dev Vite forwards.
const API_TARGET = 'http://127.0.0.1:3000';

const proxy: Record<string, string | ProxyOptions> = {
  '/v1': API_TARGET,
  '/health': API_TARGET,
  '/ready': API_TARGET,
  '/socket.io': { target: API_TARGET, ws: true },
};

export default defineConfig({
  // Pinned to this folder so building from the repo root (npm -w, scripts) still emits client/dist.
  root: import.meta.dirname,
  // Absolute asset URLs: the server's SPA fallback serves index.html at deep paths like /flows/abc.
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than app code: separate chunks stay cached across deploys.
        // No catch-all vendor group: it would pull lazily imported libraries (the flow canvas) into the
        // first load. The charts (recharts) load with the report that shows them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine[\\/](?!charts)|@floating-ui|react-remove-scroll|react-number-format)/,
            },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
