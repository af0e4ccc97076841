/**
 * The payment APIs (dialects) plus Caja's own ledger API and the system routes. Each owns a folder
 * under functions/ (handlers, request schemas) and one under shared/dialects/ (envelope, error map,
 * renderers). A leaf module: anything may import it.
 */
export const APIS = ['ledger', 'workorders', 'accounts', 'gateway', 'communities', 'receivables', 'system'] as const;
export type Api = (typeof APIS)[number];
