/**
 * A tenant's settings as use cases: create (the onboarding CLI), read and change (`GET|PUT
 * /ledger/settings`). A time-zone change is scheduled for the tenant's next day and audited with the
 * day it applies from; the currency is fixed once the tenant holds money (409).
 */
import { currencyLocked, scheduleTimeZone, settled, type TenantProfile, type TenantSettings } from '../../domain/tenants.js';
import {
  createTenantSettings,
  readTenantSettings,
  replaceTenantSettings,
  TENANT_SETTINGS_ITEM,
  tenantSettings,
} from '../../store/tenants.js';
import { optimistic } from '../../store/tx.js';
import { type Actor, patchFields } from '../context.js';
import { Conflict, Invalid, Unauthenticated } from '../errors.js';

export type { TenantProfile, TenantSettings };

export interface SettingsChange {
  name?: string | undefined;
  currency?: TenantProfile['currency'] | undefined;
  timeZone?: string | undefined;
  country?: string | undefined;
  taxId?: string | null | undefined;
}

/** Creates the tenant `id`; an existing tenant is returned as it is with `created: false`. */
export async function createTenant(actor: Actor, id: string, profile: TenantProfile, now = new Date()): Promise<{ settings: TenantSettings; created: boolean }> {
  const at = now.toISOString();
  const settings: TenantSettings = { id, ...profile, createdAt: at, updatedAt: at, version: 1 };
  if (await createTenantSettings({ ...actor, tenant: id }, settings)) return { settings, created: true };
  const existing = await readTenantSettings(id, true);
  if (!existing) throw new Error(`tenant ${id} exists but could not be read`);
  return { settings: existing, created: false };
}

export const getTenantSettings = (tenant: string, now = new Date()): Promise<TenantSettings> => tenantSettings(tenant, now);

export async function updateTenantSettings(actor: Actor, change: SettingsChange, now = new Date()): Promise<TenantSettings> {
  if (Object.values(change).every((v) => v === undefined)) throw new Invalid('Nothing to update: send at least one field');
  return optimistic(TENANT_SETTINGS_ITEM, async () => {
    const before = await readTenantSettings(actor.tenant, true);
    if (!before) throw new Unauthenticated('Unknown tenant');
    let after: TenantSettings = settled({ ...before }, now);
    if (change.currency !== undefined && change.currency !== after.currency) {
      if (currencyLocked(before)) throw new Conflict(`The currency is fixed once money is recorded (since ${before.moneySince})`);
      after.currency = change.currency;
    }
    if (change.name !== undefined) after.name = change.name;
    if (change.country !== undefined) after.country = change.country;
    patchFields(after, { taxId: change.taxId });
    if (change.timeZone !== undefined) after = scheduleTimeZone(after, change.timeZone, now);
    if (sameProfile(before, after)) return before;
    after = { ...after, updatedAt: now.toISOString(), version: before.version + 1 };
    const scheduled = after.nextTimeZone && after.nextTimeZone.timeZone !== before.nextTimeZone?.timeZone ? after.nextTimeZone : undefined;
    await replaceTenantSettings(actor, before, after, scheduled ? { timeZone: { from: after.timeZone, to: scheduled.timeZone, appliesFrom: scheduled.from } } : undefined);
    return after;
  });
}

const PROFILE_FIELDS = ['name', 'currency', 'timeZone', 'country', 'taxId', 'nextTimeZone'] as const;
const sameProfile = (a: TenantSettings, b: TenantSettings) => PROFILE_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));
