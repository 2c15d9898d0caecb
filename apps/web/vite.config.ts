import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { graphqlDocumentImports } from './build-tools/graphql-document-imports.ts';
import {
  isCalculatorQuery,
  serviceWorkerCacheReporter,
} from './build-tools/service-worker-runtime.ts';

/** The API server in development (`npm run dev` starts it beside Vite). */
const API_ORIGIN = 'http://localhost:4000';

/** Server routes: never answered with the app shell by the Service Worker. */
const SERVER_PATHS = /^\/(graphql|graphiql\/|rum|analytics|metrics|export\.|health|livez|api)/;

export default defineConfig({
  plugins: [
    graphqlDocumentImports({
      generatedFile: fileURLToPath(new URL('src/gql/graphql.ts', import.meta.url)),
    }),
    react(),
    VitePWA({
      strategies: 'generateSW',
      // The app registers the worker itself, after the first paint (src/app/background-tasks.ts).
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Taurine',
        short_name: 'Taurine',
        description: 'Energy drink calculator and the monitoring platform that watches it',
        theme_color: '#0f766e',
        background_color: '#f5f7f8',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The app shell: every page's code and styles, the demo page's font and small images.
        globPatterns: ['**/*.{js,css,html,svg,woff2,avif,webp,jpg,webmanifest}'],
        globIgnores: ['**/*.map', '.vite/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [SERVER_PATHS],
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        sourcemap: false,
        runtimeCaching: [
          {
            // The catalogue and calculations: answered from the cache at once and refreshed in the
            // background, so the calculator works offline for what it has seen.
            urlPattern: isCalculatorQuery,
            handler: 'StaleWhileRevalidate',
            method: 'GET',
            options: {
              cacheName: 'taurine-calculator-data',
              expiration: { maxEntries: 300, maxAgeSeconds: 24 * 3600 },
              cacheableResponse: { statuses: [200] },
              plugins: [serviceWorkerCacheReporter],
            },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: API_ORIGIN, ws: true },
      // GraphiQL's own files (served by the server, not a CDN).
      '/graphiql/': API_ORIGIN,
      '/health': API_ORIGIN,
      '/metrics': API_ORIGIN,
      '/rum': API_ORIGIN,
      '/analytics': API_ORIGIN,
      '/export.csv': API_ORIGIN,
      '/api': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: true,
    // Read by scripts/check-bundle-budget.ts to follow each route's static imports.
    manifest: true,
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'build-tools/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['src/testing/setup-tests.ts'],
    // Rendering charts in happy-dom on a loaded 2-core machine can take seconds.
    testTimeout: 30_000,
  },
});
