/**
 * The API Gateway HTTP API v2 event (payload format 2.0) and the Lambda context, built exactly as
 * AWS builds them; test helpers that invoke handlers directly use this same builder.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
  Context,
} from 'aws-lambda';
import { type Route, routeKey } from '../../../shared/http/route.js';
import { matchTemplate, parseTemplate } from './routing.js';
import type { JwtPayload } from '../issuer.js';

export const INTEGRATION_TIMEOUT_MS = 30_000;
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';

export type GatewayEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: APIGatewayEventRequestContextJWTAuthorizer }
>;

/** Header names and values as received; a record (arrays for repeats) or raw [name, value] pairs. */
export type HeaderInput = Record<string, string | readonly string[] | undefined> | readonly (readonly [string, string])[];

export interface EventInput {
  route: Route;
  method?: string;
  /** Path as on the request line (percent-encoded), without the query string. */
  rawPath: string;
  /** Query string as on the request line, without `?`. */
  rawQueryString?: string;
  headers?: HeaderInput;
  body?: Buffer | string;
  /** Verified JWT payload; renders requestContext.authorizer for non-public routes. */
  claims?: JwtPayload;
  /** Defaults to the params matched from rawPath against the route's template. */
  pathParameters?: Record<string, string>;
  requestId?: string;
  sourceIp?: string;
  now?: Date;
}

/** API Gateway's request id style: 16 base64 characters. */
export function newRequestId(): string {
  return randomBytes(11).toString('base64');
}

function normalizeHeaders(input: HeaderInput | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  if (Array.isArray(input)) {
    for (const [name, value] of input as readonly (readonly [string, string])[]) add(name, value);
  } else if (input) {
    for (const [name, value] of Object.entries(input as Record<string, string | readonly string[] | undefined>)) {
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const v of value) add(name, v);
    }
  }
  return map;
}

/** API Gateway joins repeated query keys with commas; values are decoded. */
export function parseQueryString(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  // Null prototype: `__proto__` stays an own key (as in the JSON event on Lambda), so validation sees it.
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(rawQueryString)) {
    out[key] = key in out ? `${out[key]},${value}` : value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Bodies API Gateway passes as text; everything else (or no content type) arrives base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    mime.startsWith('text/') ||
    mime === 'application/json' ||
    mime.endsWith('+json') ||
    mime === 'application/xml' ||
    mime.endsWith('+xml') ||
    mime === 'application/javascript'
  );
}

/** How the HTTP API renders JWT claims for Lambda: every value a string, arrays as `[a b]`. */
export function renderClaims(payload: JwtPayload): Record<string, string> {
  const render = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return `[${value.map(render).join(' ')}]`;
    if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `map[${entries.map(([k, v]) => `${k}:${render(v)}`).join(' ')}]`;
    }
    return String(value);
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) out[key] = render(value);
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `12/Mar/2020:19:03:58 +0000`, the CLF time of requestContext.time. */
export function formatRequestTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${p(date.getUTCHours())}:${p(
    date.getUTCMinutes(),
  )}:${p(date.getUTCSeconds())} +0000`;
}

function traceId(now: Date): string {
  return `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'expect', 'proxy-connection'];

export function buildEvent(input: EventInput): GatewayEvent {
  const { route } = input;
  const method = (input.method ?? route.method).toUpperCase();
  const now = input.now ?? new Date();
  const sourceIp = input.sourceIp ?? '127.0.0.1';
  const requestId = input.requestId ?? newRequestId();
  const rawQueryString = input.rawQueryString ?? '';
  const body = input.body === undefined ? undefined : Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body);

  const received = normalizeHeaders(input.headers);
  const cookieValues = received.get('cookie');
  received.delete('cookie');
  // Hop-by-hop headers end at the gateway; the body arrives whole.
  for (const name of HOP_BY_HOP) received.delete(name);
  const headers: Record<string, string> = {};
  for (const [name, values] of received) headers[name] = values.join(',');
  if (body?.length && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  headers.host ??= 'localhost';
  headers['x-amzn-trace-id'] ??= traceId(now);
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  const hostPort = /:(\d+)$/.exec(headers.host)?.[1];
  headers['x-forwarded-port'] ??= hostPort ?? '80';
  headers['x-forwarded-proto'] ??= 'http';

  const cookies = (cookieValues ?? [])
    .flatMap((value) => value.split(';'))
    .map((c) => c.trim())
    .filter(Boolean);

  let pathParameters = input.pathParameters;
  if (!pathParameters) {
    const template = parseTemplate(route.path);
    pathParameters = matchTemplate(template, input.rawPath.split('/').slice(1))?.params ?? {};
  }
  const queryStringParameters = parseQueryString(rawQueryString);
  const domainName = headers.host.replace(/:\d+$/, '');
  const key = routeKey(route);

  const requestContext: GatewayEvent['requestContext'] = {
    accountId: LOCAL_ACCOUNT_ID,
    apiId: LOCAL_API_ID,
    ...(input.claims
      ? {
          // Without authorization scopes on the route, the HTTP API renders scopes as null.
          authorizer: { jwt: { claims: renderClaims(input.claims), scopes: null } },
        }
      : {}),
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method,
      path: input.rawPath,
      protocol: 'HTTP/1.1',
      sourceIp,
      userAgent: headers['user-agent'] ?? '',
    },
    requestId,
    routeKey: key,
    stage: '$default',
    time: formatRequestTime(now),
    timeEpoch: now.getTime(),
  };

  const text = body?.length ? isTextContentType(headers['content-type']) : false;
  return {
    version: '2.0',
    routeKey: key,
    rawPath: input.rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext,
    ...(body?.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    isBase64Encoded: Boolean(body?.length) && !text,
  };
}

/** Lambda's context object, enough of it for handlers and middy. */
export function lambdaContext(route: Pick<Route, 'handler'>, options: { awsRequestId?: string; timeoutMs?: number } = {}): Context {
  const functionName = `caja-local-${route.handler.replace(/\//g, '-')}`;
  const deadline = Date.now() + (options.timeoutMs ?? INTEGRATION_TIMEOUT_MS);
  const unsupported = () => {
    throw new Error('callback-style context methods are not supported');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
