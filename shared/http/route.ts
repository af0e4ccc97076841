/**
 * What a route is (the table itself lives in functions/routes.ts): the types and helpers that the
 * HTTP pipeline, the local gateway and the CDK app read. Nothing here imports the table, so shared/
 * never depends on functions/.
 */
import type { Api } from '../apis.js';
import type { Role } from '../auth/roles.js';
import type { StoreOperation } from '../store/permissions.js';

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
  /**
   * Deployed split into chunks (lib/bundling.ts splitEsbuildOptions) instead of one file: what the
   * handler imports with `await import()` is read only when a request asks for it (the export's XLSX
   * and PDF libraries).
   */
  codeSplitting?: true;
  /** The catalogue realm this route searches (shared/store/query/catalogue.ts); the docs list its access patterns. */
  search?: string;
}

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The API (dialect) a route belongs to: the folder of its handler. */
export function apiOf(route: Pick<Route, 'handler'>): Api {
  return route.handler.split('/')[0] as Api;
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
