/**
 * The accounts API (seed 001). Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import { ADMIN, ACCOUNTS, ACCOUNTS_WRITE } from '../route-roles.js';
import type { Route } from '../../shared/http/route.js';

// accounts (seed 001): reads of the statement and the history record an activity entry, hence 'write'
export const createPaymentRoute = { method: 'POST', path: '/api/v1/accounts/payment', handler: 'accounts/create-payment', roles: ACCOUNTS_WRITE, store: ['read', 'query', 'write'] } as const satisfies Route;
export const reversePaymentRoute = { method: 'POST', path: '/api/v1/accounts/reverse-payment', handler: 'accounts/reverse-payment', roles: ACCOUNTS_WRITE, store: ['read', 'query', 'write'] } as const satisfies Route;
export const getStatementRoute = { method: 'GET', path: '/api/v1/accounts/statement', handler: 'accounts/get-statement', roles: ACCOUNTS, store: ['read', 'query', 'write'] } as const satisfies Route;
export const listPaymentsRoute = { method: 'GET', path: '/api/v1/accounts/payments', handler: 'accounts/list-payments', roles: ACCOUNTS, store: ['read', 'query', 'write'] } as const satisfies Route;
export const paymentHistoryRoute = { method: 'GET', path: '/api/v1/accounts/payment-history', handler: 'accounts/payment-history', roles: ACCOUNTS, store: ['read', 'query', 'write'] } as const satisfies Route;
export const exportRoute = { method: 'GET', path: '/api/v1/accounts/export', handler: 'accounts/export', roles: ACCOUNTS, store: ['read', 'query', 'write'], codeSplitting: true } as const satisfies Route;
export const setActivityRoute = { method: 'POST', path: '/api/v1/accounts/activity', handler: 'accounts/set-activity', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;

export const accountsRoutes = [
  createPaymentRoute,
  reversePaymentRoute,
  getStatementRoute,
  listPaymentsRoute,
  paymentHistoryRoute,
  exportRoute,
  setActivityRoute,
] as const;
