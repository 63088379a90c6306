/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// DESIGN.md "Supported": current Chromium browsers, Safari 15.4+, Firefox.
const BROWSER_TARGET = ['chrome109', 'edge109', 'firefox115', 'safari15.4'];

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: BROWSER_TARGET,
    sourcemap: false,
    manifest: true,
    rolldownOptions: {
      output: {
        // Every module the first screen loads statically, in one chunk: the lazy screens and the
        // sync client share many of them, and left alone the bundler cuts them into a dozen small
        // chunks, each compressed on its own (about 5 KB more over the wire; DESIGN.md
        // "Architecture": the first screen stays small).
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
      },
    },
  },
  plugins: [
    preact(),
    VitePWA({
      // The update waits for her: "Update ready" appears and she chooses when (src/README.md 13).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Naptime',
        short_name: 'Naptime',
        description: 'Toddler observation notes, weekly check-ins and run charts, offline.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#2f4f6f',
        background_color: '#fbf8f3',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Everything the app needs offline: the shell, every lazy chunk, both catalogues, icons.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,woff2}'],
        navigateFallback: '/index.html',
        // The API is never answered from the cache.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [],
      },
    }),
  ],
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts'],
          environment: 'node',
          // Vitest's default is one worker fewer than the cores: one on CI's two, so the two halves
          // of the sync simulation ran one after the other (test/README.md "The sync simulation").
          maxWorkers: 2,
          // A throwaway PostgreSQL for the server's storage tests (test/README.md "PostgreSQL").
          globalSetup: ['test/vitest-postgres.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
