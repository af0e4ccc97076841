/**
 * The gateway API (seed 002). Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import { ADMIN } from '../route-roles.js';
import type { Route } from '../../shared/http/route.js';

export const createPaymentRoute = { method: 'POST', path: '/pagos', handler: 'gateway/create-payment', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const searchPaymentsRoute = { method: 'GET', path: '/pagos', handler: 'gateway/search-payments', roles: ADMIN, store: ['read', 'query'], search: 'gateway' } as const satisfies Route;
export const getPaymentRoute = { method: 'GET', path: '/pagos/{id}', handler: 'gateway/get-payment', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const updatePaymentRoute = { method: 'PATCH', path: '/pagos/{id}', handler: 'gateway/update-payment', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;

export const gatewayRoutes = [
  createPaymentRoute,
  searchPaymentsRoute,
  getPaymentRoute,
  updatePaymentRoute,
] as const;
