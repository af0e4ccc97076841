/**
 * The communities API (seed 003). Its entries of the route table (functions/routes.ts composes every API's):
 * each handler imports its own entry, so no bundle carries the others.
 */
import { ADMIN, COMMUNITY } from '../route-roles.js';
import type { Route } from '../../shared/http/route.js';

// communities (seed 003): community charges and payments
export const getContractStatementRoute = { method: 'GET', path: '/api/charges/contrato/{contratoId}', handler: 'communities/get-contract-statement', roles: COMMUNITY, store: ['read', 'query'] } as const satisfies Route;
export const getCommunityStatementRoute = { method: 'GET', path: '/api/charges/comunidad/{comunidadId}', handler: 'communities/get-community-statement', roles: COMMUNITY, store: ['read', 'query'] } as const satisfies Route;
export const listContractCargosRoute = { method: 'GET', path: '/api/charges/contrato/{contratoId}/cargos', handler: 'communities/list-contract-cargos', roles: COMMUNITY, store: ['read', 'query'] } as const satisfies Route;
export const listCommunityCargosRoute = { method: 'GET', path: '/api/charges/comunidad/{comunidadId}/cargos', handler: 'communities/list-community-cargos', roles: COMMUNITY, store: ['read', 'query'] } as const satisfies Route;
export const createCargoRoute = { method: 'POST', path: '/api/charges/contrato/{contratoId}/cargos', handler: 'communities/create-cargo', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const updateCargoRoute = { method: 'PUT', path: '/api/charges/cargos/{id}', handler: 'communities/update-cargo', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const deleteCargoRoute = { method: 'DELETE', path: '/api/charges/cargos/{id}', handler: 'communities/delete-cargo', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const createPagoRoute = { method: 'POST', path: '/api/charges/contrato/{contratoId}/pagos', handler: 'communities/create-pago', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;
export const voidPagoRoute = { method: 'DELETE', path: '/api/charges/pagos/{id}', handler: 'communities/void-pago', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
// communities (seed 003): resident charges, resident payments, payment histories
export const listCargosResidenteRoute = { method: 'GET', path: '/api/CargosResidente', handler: 'communities/list-cargos-residente', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const listMyCargosResidenteRoute = { method: 'GET', path: '/api/CargosResidente/my', handler: 'communities/list-my-cargos-residente', roles: COMMUNITY, store: ['read', 'query'] } as const satisfies Route;
export const listResidentCargosResidenteRoute = { method: 'GET', path: '/api/CargosResidente/resident/{residentId}', handler: 'communities/list-resident-cargos-residente', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const listCommunityCargosResidenteRoute = { method: 'GET', path: '/api/CargosResidente/community/{communityId}', handler: 'communities/list-community-cargos-residente', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const getCargoResidenteRoute = { method: 'GET', path: '/api/CargosResidente/{id}', handler: 'communities/get-cargo-residente', roles: COMMUNITY, store: ['read'] } as const satisfies Route;
export const createCargoResidenteRoute = { method: 'POST', path: '/api/CargosResidente', handler: 'communities/create-cargo-residente', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const updateCargoResidenteRoute = { method: 'PUT', path: '/api/CargosResidente/{id}', handler: 'communities/update-cargo-residente', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const deleteCargoResidenteRoute = { method: 'DELETE', path: '/api/CargosResidente/{id}', handler: 'communities/delete-cargo-residente', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const listPagosResidenteRoute = { method: 'GET', path: '/api/PagosResidente', handler: 'communities/list-pagos-residente', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const listMyPagosResidenteRoute = { method: 'GET', path: '/api/PagosResidente/my', handler: 'communities/list-my-pagos-residente', roles: COMMUNITY, store: ['read', 'query'] } as const satisfies Route;
export const listResidentPagosResidenteRoute = { method: 'GET', path: '/api/PagosResidente/resident/{residentId}', handler: 'communities/list-resident-pagos-residente', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const listCommunityPagosResidenteRoute = { method: 'GET', path: '/api/PagosResidente/community/{communityId}', handler: 'communities/list-community-pagos-residente', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const getPagoResidenteRoute = { method: 'GET', path: '/api/PagosResidente/{id}', handler: 'communities/get-pago-residente', roles: COMMUNITY, store: ['read'] } as const satisfies Route;
export const createPagoResidenteRoute = { method: 'POST', path: '/api/PagosResidente', handler: 'communities/create-pago-residente', roles: COMMUNITY, store: ['read', 'query', 'write'] } as const satisfies Route;
export const updatePagoResidenteRoute = { method: 'PUT', path: '/api/PagosResidente/{id}', handler: 'communities/update-pago-residente', roles: ADMIN, store: ['read', 'query', 'write'] } as const satisfies Route;
export const deletePagoResidenteRoute = { method: 'DELETE', path: '/api/PagosResidente/{id}', handler: 'communities/delete-pago-residente', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const listPaymentHistoriesRoute = { method: 'GET', path: '/api/PaymentHistories', handler: 'communities/list-payment-histories', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const listContractPaymentHistoriesRoute = { method: 'GET', path: '/api/PaymentHistories/contrato/{contratoId}', handler: 'communities/list-contract-payment-histories', roles: ADMIN, store: ['read', 'query'] } as const satisfies Route;
export const getPaymentHistoryRoute = { method: 'GET', path: '/api/PaymentHistories/{id}', handler: 'communities/get-payment-history', roles: ADMIN, store: ['read'] } as const satisfies Route;
export const createPaymentHistoryRoute = { method: 'POST', path: '/api/PaymentHistories', handler: 'communities/create-payment-history', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const updatePaymentHistoryRoute = { method: 'PUT', path: '/api/PaymentHistories/{id}', handler: 'communities/update-payment-history', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;
export const deletePaymentHistoryRoute = { method: 'DELETE', path: '/api/PaymentHistories/{id}', handler: 'communities/delete-payment-history', roles: ADMIN, store: ['read', 'write'] } as const satisfies Route;

export const communitiesRoutes = [
  getContractStatementRoute,
  getCommunityStatementRoute,
  listContractCargosRoute,
  listCommunityCargosRoute,
  createCargoRoute,
  updateCargoRoute,
  deleteCargoRoute,
  createPagoRoute,
  voidPagoRoute,
  listCargosResidenteRoute,
  listMyCargosResidenteRoute,
  listResidentCargosResidenteRoute,
  listCommunityCargosResidenteRoute,
  getCargoResidenteRoute,
  createCargoResidenteRoute,
  updateCargoResidenteRoute,
  deleteCargoResidenteRoute,
  listPagosResidenteRoute,
  listMyPagosResidenteRoute,
  listResidentPagosResidenteRoute,
  listCommunityPagosResidenteRoute,
  getPagoResidenteRoute,
  createPagoResidenteRoute,
  updatePagoResidenteRoute,
  deletePagoResidenteRoute,
  listPaymentHistoriesRoute,
  listContractPaymentHistoriesRoute,
  getPaymentHistoryRoute,
  createPaymentHistoryRoute,
  updatePaymentHistoryRoute,
  deletePaymentHistoryRoute,
] as const;
