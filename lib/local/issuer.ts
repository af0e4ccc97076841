/**
 * The local stand-in for the Cognito user pool: an RS256 key pair made at start, a JWKS, and tokens
 * that carry the same claims a Cognito access token carries after Caja's pre-token-generation trigger
 * (`tenant_id`, `party_id`). Signed with node:crypto; nothing here talks to AWS.
 */
import {
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { ROLES, type Role } from '../../shared/auth/roles.js';
import { CLAIM } from '../../shared/auth/claims.js';
import { DEMO, DEMO_USERS } from './demo.js';

export const LOCAL_CLIENT_ID = 'caja-local-client';
export const ISSUER_PATH = '/local-issuer';
export const DEFAULT_TTL_SECONDS = 3600;

export type TokenUse = 'access' | 'id';

export interface LocalUser {
  sub: string;
  email: string;
  role: Role;
  tenant: string;
  party?: string;
}

export interface NewUser {
  email: string;
  role: Role;
  tenant: string;
  party?: string;
}

export interface TokenRequest {
  role: Role;
  /** Defaults to the demo tenant. */
  tenant?: string;
  party?: string;
  sub?: string;
  /** Seconds until `exp`; negative mints an already expired token. Default 3600. */
  ttl?: number;
  tokenUse?: TokenUse;
}

/** What a token is minted from once the user is resolved. */
export interface TokenSubject {
  sub: string;
  role: Role;
  tenant: string;
  party?: string;
  email?: string;
}

export interface Jwk extends JsonWebKey {
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export type JwtPayload = Record<string, unknown>;

export class UserExistsError extends Error {
  readonly code = 'UsernameExistsException';
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const jwksUrlOf = (issuerUrl: string) => `${issuerUrl}/.well-known/jwks.json`;
export const tokenUrlOf = (issuerUrl: string) => `${issuerUrl}/token`;
/** Where the ledger's user service creates users locally (instead of Cognito AdminCreateUser). */
export const usersUrlOf = (issuerUrl: string) => `${issuerUrl}/users`;

// ---- JWT encoding (compact JWS, RS256) ----

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const b64urlJson = (value: unknown) => b64url(JSON.stringify(value));

export function signJwt(header: Record<string, unknown>, payload: JwtPayload, privateKey: KeyObject): string {
  const input = `${b64urlJson(header)}.${b64urlJson(payload)}`;
  const signature = sign('RSA-SHA256', Buffer.from(input), privateKey);
  return `${input}.${b64url(signature)}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a compact JWS without verifying it; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const b64 = /^[A-Za-z0-9_-]*$/;
  if (!h || !p || !b64.test(h) || !b64.test(p) || !b64.test(s)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The claims Cognito puts in an access token (plus Caja's trigger claims), or in an ID token.
 * Exported so tests can forge look-alike tokens from exactly the same claim set.
 */
export function buildClaims(
  subject: TokenSubject,
  options: { issuerUrl: string; clientId: string; tokenUse?: TokenUse; ttl?: number; now?: number },
): JwtPayload {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const ttl = options.ttl ?? DEFAULT_TTL_SECONDS;
  const scope: JwtPayload = {
    [CLAIM.tenant]: subject.tenant,
    ...(subject.party !== undefined ? { [CLAIM.party]: subject.party } : {}),
  };
  if ((options.tokenUse ?? 'access') === 'id') {
    return {
      sub: subject.sub,
      [CLAIM.groups]: [subject.role],
      email_verified: true,
      iss: options.issuerUrl,
      'cognito:username': subject.sub,
      origin_jti: randomUUID(),
      aud: options.clientId,
      event_id: randomUUID(),
      [CLAIM.tokenUse]: 'id',
      auth_time: now,
      exp: now + ttl,
      iat: now,
      jti: randomUUID(),
      email: subject.email ?? `${subject.sub}@${subject.tenant}.caja.local`,
      ...scope,
    };
  }
  return {
    sub: subject.sub,
    [CLAIM.groups]: [subject.role],
    iss: options.issuerUrl,
    version: 2,
    [CLAIM.clientId]: options.clientId,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    [CLAIM.tokenUse]: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    exp: now + ttl,
    iat: now,
    jti: randomUUID(),
    username: subject.sub,
    ...scope,
  };
}

export type VerifyResult = { ok: true; payload: JwtPayload } | { ok: false; reason: string };

export class LocalIssuer {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly kid: string;
  readonly jwk: Jwk;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly userList: LocalUser[];

  constructor(options: { issuerUrl: string; clientId?: string; users?: readonly LocalUser[] }) {
    this.issuerUrl = options.issuerUrl.replace(/\/+$/, '');
    this.clientId = options.clientId ?? LOCAL_CLIENT_ID;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.kid = `local-${randomUUID()}`;
    this.jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.userList = (options.users ?? DEMO_USERS.map((u) => ({ ...u, tenant: DEMO.tenant }))).map((u) => ({ ...u }));
  }

  get jwksUrl(): string {
    return jwksUrlOf(this.issuerUrl);
  }

  jwks(): { keys: Jwk[] } {
    return { keys: [this.jwk] };
  }

  users(): LocalUser[] {
    return this.userList.map((u) => ({ ...u }));
  }

  /** Like AdminCreateUser with email as username: emails are unique in the pool. */
  addUser(input: NewUser): LocalUser {
    const email = input.email.trim();
    if (this.userList.some((u) => u.email.toLowerCase() === email.toLowerCase())) {
      throw new UserExistsError(`An account with the email ${email} already exists`);
    }
    const user: LocalUser = {
      sub: randomUUID(),
      email,
      role: input.role,
      tenant: input.tenant,
      ...(input.party !== undefined ? { party: input.party } : {}),
    };
    this.userList.push(user);
    return { ...user };
  }

  /** The user a token request stands for: the given sub, else the first user of that role in that tenant. */
  resolveSubject(request: TokenRequest): TokenSubject {
    const tenant = request.tenant ?? DEMO.tenant;
    const known = request.sub
      ? this.userList.find((u) => u.sub === request.sub && u.tenant === tenant)
      : this.userList.find((u) => u.role === request.role && u.tenant === tenant);
    const party = request.party ?? (known?.role === request.role ? known.party : undefined);
    return {
      sub: request.sub ?? known?.sub ?? `local-${request.role.toLowerCase()}`,
      role: request.role,
      tenant,
      ...(party !== undefined ? { party } : {}),
      ...(known ? { email: known.email } : {}),
    };
  }

  mint(request: TokenRequest): string {
    const claims = buildClaims(this.resolveSubject(request), {
      issuerUrl: this.issuerUrl,
      clientId: this.clientId,
      tokenUse: request.tokenUse ?? 'access',
      ...(request.ttl !== undefined ? { ttl: request.ttl } : {}),
    });
    return this.sign(claims);
  }

  /** Signs arbitrary claims with the issuer's key (tests craft odd-but-validly-signed tokens with it). */
  sign(payload: JwtPayload): string {
    return signJwt({ kid: this.kid, alg: 'RS256' }, payload, this.privateKey);
  }

  /**
   * What the HTTP API JWT authorizer checks: RS256 signature by a key of the issuer's JWKS, `iss`,
   * `client_id` or `aud` equal to the app client, `exp` in the future, `nbf`/`iat` not in the future.
   * Like the real authorizer it does not look at `token_use`; the functions do.
   */
  verify(token: string, now: number = Date.now()): VerifyResult {
    const jwt = decodeJwt(token);
    if (!jwt) return { ok: false, reason: 'malformed token' };
    const { header, payload } = jwt;
    if (header.alg !== 'RS256') return { ok: false, reason: `unsupported alg ${String(header.alg)}` };
    if (header.kid !== this.kid) return { ok: false, reason: 'unknown kid' };
    if (!verify('RSA-SHA256', Buffer.from(jwt.signingInput), this.publicKey, jwt.signature)) {
      return { ok: false, reason: 'bad signature' };
    }
    if (payload.iss !== this.issuerUrl) return { ok: false, reason: 'wrong issuer' };
    const aud = payload.aud;
    const audiences = Array.isArray(aud) ? aud : aud !== undefined ? [aud] : [];
    if (payload.client_id !== this.clientId && !audiences.includes(this.clientId)) {
      return { ok: false, reason: 'wrong audience' };
    }
    const seconds = now / 1000;
    if (typeof payload.exp !== 'number' || payload.exp <= seconds) return { ok: false, reason: 'expired' };
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > seconds)) {
      return { ok: false, reason: 'not yet valid' };
    }
    if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat > seconds)) {
      return { ok: false, reason: 'issued in the future' };
    }
    return { ok: true, payload };
  }
}
