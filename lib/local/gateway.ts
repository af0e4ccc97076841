/**
 * The local API Gateway (HTTP API, payload format 2.0): matches a request against the route table,
 * runs the JWT authorizer against the local issuer, builds the exact Lambda event and calls the very
 * handler module Lambda runs. It also serves the local issuer's endpoints under /local-issuer.
 *
 * Split by concern under ./gateway/: route matching (routing.ts), the v2 event and Lambda context
 * (event.ts), the response mapping (result.ts), the issuer's endpoints (issuer-routes.ts), the
 * store guard that holds a handler to its route's store operations (store-guard.ts). They are
 * re-exported here so the test helpers that invoke handlers directly build events with this one
 * implementation. This file is the HTTP server and the authorizer.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { routes } from '../../functions/routes.js';
import { DIALECTS } from '../../shared/dialects/index.js';
import { unauthorizedResponse } from '../../shared/http/response.js';
import { apiOf, type Route, routeKey } from '../../shared/http/route.js';
import { buildEvent, INTEGRATION_TIMEOUT_MS, lambdaContext, newRequestId } from './gateway/event.js';
import { BodyTooLarge, readBody, sendJson } from './gateway/http-io.js';
import { issuerEndpoint } from './gateway/issuer-routes.js';
import { type HttpResult, MalformedResultError, toHttpResult } from './gateway/result.js';
import { matchRoute } from './gateway/routing.js';
import { asRoute } from './gateway/store-guard.js';
import { ISSUER_PATH, type JwtPayload, LocalIssuer, type LocalUser } from './issuer.js';
import { corsPolicy, preflightHeaders, responseCorsHeaders } from '../cors.js';

export * from './gateway/event.js';
export * from './gateway/result.js';
export * from './gateway/routing.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A Lambda handler: (event, context), typed loosely so middy handlers with their own context type fit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LambdaHandler = (...args: any[]) => unknown;

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
  /** Origins allowed cross-origin (lib/cors.ts; `CORS_ORIGINS` under npm start); none: no CORS, as without it on AWS. */
  corsOrigins?: readonly string[];
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

/** A route's handler, from its module under functions/. */
export async function importHandler(route: Route): Promise<LambdaHandler> {
  const file = handlerPath(route);
  if (!existsSync(file)) throw new Error(`handler module functions/${route.handler}.ts does not exist`);
  const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`functions/${route.handler}.ts does not export a handler function`);
  return module.handler as LambdaHandler;
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
  const cors = corsPolicy(options.corsOrigins ?? [], routes);
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
        const denied = unauthorizedResponse(DIALECTS[apiOf(route)], requestId);
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
        status = await issuerEndpoint(issuer!, req, res, rawPath);
      } else if (cors && req.method === 'OPTIONS') {
        // The HTTP API's CORS configuration answers every preflight itself: no authorizer, no handler.
        res.writeHead(204, { ...preflightHeaders(cors, req.headers.origin), 'apigw-requestid': requestId });
        res.end();
        status = 204;
        extra = { preflight: true };
      } else {
        await opened;
        // Set before any answer is written: API Gateway adds them to every response, errors included.
        if (cors) for (const [name, value] of Object.entries(responseCorsHeaders(cors, req.headers.origin))) res.setHeader(name, value);
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
