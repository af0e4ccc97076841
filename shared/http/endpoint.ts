/**
 * The handler of an authenticated route: the shared pipeline (./pipeline.ts) with the tenant check, in
 * its API's dialect (handlers import `endpoint` from shared/dialects/<api>/endpoint.ts).
 * Tenants exist once created (`npm run tenant`): a token without a tenant, or naming one never
 * created, is a 401. One key read, cached per warm function (store/tenants.ts).
 */
import type { Dialect } from '../dialects/dialect.js';
import type { Route } from './route.js';
import { findTenantSettings } from '../store/tenants.js';
import { type EndpointSpec, pipeline } from './pipeline.js';

export type { EndpointSpec, Request, Result } from './pipeline.js';

const tenantExists = async (tenant: string) => (await findTenantSettings(tenant)) !== undefined;

/** The `endpoint()` of one dialect: each API's shared/dialects/<api>/endpoint.ts, what its handlers import. */
export function endpointIn(dialect: Dialect) {
  return <B = undefined, Q = undefined, P = undefined>(route: Route, spec: EndpointSpec<B, Q, P>) => pipeline(route, dialect, spec, tenantExists);
}
