/**
 * Caja's own ledger API (SPEC §3, ADMIN only). Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import { ADMIN } from '../route-roles.js';
import type { Route } from '../../shared/http/route.js';

export const createPartyRoute = { method: 'POST', path: '/ledger/parties', handler: 'ledger/create-party', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const listPartiesRoute = { method: 'GET', path: '/ledger/parties', handler: 'ledger/list-parties', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const getPartyRoute = { method: 'GET', path: '/ledger/parties/{id}', handler: 'ledger/get-party', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const updatePartyRoute = { method: 'PATCH', path: '/ledger/parties/{id}', handler: 'ledger/update-party', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const deletePartyRoute = { method: 'DELETE', path: '/ledger/parties/{id}', handler: 'ledger/delete-party', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
// Reads the days it moves (a Query on the entity's statement days) before its transaction
export const setOpeningBalanceRoute = { method: 'PUT', path: '/ledger/parties/{id}/opening-balance', handler: 'ledger/set-opening-balance', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;
export const createChargeRoute = { method: 'POST', path: '/ledger/charges', handler: 'ledger/create-charge', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const listChargesRoute = { method: 'GET', path: '/ledger/charges', handler: 'ledger/list-charges', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const getChargeRoute = { method: 'GET', path: '/ledger/charges/{id}', handler: 'ledger/get-charge', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const updateChargeRoute = { method: 'PATCH', path: '/ledger/charges/{id}', handler: 'ledger/update-charge', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const deleteChargeRoute = { method: 'DELETE', path: '/ledger/charges/{id}', handler: 'ledger/delete-charge', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const listPaymentMethodsRoute = { method: 'GET', path: '/ledger/payment-methods', handler: 'ledger/list-payment-methods', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const createPaymentMethodRoute = { method: 'POST', path: '/ledger/payment-methods', handler: 'ledger/create-payment-method', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;
export const getPaymentRoute = { method: 'GET', path: '/ledger/payments/{id}', handler: 'ledger/get-payment', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const listAuditRoute = { method: 'GET', path: '/ledger/audit', handler: 'ledger/list-audit', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const getSettingsRoute = { method: 'GET', path: '/ledger/settings', handler: 'ledger/get-settings', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const updateSettingsRoute = { method: 'PUT', path: '/ledger/settings', handler: 'ledger/update-settings', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const createUserRoute = { method: 'POST', path: '/ledger/users', handler: 'ledger/create-user', roles: ADMIN, store: ['read', 'write'], managesUsers: true } as const satisfies Route;

export const ledgerRoutes = [
  createPartyRoute,
  listPartiesRoute,
  getPartyRoute,
  updatePartyRoute,
  deletePartyRoute,
  setOpeningBalanceRoute,
  createChargeRoute,
  listChargesRoute,
  getChargeRoute,
  updateChargeRoute,
  deleteChargeRoute,
  listPaymentMethodsRoute,
  createPaymentMethodRoute,
  getPaymentRoute,
  listAuditRoute,
  getSettingsRoute,
  updateSettingsRoute,
  createUserRoute,
] as const;
