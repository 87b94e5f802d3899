/** Builds the import bench page (main.ts, the app's real db and domain modules) into .bench/import-dist. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: fileURLToPath(new URL('../../../.bench/import-dist', import.meta.url)),
    emptyOutDir: true,
  },
});
