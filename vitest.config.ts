import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One local stack (DynamoDB Local in memory, issuer, gateway) per run, on a random port.
    globalSetup: ['test/setup/global-setup.ts'],
    // Points each worker's process.env at that stack, so tests can also call handlers directly.
    setupFiles: ['test/setup/env.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
