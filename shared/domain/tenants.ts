/**
 * A tenant's settings and their rules (pure): who the tenant is, the default currency of its money, and
 * the time zone its business dates are in. A time-zone change waits for the tenant's next day, so no
 * business day is cut short or counted twice; the currency is fixed once money is recorded.
 */
import { addDays } from './accounts/period.js';
import { isValidTimeZone, localDateTime } from './dates.js';
import type { Currency } from './money.js';

export interface TenantProfile {
  name: string;
  currency: Currency;
  timeZone: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  taxId?: string;
}

/** A time zone that takes over on `from` (a business date): the first day both zones have reached. */
export interface ScheduledTimeZone {
  timeZone: string;
  from: string;
}

export interface TenantSettings extends TenantProfile {
  id: string;
  nextTimeZone?: ScheduledTimeZone;
  /** When the first payment was recorded: from then on the currency cannot change. */
  moneySince?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Tenant ids: in every key (`T#{id}#…`) and in the Cognito attribute custom:tenant_id (at most 64). */
export const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

// Built on first use: creating it loads ICU region data, ~30 ms of every ledger function's cold start.
let regions: Intl.DisplayNames | undefined;

/** An ISO 3166-1 alpha-2 code the runtime knows as a region (not `ZZ`, not a private-use `XA`). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  regions ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const name = regions.of(code);
  return name !== undefined && name !== code;
}

export const isTimeZone = (timeZone: string): boolean => timeZone.includes('/') && isValidTimeZone(timeZone);

/**
 * The zone a tenant's business dates are in at `now`: the scheduled one once its first day has come
 * in both the old and the new zone, the current one before. So the business date never steps back
 * (for zones less than 24 h apart; between the few Pacific zones further apart, one date repeats).
 */
export function timeZoneAt(settings: Pick<TenantSettings, 'timeZone' | 'nextTimeZone'>, now: Date): string {
  const next = settings.nextTimeZone;
  if (!next) return settings.timeZone;
  const reached = (zone: string) => localDateTime(now, zone).date >= next.from;
  return reached(settings.timeZone) && reached(next.timeZone) ? next.timeZone : settings.timeZone;
}

/** The settings with a schedule that has taken effect folded in. */
export function settled<T extends Pick<TenantSettings, 'timeZone' | 'nextTimeZone'>>(settings: T, now: Date): T {
  const timeZone = timeZoneAt(settings, now);
  if (!settings.nextTimeZone || timeZone !== settings.nextTimeZone.timeZone) return settings;
  const { nextTimeZone: _applied, ...rest } = settings;
  return { ...rest, timeZone } as T;
}

/**
 * A time-zone change asked for at `now`: scheduled from the tenant's next business day; asking for
 * the zone in force drops a pending schedule.
 */
export function scheduleTimeZone<T extends Pick<TenantSettings, 'timeZone' | 'nextTimeZone'>>(settings: T, timeZone: string, now: Date): T {
  const current = settled(settings, now);
  const { nextTimeZone: _pending, ...rest } = current;
  if (timeZone === current.timeZone) return rest as T;
  return { ...rest, nextTimeZone: { timeZone, from: addDays(localDateTime(now, current.timeZone).date, 1) } } as T;
}

/** Whether a change of currency is still allowed. */
export const currencyLocked = (settings: Pick<TenantSettings, 'moneySince'>): boolean => settings.moneySince !== undefined;
