/**
 * The route table: the single source for the CDK stack (one function per entry), the local gateway
 * and the API docs. Adding an endpoint is one entry here plus one handler file under functions/.
 * This module imports nothing, so handlers and infrastructure can both read it cheaply.
 */
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
   * Table grant; defaults to read for GET and read-write otherwise. GETs that record an activity
   * entry say 'readwrite'; routes that never touch the table say 'none'.
   */
  tableAccess?: 'none' | 'read' | 'readwrite';
  /** The function manages users of the Cognito user pool (gets USER_POOL_ID and admin-create rights). */
  managesUsers?: true;
  /** The query-catalogue realm this route searches (shared/store/query/catalogue.ts); the docs list its access patterns. */
  search?: string;
}

const ADMIN = ['ADMIN'] as const;
const FIELD = ['ADMIN', 'EMPLOYEE'] as const;
const ACCOUNTS = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;

export const routes = [
  { method: 'GET', path: '/health', handler: 'system/health', roles: 'public', tableAccess: 'none' },
  { method: 'GET', path: '/docs', handler: 'system/docs', roles: 'public', tableAccess: 'none' },

  // Caja's own ledger API (SPEC §3, ADMIN only)
  { method: 'POST', path: '/ledger/parties', handler: 'ledger/create-party', roles: ADMIN },
  { method: 'GET', path: '/ledger/parties', handler: 'ledger/list-parties', roles: ADMIN },
  { method: 'GET', path: '/ledger/parties/{id}', handler: 'ledger/get-party', roles: ADMIN },
  { method: 'PATCH', path: '/ledger/parties/{id}', handler: 'ledger/update-party', roles: ADMIN },
  { method: 'DELETE', path: '/ledger/parties/{id}', handler: 'ledger/delete-party', roles: ADMIN },
  { method: 'POST', path: '/ledger/charges', handler: 'ledger/create-charge', roles: ADMIN },
  { method: 'GET', path: '/ledger/charges', handler: 'ledger/list-charges', roles: ADMIN },
  { method: 'GET', path: '/ledger/charges/{id}', handler: 'ledger/get-charge', roles: ADMIN },
  { method: 'PATCH', path: '/ledger/charges/{id}', handler: 'ledger/update-charge', roles: ADMIN },
  { method: 'DELETE', path: '/ledger/charges/{id}', handler: 'ledger/delete-charge', roles: ADMIN },
  { method: 'GET', path: '/ledger/payment-methods', handler: 'ledger/list-payment-methods', roles: ADMIN },
  { method: 'POST', path: '/ledger/payment-methods', handler: 'ledger/create-payment-method', roles: ADMIN },
  { method: 'GET', path: '/ledger/payments/{id}', handler: 'ledger/get-payment', roles: ADMIN },
  { method: 'GET', path: '/ledger/audit', handler: 'ledger/list-audit', roles: ADMIN },
  { method: 'POST', path: '/ledger/users', handler: 'ledger/create-user', roles: ADMIN, managesUsers: true },

  // workorders (seed 000)
  { method: 'GET', path: '/api/pagos', handler: 'workorders/list-payments', roles: FIELD },
  { method: 'POST', path: '/api/pagos', handler: 'workorders/create-payment', roles: FIELD },
  { method: 'GET', path: '/api/pagos/{id}', handler: 'workorders/get-payment', roles: FIELD },
  { method: 'PUT', path: '/api/pagos/{id}', handler: 'workorders/update-payment', roles: FIELD },
  { method: 'DELETE', path: '/api/pagos/{id}', handler: 'workorders/delete-payment', roles: FIELD },
  { method: 'GET', path: '/api/pagos/pendiente/{pendienteId}', handler: 'workorders/list-work-order-payments', roles: FIELD },

  // accounts (seed 001)
  { method: 'POST', path: '/api/v1/accounts/payment', handler: 'accounts/create-payment', roles: ACCOUNTS },
  { method: 'POST', path: '/api/v1/accounts/reverse-payment', handler: 'accounts/reverse-payment', roles: ACCOUNTS },
  { method: 'GET', path: '/api/v1/accounts/statement', handler: 'accounts/get-statement', roles: ACCOUNTS, tableAccess: 'readwrite' },
  { method: 'GET', path: '/api/v1/accounts/payments', handler: 'accounts/list-payments', roles: ACCOUNTS, tableAccess: 'readwrite' },
  { method: 'POST', path: '/api/v1/accounts/activity', handler: 'accounts/set-activity', roles: ADMIN },

  // gateway (seed 002)
  { method: 'POST', path: '/pagos', handler: 'gateway/create-payment', roles: ADMIN },
  { method: 'GET', path: '/pagos', handler: 'gateway/search-payments', roles: ADMIN, search: 'gateway' },
  { method: 'GET', path: '/pagos/{id}', handler: 'gateway/get-payment', roles: ADMIN },
  { method: 'PATCH', path: '/pagos/{id}', handler: 'gateway/update-payment', roles: ADMIN },
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

/** The table grant a route's function gets: least privilege, from the route table. */
export function tableAccessOf(route: Pick<Route, 'method' | 'tableAccess'>): 'none' | 'read' | 'readwrite' {
  return route.tableAccess ?? (route.method === 'GET' ? 'read' : 'readwrite');
}
