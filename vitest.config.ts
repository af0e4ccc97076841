import { defineConfig } from 'vitest/config';

const RENDER_TESTS = 'test/unit/{exports-csv,exports-pdf,exports-xlsx,openapi-document}.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        // Pure code (domain rules, dialect renderers and schemas, the gateway's event builder): no
        // DynamoDB Local, no global setup, no servers. `npm run test:unit` runs just this project.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // These read the stack's environment (a Cognito pool id or the local issuer), start servers
          // or build bundles with esbuild (exports-lazy-loading); the file renderers and the API
          // document load PDF, XLSX and Redoc libraries and run in the `render` project.
          exclude: ['test/unit/{ledger-users,gateway-server,exports-lazy-loading}.test.ts', RENDER_TESTS],
          pool: 'threads',
          // Pure tests share nothing but the modules they import (the few that touch process.env put
          // it back), so files share a worker's module cache: ~4 s instead of ~9.5 s on 2 cores.
          isolate: false,
        },
      },
      {
        // Pure too, but slow to import: export files (PDF, XLSX, CSV) and the API document.
        extends: true,
        test: { name: 'render', include: [RENDER_TESTS], pool: 'threads' },
      },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/**/*.test.ts'],
          // Everything else, and the unit tests the unit project leaves out; the browser test has its
          // own run (`npm run test:browser`, test/browser/vitest.config.ts), and so do the sample events
          // (`npm run test:events`, test/events-run/vitest.config.ts).
          exclude: ['test/unit/!(ledger-users|gateway-server|exports-lazy-loading).test.ts', 'test/browser/**', 'test/events-run/**'],
          // One local stack (DynamoDB Local in memory, issuer, gateway) per run, on a random port.
          globalSetup: ['test/setup/global-setup.ts'],
          // Points each worker's process.env at that stack, so tests can also call handlers directly.
          setupFiles: ['test/setup/env.ts'],
          pool: 'forks',
        },
      },
    ],
  },
});
