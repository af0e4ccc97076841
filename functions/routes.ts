/**
 * The route table: the single source for the CDK stack (one function per entry), the local gateway
 * and the API docs. Adding an endpoint is one entry here plus one handler file under functions/.
 * This module imports nothing at run time (types only), so handlers and infrastructure can both read it cheaply.
 *
 * `store` is least privilege: every authenticated route names 'read' (its tenant's settings are a key
 * read), 'query' only where it lists, 'write' only where it changes something; nothing deletes items.
 */
import type { StoreOperation } from '../shared/store/permissions.js';

export const ROLES = ['ADMIN', 'EMPLOYEE', 'BANCA', 'VENTANA', 'VENDEDOR', 'RESIDENT'] as const;
export type Role = (typeof ROLES)[number];

/** The payment APIs (dialects) plus Caja's own ledger API; each owns a folder under functions/. */
export const APIS = ['ledger', 'workorders', 'accounts', 'gateway', 'communities', 'receivables', 'system'] as const;
export type Api = (typeof APIS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  /** API Gateway path syntax: `/api/pagos/{id}`. */
  path: string;
  /** Handler module under functions/, without extension; it must export `handler`. */
  handler: string;
  /** Roles allowed to call it; 'public' means no token (health and docs only). */
  roles: readonly Role[] | 'public';
  /**
   * The store operations its handler uses (shared/store/permissions.ts maps them to DynamoDB actions):
   * the function's whole table grant on AWS, enforced locally too. `[]` for routes that never touch the table.
   */
  store: readonly StoreOperation[];
  /** The function manages users of the Cognito user pool (gets USER_POOL_ID and admin-create rights). */
  managesUsers?: true;
  /** The query-catalogue realm this route searches (shared/store/query/catalogue.ts); the docs list its access patterns. */
  search?: string;
}

const ADMIN = ['ADMIN'] as const;
const FIELD = ['ADMIN', 'EMPLOYEE'] as const;
const ACCOUNTS = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;

export const routes = [
  { method: 'GET', path: '/health', handler: 'system/health', roles: 'public', store: [] },
  { method: 'GET', path: '/docs', handler: 'system/docs', roles: 'public', store: [] },

  // Caja's own ledger API (SPEC §3, ADMIN only)
  { method: 'POST', path: '/ledger/parties', handler: 'ledger/create-party', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/ledger/parties', handler: 'ledger/list-parties', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/ledger/parties/{id}', handler: 'ledger/get-party', roles: ADMIN, store: ['read'] },
  { method: 'PATCH', path: '/ledger/parties/{id}', handler: 'ledger/update-party', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/ledger/parties/{id}', handler: 'ledger/delete-party', roles: ADMIN, store: ['read', 'write'] },
  { method: 'POST', path: '/ledger/charges', handler: 'ledger/create-charge', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/ledger/charges', handler: 'ledger/list-charges', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/ledger/charges/{id}', handler: 'ledger/get-charge', roles: ADMIN, store: ['read'] },
  { method: 'PATCH', path: '/ledger/charges/{id}', handler: 'ledger/update-charge', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/ledger/charges/{id}', handler: 'ledger/delete-charge', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/ledger/payment-methods', handler: 'ledger/list-payment-methods', roles: ADMIN, store: ['read', 'query'] },
  { method: 'POST', path: '/ledger/payment-methods', handler: 'ledger/create-payment-method', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'GET', path: '/ledger/payments/{id}', handler: 'ledger/get-payment', roles: ADMIN, store: ['read'] },
  { method: 'GET', path: '/ledger/audit', handler: 'ledger/list-audit', roles: ADMIN, store: ['read', 'query'] },
  { method: 'POST', path: '/ledger/users', handler: 'ledger/create-user', roles: ADMIN, store: ['read', 'write'], managesUsers: true },

  // workorders (seed 000)
  { method: 'GET', path: '/api/pagos', handler: 'workorders/list-payments', roles: FIELD, store: ['read', 'query'] },
  { method: 'POST', path: '/api/pagos', handler: 'workorders/create-payment', roles: FIELD, store: ['read', 'write'] },
  { method: 'GET', path: '/api/pagos/{id}', handler: 'workorders/get-payment', roles: FIELD, store: ['read'] },
  { method: 'PUT', path: '/api/pagos/{id}', handler: 'workorders/update-payment', roles: FIELD, store: ['read', 'write'] },
  { method: 'DELETE', path: '/api/pagos/{id}', handler: 'workorders/delete-payment', roles: FIELD, store: ['read', 'write'] },
  { method: 'GET', path: '/api/pagos/pendiente/{pendienteId}', handler: 'workorders/list-work-order-payments', roles: FIELD, store: ['read', 'query'] },

  // accounts (seed 001): reads of the statement and the history record an activity entry, hence 'write'
  { method: 'POST', path: '/api/v1/accounts/payment', handler: 'accounts/create-payment', roles: ACCOUNTS, store: ['read', 'query', 'write'] },
  { method: 'POST', path: '/api/v1/accounts/reverse-payment', handler: 'accounts/reverse-payment', roles: ACCOUNTS, store: ['read', 'query', 'write'] },
  { method: 'GET', path: '/api/v1/accounts/statement', handler: 'accounts/get-statement', roles: ACCOUNTS, store: ['read', 'query', 'write'] },
  { method: 'GET', path: '/api/v1/accounts/payments', handler: 'accounts/list-payments', roles: ACCOUNTS, store: ['read', 'query', 'write'] },
  { method: 'POST', path: '/api/v1/accounts/activity', handler: 'accounts/set-activity', roles: ADMIN, store: ['read', 'query', 'write'] },

  // gateway (seed 002)
  { method: 'POST', path: '/pagos', handler: 'gateway/create-payment', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/pagos', handler: 'gateway/search-payments', roles: ADMIN, store: ['read', 'query'], search: 'gateway' },
  { method: 'GET', path: '/pagos/{id}', handler: 'gateway/get-payment', roles: ADMIN, store: ['read'] },
  { method: 'PATCH', path: '/pagos/{id}', handler: 'gateway/update-payment', roles: ADMIN, store: ['read', 'write'] },
] as const satisfies readonly Route[];

export type RouteKey = `${(typeof routes)[number]['method']} ${(typeof routes)[number]['path']}`;

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function findRoute(key: RouteKey): Route {
  const route = (routes as readonly Route[]).find((r) => routeKey(r) === key);
  if (!route) throw new Error(`no route ${key}`);
  return route;
}

/** The API (dialect) a route belongs to: the folder of its handler. */
export function apiOf(route: Pick<Route, 'handler'>): Api {
  return route.handler.split('/')[0] as Api;
}
