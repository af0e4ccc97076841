/**
 * Tokens for tests: real ones from the running local issuer, and bad ones (foreign key, alg none,
 * tampered payload, odd-but-validly-signed claims) built from the very same claim set.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Role } from '../../functions/routes.js';
import { buildClaims, decodeJwt, type JwtPayload, signJwt, type TokenUse } from '../../lib/local/issuer.js';
import { stack } from './context.js';
import { ensureTenant } from './tenants.js';

export { newTenant } from './tenants.js';

export interface TestTokenRequest {
  role: Role;
  /** Required on purpose: tests use their own tenant (`newTenant()`), never the demo one. */
  tenant: string;
  party?: string;
  sub?: string;
  /** Seconds until expiry; negative for an expired token. */
  ttl?: number;
  tokenUse?: TokenUse;
}

async function issuerPost(path: string, body: unknown): Promise<string> {
  const response = await fetch(`${stack().issuerUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { token?: string; error_description?: string };
  if (!response.ok || !json.token) throw new Error(`local issuer ${path}: ${response.status} ${json.error_description ?? ''}`);
  return json.token;
}

/** A real token signed by the running local issuer. */
export async function token(request: TestTokenRequest): Promise<string> {
  await ensureTenant(request.tenant);
  return issuerPost('/token', request);
}

/** Users created at the local issuer (what POST /ledger/users does locally). */
export async function createUser(user: { email: string; role: Role; tenant: string; party?: string }) {
  await ensureTenant(user.tenant);
  const response = await fetch(`${stack().issuerUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (response.status !== 201) throw new Error(`local issuer /users: ${response.status} ${await response.text()}`);
  return (await response.json()) as { sub: string; email: string; role: Role; tenant: string; party?: string };
}

/** The claims the local issuer would put in such a token (unsigned). */
export function claimsFor(request: TestTokenRequest): JwtPayload {
  const { issuerUrl, clientId } = stack();
  return buildClaims(
    {
      sub: request.sub ?? `test-${request.role.toLowerCase()}`,
      role: request.role,
      tenant: request.tenant,
      ...(request.party !== undefined ? { party: request.party } : {}),
    },
    {
      issuerUrl,
      clientId,
      ...(request.tokenUse ? { tokenUse: request.tokenUse } : {}),
      ...(request.ttl !== undefined ? { ttl: request.ttl } : {}),
    },
  );
}

/**
 * Validly signed by the local issuer, but with claims changed (`set`) or removed (`unset`):
 * e.g. no tenant_id, another client_id, token_use id.
 */
export async function signedToken(request: TestTokenRequest, changes: { set?: JwtPayload; unset?: string[] } = {}): Promise<string> {
  await ensureTenant(request.tenant);
  const claims = { ...claimsFor(request), ...changes.set };
  for (const name of changes.unset ?? []) delete claims[name];
  return issuerPost('/sign', { claims });
}

let foreignKey: KeyObject | undefined;

/**
 * Looks like a local token but is signed by another key. By default it even claims the issuer's kid,
 * so only the signature gives it away; pass `kid` for an unknown key id and `issuer` for a wrong issuer.
 */
export function forgeToken(request: TestTokenRequest, options: { kid?: string; issuer?: string; clientId?: string } = {}): string {
  foreignKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const claims = {
    ...claimsFor(request),
    ...(options.issuer ? { iss: options.issuer } : {}),
    ...(options.clientId ? { client_id: options.clientId } : {}),
  };
  return signJwt({ kid: options.kid ?? stack().kid, alg: 'RS256' }, claims, foreignKey);
}

/** An unsigned token (`alg: none`) with otherwise valid claims. */
export function algNoneToken(request: TestTokenRequest): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ kid: stack().kid, alg: 'none' })}.${part(claimsFor(request))}.`;
}

/** The same token with its payload changed and the original signature kept (default: escalate to ADMIN). */
export function tamper(jwt: string, changes: JwtPayload = { 'cognito:groups': ['ADMIN'] }): string {
  const decoded = decodeJwt(jwt);
  if (!decoded) throw new Error('not a JWT');
  const [header, , signature] = jwt.split('.');
  const payload = Buffer.from(JSON.stringify({ ...decoded.payload, ...changes })).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The payload of a JWT, unverified. */
export function claimsOf(jwt: string): JwtPayload {
  const decoded = decodeJwt(jwt);
  if (!decoded) throw new Error('not a JWT');
  return decoded.payload;
}
