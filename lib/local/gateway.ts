/**
 * The local API Gateway (HTTP API, payload format 2.0): matches a request against the route table,
 * runs the JWT authorizer against the local issuer, builds the exact Lambda event and calls the very
 * handler module Lambda runs. It also serves the local issuer's endpoints under /local-issuer.
 *
 * The event builder, route matcher, claim rendering and response mapping are exported so the test
 * helpers that invoke handlers directly build events with this one implementation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
  Context,
} from 'aws-lambda';
import { apiOf, ROLES, type Route, routeKey, routes } from '../../functions/routes.js';
import { unauthorizedResponse } from '../../shared/http/response.js';
import { asRoute } from './store-guard.js';
import { ISSUER_PATH, isRole, type JwtPayload, LocalIssuer, type LocalUser, type TokenUse, UserExistsError } from './issuer.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const INTEGRATION_TIMEOUT_MS = 30_000;
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_API_ID = 'local';
const ISSUER_BODY_LIMIT = 64 * 1024;

export type GatewayEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: APIGatewayEventRequestContextJWTAuthorizer }
>;
/** A Lambda handler: (event, context), typed loosely so middy handlers with their own context type fit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LambdaHandler = (...args: any[]) => unknown;

// ---- route matching ----

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

function parseTemplate(path: string): Segment[] {
  return path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy) return { kind: 'greedy', name: greedy[1]! };
      const param = /^\{(.+)\}$/.exec(part);
      return param ? { kind: 'param', name: param[1]! } : { kind: 'literal', value: part };
    });
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Per-segment specificity: a literal (2) beats a parameter (1) beats a greedy parameter (0), left to right. */
function matchTemplate(template: Segment[], segments: string[]): { params: Record<string, string>; score: number[] } | undefined {
  const params: Record<string, string> = {};
  const score: number[] = [];
  for (let i = 0; i < template.length; i++) {
    const part = template[i]!;
    if (part.kind === 'greedy') {
      const rest = segments.slice(i);
      if (rest.length === 0 || rest.some((s) => s === '')) return undefined;
      const value = decodeSegment(rest.join('/'));
      if (value === undefined) return undefined;
      params[part.name] = value;
      score.push(0);
      return { params, score };
    }
    const raw = segments[i];
    if (raw === undefined || raw === '') return undefined;
    const value = decodeSegment(raw);
    if (value === undefined) return undefined;
    if (part.kind === 'literal') {
      if (value !== part.value) return undefined;
      score.push(2);
    } else {
      params[part.name] = value;
      score.push(1);
    }
  }
  return segments.length === template.length ? { params, score } : undefined;
}

const templates = new WeakMap<Route, Segment[]>();

/** The route API Gateway would pick for this method and raw path (percent-encoded), if any. */
export function matchRoute(method: string, rawPath: string, table: readonly Route[] = routes): RouteMatch | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  const segments = rawPath.split('/').slice(1);
  let best: { route: Route; params: Record<string, string>; score: number[] } | undefined;
  for (const route of table) {
    if (route.method !== method.toUpperCase()) continue;
    let template = templates.get(route);
    if (!template) templates.set(route, (template = parseTemplate(route.path)));
    const matched = matchTemplate(template, segments);
    if (!matched) continue;
    if (!best || compareScores(matched.score, best.score) > 0) best = { route, ...matched };
  }
  return best && { route: best.route, pathParameters: best.params };
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -1) - (b[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

// ---- the v2 event ----

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
  const out: Record<string, string> = {};
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

// ---- the Lambda result as an HTTP response ----

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export class MalformedResultError extends Error {}

/**
 * Payload 2.0 response mapping: a structured result (`statusCode` present) is taken as is; anything
 * else is a JSON body with status 200. A malformed structured result is what API Gateway answers 500 for.
 */
export function toHttpResult(result: unknown): HttpResult {
  const isStructured = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (!isStructured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
  }
  const r = result as { statusCode: unknown; headers?: unknown; body?: unknown; isBase64Encoded?: unknown; cookies?: unknown };
  if (typeof r.statusCode !== 'number' || !Number.isInteger(r.statusCode) || r.statusCode < 100 || r.statusCode > 599) {
    throw new MalformedResultError(`statusCode must be an integer HTTP status, got ${JSON.stringify(r.statusCode)}`);
  }
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') {
    throw new MalformedResultError('body must be a string');
  }
  const headers: Record<string, string> = {};
  if (r.headers !== undefined && r.headers !== null) {
    if (typeof r.headers !== 'object') throw new MalformedResultError('headers must be an object');
    for (const [name, value] of Object.entries(r.headers as Record<string, unknown>)) {
      if (!['string', 'number', 'boolean'].includes(typeof value)) throw new MalformedResultError(`header ${name} must be a scalar`);
      headers[name.toLowerCase()] = String(value);
    }
  }
  const cookies = Array.isArray(r.cookies) ? r.cookies.map(String) : [];
  const text = typeof r.body === 'string' ? r.body : '';
  const body = r.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text);
  return { statusCode: r.statusCode, headers, cookies, body };
}

// ---- the server ----

export interface GatewayOptions {
  port?: number;
  /** Loopback by default: 127.0.0.1 and, when available, ::1 on the same port. */
  host?: string;
  quiet?: boolean;
  clientId?: string;
  users?: readonly LocalUser[];
  /** How a route's handler module is loaded; default dynamic import of functions/<handler>.ts. */
  loadHandler?: (route: Route) => Promise<LambdaHandler>;
  timeoutMs?: number;
  /**
   * Hold API requests (not the issuer's endpoints) until `open()` is called: the stack opens once
   * process.env points the handlers at DynamoDB Local and the issuer.
   */
  holdRequests?: boolean;
  /** Where log entries go instead of stdout/stderr. */
  onLog?: (entry: GatewayLogEntry) => void;
}

export interface Gateway {
  port: number;
  baseUrl: string;
  issuer: LocalIssuer;
  /** Lets held API requests through (no-op unless started with holdRequests). */
  open(): void;
  close(): Promise<void>;
}

export function handlerPath(route: Pick<Route, 'handler'>): string {
  return resolve(REPO_ROOT, 'functions', `${route.handler}.ts`);
}

async function importHandler(route: Route): Promise<LambdaHandler> {
  const file = handlerPath(route);
  if (!existsSync(file)) throw new Error(`handler module functions/${route.handler}.ts does not exist`);
  const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`functions/${route.handler}.ts does not export a handler function`);
  return module.handler as LambdaHandler;
}

class BodyTooLarge extends Error {}

/** Reads the whole body; past the limit it keeps draining (so the client can read the answer) and throws. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
    if (size > limit * 4) {
      req.destroy();
      break;
    }
  }
  if (tooLarge) throw new BodyTooLarge();
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers });
  res.end(payload);
  return status;
}

export type GatewayLogEntry = Record<string, unknown> & { level: 'info' | 'error' };

/** Request lines go to stdout (not when quiet), errors to stderr. */
function defaultLog(quiet: boolean | undefined) {
  return (entry: GatewayLogEntry): void => {
    const stream = entry.level === 'error' ? 'stderr' : 'stdout';
    if (quiet && stream === 'stdout') return;
    process[stream].write(`${JSON.stringify({ time: new Date().toISOString(), source: 'local-gateway', ...entry })}\n`);
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const loadHandler = options.loadHandler ?? importHandler;
  const timeoutMs = options.timeoutMs ?? INTEGRATION_TIMEOUT_MS;
  const log = options.onLog ?? defaultLog(options.quiet);
  const handlers = new Map<string, Promise<LambdaHandler>>();
  let issuer: LocalIssuer | undefined;
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  if (!options.holdRequests) open();
  // The issuer exists before the first request is read (see below), but requests can be accepted earlier.
  let issuerReady!: () => void;
  const issuerCreated = new Promise<void>((r) => {
    issuerReady = r;
  });

  const getHandler = (route: Route): Promise<LambdaHandler> => {
    let loading = handlers.get(route.handler);
    if (!loading) {
      loading = loadHandler(route);
      handlers.set(route.handler, loading);
      // A failed import is not cached: creating the file makes the route work without a restart.
      loading.catch(() => handlers.delete(route.handler));
    }
    return loading;
  };

  async function issuerEndpoint(req: IncomingMessage, res: ServerResponse, path: string): Promise<number> {
    const iss = issuer!;
    const method = req.method ?? 'GET';
    const sub = path.slice(ISSUER_PATH.length);
    if (method === 'GET' && sub === '/.well-known/jwks.json') {
      return sendJson(res, 200, iss.jwks(), { 'cache-control': 'max-age=300' });
    }
    if (method === 'GET' && sub === '/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer: iss.issuerUrl,
        jwks_uri: iss.jwksUrl,
        token_endpoint: `${iss.issuerUrl}/token`,
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'],
        response_types_supported: ['token'],
      });
    }
    if (method === 'GET' && sub === '/users') return sendJson(res, 200, { users: iss.users() });
    if (method !== 'POST' || !['/token', '/users', '/sign'].includes(sub)) return sendJson(res, 404, { message: 'Not Found' });

    let input: Record<string, unknown>;
    try {
      const parsed = JSON.parse((await readBody(req, ISSUER_BODY_LIMIT)).toString('utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      input = parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { message: 'Request Entity Too Large' });
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'body must be a JSON object' });
    }
    const bad = (description: string) => sendJson(res, 400, { error: 'invalid_request', error_description: description });
    if (sub === '/sign') {
      // Signs the given claims as they are: tests craft validly signed tokens with odd claims. Grants
      // nothing /token does not already grant to anyone who can reach this local port.
      const claims = input.claims;
      if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return bad('claims must be an object');
      return sendJson(res, 200, { token: iss.sign(claims as JwtPayload) });
    }
    const optionalString = (name: string) => input[name] === undefined || (typeof input[name] === 'string' && input[name] !== '');
    if (!isRole(input.role)) return bad(`role must be one of ${ROLES.join(', ')}`);
    for (const name of ['tenant', 'party', 'sub']) if (!optionalString(name)) return bad(`${name} must be a non-empty string`);

    if (sub === '/users') {
      if (typeof input.email !== 'string' || !input.email.includes('@')) return bad('email must be an email address');
      if (typeof input.tenant !== 'string') return bad('tenant is required');
      try {
        const user = iss.addUser({
          email: input.email,
          role: input.role,
          tenant: input.tenant,
          ...(typeof input.party === 'string' ? { party: input.party } : {}),
        });
        return sendJson(res, 201, user);
      } catch (error) {
        if (error instanceof UserExistsError) return sendJson(res, 409, { code: error.code, message: error.message });
        throw error;
      }
    }

    if (input.ttl !== undefined && (typeof input.ttl !== 'number' || !Number.isFinite(input.ttl))) return bad('ttl must be a number of seconds');
    if (input.tokenUse !== undefined && input.tokenUse !== 'access' && input.tokenUse !== 'id') return bad("tokenUse must be 'access' or 'id'");
    const token = iss.mint({
      role: input.role,
      ...(typeof input.tenant === 'string' ? { tenant: input.tenant } : {}),
      ...(typeof input.party === 'string' ? { party: input.party } : {}),
      ...(typeof input.sub === 'string' ? { sub: input.sub } : {}),
      ...(typeof input.ttl === 'number' ? { ttl: Math.trunc(input.ttl) } : {}),
      ...(input.tokenUse ? { tokenUse: input.tokenUse as TokenUse } : {}),
    });
    return sendJson(res, 200, { token });
  }

  async function apiRequest(req: IncomingMessage, res: ServerResponse, rawPath: string, rawQueryString: string, requestId: string) {
    const method = req.method ?? 'GET';
    const matched = matchRoute(method, rawPath);
    if (!matched) return { status: sendJson(res, 404, { message: 'Not Found' }, { 'apigw-requestid': requestId }) };
    const { route, pathParameters } = matched;

    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return { route, status: sendJson(res, 413, { message: 'Request Entity Too Large' }, { 'apigw-requestid': requestId }) };
      }
      throw error;
    }

    let claims: JwtPayload | undefined;
    if (route.roles !== 'public') {
      const token = bearerToken(req.headers.authorization);
      const verdict = token ? issuer!.verify(token) : { ok: false as const, reason: 'missing token' };
      if (!verdict.ok) {
        const denied = unauthorizedResponse(apiOf(route), requestId);
        write(res, toHttpResult(denied), requestId);
        return { route, status: 401, reason: verdict.reason };
      }
      claims = verdict.payload;
    }

    const event = buildEvent({
      route,
      method,
      rawPath,
      rawQueryString,
      headers: pairs(req.rawHeaders),
      body,
      pathParameters,
      requestId,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      ...(claims ? { claims } : {}),
    });

    let result: HttpResult;
    try {
      const handler = await getHandler(route);
      const context = lambdaContext(route, { timeoutMs });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((r) => {
        timer = setTimeout(() => r('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([Promise.resolve().then(() => asRoute(route, () => handler(event, context))), timeout]).finally(() =>
        clearTimeout(timer),
      );
      if (outcome === 'timeout') {
        log({ level: 'error', msg: 'integration timed out', handler: route.handler, requestId });
        return { route, status: sendJson(res, 503, { message: 'Service Unavailable' }, { 'apigw-requestid': requestId }) };
      }
      result = toHttpResult(outcome);
    } catch (error) {
      log({
        level: 'error',
        msg: error instanceof MalformedResultError ? 'malformed Lambda proxy response' : 'handler failed',
        handler: route.handler,
        requestId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return { route, status: sendJson(res, 500, { message: 'Internal Server Error' }, { 'apigw-requestid': requestId }) };
    }
    write(res, result, requestId);
    return { route, status: result.statusCode };
  }

  function write(res: ServerResponse, result: HttpResult, requestId: string): void {
    const headers: Record<string, string | string[]> = { ...result.headers, 'apigw-requestid': requestId };
    if (result.cookies.length) headers['set-cookie'] = result.cookies;
    headers['content-length'] = String(result.body.length);
    res.writeHead(result.statusCode, headers);
    res.end(result.body);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q === -1 ? url : url.slice(0, q);
    const rawQueryString = q === -1 ? '' : url.slice(q + 1);
    const requestId = newRequestId();
    let status = 500;
    let extra: Record<string, unknown> = {};
    try {
      await issuerCreated;
      if (rawPath === ISSUER_PATH || rawPath.startsWith(`${ISSUER_PATH}/`)) {
        status = await issuerEndpoint(req, res, rawPath);
      } else {
        await opened;
        const outcome = await apiRequest(req, res, rawPath, rawQueryString, requestId);
        status = outcome.status;
        extra = {
          ...(outcome.route ? { route: routeKey(outcome.route) } : {}),
          ...('reason' in outcome && outcome.reason ? { authorizer: outcome.reason } : {}),
        };
      }
    } catch (error) {
      log({ level: 'error', msg: 'gateway error', requestId, error: String(error) });
      if (!res.headersSent) status = sendJson(res, 500, { message: 'Internal Server Error' });
      else res.destroy();
    }
    log({
      level: 'info',
      method: req.method,
      path: rawPath,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      requestId,
      ...extra,
    });
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => void onRequest(req, res);
  const servers: Server[] = [];
  const listen = (server: Server, port: number, host: string) =>
    new Promise<number>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolveListen((server.address() as AddressInfo).port);
      });
    });

  const primary = createServer(listener);
  const port = await listen(primary, options.port ?? 0, options.host ?? '127.0.0.1');
  servers.push(primary);
  if (!options.host) {
    // Also on ::1, so `localhost` works whichever family it resolves to first. Best effort.
    const v6 = createServer(listener);
    try {
      await listen(v6, port, '::1');
      servers.push(v6);
    } catch {
      v6.close();
    }
  }

  const baseUrl = `http://localhost:${port}`;
  issuer = new LocalIssuer({
    issuerUrl: `${baseUrl}${ISSUER_PATH}`,
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.users ? { users: options.users } : {}),
  });
  issuerReady();

  let closing: Promise<void> | undefined;
  return {
    port,
    baseUrl,
    issuer,
    open,
    close: () =>
      (closing ??= Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((r) => {
              server.close(() => r());
              server.closeAllConnections();
            }),
        ),
      ).then(() => undefined)),
  };
}

function pairs(rawHeaders: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  return out;
}
