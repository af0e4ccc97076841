/** Tenant settings (time zone, default currency), cached per process: they change rarely. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Currency } from '../domain/money.js';
import { db, tableName } from './client.js';
import { getItem } from './items.js';
import { keys } from './keys.js';

export interface TenantSettings {
  timeZone: string;
  currency: Currency;
  name?: string;
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = { timeZone: 'America/Costa_Rica', currency: 'CRC' };
const CACHE_MS = 60_000;
const cache = new Map<string, { settings: TenantSettings; until: number }>();

export async function tenantSettings(tenant: string): Promise<TenantSettings> {
  const hit = cache.get(tenant);
  if (hit && hit.until > Date.now()) return hit.settings;
  const stored = await getItem<Partial<TenantSettings>>(keys.tenant(tenant));
  const settings = { ...DEFAULT_TENANT_SETTINGS, ...stored };
  cache.set(tenant, { settings, until: Date.now() + CACHE_MS });
  return settings;
}

export async function putTenantSettings(tenant: string, settings: TenantSettings): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.tenant(tenant), type: 'TENANT', tenant, ...settings } }));
  cache.delete(tenant);
}
