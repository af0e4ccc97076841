/**
 * The system routes: health and the API docs, public. Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import type { Route } from '../../shared/http/route.js';

export const healthRoute = { method: 'GET', path: '/health', handler: 'system/health', roles: 'public', store: [] } as const satisfies Route;
export const docsRoute = { method: 'GET', path: '/docs', handler: 'system/docs', roles: 'public', store: [] } as const satisfies Route;
export const openapiRoute = { method: 'GET', path: '/openapi.json', handler: 'system/openapi', roles: 'public', store: [] } as const satisfies Route;

export const systemRoutes = [
  healthRoute,
  docsRoute,
  openapiRoute,
] as const;
