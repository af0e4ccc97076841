/**
 * Every sample event of test/events/ run through its handler, as `npm run invoke -- --event` runs it
 * (a fresh local token for its user), against the demo data in a tenant of its own: none answers 5xx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import type { GatewayEvent } from '../../lib/local/gateway.js';
import { invokeEvent, routeOfEvent, withFreshToken } from '../../lib/local/invoke.js';
import { EVENTS_DIR, eventFileOf } from '../../lib/local/sample-events.js';
import { seedDemo } from '../../lib/local/seed.js';
import { newTenant, token } from '../support/index.js';

describe('each sample event, invoked on its handler against the demo data', () => {
  const tenant = newTenant();
  beforeAll(() => seedDemo(tenant));

  it.each(routes.map((route) => [`${route.method} ${route.path}`, eventFileOf(route)] as const))('%s (%s) answers below 500', async (key, file) => {
    const saved = JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8')) as GatewayEvent;
    const event = await withFreshToken(saved, (request) => token(request), tenant);
    const route = routeOfEvent(event);
    expect(`${route.method} ${route.path}`).toBe(key);
    const result = await invokeEvent(route, event);
    expect(result.statusCode, result.body.toString('utf8')).toBeLessThan(500);
  });
});
