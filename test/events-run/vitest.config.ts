/**
 * `npm run test:events`: every sample event of test/events/ run through its handler against the
 * demo data (about 15 s for the handlers' first imports, too slow for `npm test`; .ci/run runs it
 * after). The same local stack as `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/events-run/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/setup/global-setup.ts'],
    setupFiles: ['test/setup/env.ts'],
  },
});
