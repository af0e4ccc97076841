/**
 * How the routes of functions/routes.ts are spread over CloudFormation stacks. A stack holds at most
 * 500 resources and every route costs about eleven (function, role, policy, log group, permission,
 * integration, route, four alarms), so the routes live in nested stacks, one per route group, and the
 * parent keeps what they share (table, user pool, HTTP API, authorizer, alarm topic, dashboard).
 *
 * A route's group depends on the route alone, never on its neighbours: adding or removing a route
 * never moves another one to a different stack (a route moved between stacks is created in the new
 * one before it is deleted from the old one, and API Gateway refuses a second route with the same key).
 */
import type { Api } from '../shared/apis.js';
import { apiOf, type Route } from '../shared/http/route.js';

/**
 * APIs too big for one stack with room to double, split by the resource their paths name: the path
 * segment at this index (`/api/charges/...` → index 2 is `charges`). test/infra/stack-budget.ts
 * says when another API needs an entry.
 */
export const SPLIT_BY_RESOURCE: Partial<Record<Api, number>> = {
  // /api/charges, /api/CargosResidente, /api/PagosResidente, /api/PaymentHistories
  communities: 2,
};

/** `communities` + `/api/charges/cargos/{id}` → `communities-charges`; `ledger/...` → `ledger`. */
export function routeGroupOf(route: Pick<Route, 'handler' | 'path'>): string {
  const api = apiOf(route);
  const at = SPLIT_BY_RESOURCE[api];
  if (at === undefined) return api;
  const resource = route.path.split('/')[at];
  if (!resource || resource.startsWith('{')) throw new Error(`route ${route.path}: no resource segment at ${at} to group ${api} by`);
  return `${api}-${resource}`;
}

/** The routes by group, in route-table order. */
export function routeGroups<R extends Pick<Route, 'handler' | 'path'>>(routes: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const route of routes) {
    const group = routeGroupOf(route);
    groups.set(group, [...(groups.get(group) ?? []), route]);
  }
  return groups;
}

/** Construct id of a group's nested stack: `communities-charges` → `CommunitiesChargesApi`. */
export function groupStackId(group: string): string {
  return `${pascalCase(group)}Api`;
}

/** `ledger/create-party` → `LedgerCreateParty`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
