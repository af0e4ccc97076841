/**
 * One invocation of a route's handler with the event the gateway would build (./gateway/event.ts),
 * in this process, against the store its environment names, with the route's store grant enforced
 * (./gateway/store-guard.ts): what `npm run invoke` and the tests' `invoke()` do.
 */
import { findRoute, type Route, type RouteKey } from '../../functions/routes.js';
import { asRoute } from './gateway/store-guard.js';
import { DEMO_TENANT } from '../../shared/auth/claims.js';
import type { Role } from '../../shared/auth/roles.js';
import { buildEvent, type GatewayEvent, type HttpResult, importHandler, type LambdaHandler, lambdaContext, matchRoute, renderClaims, toHttpResult } from './gateway.js';
import { decodeJwt, type JwtPayload, type TokenRequest } from './issuer.js';

export interface InvocationRequest {
  method: string;
  /** Path with optional query string, e.g. `/api/pagos?page=2`. */
  path: string;
  /** Route to use; default the one the gateway would match for method + path. */
  routeKey?: RouteKey;
  /** Put in the Authorization header; its (unverified) claims become the authorizer claims. */
  token?: string;
  /** Authorizer claims to use instead of the token's. */
  claims?: JwtPayload;
  /** Sent as is; a JSON body also needs its content-type header. */
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** The route and event for a request, as the gateway builds them after its authorizer let the token through. */
export function eventFor(request: InvocationRequest): { route: Route; event: GatewayEvent } {
  const method = request.method.toUpperCase();
  const q = request.path.indexOf('?');
  const rawPath = q === -1 ? request.path : request.path.slice(0, q);
  const rawQueryString = q === -1 ? '' : request.path.slice(q + 1);
  let route: Route;
  if (request.routeKey) route = findRoute(request.routeKey);
  else {
    const matched = matchRoute(method, rawPath);
    if (!matched) throw new Error(`no route for ${method} ${rawPath}`);
    route = matched.route;
  }
  const headers: Record<string, string> = { 'user-agent': 'caja-invoke' };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  Object.assign(headers, request.headers);
  const claims = request.claims ?? (request.token !== undefined && route.roles !== 'public' ? decodeJwt(request.token)?.payload : undefined);
  const event = buildEvent({
    route,
    method,
    rawPath,
    rawQueryString,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(claims ? { claims } : {}),
  });
  return { route, event };
}

/** The route an event is for: its routeKey (as API Gateway sets it), else its method and path. */
export function routeOfEvent(event: Pick<GatewayEvent, 'routeKey' | 'rawPath' | 'requestContext'>): Route {
  const matched = matchRoute(event.requestContext.http.method, event.rawPath);
  if (event.routeKey && event.routeKey !== '$default') return findRoute(event.routeKey as RouteKey);
  if (!matched) throw new Error(`no route for ${event.requestContext.http.method} ${event.rawPath}`);
  return matched.route;
}

/** Runs the route's handler (its module, unless given) once on `event`. */
export async function invokeEvent(route: Route, event: GatewayEvent, handler?: LambdaHandler): Promise<HttpResult> {
  const run = handler ?? (await importHandler(route));
  return toHttpResult(await asRoute(route, () => run(event, lambdaContext(route, { awsRequestId: event.requestContext.requestId }))));
}

/**
 * A saved event (test/events/) made current: a fresh token from `mint` for the user its claims name
 * (the saved Authorization header is a placeholder, or long expired), in `tenant` if given.
 */
export async function withFreshToken(
  saved: GatewayEvent,
  mint: (request: TokenRequest & { tenant: string }) => Promise<string>,
  tenant?: string,
): Promise<GatewayEvent> {
  const claims = saved.requestContext.authorizer?.jwt.claims;
  if (!claims) return saved;
  // Rendered as API Gateway renders arrays: `[ADMIN]`.
  const role = String(claims['cognito:groups'] ?? '').replace(/^\[|\]$/g, '').split(/[ ,]/)[0] as Role;
  const token = await mint({
    role,
    tenant: tenant ?? String(claims.tenant_id ?? DEMO_TENANT),
    ...(claims.party_id !== undefined ? { party: String(claims.party_id) } : {}),
    ...(claims.sub !== undefined ? { sub: String(claims.sub) } : {}),
  });
  const payload = decodeJwt(token)?.payload;
  if (!payload) throw new Error('the issuer returned no JWT');
  return {
    ...saved,
    headers: { ...saved.headers, authorization: `Bearer ${token}` },
    requestContext: { ...saved.requestContext, authorizer: { jwt: { claims: renderClaims(payload), scopes: null } } },
  };
}
