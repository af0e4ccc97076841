import { defineConfig } from 'vitest/config';

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
          // or build bundles with esbuild (exports-lazy-loading).
          exclude: ['test/unit/{ledger-users,gateway-server,exports-lazy-loading}.test.ts'],
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/**/*.test.ts'],
          // Everything else, and the unit tests the unit project leaves out.
          exclude: ['test/unit/!(ledger-users|gateway-server|exports-lazy-loading).test.ts'],
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
