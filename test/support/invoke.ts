/**
 * Calls a handler module directly with the event the local gateway would build (same builder), as
 * if the HTTP API authorizer had let the token through. For integration tests of one function.
 */
import { findRoute, type Route, type RouteKey } from '../../functions/routes.js';
import { buildEvent, type GatewayEvent, type LambdaHandler, lambdaContext, matchRoute, toHttpResult } from '../../lib/local/gateway.js';
import type { JwtPayload } from '../../lib/local/issuer.js';
import { asRoute } from '../../lib/local/gateway/store-guard.js';
import { claimsOf } from './tokens.js';

/** A handler function (middy's take a third, optional argument). */
type Handler = LambdaHandler;

export interface InvokeOptions {
  method?: string;
  /** Path with optional query string, e.g. `/api/pagos?page=2`. */
  path: string;
  /** Route to use; default the one the gateway would match for method + path. */
  routeKey?: RouteKey;
  /** Put in the Authorization header; its (unverified) claims become the authorizer claims. */
  token?: string;
  /** Authorizer claims to use instead of the token's. */
  claims?: JwtPayload;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface InvokeResult<T = any> {
  status: number;
  headers: Record<string, string>;
  body: T;
  text: string;
  event: GatewayEvent;
}

export async function invoke<T = any>(module: { handler: Handler } | Handler, options: InvokeOptions): Promise<InvokeResult<T>> {
  const handler = typeof module === 'function' ? module : module.handler;
  const method = (options.method ?? (options.routeKey ? options.routeKey.split(' ')[0]! : 'GET')).toUpperCase();
  const q = options.path.indexOf('?');
  const rawPath = q === -1 ? options.path : options.path.slice(0, q);
  const rawQueryString = q === -1 ? '' : options.path.slice(q + 1);
  let route: Route;
  if (options.routeKey) route = findRoute(options.routeKey);
  else {
    const matched = matchRoute(method, rawPath);
    if (!matched) throw new Error(`no route for ${method} ${rawPath}`);
    route = matched.route;
  }

  const headers: Record<string, string> = { 'user-agent': 'vitest' };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  Object.assign(headers, options.headers);

  const claims = options.claims ?? (options.token !== undefined && route.roles !== 'public' ? claimsOf(options.token) : undefined);
  const event = buildEvent({
    route,
    method,
    rawPath,
    rawQueryString,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(claims ? { claims } : {}),
  });
  const result = toHttpResult(await asRoute(route, () => handler(event, lambdaContext(route, { awsRequestId: event.requestContext.requestId }))));
  const text = result.body.toString('utf8');
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: result.statusCode, headers: result.headers, body: parsed as T, text, event };
}
