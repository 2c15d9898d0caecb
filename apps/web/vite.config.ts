import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The API server in development (`npm run dev` starts it beside Vite). */
const API_ORIGIN = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: API_ORIGIN, ws: true },
      '/health': API_ORIGIN,
      '/metrics': API_ORIGIN,
      '/rum': API_ORIGIN,
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
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
