/**
 * The handler of an authenticated route: the shared pipeline (./pipeline.ts) with the tenant check.
 * Tenants exist once created (`npm run tenant`): a token without a tenant, or naming one never
 * created, is a 401. One key read, cached per warm function (store/tenants.ts).
 */
import type { Route } from './route.js';
import { findTenantSettings } from '../store/tenants.js';
import { type EndpointSpec, pipeline } from './pipeline.js';

export type { EndpointSpec, Request, Result } from './pipeline.js';

const tenantExists = async (tenant: string) => (await findTenantSettings(tenant)) !== undefined;

export function endpoint<B = undefined, Q = undefined, P = undefined>(route: Route, spec: EndpointSpec<B, Q, P>) {
  return pipeline(route, spec, tenantExists);
}
