/**
 * The receivables API (seed 004). Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import { ADMIN } from '../route-roles.js';
import type { Route } from '../../shared/http/route.js';

export const getPaymentsRoute = { method: 'GET', path: '/v1/getPayments', handler: 'receivables/get-payments', roles: ADMIN, store: ['read', 'query', 'write'], search: 'receivables' } as const satisfies Route;
export const getPaymentRoute = { method: 'GET', path: '/v1/getPayment', handler: 'receivables/get-payment', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const getPaymentMethodsRoute = { method: 'GET', path: '/v1/getPaymentMethods', handler: 'receivables/get-payment-methods', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const createPaymentRoute = { method: 'POST', path: '/v1/createPayment', handler: 'receivables/create-payment', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const createPaymentByTaxIdRoute = { method: 'POST', path: '/v1/createPaymentByTaxId', handler: 'receivables/create-payment-by-tax-id', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;
export const createPaymentFromXmlMxRoute = { method: 'POST', path: '/v1/createPaymentFromXmlMX', handler: 'receivables/create-payment-from-xml-mx', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;
export const deletePaymentRoute = { method: 'DELETE', path: '/v1/deletePayment', handler: 'receivables/delete-payment', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;

export const receivablesRoutes = [
  getPaymentsRoute,
  getPaymentRoute,
  getPaymentMethodsRoute,
  createPaymentRoute,
  createPaymentByTaxIdRoute,
  createPaymentFromXmlMxRoute,
  deletePaymentRoute,
] as const;
