import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Dialect, Failure, SuccessContext } from '../dialects/dialect.js';
import { Unauthenticated } from '../ledger/errors.js';
import { toFailure } from '../dialects/failure.js';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

/** On every response, errors and 401s included (SPEC §4 Errors): no MIME sniffing, no caching of ledger data. */
export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } as const;

function json(status: number, body: unknown, requestId: string): HttpResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId, ...SECURITY_HEADERS },
    body: JSON.stringify(body),
  };
}

export function successResponse(dialect: Dialect, data: unknown, ctx: SuccessContext, headers?: Record<string, string>): HttpResponse {
  const response = json(ctx.status, dialect.success(data, ctx), ctx.requestId);
  // 204 No Content carries no body.
  if (ctx.status === 204) response.body = '';
  if (headers) response.headers = { ...response.headers, ...headers };
  return response;
}

export interface DownloadFile {
  body: Buffer;
  contentType: string;
  /** ASCII only (it goes in Content-Disposition as is). */
  fileName: string;
}

/** A file to download: `Content-Disposition: attachment`, the body base64-encoded as API Gateway expects. */
export function fileResponse(file: DownloadFile, requestId: string): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-request-id': requestId,
      ...SECURITY_HEADERS,
    },
    body: file.body.toString('base64'),
    isBase64Encoded: true,
  };
}

/** Anything thrown, through the API's error map and envelope. */
export function errorResponse(dialect: Dialect, error: unknown, requestId: string): HttpResponse {
  const failure: Failure = toFailure(error, dialect.errors);
  const response = json(failure.status, dialect.error(failure, requestId), requestId);
  if (failure.status === 401) response.headers = { ...response.headers, 'www-authenticate': 'Bearer' };
  if (failure.retryAfterSeconds !== undefined) response.headers = { ...response.headers, 'retry-after': String(failure.retryAfterSeconds) };
  return response;
}

/** What the gateway's JWT authorizer answers (locally) for a missing or rejected token. */
export function unauthorizedResponse(dialect: Dialect, requestId: string): HttpResponse {
  return errorResponse(dialect, new Unauthenticated(), requestId);
}
