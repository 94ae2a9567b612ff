import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

// ESM-only packages are bundled into the CommonJS main process; native and wasm-loading ones stay
// external (and unpacked from the asar, see electron-builder.yml).
const bundled = ['conf', 'electron-store', 'nanoid', 'p-queue', 'p-retry'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: bundled },
      rollupOptions: { input: { index: resolve(root, 'main/hosts/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'main/preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 6000,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
