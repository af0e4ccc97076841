/** test/events/ holds exactly the sample events `npm run events` generates (one per route). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { EVENTS_DIR, sampleEventFiles } from '../../lib/local/sample-events.js';

it('test/events is up to date (run `npm run events` after changing a route or a reference example)', () => {
  const expected = sampleEventFiles();
  expect(Object.keys(expected)).toHaveLength(routes.length);
  expect(readdirSync(EVENTS_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, text] of Object.entries(expected)) expect(readFileSync(join(EVENTS_DIR, name), 'utf8'), name).toBe(text);
});
