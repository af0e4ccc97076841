/**
 * Test tenants. `newTenant()` names a fresh tenant and the token helpers create it (CRC, Costa Rica,
 * as the pipeline would refuse an unknown one with 401) before minting its first token; fixtures that
 * need other settings write them with `saveTenant` first. A tenant id not made here stays unknown.
 */
import { randomUUID } from 'node:crypto';
import type { TenantSettings } from '../../shared/domain/tenants.js';
import { createTenantSettings, putTenantSettings } from '../../shared/store/tenants.js';

const FIXTURE = { sub: 'fixture' };
const named = new Set<string>();
const creations = new Map<string, Promise<unknown>>();

export const DEFAULT_TEST_TENANT = { name: 'Test tenant', currency: 'CRC', timeZone: 'America/Costa_Rica', country: 'CR' } as const;

function settingsOf(tenant: string, profile: Partial<TenantSettings> = {}): TenantSettings {
  const at = new Date().toISOString();
  return { id: tenant, ...DEFAULT_TEST_TENANT, createdAt: at, updatedAt: at, version: 1, ...profile };
}

/** A fresh tenant id, so tests never see each other's data; created on its first token. */
export function newTenant(): string {
  const tenant = `t-${randomUUID()}`;
  named.add(tenant);
  return tenant;
}

/** Creates a tenant named by newTenant() unless it exists; other ids are left unknown. */
export function ensureTenant(tenant: string | undefined): Promise<unknown> {
  if (tenant === undefined || !named.has(tenant)) return Promise.resolve();
  let creation = creations.get(tenant);
  if (!creation) {
    creation = createTenantSettings({ ...FIXTURE, tenant }, settingsOf(tenant));
    creations.set(tenant, creation);
  }
  return creation;
}

/** Writes a tenant's settings (replacing any): the default test tenant with `profile` over it. */
export async function saveTenant(tenant: string, profile: Partial<TenantSettings> = {}): Promise<void> {
  await putTenantSettings(settingsOf(tenant, profile));
  creations.set(tenant, Promise.resolve());
}
