/** The local issuer's HTTP endpoints under /local-issuer: JWKS, discovery, tokens, users, signing. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROLES } from '../../../shared/auth/roles.js';
import { ISSUER_PATH, isRole, type JwtPayload, type LocalIssuer, type TokenUse, UserExistsError } from '../issuer.js';
import { BodyTooLarge, readBody, sendJson } from './http-io.js';

const ISSUER_BODY_LIMIT = 64 * 1024;

export async function issuerEndpoint(iss: LocalIssuer, req: IncomingMessage, res: ServerResponse, path: string): Promise<number> {
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
