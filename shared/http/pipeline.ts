/**
 * The shared HTTP pipeline every handler is built with: request id and structured log line,
 * token verification, tenant and role check from the route table, body size limit, JSON parsing,
 * strict schemas, and the route's own envelope for successes and errors. Handlers build it through
 * ./endpoint.ts (authenticated routes: the tenant check reads the store) or ./public-endpoint.ts
 * (health and the docs: no store in their bundles, 33 KB instead of 260 KB).
 */
import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { authenticate, type Principal } from '../auth/principal.js';
import { Forbidden, Unauthenticated } from '../ledger/errors.js';
import { HttpError } from './errors.js';
import { apiOf, type Route } from './route.js';
import { createLogger, type Logger } from './logger.js';
import { type DownloadFile, errorResponse, fileResponse, successResponse, type HttpResponse } from './response.js';
import * as z from 'zod/mini';
import { requestBudgetMs, withRequestDeadline } from '../store/budget.js';
import { countMetric, setMetricApi } from '../metrics.js';
import { nullPrototype } from './prototype-keys.js';
import { parseInput } from './validation.js';
import { withoutCacheBuster } from './cache-buster.js';
import { responseBytesOverLimit, responseTooLarge } from './response-limit.js';

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface Request<B, Q, P> {
  body: B;
  query: Q;
  path: P;
  headers: Readonly<Record<string, string | undefined>>;
  principal: Principal;
  requestId: string;
  log: Logger;
}

export interface Result {
  /** A download instead of the API's envelope (the accounts export): sent as is, base64 on the wire. */
  file?: DownloadFile;
  status?: number;
  data: unknown;
  message?: string;
  meta?: Record<string, unknown>;
  /** Extra response headers (a list's total, for example). */
  headers?: Record<string, string>;
}

export interface EndpointSpec<B, Q, P> {
  body?: z.ZodMiniType<B>;
  query?: z.ZodMiniType<Q>;
  path?: z.ZodMiniType<P>;
  maxBodyBytes?: number;
  handle(request: Request<B, Q, P>): Promise<Result>;
}

interface PipelineContext extends Context {
  requestId: string;
  startedAt: number;
  log: Logger;
  principal?: Principal;
}

type MiddyRequest = middy.Request<APIGatewayProxyEventV2, HttpResponse, Error, PipelineContext>;

const baseLog = createLogger();

/** The stable code of a refused request (a domain reason, a request error code), for the 4xx metric. */
const reasonOf = (error: unknown, status: number) => {
  const { reason, code } = (error ?? {}) as { reason?: unknown; code?: unknown };
  return typeof reason === 'string' ? reason : typeof code === 'string' ? code : String(status);
};

/** Request id, one structured log line per request (and its metrics), errors rendered in the route's envelope. */
function observe(route: Route): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse, Error, PipelineContext> {
  const api = apiOf(route);
  const finish = (request: MiddyRequest, response: HttpResponse) => {
    const { context } = request;
    const status = response.statusCode;
    if (status === 503) countMetric('StoreUnavailable');
    else if (status >= 400 && status < 500) countMetric('ClientErrors', 1, { Code: reasonOf(request.error, status) });
    context.log.info('request', {
      status: response.statusCode,
      latencyMs: Date.now() - context.startedAt,
      ...(context.principal ? { tenant: context.principal.tenant } : {}),
    });
  };
  return {
    before: (request) => {
      // One route per function on Lambda; set per invocation so a local process serving many is right too.
      setMetricApi(api);
      const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
      request.context.requestId = requestId;
      request.context.startedAt = Date.now();
      request.context.log = baseLog.child({ requestId, route: `${route.method} ${route.path}` });
    },
    after: (request) => {
      if (request.response) finish(request, request.response);
    },
    onError: (request) => {
      request.response = errorResponse(api, request.error, request.context.requestId ?? request.context.awsRequestId);
      if (request.response.statusCode === 503) {
        // Expected under load or store outages: the client retries after Retry-After.
        request.context.log?.warn('store unavailable', { error: String((request.error as { cause?: unknown })?.cause ?? request.error) });
      } else if (request.response.statusCode >= 500) {
        request.context.log?.error('unhandled error', { error: String(request.error?.stack ?? request.error) });
      }
      if (request.context.log) finish(request, request.response);
    },
  };
}

/** Whether a tenant was created (a token naming any other is refused, never served with defaults). */
export type TenantCheck = (tenant: string) => Promise<boolean>;

function authorize(route: Route, tenantExists: TenantCheck | undefined): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse, Error, PipelineContext> {
  if (route.roles !== 'public' && !tenantExists) throw new Error(`${route.method} ${route.path} needs a token: build it with endpoint(), not publicEndpoint()`);
  return {
    before: async (request) => {
      if (route.roles === 'public' || !tenantExists) return;
      const principal = await authenticate(request.event);
      // Before the role check: an unknown tenant is a 401 whatever the role.
      if (!(await tenantExists(principal.tenant))) throw new Unauthenticated('Unknown tenant');
      request.context.principal = principal;
      if (!principal.roles.some((role) => (route.roles as readonly string[]).includes(role))) throw new Forbidden();
    },
  };
}

function limitBody(maxBytes: number): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse, Error, PipelineContext> {
  return {
    before: (request) => {
      const { body, isBase64Encoded } = request.event;
      if (body === undefined) return;
      const bytes = isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body);
      if (bytes > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBytes} bytes`);
    },
  };
}

/** A handler for `route` (its own entry of functions/routes.ts); `tenantExists` for every route that takes a token. */
export function pipeline<B = undefined, Q = undefined, P = undefined>(route: Route, spec: EndpointSpec<B, Q, P>, tenantExists?: TenantCheck) {
  const api = apiOf(route);
  const chain = middy<APIGatewayProxyEventV2, HttpResponse, Error, PipelineContext>()
    .use(observe(route))
    .use(authorize(route, tenantExists))
    .use(limitBody(spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  if (spec.body) chain.use(httpJsonBodyParser({ reviver: nullPrototype }));

  return chain.handler(async (event, context) => {
    const input = {
      body: spec.body ? parseInput(spec.body, event.body, 'body') : (undefined as B),
      query: spec.query ? parseInput(spec.query, withoutCacheBuster(route.method, event.queryStringParameters ?? {}), 'query') : (undefined as Q),
      path: spec.path ? parseInput(spec.path, event.pathParameters ?? {}, 'path') : (undefined as P),
    };
    const result = await withRequestDeadline(requestBudgetMs(context.getRemainingTimeInMillis?.()), () =>
      spec.handle({
        ...input,
        headers: event.headers ?? {},
        principal: context.principal as Principal,
        requestId: context.requestId,
        log: context.log,
      }),
    );
    if (result.file) return fileResponse(result.file, context.requestId);
    const response = successResponse(api, result.data, {
      status: result.status ?? 200,
      requestId: context.requestId,
      ...(result.message !== undefined ? { message: result.message } : {}),
      ...(result.meta !== undefined ? { meta: result.meta } : {}),
    }, result.headers);
    const tooLarge = responseBytesOverLimit(response);
    if (tooLarge !== undefined) throw responseTooLarge(tooLarge);
    return response;
  });
}
