/**
 * The user directory: the Cognito user pool in AWS (USER_POOL_ID set), the local issuer's user list
 * otherwise (`POST ${AUTH_ISSUER}/users`). A user carries its tenant and party as the custom
 * attributes the pre-token-generation trigger copies into access tokens, and its role as a group.
 *
 * The Cognito branch lives in ./cognito.ts and is handed in by the one handler that creates
 * users (functions/ledger/create-user.ts). Imported statically there, the bundler keeps only the
 * three commands used; this module never imports it, so no other function loads the Cognito client.
 * (A dynamic import() would keep it out of init too, but esbuild then keeps the whole client, every
 * operation's schema included: +65 KB and a slower init than the static import, measured.)
 */
import type { Role } from '../auth/roles.js';
import { env } from '../env.js';
import { Conflict, Invalid } from '../ledger/errors.js';

export interface NewUser {
  email: string;
  role: Role;
  tenant: string;
  party?: string;
}

export interface DirectoryUser extends NewUser {
  sub: string;
}

/** Creates a user in a Cognito user pool (./cognito.ts `createPoolUser`). */
export type PoolUserCreator = (userPoolId: string, user: NewUser, region: string, options?: { temporaryPassword?: string }) => Promise<DirectoryUser>;

export const userExists = () => new Conflict('A user with this email already exists');

/** Creates the user in the pool when USER_POOL_ID is set (`pool` required then), else at the local issuer. */
export async function createUser(user: NewUser, pool?: PoolUserCreator): Promise<DirectoryUser> {
  const poolId = process.env.USER_POOL_ID;
  if (!poolId) return createLocalUser(user);
  if (!pool) throw new Error('USER_POOL_ID is set but no Cognito user creator was provided');
  return pool(poolId, user, env().region);
}

const LOCAL_TIMEOUT_MS = 5_000;

// ---- local issuer ----

async function createLocalUser(user: NewUser): Promise<DirectoryUser> {
  const url = `${env().authIssuer.replace(/\/+$/, '')}/users`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: user.email,
      role: user.role,
      tenant: user.tenant,
      ...(user.party !== undefined ? { party: user.party } : {}),
    }),
    signal: AbortSignal.timeout(LOCAL_TIMEOUT_MS),
  });
  if (response.status === 409) throw userExists();
  if (response.status === 400) {
    const body = (await response.json().catch(() => ({}))) as { error_description?: unknown };
    const reason = typeof body.error_description === 'string' ? body.error_description : 'invalid user';
    throw new Invalid(`User rejected by the directory: ${reason}`);
  }
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`local issuer answered ${response.status} to POST /users`);
  }
  const created = (await response.json()) as Partial<DirectoryUser>;
  if (typeof created.sub !== 'string') throw new Error('local issuer returned a user without sub');
  return {
    sub: created.sub,
    email: created.email ?? user.email,
    role: user.role,
    tenant: user.tenant,
    ...(user.party !== undefined ? { party: user.party } : {}),
  };
}
