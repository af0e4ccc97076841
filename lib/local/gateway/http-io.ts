/** Reading request bodies and writing JSON answers for the local gateway's own endpoints. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../../../shared/http/response.js';

export class BodyTooLarge extends Error {}

/** Reads the whole body; past the limit it keeps draining (so the client can read the answer) and throws. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
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

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(payload.length), ...SECURITY_HEADERS, ...headers });
  res.end(payload);
  return status;
}
