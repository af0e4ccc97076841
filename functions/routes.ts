/**
 * The route table: the single source for the CDK stack (one function per entry), the local gateway
 * and the API docs. Adding an endpoint is one entry here plus one handler file under functions/.
 * It imports only types and leaf modules, so handlers and infrastructure can both read it cheaply.
 */
import { type Route } from '../shared/http/route.js';

export { APIS, type Api } from '../shared/apis.js';
export { ROLES, type Role } from '../shared/auth/roles.js';
export { apiOf, type HttpMethod, type Route, routeKey, tableAccessOf } from '../shared/http/route.js';

const ADMIN = ['ADMIN'] as const;
const FIELD = ['ADMIN', 'EMPLOYEE'] as const;
const ACCOUNTS = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;
const COMMUNITY = ['ADMIN', 'RESIDENT'] as const;

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

  // communities (seed 003): community charges and payments
  { method: 'GET', path: '/api/charges/contrato/{contratoId}', handler: 'communities/get-contract-statement', roles: COMMUNITY },
  { method: 'GET', path: '/api/charges/comunidad/{comunidadId}', handler: 'communities/get-community-statement', roles: COMMUNITY },
  { method: 'GET', path: '/api/charges/contrato/{contratoId}/cargos', handler: 'communities/list-contract-cargos', roles: COMMUNITY },
  { method: 'GET', path: '/api/charges/comunidad/{comunidadId}/cargos', handler: 'communities/list-community-cargos', roles: COMMUNITY },
  { method: 'POST', path: '/api/charges/contrato/{contratoId}/cargos', handler: 'communities/create-cargo', roles: ADMIN },
  { method: 'PUT', path: '/api/charges/cargos/{id}', handler: 'communities/update-cargo', roles: ADMIN },
  { method: 'DELETE', path: '/api/charges/cargos/{id}', handler: 'communities/delete-cargo', roles: ADMIN },
  { method: 'POST', path: '/api/charges/contrato/{contratoId}/pagos', handler: 'communities/create-pago', roles: ADMIN },
  { method: 'DELETE', path: '/api/charges/pagos/{id}', handler: 'communities/void-pago', roles: ADMIN },
] as const satisfies readonly Route[];

export type RouteKey = `${(typeof routes)[number]['method']} ${(typeof routes)[number]['path']}`;

/** The route of a handler, by its key: `endpoint(findRoute('POST /api/pagos'), …)`. */
export function findRoute(key: RouteKey): Route {
  const found = (routes as readonly Route[]).find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}
