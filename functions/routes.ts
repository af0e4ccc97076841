/**
 * The route table: the single source for the CDK stack (one function per entry), the local gateway
 * and the API docs. Adding an endpoint is one entry here plus one handler file under functions/.
 * It imports only types and leaf modules, so handlers and infrastructure can both read it cheaply.
 *
 * `store` is least privilege: every authenticated route names 'read' (its tenant's settings are a key
 * read), 'query' only where it lists, 'write' only where it changes something; nothing deletes items.
 */
import { type Route } from '../shared/http/route.js';

export { APIS, type Api } from '../shared/apis.js';
export { ROLES, type Role } from '../shared/auth/roles.js';
export { apiOf, type HttpMethod, type Route, routeKey } from '../shared/http/route.js';

const ADMIN = ['ADMIN'] as const;
const FIELD = ['ADMIN', 'EMPLOYEE'] as const;
const ACCOUNTS = ['ADMIN', 'BANCA', 'VENTANA', 'VENDEDOR'] as const;
const COMMUNITY = ['ADMIN', 'RESIDENT'] as const;

export const routes = [
  { method: 'GET', path: '/health', handler: 'system/health', roles: 'public', store: [] },
  { method: 'GET', path: '/docs', handler: 'system/docs', roles: 'public', store: [] },
  { method: 'GET', path: '/openapi.json', handler: 'system/openapi', roles: 'public', store: [] },

  // Caja's own ledger API (SPEC §3, ADMIN only)
  { method: 'POST', path: '/ledger/parties', handler: 'ledger/create-party', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/ledger/parties', handler: 'ledger/list-parties', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/ledger/parties/{id}', handler: 'ledger/get-party', roles: ADMIN, store: ['read'] },
  { method: 'PATCH', path: '/ledger/parties/{id}', handler: 'ledger/update-party', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/ledger/parties/{id}', handler: 'ledger/delete-party', roles: ADMIN, store: ['read', 'write'] },
  // Reads the days it moves (a Query on the entity's statement days) before its transaction
  { method: 'PUT', path: '/ledger/parties/{id}/opening-balance', handler: 'ledger/set-opening-balance', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'POST', path: '/ledger/charges', handler: 'ledger/create-charge', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/ledger/charges', handler: 'ledger/list-charges', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/ledger/charges/{id}', handler: 'ledger/get-charge', roles: ADMIN, store: ['read'] },
  { method: 'PATCH', path: '/ledger/charges/{id}', handler: 'ledger/update-charge', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/ledger/charges/{id}', handler: 'ledger/delete-charge', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/ledger/payment-methods', handler: 'ledger/list-payment-methods', roles: ADMIN, store: ['read', 'query'] },
  { method: 'POST', path: '/ledger/payment-methods', handler: 'ledger/create-payment-method', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'GET', path: '/ledger/payments/{id}', handler: 'ledger/get-payment', roles: ADMIN, store: ['read'] },
  { method: 'GET', path: '/ledger/audit', handler: 'ledger/list-audit', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/ledger/settings', handler: 'ledger/get-settings', roles: ADMIN, store: ['read'] },
  { method: 'PUT', path: '/ledger/settings', handler: 'ledger/update-settings', roles: ADMIN, store: ['read', 'write'] },
  { method: 'POST', path: '/ledger/users', handler: 'ledger/create-user', roles: ADMIN, store: ['read', 'write'], managesUsers: true },

  // workorders (seed 000)
  // The first list of a tenant completes its aggregate tree (store/aggregates): hence 'write'
  { method: 'GET', path: '/api/pagos', handler: 'workorders/list-payments', roles: FIELD, store: ['read', 'query', 'write'] },
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
  { method: 'GET', path: '/api/v1/accounts/payment-history', handler: 'accounts/payment-history', roles: ACCOUNTS, store: ['read', 'query', 'write'] },
  { method: 'GET', path: '/api/v1/accounts/export', handler: 'accounts/export', roles: ACCOUNTS, store: ['read', 'query', 'write'] },
  { method: 'POST', path: '/api/v1/accounts/activity', handler: 'accounts/set-activity', roles: ADMIN, store: ['read', 'query', 'write'] },

  // gateway (seed 002)
  { method: 'POST', path: '/pagos', handler: 'gateway/create-payment', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/pagos', handler: 'gateway/search-payments', roles: ADMIN, store: ['read', 'query'], search: 'gateway' },
  { method: 'GET', path: '/pagos/{id}', handler: 'gateway/get-payment', roles: ADMIN, store: ['read'] },
  { method: 'PATCH', path: '/pagos/{id}', handler: 'gateway/update-payment', roles: ADMIN, store: ['read', 'write'] },

  // communities (seed 003): community charges and payments
  { method: 'GET', path: '/api/charges/contrato/{contratoId}', handler: 'communities/get-contract-statement', roles: COMMUNITY, store: ['read', 'query'] },
  { method: 'GET', path: '/api/charges/comunidad/{comunidadId}', handler: 'communities/get-community-statement', roles: COMMUNITY, store: ['read', 'query'] },
  { method: 'GET', path: '/api/charges/contrato/{contratoId}/cargos', handler: 'communities/list-contract-cargos', roles: COMMUNITY, store: ['read', 'query'] },
  { method: 'GET', path: '/api/charges/comunidad/{comunidadId}/cargos', handler: 'communities/list-community-cargos', roles: COMMUNITY, store: ['read', 'query'] },
  { method: 'POST', path: '/api/charges/contrato/{contratoId}/cargos', handler: 'communities/create-cargo', roles: ADMIN, store: ['read', 'write'] },
  { method: 'PUT', path: '/api/charges/cargos/{id}', handler: 'communities/update-cargo', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/api/charges/cargos/{id}', handler: 'communities/delete-cargo', roles: ADMIN, store: ['read', 'write'] },
  { method: 'POST', path: '/api/charges/contrato/{contratoId}/pagos', handler: 'communities/create-pago', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'DELETE', path: '/api/charges/pagos/{id}', handler: 'communities/void-pago', roles: ADMIN, store: ['read', 'write'] },

  // communities (seed 003): resident charges, resident payments, payment histories
  { method: 'GET', path: '/api/CargosResidente', handler: 'communities/list-cargos-residente', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/CargosResidente/my', handler: 'communities/list-my-cargos-residente', roles: COMMUNITY, store: ['read', 'query'] },
  { method: 'GET', path: '/api/CargosResidente/resident/{residentId}', handler: 'communities/list-resident-cargos-residente', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/CargosResidente/community/{communityId}', handler: 'communities/list-community-cargos-residente', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/CargosResidente/{id}', handler: 'communities/get-cargo-residente', roles: COMMUNITY, store: ['read'] },
  { method: 'POST', path: '/api/CargosResidente', handler: 'communities/create-cargo-residente', roles: ADMIN, store: ['read', 'write'] },
  { method: 'PUT', path: '/api/CargosResidente/{id}', handler: 'communities/update-cargo-residente', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/api/CargosResidente/{id}', handler: 'communities/delete-cargo-residente', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/api/PagosResidente', handler: 'communities/list-pagos-residente', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/PagosResidente/my', handler: 'communities/list-my-pagos-residente', roles: COMMUNITY, store: ['read', 'query'] },
  { method: 'GET', path: '/api/PagosResidente/resident/{residentId}', handler: 'communities/list-resident-pagos-residente', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/PagosResidente/community/{communityId}', handler: 'communities/list-community-pagos-residente', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/PagosResidente/{id}', handler: 'communities/get-pago-residente', roles: COMMUNITY, store: ['read'] },
  { method: 'POST', path: '/api/PagosResidente', handler: 'communities/create-pago-residente', roles: COMMUNITY, store: ['read', 'query', 'write'] },
  { method: 'PUT', path: '/api/PagosResidente/{id}', handler: 'communities/update-pago-residente', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'DELETE', path: '/api/PagosResidente/{id}', handler: 'communities/delete-pago-residente', roles: ADMIN, store: ['read', 'write'] },
  { method: 'GET', path: '/api/PaymentHistories', handler: 'communities/list-payment-histories', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/PaymentHistories/contrato/{contratoId}', handler: 'communities/list-contract-payment-histories', roles: ADMIN, store: ['read', 'query'] },
  { method: 'GET', path: '/api/PaymentHistories/{id}', handler: 'communities/get-payment-history', roles: ADMIN, store: ['read'] },
  { method: 'POST', path: '/api/PaymentHistories', handler: 'communities/create-payment-history', roles: ADMIN, store: ['read', 'write'] },
  { method: 'PUT', path: '/api/PaymentHistories/{id}', handler: 'communities/update-payment-history', roles: ADMIN, store: ['read', 'write'] },
  { method: 'DELETE', path: '/api/PaymentHistories/{id}', handler: 'communities/delete-payment-history', roles: ADMIN, store: ['read', 'write'] },

  // receivables (seed 004)
  { method: 'GET', path: '/v1/getPayments', handler: 'receivables/get-payments', roles: ADMIN, store: ['read', 'query', 'write'], search: 'receivables' },
  { method: 'GET', path: '/v1/getPayment', handler: 'receivables/get-payment', roles: ADMIN, store: ['read'] },
  { method: 'GET', path: '/v1/getPaymentMethods', handler: 'receivables/get-payment-methods', roles: ADMIN, store: ['read', 'query'] },
  { method: 'POST', path: '/v1/createPayment', handler: 'receivables/create-payment', roles: ADMIN, store: ['read', 'write'] },
  { method: 'POST', path: '/v1/createPaymentByTaxId', handler: 'receivables/create-payment-by-tax-id', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'POST', path: '/v1/createPaymentFromXmlMX', handler: 'receivables/create-payment-from-xml-mx', roles: ADMIN, store: ['read', 'query', 'write'] },
  { method: 'DELETE', path: '/v1/deletePayment', handler: 'receivables/delete-payment', roles: ADMIN, store: ['read', 'write'] },
] as const satisfies readonly Route[];

export type RouteKey = `${(typeof routes)[number]['method']} ${(typeof routes)[number]['path']}`;

/** The route of a handler, by its key: `endpoint(findRoute('POST /api/pagos'), …)`. */
export function findRoute(key: RouteKey): Route {
  const found = (routes as readonly Route[]).find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}
