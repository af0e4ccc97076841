/** What every use case receives besides its command: who acts, a clock, a logger. */
import type { Principal } from '../auth/principal.js';
import { localDateTime } from '../domain/dates.js';
import type { Logger } from '../http/logger.js';
import type { Actor } from '../store/audit.js';
import { tenantSettings } from '../store/tenants.js';

export type { Actor };

export interface UseCaseContext {
  principal: Principal;
  /** Injectable clock for tests; defaults to now. */
  now?: Date;
  log?: Logger;
}

export const actorOf = (principal: Pick<Principal, 'tenant' | 'sub'>): Actor => ({ tenant: principal.tenant, sub: principal.sub });

/** The tenant's business date today (its time zone): what charge statuses are derived for. */
export async function tenantToday(tenant: string, now = new Date()): Promise<string> {
  const { timeZone } = await tenantSettings(tenant);
  return localDateTime(now, timeZone).date;
}

export { compact } from './compact.js';

export const present = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** Applies a PATCH's optional text fields: null removes the field, undefined leaves it. */
export function patchFields<T extends object>(target: T, fields: Partial<Record<keyof T & string, string | null | undefined>>): void {
  for (const [field, value] of Object.entries(fields) as [keyof T & string, string | null | undefined][]) {
    if (value === null) delete target[field];
    else if (value !== undefined) (target as Record<string, unknown>)[field] = value;
  }
}
