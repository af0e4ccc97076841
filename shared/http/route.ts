/**
 * What a route is (the table itself lives in functions/routes.ts): the types and helpers that the
 * HTTP pipeline, the local gateway and the CDK app read. Nothing here imports the table, so shared/
 * never depends on functions/.
 */
import type { Api } from '../apis.js';
import type { Role } from '../auth/roles.js';

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
}

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The API (dialect) a route belongs to: the folder of its handler. */
export function apiOf(route: Pick<Route, 'handler'>): Api {
  return route.handler.split('/')[0] as Api;
}

/** The table grant a route's function gets: least privilege, from the route table. */
export function tableAccessOf(route: Pick<Route, 'method' | 'tableAccess'>): 'none' | 'read' | 'readwrite' {
  return route.tableAccess ?? (route.method === 'GET' ? 'read' : 'readwrite');
}

/**
 * The module holding a route's request schemas: `functions/<api>/schemas/<name>.ts` beside its
 * handler `functions/<api>/<name>.ts`, exporting `schemas` ({body?, query?, path?}). Only that
 * route's handler imports it, so no bundle carries another route's schemas; the API document is
 * built from these modules (system routes take no input and have none).
 */
export function schemaModuleOf(route: Pick<Route, 'handler'>): string | undefined {
  const [api, name] = route.handler.split('/');
  return api === 'system' ? undefined : `${api}/schemas/${name}`;
}
