/**
 * Calls a handler module directly with the event the local gateway would build (lib/local/invoke.ts,
 * the same code as `npm run invoke`), as if the HTTP API authorizer had let the token through. For
 * integration tests of one function.
 */
import type { RouteKey } from '../../functions/routes.js';
import type { GatewayEvent, LambdaHandler } from '../../lib/local/gateway.js';
import type { JwtPayload } from '../../lib/local/issuer.js';
import { eventFor, invokeEvent } from '../../lib/local/invoke.js';
import { ensureTenant } from './tenants.js';

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

export async function invoke<T = any>(module: { handler: LambdaHandler } | LambdaHandler, options: InvokeOptions): Promise<InvokeResult<T>> {
  const handler = typeof module === 'function' ? module : module.handler;
  const method = options.method ?? (options.routeKey ? options.routeKey.split(' ')[0]! : 'GET');
  const json = options.rawBody === undefined && options.body !== undefined;
  const { route, event } = eventFor({
    method,
    path: options.path,
    ...(options.routeKey ? { routeKey: options.routeKey } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.claims ? { claims: options.claims } : {}),
    ...(options.rawBody !== undefined ? { body: options.rawBody } : json ? { body: JSON.stringify(options.body) } : {}),
    headers: { 'user-agent': 'vitest', ...(json ? { 'content-type': 'application/json' } : {}), ...options.headers },
  });
  const tenant = event.requestContext.authorizer?.jwt.claims.tenant_id;
  if (typeof tenant === 'string') await ensureTenant(tenant);
  const result = await invokeEvent(route, event, handler);
  const text = result.body.toString('utf8');
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: result.statusCode, headers: result.headers, body: parsed as T, text, event };
}
