/**
 * One sample API Gateway HTTP API v2 event per route (test/events/<api>-<name>.json), built by the
 * gateway's own builder from the route table and the reference's request examples
 * (lib/openapi/examples.ts), as the demo tenant's user of the route's first role. Deterministic, so a
 * test can tell when they are out of date (`npm run events` rewrites them). The Authorization header
 * holds a placeholder: `npm run invoke -- --event` puts a fresh local token there; for
 * `sam local invoke` put a real access token of the deployed pool.
 */
import { resolve } from 'node:path';
import { routes, type Route } from '../../functions/routes.js';
import { DEMO_TENANT } from '../../shared/auth/claims.js';
import { REQUEST_EXAMPLES } from '../openapi/examples.js';
import { REPO_ROOT } from './dynamodb.js';
import { DEMO, DEMO_USERS } from './demo.js';
import { buildEvent, type GatewayEvent } from './gateway.js';
import { buildClaims, LOCAL_CLIENT_ID } from './issuer.js';

export const EVENTS_DIR = resolve(REPO_ROOT, 'test/events');
export const TOKEN_PLACEHOLDER = 'REPLACE-WITH-AN-ACCESS-TOKEN';
const AT = new Date('2026-01-15T15:30:00.000Z');
const ISSUER = 'http://localhost:3000/local-issuer';

/** Path parameters: ids of the demo data (`npm start`) where one fits, else one that reads as missing (404). */
const PATH_VALUES: Record<string, Record<string, string>> = {
  '/ledger/parties/{id}': { id: DEMO.parties.client.id },
  '/ledger/parties/{id}/opening-balance': { id: DEMO.parties.ventana.id },
  '/ledger/charges/{id}': { id: DEMO.workOrders.first.id },
  '/api/pagos/pendiente/{pendienteId}': { pendienteId: DEMO.workOrders.first.id },
};
const MISSING_ID = '999999';

export const eventFileOf = (route: Pick<Route, 'handler'>) => `${route.handler.replace(/\//g, '-')}.json`;

function pathOf(route: Route): string {
  const values = PATH_VALUES[route.path] ?? {};
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? MISSING_ID));
}

export function sampleEvent(route: Route): GatewayEvent {
  const example = REQUEST_EXAMPLES[`${route.method} ${route.path}`];
  const body = example?.body ? JSON.stringify(example.body) : undefined;
  const role = route.roles === 'public' ? undefined : route.roles[0]!;
  const user = DEMO_USERS.find((u) => u.role === role);
  const claims = role
    ? {
        ...buildClaims({ sub: user?.sub ?? `demo-${role.toLowerCase()}`, role, tenant: DEMO_TENANT, ...(user?.party ? { party: user.party } : {}) }, { issuerUrl: ISSUER, clientId: LOCAL_CLIENT_ID, now: AT.getTime() }),
        // Fixed where the issuer draws random ids: the file must not change from one generation to the next.
        origin_jti: '00000000-0000-4000-8000-000000000001',
        event_id: '00000000-0000-4000-8000-000000000002',
        jti: '00000000-0000-4000-8000-000000000003',
      }
    : undefined;
  return buildEvent({
    route,
    rawPath: pathOf(route),
    rawQueryString: new URLSearchParams(example?.query ?? {}).toString(),
    headers: {
      host: 'localhost:3000',
      'user-agent': 'curl/8.5.0',
      accept: 'application/json',
      'x-amzn-trace-id': 'Root=1-69690a08-000000000000000000000001',
      ...(role ? { authorization: `Bearer ${TOKEN_PLACEHOLDER}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body } : {}),
    ...(claims ? { claims } : {}),
    requestId: 'c2FtcGxlLWV2ZW50',
    now: AT,
  });
}

/** Every sample event file, by name, as `npm run events` writes it. */
export function sampleEventFiles(): Record<string, string> {
  return Object.fromEntries((routes as readonly Route[]).map((route) => [eventFileOf(route), `${JSON.stringify(sampleEvent(route), null, 2)}\n`]));
}
