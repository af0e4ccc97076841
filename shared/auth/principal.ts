import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Unauthenticated } from '../ledger/errors.js';
import { type Role, roleOfGroup } from './roles.js';
import { CLAIM } from './claims.js';
import { verifyAccessToken } from './verify.js';

/** Who is calling: always from a verified token, never from the request body, path or query. */
export interface Principal {
  tenant: string;
  sub: string;
  username: string;
  roles: readonly Role[];
  /** The party the user acts as (employee, banca, ventana, resident…), when the user has one. */
  party?: string;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

export async function authenticate(event: Pick<APIGatewayProxyEventV2, 'headers'>): Promise<Principal> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header ? BEARER.exec(header.trim()) : null;
  if (!match?.[1]) throw new Unauthenticated();
  let payload;
  try {
    payload = await verifyAccessToken(match[1]);
  } catch {
    throw new Unauthenticated();
  }
  const tenant = payload[CLAIM.tenant];
  if (typeof tenant !== 'string' || tenant === '') throw new Unauthenticated('Token carries no tenant');
  const groups = payload[CLAIM.groups];
  const roles = [...new Set((Array.isArray(groups) ? groups : []).map(roleOfGroup).filter((r): r is Role => r !== undefined))];
  const party = payload[CLAIM.party];
  return {
    tenant,
    sub: String(payload.sub),
    username: String(payload.username ?? payload.sub),
    roles,
    ...(typeof party === 'string' && party !== '' ? { party } : {}),
  };
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}
