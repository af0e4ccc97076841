import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Api } from '../../functions/routes.js';
import { type AppError, unauthorized } from '../errors.js';
import { DIALECTS, type SuccessContext } from './dialects.js';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

function json(status: number, body: unknown, requestId: string): HttpResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
    body: JSON.stringify(body),
  };
}

export function successResponse(api: Api, data: unknown, ctx: SuccessContext): HttpResponse {
  return json(ctx.status, DIALECTS[api].success(data, ctx), ctx.requestId);
}

export function errorResponse(api: Api, error: AppError, requestId: string): HttpResponse {
  const response = json(error.status, DIALECTS[api].error(error, requestId), requestId);
  if (error.status === 401) response.headers = { ...response.headers, 'www-authenticate': 'Bearer' };
  return response;
}

/** What the gateway's JWT authorizer answers (locally) for a missing or rejected token. */
export function unauthorizedResponse(api: Api, requestId: string): HttpResponse {
  return errorResponse(api, unauthorized(), requestId);
}
