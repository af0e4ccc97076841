/**
 * The workorders API (seed 000). Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import { FIELD } from '../route-roles.js';
import type { Route } from '../../shared/http/route.js';

// The first list of a tenant completes its aggregate tree (store/aggregates): hence 'write'
export const listPaymentsRoute = { method: 'GET', path: '/api/pagos', handler: 'workorders/list-payments', roles: FIELD, store: ['read', 'query', 'write'] } as const satisfies Route;
export const createPaymentRoute = { method: 'POST', path: '/api/pagos', handler: 'workorders/create-payment', roles: FIELD, store: ['read', 'write'] } as const satisfies Route;
export const getPaymentRoute = { method: 'GET', path: '/api/pagos/{id}', handler: 'workorders/get-payment', roles: FIELD, store: ['read'] } as const satisfies Route;
export const updatePaymentRoute = { method: 'PUT', path: '/api/pagos/{id}', handler: 'workorders/update-payment', roles: FIELD, store: ['read', 'write'] } as const satisfies Route;
export const deletePaymentRoute = { method: 'DELETE', path: '/api/pagos/{id}', handler: 'workorders/delete-payment', roles: FIELD, store: ['read', 'write'] } as const satisfies Route;
export const listWorkOrderPaymentsRoute = { method: 'GET', path: '/api/pagos/pendiente/{pendienteId}', handler: 'workorders/list-work-order-payments', roles: FIELD, store: ['read', 'query'] } as const satisfies Route;

export const workordersRoutes = [
  listPaymentsRoute,
  createPaymentRoute,
  getPaymentRoute,
  updatePaymentRoute,
  deletePaymentRoute,
  listWorkOrderPaymentsRoute,
] as const;
