/**
 * CORS for browser clients (issue 13): the allowed origins are a per-deployment setting (CDK context
 * `corsOrigins` on AWS, `CORS_ORIGINS` locally; comma-separated), and one policy built from them
 * and the route table serves both sides:
 *
 * - on AWS it is the HTTP API's own CORS configuration (lib/constructs/caja-api.ts): API Gateway
 *   answers every preflight itself and adds the headers to every response, so an OPTIONS request
 *   never reaches the JWT authorizer or a function (no route is declared for OPTIONS or ANY);
 * - locally the gateway (lib/local/gateway.ts) answers preflights and adds the same headers.
 *
 * No origins configured: no CORS at all (same-origin clients only), as before.
 */
import type { HttpMethod, Route } from '../shared/http/route.js';

/** What a browser client may send: the bearer token, JSON bodies, the Idempotency-Key. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-requested-with'] as const;
/** What a browser client may read besides the simple headers: the request id, Retry-After, an export's file name. */
export const CORS_EXPOSE_HEADERS = ['x-request-id', 'retry-after', 'content-disposition', 'www-authenticate'] as const;
/** How long a browser may cache a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 600;

export interface CorsPolicy {
  /** Exact origins (`https://app.example.com`), or `*` alone for any origin (tokens travel in a header, never cookies). */
  allowOrigins: readonly string[];
  allowMethods: readonly HttpMethod[];
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAgeSeconds: number;
}

const ORIGIN = /^https?:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/;

/**
 * The origins of a comma-separated setting (`https://app.example.com,http://localhost:5173`), each
 * a scheme, host and optional port exactly as a browser sends it in `Origin`; `*` alone allows any.
 * Empty or absent: none. Anything else is an error naming the setting.
 */
export function parseCorsOrigins(value: string | undefined, setting: string): string[] {
  const origins = (value ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins.includes('*')) {
    if (origins.length > 1) throw new Error(`${setting}: '*' allows every origin and cannot be listed with others`);
    return ['*'];
  }
  for (const origin of origins) {
    if (!ORIGIN.test(origin)) throw new Error(`${setting}: not an origin (scheme://host[:port], lower case, no path): ${origin}`);
  }
  return [...new Set(origins)];
}

/** The policy for these origins over the route table's methods; undefined (no CORS) without origins. */
export function corsPolicy(origins: readonly string[], routes: readonly Pick<Route, 'method'>[]): CorsPolicy | undefined {
  if (origins.length === 0) return undefined;
  const methods = [...new Set(routes.map((route) => route.method))].sort();
  return {
    allowOrigins: origins,
    allowMethods: methods,
    allowHeaders: [...CORS_ALLOW_HEADERS],
    exposeHeaders: [...CORS_EXPOSE_HEADERS],
    maxAgeSeconds: CORS_MAX_AGE_SECONDS,
  };
}

/** The `Access-Control-Allow-Origin` value for a request's Origin, when the policy allows it. */
function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  if (policy.allowOrigins.includes('*')) return '*';
  return policy.allowOrigins.includes(origin.toLowerCase()) ? origin : undefined;
}

/**
 * What API Gateway answers a preflight (local gateway): 204 with the allow headers when the origin
 * is allowed; 204 without them otherwise (the browser then refuses the real request).
 */
export function preflightHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  if (allowed === undefined) return {};
  return {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': policy.allowMethods.join(','),
    'access-control-allow-headers': policy.allowHeaders.join(','),
    'access-control-max-age': String(policy.maxAgeSeconds),
    vary: 'Origin',
  };
}

/** The headers API Gateway adds to a response to an allowed cross-origin request (local gateway). */
export function responseCorsHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(policy, origin);
  if (allowed === undefined) return {};
  return { 'access-control-allow-origin': allowed, 'access-control-expose-headers': policy.exposeHeaders.join(','), vary: 'Origin' };
}
