/** Opaque list cursors (LastEvaluatedKey), bound to the tenant so a cursor can't be replayed across tenants. */
import { badRequest } from '../errors.js';
import { tenantPrefix } from './keys.js';

type Key = Record<string, unknown>;

export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined, tenant: string): Key | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error('not an object');
    const prefix = tenantPrefix(tenant);
    const values = Object.entries(key as Key);
    const ownKeys = values.every(([name, v]) => typeof v === 'string' && (!/pk$/.test(name) || v.startsWith(prefix)));
    if (!ownKeys || !values.some(([name]) => name === 'pk')) throw new Error('foreign key');
    return key as Key;
  } catch {
    throw badRequest('Invalid cursor', [{ field: 'cursor', message: 'Invalid cursor' }]);
  }
}
