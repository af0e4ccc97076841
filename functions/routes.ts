/**
 * The route table: the single source for the CDK stack (one function per entry), the local gateway,
 * the API docs and the role matrix. It composes each API's entries (functions/<api>/routes.ts);
 * adding an endpoint is one entry there plus one handler file beside it. A handler imports only its
 * own entry from its API's module, never this table, so no function bundle carries the other routes.
 * It imports only types and leaf modules, so infrastructure can read it cheaply.
 *
 * `store` is least privilege: every authenticated route names 'read' (its tenant's settings are a key
 * read), 'query' only where it lists, 'write' only where it changes something; nothing deletes items.
 */
import { type Route } from '../shared/http/route.js';
import { accountsRoutes } from './accounts/routes.js';
import { communitiesRoutes } from './communities/routes.js';
import { gatewayRoutes } from './gateway/routes.js';
import { ledgerRoutes } from './ledger/routes.js';
import { receivablesRoutes } from './receivables/routes.js';
import { systemRoutes } from './system/routes.js';
import { workordersRoutes } from './workorders/routes.js';

export { APIS, type Api } from '../shared/apis.js';
export { ROLES, type Role } from '../shared/auth/roles.js';
export { apiOf, type HttpMethod, type Route, routeKey } from '../shared/http/route.js';

export const routes = [
  ...systemRoutes,
  ...ledgerRoutes,
  ...workordersRoutes,
  ...accountsRoutes,
  ...gatewayRoutes,
  ...communitiesRoutes,
  ...receivablesRoutes,
] as const satisfies readonly Route[];

export type RouteKey = `${(typeof routes)[number]['method']} ${(typeof routes)[number]['path']}`;

/** A route by its key (tests, the local invoker); handlers import their own entry instead. */
export function findRoute(key: RouteKey): Route {
  const found = (routes as readonly Route[]).find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}
