/** The Lambda result as the HTTP response API Gateway sends (payload format 2.0 response mapping). */

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
