import { defineConfig } from 'vitest/config';

// Unit tests are pure and fast; integration tests touch a database or spawn processes.
export default defineConfig({
  test: {
    globalSetup: ['./server/test/database-notice.ts'],
    // The default output, then the suites that skipped themselves (no DATABASE_URL, no Chromium).
    reporters: ['default', './server/test/skipped-suites.reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/stories/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // Pure tests share a worker's module cache: loading the engine and the connectors once per worker
          // instead of once per file halves the run (the integration tests stay isolated).
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/src/**/*.int.test.ts', 'server/test/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The HubSpot app: its cards and settings page rendered with HubSpot's test renderer (@hubspot/ui-extensions/testing)
        // over the real components, and the project's files read by HubSpot's own parser.
        test: {
          name: 'hubspot-app',
          include: ['hubspot-app/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**'],
        },
      },
    ],
  },
});
