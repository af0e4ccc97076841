/**
 * `npm run test:browser`: the docs page in headless Chromium (about 20 s with the browser's start,
 * too slow for `npm test`; .ci/run runs it after). Needs only the local gateway: public routes, no table.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/browser/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 60_000, pool: 'forks' },
});
