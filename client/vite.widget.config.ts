import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The embeddable widget: one self-contained IIFE (no React) written next to the app's build.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: fileURLToPath(new URL('./widget/widget.ts', import.meta.url)), formats: ['iife'], name: 'ZyntraWidget', fileName: () => 'widget.js' },
  },
});
