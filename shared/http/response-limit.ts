/**
 * What a Lambda function may answer through API Gateway: 6 MB (6,291,456 bytes) of response payload,
 * the response object as the runtime serializes it (the body a JSON string inside it, escaped again).
 * Past it the client would get a 502 from the gateway; the pipeline answers a 400 naming the limit
 * instead (a period statement of a long period over many entities, for example).
 */
import { Invalid, issue } from '../ledger/errors.js';
import type { HttpResponse } from './response.js';

export const LAMBDA_RESPONSE_LIMIT_BYTES = 6_291_456;

/** JSON escapes a UTF-16 unit into at most 6 bytes (`\u001f`): a shorter body cannot pass the limit. */
const SURELY_WITHIN = Math.floor(LAMBDA_RESPONSE_LIMIT_BYTES / 6) - 64 * 1024;

/** Bytes as decimal megabytes with two places, rounded up (a size shown next to its limit never looks within it). */
export const megabytes = (bytes: number) => (Math.ceil(bytes / 10_000) / 100).toFixed(2);

/** The serialized size of `response`, or undefined when its body is surely within the limit (no serializing then). */
export function responseBytesOverLimit(response: HttpResponse): number | undefined {
  if (response.body.length <= SURELY_WITHIN) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify(response));
  return bytes > LAMBDA_RESPONSE_LIMIT_BYTES ? bytes : undefined;
}

export function responseTooLarge(bytes: number): Invalid {
  const message =
    `The response would be ${megabytes(bytes)} MB; the limit is ${megabytes(LAMBDA_RESPONSE_LIMIT_BYTES)} MB ` +
    '(the Lambda response limit). Ask for less: a shorter period, fewer entities or a smaller page.';
  return new Invalid(message, issue('query', message), 'RESPONSE_TOO_LARGE');
}
